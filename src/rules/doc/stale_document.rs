use crate::diagnostic::Severity;
use crate::rules::{Context, Rule, Sink, declare_rule, plural};

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

impl Rule for StaleDocument {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let cfg = &cx.config.policies;
        for p in &cx.repo.policies {
            if !p.adopted_on(cx.as_of) {
                continue;
            }
            let Some(adopted) = p.adopted else {
                // An adopted document without a date can never be judged stale: say so
                // rather than let it pass for ever.
                sink.at(
                    p,
                    "/status",
                    format!(
                        "{} `{}` is adopted but has no `adopted` date, so its age cannot be judged",
                        p.policy_type.as_str().replace('_', " "),
                        p.id
                    ),
                )
                .help =
                    Some("add `adopted: YYYY-MM-DD` from the decision (see `decision_ref`)".into());
                continue;
            };
            let age = adopted.years_until(cx.as_of);
            let years = |n: i64| plural(n, "year", "years");
            if let Some(interval) = p.review_interval_years {
                if age >= i64::from(interval) {
                    sink.at(p, "/adopted", format!(
                        "{} `{}` adopted {adopted} is {} old, past its own review interval of {}",
                        p.policy_type.as_str().replace('_', " "), p.id, years(age), years(interval.into())
                    ))
                    .with_severity(Severity::Error)
                    .help = Some("review the document and record the new adoption date and decision".into());
                }
                continue;
            }
            let (severity, limit) = if age >= i64::from(cfg.max_age_years) {
                (Severity::Error, cfg.max_age_years)
            } else if age >= i64::from(cfg.warn_age_years) {
                (Severity::Warning, cfg.warn_age_years)
            } else {
                continue;
            };
            sink.at(p, "/adopted", format!(
                "{} `{}` adopted {adopted} is {} old; steering documents should be reviewed within {}",
                p.policy_type.as_str().replace('_', " "), p.id, years(age), years(limit.into())
            ))
            .with_severity(severity)
            .help = Some("review the document and record the new adoption date and decision".into());
        }
    }
}
