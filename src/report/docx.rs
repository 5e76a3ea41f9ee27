//! `--format docx`: a report as a Word document.

use anyhow::{Result, bail};

use crate::report::board::{ChartMode, Meta, Rendered};

/// The Word document of a rendered report, with the styles of `reference` (a .docx file's
/// bytes) when given.
pub fn document(
    rendered: &Rendered,
    meta: &Meta,
    charts: ChartMode,
    reference: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let _ = (rendered, meta, charts, reference);
    bail!("Word output is not built yet")
}
