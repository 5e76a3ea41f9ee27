//! One rule's documentation page: what `isms explain` prints and SARIF carries as the
//! rule's help.

use crate::config::Language;
use crate::rules::RuleMeta;

impl RuleMeta {
    /// The rule's documentation in English: a header line, then its doc comment.
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

    /// The rule's documentation in `lang`. The Swedish page is the rule's section of its
    /// area's `sv.md`; a rule without one (a bug the catalogue tests catch) gets the
    /// English.
    pub fn page_in(&self, lang: Language) -> String {
        let Some(doc) = (lang == Language::Sv).then(|| self.doc_sv()).flatten() else {
            return self.page();
        };
        format!(
            "# {} {}\n\nOmråde: {}. Standardnivå: {}.\n\n{}\n",
            self.code,
            self.name,
            self.area().title(Language::Sv),
            severity_sv(self.severity),
            doc.trim()
        )
    }

    /// The rule's section of its area's Swedish documentation, without its `# CODE` line.
    pub fn doc_sv(&self) -> Option<&'static str> {
        let heading = format!("# {}\n", self.code);
        super::DOCS_SV.iter().find_map(|source| {
            let text = source.text;
            let start = if text.starts_with(&heading) {
                0
            } else {
                text.find(&format!("\n{heading}"))? + 1
            };
            let body = &text[start + heading.len()..];
            Some(&body[..next_page(body)])
        })
    }
}

/// Where the next rule's page starts in `text`: a `# CODE` line (a YAML comment in an
/// example, `# assets/x.yaml`, is not one), else the end.
fn next_page(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let code = line.trim_end().strip_prefix("# ").unwrap_or_default();
        let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
        if letters.len() + 3 == code.len()
            && !letters.is_empty()
            && letters.chars().all(|c| c.is_ascii_uppercase())
        {
            return at;
        }
        at += line.len();
    }
    text.len()
}

/// A severity's word in Swedish findings (the glossary's).
pub fn severity_sv(s: crate::diagnostic::Severity) -> &'static str {
    match s {
        crate::diagnostic::Severity::Error => "brist",
        crate::diagnostic::Severity::Warning => "anmärkning",
        crate::diagnostic::Severity::Info => "upplysning",
    }
}
