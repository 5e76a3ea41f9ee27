use crate::load::RecordProblem;
use crate::model::Kind;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports a record whose `id` is already used by another record of the same kind,
    /// compared ignoring case (`Procapita` and `procapita` are the same id), and a second
    /// `organisation` record. The record whose file is named after the id keeps it
    /// (`assets/diarium.yaml` for `diarium`, not the copy `assets/diarium-copy.yaml`); when
    /// neither file or both are, the first in path order keeps it. The other is reported,
    /// naming where the kept one is, and left out of every other rule. Records of different
    /// kinds may share an id.
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
                    by_name,
                } => {
                    sink.problem(&at.place())
                        .arg("kind", at.kind.as_str())
                        .arg("first_id", first_id)
                        .arg("differs_in_case", first_id != &at.id)
                        .arg("first_path", &**first_path)
                        .arg("first_line", *first_line)
                        .arg("kept_by", if *by_name { "name" } else { "order" })
                        .relate(at.kind, first_id)
                        .with_subject(at.path.to_string());
                }
                RecordProblem::SecondOrganisation { at } => {
                    let d = sink.problem(&at.place()).says("REC002-organisation");
                    // The organisation the repository keeps: the first one read.
                    if let Some(first) = cx.repo.organisation.first() {
                        d.relate(Kind::Organisation, &first.id);
                    }
                }
                _ => {}
            }
        }
    }

    fn reports_record_problems(&self) -> bool {
        true
    }
}
