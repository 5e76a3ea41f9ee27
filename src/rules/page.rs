//! One rule's documentation page: what `isms explain` prints and SARIF carries as the
//! rule's help.

use crate::config::Language;
use crate::rules::RuleMeta;

impl RuleMeta {
    /// The rule's documentation: a header line, then its doc comment.
    pub fn page(&self) -> String {
        let doc: String = self
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        format!(
            "# {} {}\n\nArea: {}. Default severity: {}.\n\n{}\n",
            self.code,
            self.name,
            self.area().title(Language::En),
            self.severity.as_str(),
            doc.trim_end()
        )
    }
}
