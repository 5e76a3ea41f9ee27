//! A chart's SVG as the PNG picture a Word document shows, drawn at twice its size for print
//! with the one font the binary carries (DejaVu Sans), so that the bytes are the same on
//! every machine, whatever fonts it has.

use std::sync::{Arc, OnceLock};

use anyhow::{Context as _, Result};
use resvg::{tiny_skia, usvg};

/// DejaVu Sans, from Debian's fonts-dejavu-core (licence in `assets/fonts/`).
static FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// Pixels per CSS pixel in the picture: twice the screen's 96 dpi prints sharply.
const SCALE: f32 = 2.0;

/// A chart drawn as PNG.
pub struct Png {
    pub bytes: Vec<u8>,
    /// The picture's size in pixels.
    pub width: u32,
    pub height: u32,
    /// The SVG's own size in CSS pixels (1/96 inch), which the picture is shown at.
    pub css_width: f32,
    pub css_height: f32,
}

/// The font database: the embedded font alone, also for the generic families, never the
/// machine's fonts.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(FONT)));
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans");
        db.set_cursive_family("DejaVu Sans");
        db.set_fantasy_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// The chart `svg` as a PNG on white, twice its size.
pub fn png(svg: &str) -> Result<Png> {
    let options = usvg::Options {
        font_family: "DejaVu Sans".to_owned(),
        fontdb: fonts(),
        // A chart draws no pictures; none is ever read from disk.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).context("cannot read a chart's SVG")?;
    let size = tree.size();
    let width = (size.width() * SCALE).ceil().max(1.0) as u32;
    let height = (size.height() * SCALE).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .with_context(|| format!("cannot draw a chart of {width}×{height} pixels"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .context("cannot encode a chart as PNG")?;
    Ok(Png {
        bytes,
        width,
        height,
        css_width: size.width(),
        css_height: size.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_drawn_twice_its_size_with_the_embedded_font() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\" viewBox=\"0 0 200 50\">\
                   <text x=\"10\" y=\"30\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"14\">Åtgärder 48 %</text></svg>";
        let png = png(svg).expect("drawn");
        assert_eq!((png.width, png.height), (400, 100));
        assert_eq!((png.css_width, png.css_height), (200.0, 50.0));
        assert!(png.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        let blank = super::png(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\" viewBox=\"0 0 200 50\"/>",
        )
        .expect("drawn");
        assert_ne!(png.bytes, blank.bytes, "the text is drawn");
        assert_eq!(png.bytes, super::png(svg).expect("drawn").bytes);
    }

    #[test]
    fn text_that_is_not_svg_is_an_error() {
        assert!(png("<html/>").is_err());
    }
}
