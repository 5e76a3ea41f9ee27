use crate::diagnostic::Severity;
use crate::load::{Place, RecordProblem};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports records and files that `isms` cannot read as the record format says:
    /// YAML that does not parse, a file with no documents, a missing or unknown `kind`, a
    /// missing required field, a value of the wrong type or outside its enum, an impossible
    /// date (2024-02-30), an id that breaks the id pattern, and an unknown field (with a
    /// "did you mean" suggestion; fields starting with `x-` are allowed), and a value that is
    /// still a template's placeholder in angle brackets (`<0–4>`, `<tillgångens id>`, as
    /// `isms new` writes them), in place of the schema's complaint about it. Also a setting of
    /// `isms.toml` that cannot be read; it keeps its default and the rest of the file
    /// applies. Symbolic links are not followed (a warning). Found while loading, by
    /// `isms validate` and `isms check`, all of a record's problems in the same run; an
    /// invalid record is left out of every other rule.
    ///
    /// ## Why it matters
    /// A misspelt field is silently meaningless: `adoptd: 2023-02-01` leaves the policy
    /// without an adoption date, and every rule then judges a record that says something
    /// other than what its author meant. Catching structure errors first, with the file and
    /// line, keeps the records trustworthy evidence (ISO/IEC 27001:2022 7.5.3, control of
    /// documented information).
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: informationssakerhetspolicy
    /// title: Informationssäkerhetspolicy
    /// type: information_security_policy
    /// status: adopted
    /// adopetd: 2019-11-12     # unknown field; did you mean `adopted`?
    /// ```
    /// Not reported: the same record with `adopted:`, or with a field `x-diarienummer:`.
    ///
    /// ## How to fix
    /// Correct the field as the message says; `isms schema <kind>` prints the fields a kind
    /// has. Keep organisation-specific fields under names starting with `x-`.
    ///
    /// ## References
    /// - the record format: `isms schema`
    /// - ISO/IEC 27001:2022, 7.5.3
    pub struct SchemaViolation {
        code: "REC001",
        name: "schema-violation",
        severity: Error,
        summary: "schema violation",
    }
}

impl Rule for SchemaViolation {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for problem in &cx.repo.problems {
            match problem {
                RecordProblem::Unreadable(u) => {
                    // Its identity: the value in a record, a setting of `isms.toml`
                    // (no record, a pointer), else the file.
                    let subject = match (&u.place.id, u.place.kind, &u.pointer) {
                        (Some(_), _, pointer) => pointer.clone(),
                        (None, None, Some(pointer)) => Some(format!("{} {pointer}", u.place.path)),
                        _ => Some(u.place.path.to_string()),
                    };
                    // What found the problem said what it is: `REC001-<problem>`.
                    let d = sink.problem(&u.place).says(u.template);
                    d.args(u.args.iter().cloned());
                    d.subject = subject;
                }
                RecordProblem::LinkNotFollowed { path } => {
                    let place = Place::in_file(path.clone(), None);
                    // Not following a link is the walk's choice; no record is broken.
                    sink.problem(&place)
                        .says("REC001-unreadable")
                        .arg("reason", "link-not-followed")
                        .with_subject(path.to_string())
                        .with_severity(Severity::Warning);
                }
                _ => {}
            }
        }
    }

    fn reports_record_problems(&self) -> bool {
        true
    }
}
