//! The key figures of the twelve audit questions (rules.md's table): for each question, the
//! records in its scope, which of them count towards the figure, and why; and, when the
//! figure has nothing to count, what is missing (or, for questions 9 and 12, what is not
//! in scope).

use super::{Evidence, text};
use crate::l10n::Args;
use crate::report::facts::{Input, PERIOD_MONTHS};

mod assets;
mod follow_up;
mod security;
mod steering;
mod training;

pub(crate) use assets::classification_detail;
pub(crate) use training::completion_by_unit;

/// Why a question's key figure has nothing to count, said in the report's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nothing {
    /// Questions 9 and 12 ([`MAY_BE_EMPTY`]): nothing in scope is a state an organisation
    /// may be in (no incidents, no cloud services). The text says what is not there; the
    /// verdict rests on the rules' errors alone.
    InScope(String),
    /// Every other question: nothing to count is itself a gap, since every organisation has
    /// something of the kind. The text names what is missing; the question answers No.
    Missing(String),
}

/// The questions whose key figure may legitimately have nothing in scope (rules.md: no
/// incidents in the last 12 months, no cloud assets). Absence of evidence answers every
/// other question No.
pub const MAY_BE_EMPTY: [u8; 2] = [9, 12];

/// A key figure's count and the records behind it.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub numerator: u64,
    pub denominator: u64,
    pub evidence: Vec<Evidence>,
    /// The share as the rule behind the figure computes it, where the rule has its own
    /// function for it (question 4: CUL001's completion, 0 when nothing is counted);
    /// otherwise `numerator / denominator`.
    pub share: Option<f64>,
    /// Set when the question has nothing to count.
    pub nothing: Option<Nothing>,
    /// Whether the records behind the figure are only counted, not described: a trend's
    /// points show the figure alone, and describing every record costs more than counting.
    pub(super) counting: bool,
}

impl Measured {
    /// Counts a record in the figure's scope, towards it when `ok`; `describe` says which
    /// record and why (its `ok` is `ok`), unless the figure is only counted.
    pub(super) fn push(&mut self, ok: bool, describe: impl FnOnce() -> Evidence) {
        self.denominator += 1;
        if ok {
            self.numerator += 1;
        }
        if !self.counting {
            let e = describe();
            debug_assert_eq!(e.ok, ok, "a record's evidence says what it counted");
            self.evidence.push(e);
        }
    }
}

/// Counts the key figure of question `number` (rules.md's table) with the records behind
/// it, and says what is missing when it has nothing to count.
pub fn measure(input: &Input<'_>, number: u8) -> Measured {
    measure_into(input, number, Measured::default())
}

/// The key figure of question `number` as [`measure`] counts it, without the records
/// behind it (`evidence` stays empty): a trend's point.
pub fn count(input: &Input<'_>, number: u8) -> Measured {
    let counting = Measured {
        counting: true,
        ..Measured::default()
    };
    measure_into(input, number, counting)
}

fn measure_into(input: &Input<'_>, number: u8, mut m: Measured) -> Measured {
    let th = &input.config.thresholds;
    // Per question: whether it has nothing to count, and the catalogue message (with its
    // values) that says so. Most questions have nothing when nothing is in the figure's
    // scope; questions 2, 8 and 11 always count their fixed items (four key roles, two
    // capabilities, two follow-ups), so theirs is when no record of the kind is there.
    let (empty, id, args): (bool, &str, Args) = match number {
        1 => {
            steering::required_documents(input, &mut m);
            (m.denominator == 0, "missing-documents", Vec::new())
        }
        2 => {
            let nothing = steering::organisation(input, &mut m);
            (nothing, "missing-organisation", Vec::new())
        }
        3 => {
            steering::plan_on_track(input, &mut m);
            let (id, args) = steering::plan_gap(input);
            (m.denominator == 0, id, args)
        }
        4 => {
            training::training(input, &mut m);
            let (id, args) = training::training_gap(input);
            (m.denominator == 0, id, args)
        }
        5 => {
            follow_up::follow_up_units(input, &mut m);
            (m.denominator == 0, "missing-units", Vec::new())
        }
        6 => {
            assets::classification(input, &mut m);
            let args = vec![("assets", assets::active_assets(input).into())];
            (m.denominator == 0, "missing-classification", args)
        }
        7 => {
            security::measures_verified(input, &mut m);
            (m.denominator == 0, "missing-measures", Vec::new())
        }
        8 => {
            let nothing = security::monitoring(input, &mut m);
            (nothing, "missing-monitoring", Vec::new())
        }
        9 => {
            security::incidents(input, &mut m);
            let args = vec![("months", PERIOD_MONTHS.into())];
            (m.denominator == 0, "none-incidents", args)
        }
        10 => {
            assets::continuity(input, &mut m);
            let args = vec![("assets", assets::active_assets(input).into())];
            (m.denominator == 0, "missing-continuity", args)
        }
        11 => {
            let nothing = follow_up::follow_ups(input, &mut m);
            let args = vec![
                ("review_months", th.management_review_max_age_months.into()),
                ("audit_months", th.audit_max_age_months.into()),
            ];
            (nothing, "missing-follow-ups", args)
        }
        12 => {
            assets::cloud(input, &mut m);
            (m.denominator == 0, "none-cloud", Vec::new())
        }
        _ => return m,
    };
    if empty {
        let said = text(input.lang, id, &args);
        m.nothing = Some(if MAY_BE_EMPTY.contains(&number) {
            Nothing::InScope(said)
        } else {
            Nothing::Missing(said)
        });
    }
    m
}
