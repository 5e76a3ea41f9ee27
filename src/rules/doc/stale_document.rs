use crate::config::Policies;
use crate::diagnostic::Severity;
use crate::model::{Date, Policy};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds adopted steering documents older than `warn_age_years` (a warning) or
    /// `max_age_years` (an error), counted in whole years from `adopted` to the as-of date.
    /// A document with its own `review_interval_years` is judged by that instead: past it,
    /// an error. An adopted document with no `adopted` date is reported too (a warning):
    /// its age cannot be judged. A document adopted after the as-of date was not adopted
    /// on that day and raises nothing.
    ///
    /// ## Why it matters
    /// Steering documents that are not reviewed drift from the organisation, its systems and
    /// the law. MSB's method support and municipal audits expect steering documents to be no
    /// older than three to five years; ISO/IEC 27001:2022 clause 7.5.2 and 5.2 expect
    /// documented information to be reviewed and kept suitable.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: informationssakerhetspolicy
    /// type: information_security_policy
    /// status: adopted
    /// adopted: 2019-11-12     # 5 years old on 2024-11-12: error
    /// ```
    /// Not reported: the same document with `adopted: 2023-02-01`, or a repealed one.
    ///
    /// ## How to fix
    /// Review the document, have it re-adopted by the body its type requires, and update
    /// `adopted` and `decision_ref`. Thresholds: `[policies] warn_age_years`, `max_age_years`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: styrdokument ses över regelbundet
    /// - ISO/IEC 27001:2022, 5.2 and 7.5.2
    pub struct StaleDocument {
        code: "DOC001",
        name: "stale-document",
        severity: Warning,
        summary: "adopted steering document older than warn_age_years / max_age_years or its own review interval",
    }
}

/// Which limit a review deadline is (ordered: a passed maximum age outranks a passed warning
/// age).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewLimit {
    /// `[policies] warn_age_years`: a warning from that day.
    WarnAge,
    /// `[policies] max_age_years`: an error from that day.
    MaxAge,
    /// The document's own `review_interval_years`: an error from that day.
    OwnInterval,
}

/// A day from which DOC001 reports an adopted document, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewDeadline {
    pub date: Date,
    pub years: u32,
    pub limit: ReviewLimit,
}

impl ReviewDeadline {
    pub fn severity(&self) -> Severity {
        match self.limit {
            ReviewLimit::WarnAge => Severity::Warning,
            ReviewLimit::MaxAge | ReviewLimit::OwnInterval => Severity::Error,
        }
    }
}

/// The days from which DOC001 reports `p`: the anniversary of its adoption at its own
/// `review_interval_years`, else at `warn_age_years` and at `max_age_years`. Nothing for a
/// document not adopted on `as_of` or without an `adopted` date (DOC001 reports the missing
/// date instead). `isms due` lists these same dates as the document's review deadlines, so
/// that the day a review falls due is the day `isms check` starts to report it.
pub fn review_deadlines(policies: &Policies, p: &Policy, as_of: Date) -> Vec<ReviewDeadline> {
    let Some(adopted) = p.adopted.filter(|_| p.adopted_on(as_of)) else {
        return Vec::new();
    };
    let at = |years: u32, limit| ReviewDeadline {
        date: adopted.plus_months(i32::try_from(years.saturating_mul(12)).unwrap_or(i32::MAX)),
        years,
        limit,
    };
    match p.review_interval_years {
        Some(years) => vec![at(years, ReviewLimit::OwnInterval)],
        None => vec![
            at(policies.warn_age_years, ReviewLimit::WarnAge),
            at(policies.max_age_years, ReviewLimit::MaxAge),
        ],
    }
}

impl Rule for StaleDocument {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for p in &cx.repo.policies {
            if !p.adopted_on(cx.as_of) {
                continue;
            }
            let Some(adopted) = p.adopted else {
                // An adopted document without a date can never be judged stale: say so
                // rather than let it pass for ever.
                sink.record(p, "/status")
                    .says("DOC001-undated")
                    .arg("doc_type", p.policy_type.as_str())
                    .arg("title", &p.title);
                continue;
            };
            // The gravest limit passed by the as-of date, if any.
            let Some(passed) = review_deadlines(&cx.config.policies, p, cx.as_of)
                .into_iter()
                .filter(|d| d.date <= cx.as_of)
                .max_by_key(|d| d.limit)
            else {
                continue;
            };
            let d = sink.record(p, "/adopted");
            if passed.limit == ReviewLimit::OwnInterval {
                d.says("DOC001-interval");
            }
            d.arg("doc_type", p.policy_type.as_str())
                .arg("title", &p.title)
                .arg("adopted", adopted)
                .arg("age_years", adopted.years_until(cx.as_of))
                .arg("limit_years", passed.years)
                .with_severity(passed.severity());
        }
    }
}
