//! Questions 5 and 11: every member unit is followed up, and the management review and the
//! audit of the ISMS are recent.

use super::Measured;
use crate::config::Language;
use crate::model::*;
use crate::repo::Rec;
use crate::report::audit::Evidence;
use crate::report::facts::Input;
use crate::report::labels::label;

/// The reviews that count as a follow-up of a unit (FUP003), newest first.
fn follow_ups_of<'a>(input: &Input<'a>, unit: &str) -> Vec<&'a Rec<Review>> {
    let months = input.config.thresholds.follow_up_max_age_months;
    let mut v: Vec<&Rec<Review>> = input
        .repo
        .reviews
        .iter()
        .filter(|r| r.review_type.is_follow_up())
        .filter(|r| input.within(r.date, months))
        .filter(|r| r.units.is_empty() || r.units.iter().any(|u| u.eq_ignore_ascii_case(unit)))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v
}

pub(super) fn follow_up_units(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for u in input.member_units() {
        let reviews = follow_ups_of(input, &u.id);
        let detail = if reviews.is_empty() {
            lang.pick("ingen uppföljning", "no follow-up").to_owned()
        } else {
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
        };
        m.push(Evidence {
            kind: "unit",
            id: u.id.clone(),
            name: u.name.clone(),
            ok: !reviews.is_empty(),
            detail,
        });
    }
}

pub(super) fn follow_ups(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let th = &input.config.thresholds;
    let newest = |pred: &dyn Fn(&Review) -> bool, months: u32| {
        input
            .repo
            .reviews
            .iter()
            .filter(|r| pred(r) && input.within(r.date, months))
            .max_by(|a, b| a.date.cmp(&b.date).then(b.id.cmp(&a.id)))
    };
    let review = newest(
        &|r| {
            r.review_type == ReviewType::ManagementReview
                && r.presented_to
                    .is_some_and(|b| b.rank() >= Body::ExecutiveBoard.rank())
        },
        th.management_review_max_age_months,
    );
    let audit = newest(&|r| r.review_type.is_audit(), th.audit_max_age_months);
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
    m.push(item(
        review,
        lang.pick(
            "Ledningens genomgång till kommunstyrelsen",
            "Management review to the executive board",
        )
        .into(),
        th.management_review_max_age_months,
    ));
    m.push(item(
        audit,
        lang.pick("Granskning av ledningssystemet", "Audit of the ISMS")
            .into(),
        th.audit_max_age_months,
    ));
}
