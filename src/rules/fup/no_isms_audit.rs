use crate::config::Config;
use crate::model::{Date, Review};
use crate::repo::{Rec, Repository};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds a repository with no review of `type: internal_audit` or `external_audit` dated
    /// in the last `audit_max_age_months` months (the window (as-of minus N months, as-of]).
    /// The finding points at the latest audit's `date` when there is one, else at the
    /// organisation.
    ///
    /// ## Why it matters
    /// An audit is the independent look at whether the management system works as the
    /// records say. ISO/IEC 27001:2022 clause 9.2 requires internal audits at planned
    /// intervals; the municipality's elected auditors (revisorerna) review information
    /// security, and MSB's method support and common practice expect an audit at least every
    /// second year.
    ///
    /// ## Example
    /// ```yaml
    /// kind: review
    /// id: kpmg-2021
    /// title: Granskning av informationssäkerhet
    /// type: external_audit
    /// date: 2021-10-01      # as of 2024-06-01, more than 24 months ago: warning
    /// ```
    /// Not reported: the same audit dated 2023-10-01. Management reviews and
    /// self-assessments do not count as audits.
    ///
    /// ## How to fix
    /// Plan and carry out an internal audit (or have the auditors review the ISMS), record it
    /// as a review of `type: internal_audit` or `external_audit`, and its recommendations as
    /// `finding` records. Threshold: `audit_max_age_months` (default 24).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 9.2
    /// - MSB (MCF), Metodstöd för LIS: följa upp och utvärdera
    /// - Kommunallagen (2017:725) 12 kap.: the elected auditors' review
    pub struct NoIsmsAudit {
        code: "FUP002",
        name: "no-isms-audit",
        severity: Warning,
        summary: "no internal or external audit of the ISMS in the last 24 months",
    }
}

/// The latest internal or external audit of the ISMS dated up to `as_of` (ties: the lowest
/// id).
pub fn latest_audit(repo: &Repository, as_of: Date) -> Option<&Rec<Review>> {
    repo.reviews
        .iter()
        .filter(|r| r.review_type.is_audit() && r.date <= as_of)
        .max_by(|a, b| a.date.cmp(&b.date).then(b.id.cmp(&a.id)))
}

/// The latest audit of the ISMS when it lies in the last `audit_max_age_months`: FUP002
/// reports exactly when there is none, and audit question 11 shows it.
pub fn recent_audit<'r>(
    repo: &'r Repository,
    config: &Config,
    as_of: Date,
) -> Option<&'r Rec<Review>> {
    let months = config.thresholds.audit_max_age_months;
    latest_audit(repo, as_of).filter(|r| as_of < r.date.leaves_window(months))
}

impl Rule for NoIsmsAudit {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.audit_max_age_months;
        if recent_audit(cx.repo, cx.config, cx.as_of).is_some() {
            return;
        }
        let d = match latest_audit(cx.repo, cx.as_of) {
            Some(r) => sink
                .record(r, "/date")
                .arg("title", &r.title)
                .arg("audit_type", r.review_type.as_str())
                .arg("date", r.date)
                .arg("age_months", r.date.months_until(cx.as_of)),
            None => sink.repository().says("FUP002-none"),
        };
        d.arg("threshold_months", months);
    }
}
