use crate::config::Config;
use crate::model::{Body, Date, Review, ReviewType};
use crate::repo::{Rec, Repository};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds a repository with no review of `type: management_review` and
    /// `presented_to: executive_board` dated in the last `management_review_max_age_months`
    /// months (the window (as-of minus N months, as-of]). A review presented to another body
    /// (a committee, or the municipal council) does not count: the spec asks for the board.
    ///
    /// The finding points at the latest management review when there is one: at its
    /// `presented_to` when it is recent but was not presented to the board, at its `date`
    /// when it is too old. With no management review at all, it points at the organisation.
    ///
    /// ## Why it matters
    /// The board (kommunstyrelsen) is responsible for the information security work and can
    /// only steer it when it is told how it goes. ISO/IEC 27001:2022 clause 9.3 requires top
    /// management to review the management system at planned intervals; MSB's method support
    /// describes a yearly management review (ledningens genomgång), and municipal audits ask
    /// whether the work is reported to the board regularly.
    ///
    /// ## Example
    /// ```yaml
    /// kind: review
    /// id: lg-2022
    /// title: Ledningens genomgång 2022
    /// type: management_review
    /// date: 2023-03-06          # as of 2024-06-01, more than 12 months ago: error
    /// presented_to: executive_board
    /// ```
    /// Not reported: the same review dated 2024-03-05.
    ///
    /// ## How to fix
    /// Hold the management review (status of the work, incidents, audits, goals, needs for
    /// change), present it to the executive board and record it with its `decision_ref`.
    /// Threshold: `management_review_max_age_months` (default 12).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 9.3
    /// - MSB (MCF), Metodstöd för LIS: ledningens genomgång
    pub struct NoManagementReview {
        code: "FUP001",
        name: "no-management-review",
        severity: Error,
        summary: "no management review presented to the executive board in the last 12 months",
    }
}

/// The newest management review presented to the executive board in the last
/// `management_review_max_age_months` (ties: the lowest id): FUP001 reports exactly when
/// there is none, and audit question 11 shows it.
pub fn board_review<'r>(
    repo: &'r Repository,
    config: &Config,
    as_of: Date,
) -> Option<&'r Rec<Review>> {
    let months = config.thresholds.management_review_max_age_months;
    repo.reviews
        .iter()
        .filter(|r| r.review_type == ReviewType::ManagementReview)
        .filter(|r| r.presented_to == Some(Body::ExecutiveBoard))
        .filter(|r| r.date <= as_of && as_of < r.date.leaves_window(months))
        .max_by(|a, b| a.date.cmp(&b.date).then(b.id.cmp(&a.id)))
}

impl Rule for NoManagementReview {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.management_review_max_age_months;
        let reviews = || {
            cx.repo
                .reviews
                .iter()
                .filter(|r| r.review_type == ReviewType::ManagementReview && r.date <= cx.as_of)
        };
        if board_review(cx.repo, cx.config, cx.as_of).is_some() {
            return;
        }
        let d = match reviews().max_by_key(|r| r.date) {
            Some(r) if cx.within_months(r.date, months) => {
                let d = match r.presented_to {
                    Some(body) => sink
                        .record(r, "/presented_to")
                        .says("FUP001-elsewhere")
                        .arg("presented_to", body.as_str()),
                    None => sink.record(r, "").says("FUP001-unpresented"),
                };
                d.arg("title", &r.title).arg("date", r.date)
            }
            Some(r) => sink
                .record(r, "/date")
                .arg("title", &r.title)
                .arg("date", r.date)
                .arg("age_months", r.date.months_until(cx.as_of)),
            None => sink.repository().says("FUP001-none"),
        };
        d.arg("threshold_months", months);
    }
}
