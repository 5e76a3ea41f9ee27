use crate::load::RecordProblem;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a record whose `id` is already used by another record of the same kind,
    /// compared ignoring case (`Procapita` and `procapita` are the same id), and a second
    /// `organisation` record. The first record in path order keeps the id; the later one is
    /// reported, naming where the first is, and left out of every other rule. Records of
    /// different kinds may share an id.
    ///
    /// ## Why it matters
    /// References between records are by id: with two assets called `procapita`, a
    /// classification or a continuity plan could mean either, and the answer would depend on
    /// file order. Ids are compared ignoring case because file systems and people do.
    ///
    /// ## Example
    /// ```yaml
    /// # assets/procapita.yaml
    /// kind: asset
    /// id: procapita
    /// ---
    /// # assets/procapita-ny.yaml
    /// kind: asset
    /// id: Procapita          # duplicate asset id (ids are compared ignoring case)
    /// ```
    /// Not reported: a classification with `id: procapita` (another kind).
    ///
    /// ## How to fix
    /// Give each record its own id, and update the references that meant the renamed one.
    ///
    /// ## References
    /// - the record format: common fields, `id`
    pub struct DuplicateId {
        code: "REC002",
        name: "duplicate-id",
        severity: Error,
        summary: "duplicate id",
    }
}

impl Rule for DuplicateId {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for problem in &cx.repo.problems {
            match problem {
                RecordProblem::DuplicateId {
                    at,
                    first_id,
                    first_path,
                    first_line,
                } => {
                    let (kind, id) = (at.kind, &at.id);
                    let same = if first_id == id {
                        String::new()
                    } else {
                        format!(" (ids are compared ignoring case: `{first_id}`)")
                    };
                    sink.unwaivable(&at.place(), format!("duplicate {kind} id `{id}`{same}"))
                        .with_subject(at.path.to_string())
                        .help = Some(format!(
                        "first defined at {first_path}:{first_line}; give each {kind} its own id"
                    ));
                }
                RecordProblem::SecondOrganisation { at } => {
                    sink.unwaivable(
                        &at.place(),
                        format!(
                            "a second organisation record `{}`; a repository describes one organisation",
                            at.id
                        ),
                    );
                }
                _ => {}
            }
        }
    }

    fn reports_record_problems(&self) -> bool {
        true
    }
}
