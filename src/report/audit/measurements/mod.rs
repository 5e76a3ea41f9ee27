//! The key figures of the twelve audit questions (rules.md's table): for each question, the
//! records in its scope, which of them count towards the figure, and why.

use super::Evidence;
use crate::config::Language;
use crate::report::facts::Input;

mod assets;
mod follow_up;
mod security;
mod steering;
mod training;

pub(crate) use assets::classification_detail;
pub(crate) use training::completion_by_unit;

/// A key figure's count and the records behind it.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub numerator: u64,
    pub denominator: u64,
    pub evidence: Vec<Evidence>,
    /// Said instead of a figure when nothing is in scope.
    pub empty_note: String,
}

impl Measured {
    pub(super) fn push(&mut self, e: Evidence) {
        self.denominator += 1;
        if e.ok {
            self.numerator += 1;
        }
        self.evidence.push(e);
    }
}

/// Counts the key figure of question `number` (rules.md's table).
pub fn measure(input: &Input<'_>, number: u8) -> Measured {
    let lang = input.lang;
    let mut m = Measured::default();
    let t = |sv: &str, en: &str| lang.pick(sv, en).to_owned();
    match number {
        1 => {
            m.empty_note = t(
                "inga obligatoriska dokumenttyper är angivna",
                "no required document types are configured",
            );
            steering::required_documents(input, &mut m);
        }
        2 => {
            m.empty_note = t(
                "ingen organisation och inga enheter",
                "no organisation and no units",
            );
            steering::organisation(input, &mut m);
        }
        3 => {
            m.empty_note = match lang {
                Language::Sv => format!("ingen plan för {} med aktiviteter", input.as_of.year()),
                Language::En => format!("no plan for {} with activities", input.as_of.year()),
            };
            steering::plan_on_track(input, &mut m);
        }
        4 => {
            m.empty_note = t(
                "inga utbildningar de senaste 12 månaderna",
                "no training in the last 12 months",
            );
            training::training(input, &mut m);
        }
        5 => {
            m.empty_note = t(
                "inga nämnder, bolag eller förbund",
                "no committees, companies or federations",
            );
            follow_up::follow_up_units(input, &mut m);
        }
        6 => {
            m.empty_note = t(
                "inga tillgångar som måste klassas",
                "no assets that must be classified",
            );
            assets::classification(input, &mut m);
        }
        7 => {
            m.empty_note = t("inga genomförda åtgärder", "no implemented measures");
            security::measures_verified(input, &mut m);
        }
        8 => security::monitoring(input, &mut m),
        9 => {
            m.empty_note = t(
                "inga incidenter de senaste 12 månaderna",
                "no incidents in the last 12 months",
            );
            security::incidents(input, &mut m);
        }
        10 => {
            m.empty_note = t("inga verksamhetskritiska tillgångar", "no critical assets");
            assets::continuity(input, &mut m);
        }
        11 => follow_up::follow_ups(input, &mut m),
        12 => {
            m.empty_note = t(
                "inga moln- eller SaaS-tjänster",
                "no cloud or SaaS services",
            );
            assets::cloud(input, &mut m);
        }
        _ => {}
    }
    m
}
