use crate::util::hash::HashMap;

use crate::config::Policies;
use crate::model::{Date, Policy, PolicyStatus};
use crate::repo::{Rec, Repository};
use crate::rules::doc::{name_documents, required_scope};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds each document type listed in `[policies] required_types` (by default
    /// `information_security_policy` and `guideline`) that no document with
    /// `status: adopted`, adopted on or before the as-of date, has (one adopted later was
    /// still a draft then). Drafts and repealed documents do not count; the message names
    /// them when they exist, since a draft awaiting adoption is usually the way out. The
    /// finding concerns the whole repository and points at the organisation record.
    ///
    /// A required type that `isms` does not know (a misspelling in `isms.toml`) can never
    /// be met; it is reported the same way, with the known types in the hint.
    ///
    /// ## Why it matters
    /// Without an adopted information security policy there is no mandate, no goals and
    /// no division of responsibility for the work; without guidelines the policy is not
    /// made concrete. ISO/IEC 27001:2022 clause 5.2 requires top management to establish an
    /// information security policy, and annex A 5.1 topic-specific policies. MSB's method
    /// support builds the management system on a policy adopted by the highest
    /// decision-making body and guidelines adopted by the executive board.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: riktlinjer-utkast
    /// title: Riktlinjer för informationssäkerhet
    /// type: guideline
    /// status: draft          # the only guideline: "no adopted guideline"
    /// ```
    /// Not reported: the same document with `status: adopted` and `adopted: 2024-09-16`.
    ///
    /// ## How to fix
    /// Draw up the document, have it adopted by the body its type requires (see DOC003) and
    /// record it with `status: adopted`, `adopted`, `adopted_by` and `decision_ref`. The list
    /// of required types is `[policies] required_types` in `isms.toml`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 5.2 (policy) and annex A 5.1 (policies for information security)
    /// - MSB (MCF), Metodstöd för LIS: styrdokument — policy, riktlinjer, rutiner
    pub struct MissingRequiredDocument {
        code: "DOC002",
        name: "missing-required-document",
        severity: Error,
        summary: "a required steering document type (`[policies] required_types`) with no adopted document",
    }
}

/// The required document types of `[policies] required_types` as DOC002 counts them:
/// trimmed, lower case, without blanks or repeats, in the configured order. Audit question
/// 1 counts the same list.
pub fn required_types(policies: &Policies) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for required in &policies.required_types {
        let wanted = required.trim().to_ascii_lowercase();
        if !wanted.is_empty() && !out.contains(&wanted) {
            out.push(wanted);
        }
    }
    out
}

/// The documents of type `doc_type` adopted on `as_of` (one adopted later was still a draft
/// then): DOC002 is met by any of them, and audit question 1 judges the newest.
pub fn adopted_of_type<'r>(
    repo: &'r Repository,
    doc_type: &str,
    as_of: Date,
) -> impl Iterator<Item = &'r Rec<Policy>> {
    repo.policies
        .iter()
        .filter(move |p| p.policy_type.as_str() == doc_type && p.adopted_on(as_of))
}

impl Rule for MissingRequiredDocument {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        // Per type: the drafts and the repealed documents.
        #[derive(Default)]
        struct Seen<'r> {
            drafts: Vec<&'r Policy>,
            repealed: Vec<&'r Policy>,
        }
        let mut by_type: HashMap<&'static str, Seen<'_>> = HashMap::default();
        for p in &cx.repo.policies {
            let seen = by_type.entry(p.policy_type.as_str()).or_default();
            // Adopted after the as-of date: still a draft on that day.
            match p.status {
                _ if p.adopted_on(cx.as_of) => {}
                PolicyStatus::Draft | PolicyStatus::Adopted => seen.drafts.push(p),
                PolicyStatus::Repealed => seen.repealed.push(p),
            }
        }
        for wanted in required_types(&cx.config.policies) {
            let Some(doc_type) = cx.registry.document_type(&wanted) else {
                let known: Vec<&str> = cx
                    .registry
                    .document_types
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect();
                let suggestion = crate::util::suggest::closest(&wanted, known.iter().copied());
                let d = sink
                    .repository()
                    .says("DOC002-unknown")
                    .with_subject(&wanted)
                    .arg("required_type", &wanted)
                    .arg(
                        "known",
                        known.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    )
                    .arg("suggested", if suggestion.is_some() { "yes" } else { "no" });
                if let Some(s) = suggestion {
                    d.arg("suggestion", s);
                }
                continue;
            };
            if adopted_of_type(cx.repo, &doc_type.id, cx.as_of)
                .next()
                .is_some()
            {
                continue;
            }
            let none = Seen::default();
            let seen = by_type.get(doc_type.id.as_str()).unwrap_or(&none);
            let d = sink
                .repository()
                .with_subject(&doc_type.id)
                .arg("doc_type", &doc_type.id)
                .arg("min_body", &doc_type.min_body)
                .arg(
                    "required_scope",
                    required_scope(cx.registry, &doc_type.min_body),
                );
            name_documents(d, "drafts", "draft_count", &seen.drafts);
            name_documents(d, "repealed", "repealed_count", &seen.repealed);
        }
    }
}
