use crate::load::RecordProblem;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::util::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Reports a reference to a record that does not exist: an asset's `unit`, `measures`
    /// or `supports`, a classification's or risk's `asset`, an activity's `plan`, `goal` or
    /// `addresses`, a finding's `source`, a review's `units`, and the like, with a "did you
    /// mean" suggestion when an id is close. References are compared ignoring case. A
    /// `supports` chain that loops back on itself is reported here too, since no asset can
    /// carry itself.
    ///
    /// ## Why it matters
    /// A dangling reference breaks the links the rules follow: a classification of a
    /// misspelt asset leaves the real asset unclassified, and a continuity plan listing a
    /// missing asset covers nothing. The record looks complete and is not.
    ///
    /// ## Example
    /// ```yaml
    /// kind: classification
    /// id: procapita-2023
    /// asset: procapta          # no asset has that id; did you mean `procapita`?
    /// date: 2023-03-15
    /// confidentiality: 3
    /// integrity: 3
    /// availability: 3
    /// ```
    /// Not reported: the same record with `asset: procapita`, or `asset: Procapita`.
    ///
    /// ## How to fix
    /// Correct the id, or add the missing record.
    ///
    /// ## References
    /// - the record format: "References are ids of records of the named kind"
    pub struct MissingReference {
        code: "REC003",
        name: "missing-reference",
        severity: Error,
        summary: "reference to a missing record",
    }
}

impl Rule for MissingReference {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for problem in cx.repo.problems.iter().chain(&cx.derived.problems) {
            match problem {
                RecordProblem::MissingReference {
                    at,
                    target,
                    value,
                    field,
                    closest,
                } => {
                    let help = match closest {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!(
                            "add a {target} record with id `{value}`, or correct the reference"
                        ),
                    };
                    let message = format!(
                        "{} `{}` refers to {target} `{value}` in `{field}`, but no {target} has that id",
                        at.kind, at.id
                    );
                    sink.unwaivable(&at.place(), message)
                        .with_subject(format!("{field} {value}"))
                        .help = Some(help);
                }
                RecordProblem::MissingGoal {
                    at,
                    goal,
                    plan,
                    goals,
                } => {
                    let help = if goals.is_empty() {
                        format!("plan `{plan}` has no goals")
                    } else {
                        format!(
                            "its goals are {}{}",
                            goals.join(", "),
                            did_you_mean(goal, goals.iter().map(String::as_str))
                        )
                    };
                    let message = format!(
                        "activity `{}` refers to goal `{goal}`, which plan `{plan}` does not have",
                        at.id
                    );
                    sink.unwaivable(&at.place(), message)
                        .with_subject(format!("goal {goal}"))
                        .help = Some(help);
                }
                RecordProblem::SupportsCycle { at, assets } => {
                    let message = format!("`supports` forms a cycle: {}", assets.join(" -> "));
                    sink.unwaivable(&at.place(), message).help =
                        Some("an asset cannot carry itself; remove one link of the cycle".into());
                }
                _ => {}
            }
        }
    }

    fn reports_record_problems(&self) -> bool {
        true
    }
}
