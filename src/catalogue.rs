//! One rule's documentation page: what `isms explain` prints and SARIF carries as the
//! rule's help.

use crate::rules::RuleMeta;

/// One rule's documentation: a header line, then its doc comment.
pub fn explain(m: &RuleMeta) -> String {
    let doc: String = m
        .doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "# {} {}\n\nArea: {}. Default severity: {}.\n\n{}\n",
        m.code,
        m.name,
        m.area().title(),
        m.severity.as_str(),
        doc.trim_end()
    )
}
