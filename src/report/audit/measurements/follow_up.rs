//! Questions 5 and 11: every member unit is followed up, and the management review and the
//! audit of the ISMS are recent.

use super::Measured;
use crate::config::Language;
use crate::model::Review;
use crate::repo::Rec;
use crate::report::audit::Evidence;
use crate::report::facts::Input;
use crate::report::labels::label;
use crate::rules::fup::{FollowUps, board_review, recent_audit};

/// Question 5: member units followed up in time, from FUP003's index (`FollowUps`): a unit
/// counts against the figure exactly when FUP003 reports it.
pub(super) fn follow_up_units(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let follow_ups = FollowUps::new(input.repo, input.config, input.as_of);
    for u in input.member_units() {
        let reviews = follow_ups.recent(&u.id);
        let ok = !reviews.is_empty();
        m.push(ok, || Evidence {
            kind: "unit",
            id: u.id.clone(),
            name: u.name.clone(),
            ok,
            detail: if ok {
                reviews
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {}",
                            label(lang, "review", r.review_type.as_str()),
                            r.date
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            } else {
                lang.pick("ingen uppföljning", "no follow-up").to_owned()
            },
        });
    }
}

/// Question 11: the management review to the executive board (FUP001's `board_review`) and
/// the audit of the ISMS (FUP002's `recent_audit`): each is missing exactly when its rule
/// reports. Returns whether nothing is recorded (neither is there).
pub(super) fn follow_ups(input: &Input<'_>, m: &mut Measured) -> bool {
    let lang = input.lang;
    let th = &input.config.thresholds;
    let review = board_review(input.repo, input.config, input.as_of);
    let audit = recent_audit(input.repo, input.config, input.as_of);
    let item = |found: Option<&Rec<Review>>, name: String, months: u32| {
        let detail = match (found, lang) {
            (Some(r), _) => format!("{} {}", r.title, r.date),
            (None, Language::Sv) => format!("ingen de senaste {months} månaderna"),
            (None, Language::En) => format!("none in the last {months} months"),
        };
        Evidence {
            kind: "review",
            id: found.map(|r| r.id.clone()).unwrap_or_default(),
            name,
            ok: found.is_some(),
            detail,
        }
    };
    m.push(review.is_some(), || {
        item(
            review,
            lang.pick(
                "Ledningens genomgång till kommunstyrelsen",
                "Management review to the executive board",
            )
            .into(),
            th.management_review_max_age_months,
        )
    });
    m.push(audit.is_some(), || {
        item(
            audit,
            lang.pick("Granskning av ledningssystemet", "Audit of the ISMS")
                .into(),
            th.audit_max_age_months,
        )
    });
    review.is_none() && audit.is_none()
}
