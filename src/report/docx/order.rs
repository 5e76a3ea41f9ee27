//! WordprocessingML's child order, restored.
//!
//! The schema fixes the order of the children of most property elements (a paragraph's
//! `w:pStyle` before its `w:spacing`, a style's `w:name` before its `w:basedOn`, …). docx-rs
//! writes some of them in another order (issue bokuweb/docx-rs#724: Word asks to repair such
//! files), and Word is stricter than LibreOffice. Each part docx-rs writes is read into a
//! tree and the children of the elements below are sorted, stably, into the schema's order
//! (ECMA-376, transitional `wml.xsd`); empty `w:rPr` in paragraph properties, which the
//! schema does not allow in styles and numbering, are dropped, and so is the `w:type` docx-rs
//! puts on `w:gridCol`, which has no such attribute.

use anyhow::{Context as _, Result};
use quick_xml::Writer;
use quick_xml::events::{BytesStart, Event};

/// Paragraph properties (`CT_PPr`; in styles and numbering the same without `w:rPr`).
const P_PR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// Run properties (`CT_RPr`).
const R_PR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

const TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

const TR_PR: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];

const TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

const SECT_PR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

const LVL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];

/// The start of `w:settings` (`CT_Settings`), as far as docx-rs writes it.
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
];

const BORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "between", "bar",
];

const DOC_DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];
const STYLES: &[&str] = &["docDefaults", "latentStyles", "style"];
const NUMBERING: &[&str] = &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"];
const ABSTRACT_NUM: &[&str] = &[
    "nsid",
    "multiLevelType",
    "tmpl",
    "name",
    "styleLink",
    "numStyleLink",
    "lvl",
];
const NUM: &[&str] = &["abstractNumId", "lvlOverride"];
const NUM_PR: &[&str] = &["ilvl", "numId", "numberingChange", "ins"];

/// The order of the children of the element `name` (without its `w:` prefix), if the schema
/// fixes one.
fn order_of(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "pPr" => P_PR,
        "rPr" => R_PR,
        "tblPr" => TBL_PR,
        "trPr" => TR_PR,
        "tcPr" => TC_PR,
        "sectPr" => SECT_PR,
        "style" => STYLE,
        "lvl" => LVL,
        "settings" => SETTINGS,
        "tblBorders" | "pBdr" | "tblCellMar" | "tcBorders" | "tcMar" => BORDERS,
        "docDefaults" => DOC_DEFAULTS,
        "styles" => STYLES,
        "numbering" => NUMBERING,
        "abstractNum" => ABSTRACT_NUM,
        "num" => NUM,
        "numPr" => NUM_PR,
        _ => return None,
    })
}

/// An element and what it holds, or any other piece of XML.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Other(Event<'static>),
}

impl Node {
    /// The name without the `w:` prefix, for WordprocessingML elements.
    fn word_name(&self) -> Option<String> {
        match self {
            Node::Element { start, .. } => {
                start.name().as_ref().strip_prefix("w:").map(str::to_owned)
            }
            Node::Other(_) => None,
        }
    }

    fn is_empty_element(&self) -> bool {
        match self {
            Node::Element { children, .. } => children.is_empty(),
            Node::Other(_) => false,
        }
    }
}

/// `xml` with the children of WordprocessingML's ordered elements in the schema's order.
pub fn canonical(xml: &[u8]) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(xml).context("a part is not UTF-8")?;
    let mut reader = quick_xml::Reader::from_str(text);
    // The open elements, innermost last, each with the children read so far.
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .context("a part is not well-formed XML")?
            .into_owned();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((start, Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (start, children) = stack.pop().context("an end tag with no start")?;
                Node::Element { start, children }
            }
            Event::Empty(start) => Node::Element {
                start,
                children: Vec::new(),
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    for mut node in top {
        sort(&mut node);
        write(&node, &mut writer)?;
    }
    Ok(writer.into_inner())
}

/// Sorts the children of `node` and of everything in it.
fn sort(node: &mut Node) {
    let name = node.word_name();
    let Node::Element {
        start, children, ..
    } = node
    else {
        return;
    };
    if name.as_deref() == Some("gridCol") {
        let mut clean = BytesStart::new(start.name().as_ref().to_owned());
        for attr in start.attributes().flatten() {
            if attr.key.as_ref() != "w:type" {
                clean.push_attribute(attr);
            }
        }
        *start = clean;
    }
    if name.as_deref() == Some("pPr") {
        children.retain(|c| !(c.word_name().as_deref() == Some("rPr") && c.is_empty_element()));
    }
    for child in children.iter_mut() {
        sort(child);
    }
    if let Some(order) = name.as_deref().and_then(order_of) {
        // Elements the schema does not place here keep their place after the known ones.
        children.sort_by_key(|c| {
            c.word_name()
                .and_then(|n| order.iter().position(|o| *o == n))
                .unwrap_or(usize::MAX)
        });
    }
}

fn write(node: &Node, w: &mut Writer<Vec<u8>>) -> Result<()> {
    match node {
        Node::Element {
            start, children, ..
        } => {
            if children.is_empty() {
                w.write_event(Event::Empty(start.borrow()))?;
            } else {
                w.write_event(Event::Start(start.borrow()))?;
                for child in children {
                    write(child, w)?;
                }
                w.write_event(Event::End(start.to_end()))?;
            }
        }
        Node::Other(event) => w.write_event(event.borrow())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(xml: &str) -> String {
        String::from_utf8(canonical(xml.as_bytes()).expect("canonical")).expect("UTF-8")
    }

    #[test]
    fn properties_follow_the_schema() {
        assert_eq!(
            canon(
                r#"<w:p><w:pPr><w:rPr /><w:spacing w:after="1"/><w:pStyle w:val="A"/><w:x/></w:pPr><w:r><w:rPr><w:sz w:val="2"/><w:b/></w:rPr><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pStyle w:val="A"/><w:spacing w:after="1"/><w:x/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="2"/></w:rPr><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#
        );
        assert_eq!(
            canon(
                r#"<?xml version="1.0"?><w:styles><w:style w:styleId="H"><w:name w:val="h"/><w:rPr/><w:pPr><w:rPr/></w:pPr><w:qFormat/><w:basedOn w:val="Normal"/></w:style></w:styles>"#
            ),
            r#"<?xml version="1.0"?><w:styles><w:style w:styleId="H"><w:name w:val="h"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr/><w:rPr/></w:style></w:styles>"#
        );
        assert_eq!(
            canon(r#"<w:tblGrid><w:gridCol w:w="10" w:type="dxa" /></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="10"/></w:tblGrid>"#
        );
    }
}
