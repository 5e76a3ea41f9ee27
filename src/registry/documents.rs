//! Steering documents and the audit: the bodies that adopt documents, the document types,
//! the audit questions and the suggested words of the open vocabularies.

use serde::{Deserialize, Serialize};

use super::Text;

/// The name and rank of a body that adopts steering documents (records name it with
/// `model::Body`), ranked for DOC003 (higher may adopt what lower may).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BodyInfo {
    pub id: String,
    pub rank: u8,
    pub name: Text,
}

/// A steering document type, the lowest body that may adopt it and what it should contain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub id: String,
    pub name: Text,
    /// A body id; `official` means any body may adopt it.
    pub min_body: String,
    pub contents: Vec<Text>,
}

/// One of the twelve questions of the audit self-assessment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuestion {
    pub number: u8,
    pub question: Text,
    /// Rule codes whose errors decide the verdict.
    pub rules: Vec<String>,
    pub key_figure: Text,
    /// The key figure's target as a share; the fallback when `target_from` names a setting.
    pub target: f64,
    /// The `isms.toml` setting that holds the target, e.g. `training.completion_target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_from: Option<String>,
    /// The DOC005 topic the question includes, e.g. `classification`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// A suggested word of an open vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub id: String,
    pub name: Text,
}

/// Suggested words for the open vocabularies; unknown words stay allowed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    pub topics: Vec<Word>,
    pub audience: Vec<Word>,
    pub essential_services: Vec<Word>,
}

#[cfg(test)]
mod tests {
    use crate::registry::registry;

    #[test]
    fn twelve_audit_questions_numbered_in_order() {
        let r = registry();
        let numbers: Vec<u8> = r.audit_questions.iter().map(|q| q.number).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<u8>>());
        let q4 = r.audit_question(4).expect("question 4");
        assert_eq!(
            q4.target_from.as_deref(),
            Some("training.completion_target")
        );
        let topics: Vec<(u8, &str)> = r
            .audit_questions
            .iter()
            .filter_map(|q| q.topic.as_deref().map(|t| (q.number, t)))
            .collect();
        assert_eq!(
            topics,
            [
                (6, "classification"),
                (9, "incident_management"),
                (10, "continuity"),
                (12, "cloud_services")
            ]
        );
        for q in &r.audit_questions {
            assert_eq!(q.topic.is_some(), q.rules.iter().any(|c| c == "DOC005"));
        }
    }

    #[test]
    fn bodies_and_document_types() {
        let r = registry();
        assert_eq!(r.body_rank("municipal_council"), Some(4));
        assert_eq!(r.body_rank("executive_board"), Some(3));
        assert_eq!(r.body_rank("committee"), Some(2));
        assert_eq!(r.body_rank("official"), Some(1));
        assert_eq!(r.body_rank("mayor"), None);
        let expected = [
            ("security_policy", "municipal_council"),
            ("information_security_policy", "municipal_council"),
            ("guideline", "executive_board"),
            ("routine", "official"),
            ("position", "executive_board"),
            ("plan", "official"),
            ("other", "official"),
        ];
        for (id, body) in expected {
            let t = r.document_type(id).expect(id);
            assert_eq!(t.min_body, body, "{id}");
            assert!(!t.contents.is_empty(), "{id}");
        }
        assert_eq!(r.document_types.len(), expected.len());
    }
}
