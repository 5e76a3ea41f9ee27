use crate::l10n::{self, Args};
use crate::load::RecordProblem;
use crate::model::Kind;
use crate::registry::UnresolvedControl;
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::util::suggest::closest;

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
                    let mut args: Args = vec![
                        ("kind", at.kind.as_str().into()),
                        ("target", target.as_str().into()),
                        ("value", value.into()),
                        ("field", field.into()),
                    ];
                    l10n::suggest(&mut args, closest.as_deref());
                    let d = sink
                        .problem(&at.place())
                        .relate(*target, value)
                        .with_subject(format!("{field} {value}"));
                    d.args(args);
                }
                RecordProblem::MissingGoal {
                    at,
                    goal,
                    plan,
                    goals,
                } => {
                    let mut args: Args = vec![
                        ("goal", goal.into()),
                        ("plan", plan.into()),
                        ("goals", goals.clone().into()),
                        ("goal_count", goals.len().into()),
                    ];
                    l10n::suggest(&mut args, closest(goal, goals.iter().map(String::as_str)));
                    let d = sink
                        .problem(&at.place())
                        .says("REC003-goal")
                        .relate(Kind::Plan, plan)
                        .with_subject(format!("goal {goal}"));
                    d.args(args);
                }
                RecordProblem::SupportsCycle { at, assets } => {
                    let d = sink
                        .problem(&at.place())
                        .says("REC003-cycle")
                        .arg("cycle", assets.join(" -> "));
                    // The chain ends where it starts: each other asset once.
                    for (i, a) in assets.iter().enumerate() {
                        if *a != at.id && !assets[..i].contains(a) {
                            d.relate(Kind::Asset, a);
                        }
                    }
                }
                RecordProblem::UnknownControl {
                    at,
                    field,
                    written,
                    problem,
                } => {
                    let d = sink
                        .problem(&at.place())
                        .says("REC003-control")
                        .with_subject(format!("{field} {written}"))
                        .arg("field", *field)
                        .arg("kind", at.kind.as_str());
                    let mut args: Args = match problem {
                        UnresolvedControl::UnknownFramework { framework, .. } => vec![
                            ("problem", "framework".into()),
                            ("framework", framework.into()),
                        ],
                        UnresolvedControl::UnknownControl {
                            framework, control, ..
                        } => vec![
                            ("problem", "control".into()),
                            ("framework", framework.into()),
                            ("control", control.into()),
                        ],
                    };
                    l10n::suggest(&mut args, problem.suggestion());
                    d.args(args);
                }
                _ => {}
            }
        }
    }

    fn reports_record_problems(&self) -> bool {
        true
    }
}

