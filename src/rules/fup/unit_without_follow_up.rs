use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::HashMap;

use crate::config::Config;
use crate::model::{Date, Review};
use crate::repo::{Rec, Repository};
use crate::rules::{Context, Rule, Sink, declare_rule};

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

/// The follow-ups (self-assessments, Infosäkkollen, management reviews) dated up to the
/// as-of date that cover each unit: those without `units` cover every unit, the others the
/// units they list (compared ignoring case). Indexed once, so that asking for a unit does
/// not scan every review. FUP003 and audit question 5 both read it.
pub struct FollowUps<'r> {
    whole: Vec<&'r Rec<Review>>,
    by_unit: HashMap<Cow<'r, str>, Vec<&'r Rec<Review>>>,
    as_of: Date,
    months: u32,
}

impl<'r> FollowUps<'r> {
    pub fn new(repo: &'r Repository, config: &Config, as_of: Date) -> FollowUps<'r> {
        let mut whole = Vec::new();
        let mut by_unit: HashMap<Cow<'r, str>, Vec<&'r Rec<Review>>> = HashMap::default();
        let follow_ups = repo
            .reviews
            .iter()
            .filter(|r| r.review_type.is_follow_up() && r.date <= as_of);
        for r in follow_ups {
            if r.units.is_empty() {
                whole.push(r);
            }
            for u in &r.units {
                let reviews = by_unit.entry(fold_case(u)).or_default();
                if !reviews.iter().any(|x| std::ptr::eq(*x, r)) {
                    reviews.push(r);
                }
            }
        }
        FollowUps {
            whole,
            by_unit,
            as_of,
            months: config.thresholds.follow_up_max_age_months,
        }
    }

    /// Every follow-up covering `unit` up to the as-of date, newest first (ties by id).
    fn covering(&self, unit: &str) -> Vec<&'r Rec<Review>> {
        let own = self.by_unit.get(&*fold_case(unit)).into_iter().flatten();
        let mut v: Vec<&'r Rec<Review>> = self.whole.iter().chain(own).copied().collect();
        v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
        v
    }

    /// The date of the latest follow-up covering `unit`, if any.
    pub fn latest(&self, unit: &str) -> Option<Date> {
        self.covering(unit).first().map(|r| r.date)
    }

    /// The follow-ups covering `unit` in the last `follow_up_max_age_months`, newest first:
    /// FUP003 reports a member unit exactly when there are none.
    pub fn recent(&self, unit: &str) -> Vec<&'r Rec<Review>> {
        let mut v = self.covering(unit);
        v.retain(|r| self.as_of < r.date.leaves_window(self.months));
        v
    }
}

impl Rule for UnitWithoutFollowUp {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.follow_up_max_age_months;
        let follow_ups = FollowUps::new(cx.repo, cx.config, cx.as_of);
        for unit in cx.member_units() {
            if !follow_ups.recent(&unit.id).is_empty() {
                continue;
            }
            let d = sink
                .record(unit, "")
                .arg("name", &unit.name)
                .arg("threshold_months", months);
            match follow_ups.latest(&unit.id) {
                Some(last) => {
                    d.arg("last_follow_up", last);
                }
                None => {
                    d.says("FUP003-never");
                }
            }
        }
    }
}
