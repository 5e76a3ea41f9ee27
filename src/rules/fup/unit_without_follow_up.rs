use std::borrow::Cow;

use crate::util::hash::HashMap;
use crate::repo::fold_case;

use crate::model::Date;
use crate::rules::{Context, Rule, Sink, declare_rule, plural};

declare_rule! {
    /// ## What it does
    /// Finds member units (committees, companies and federations; the board and departments
    /// are covered through them) that no review of `type: self_assessment`, `infosakkollen`
    /// or `management_review` dated in the last `follow_up_max_age_months` months covers. A
    /// review covers the units it lists in `units`; a review without `units` covers the whole
    /// organisation, every unit. A unit is covered only when listed itself: listing a parent
    /// unit does not cover the units below it.
    ///
    /// ## Why it matters
    /// The board is responsible for the security work of every committee and company, and
    /// needs to know how each of them is doing. Municipal audits ask whether the committees'
    /// security work has been evaluated; MSB's method support recommends regular
    /// self-assessments, and Infosäkkollen gives a comparable measure. ISO/IEC 27001:2022
    /// clause 9.1 asks for the work to be monitored and evaluated.
    ///
    /// ## Example
    /// ```yaml
    /// kind: review
    /// id: egenkontroll-2022
    /// title: Egenkontroll socialnämnden
    /// type: self_assessment
    /// date: 2022-10-01          # as of 2024-06-01, older than 12 months:
    /// units: [socialnamnden]    # socialnamnden is reported (info)
    /// ```
    /// Not reported: the same unit after a management review of 2024-03-05 without `units`.
    ///
    /// ## How to fix
    /// Have the unit carry out a self-assessment (or answer Infosäkkollen) and record it as a
    /// review listing the unit under `units`. Threshold: `follow_up_max_age_months`
    /// (default 12).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 9.1
    /// - MSB (MCF), Metodstöd för LIS: följa upp och utvärdera; Infosäkkollen
    pub struct UnitWithoutFollowUp {
        code: "FUP003",
        name: "unit-without-follow-up",
        severity: Info,
        summary: "unit not covered by a self-assessment, Infosäkkollen or management review in the last 12 months",
    }
}

impl Rule for UnitWithoutFollowUp {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.follow_up_max_age_months;
        // The latest covering review for the whole organisation and per listed unit.
        let mut whole: Option<Date> = None;
        let mut by_unit: HashMap<Cow<'_, str>, Date> = HashMap::default();
        let follow_ups = cx
            .repo
            .reviews
            .iter()
            .filter(|r| r.review_type.is_follow_up() && r.date <= cx.as_of);
        for r in follow_ups {
            if r.units.is_empty() {
                whole = whole.max(Some(r.date));
            }
            for u in &r.units {
                let latest = by_unit.entry(fold_case(u)).or_insert(r.date);
                *latest = (*latest).max(r.date);
            }
        }
        if whole.is_some_and(|d| cx.within_months(d, months)) {
            return;
        }
        let window = plural(months.into(), "month", "months");
        for unit in cx.member_units() {
            let latest = whole.max(by_unit.get(&*fold_case(&unit.id)).copied());
            if latest.is_some_and(|d| cx.within_months(d, months)) {
                continue;
            }
            let last = latest.map_or_else(
                || "never followed up".to_owned(),
                |d| format!("last followed up {d}"),
            );
            sink.at(unit, "", format!(
                "unit `{}` has had no self-assessment, Infosäkkollen or management review in the last {window} ({last})",
                unit.id
            ))
            .help = Some(format!(
                "have the unit carry out a self-assessment and record it as a review listing `{}` under `units`",
                unit.id
            ));
        }
    }
}
