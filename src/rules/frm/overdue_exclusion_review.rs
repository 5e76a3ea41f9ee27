use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds a control excluded by the statement of applicability of a framework listed in
    /// `isms.toml` `frameworks` whose `review` date has passed: the exclusion was to be
    /// reconsidered by then. An exclusion without a `review` date is not reported here (its
    /// statement is reviewed as a whole, FRM001).
    ///
    /// ## Why it matters
    /// An exclusion rests on facts that change: the organisation builds a server room,
    /// starts its own development, moves a service in-house. A date to reconsider it is a
    /// promise to check that the reason still holds.
    ///
    /// ## Example
    /// ```yaml
    /// kind: statement_of_applicability
    /// id: soa-iso27001
    /// framework: iso27001-2022
    /// excluded:
    ///   - control: A.8.28
    ///     reason: Ingen egen systemutveckling.
    ///     review: 2026-09-30      # as of 2026-12-01: passed, warning
    /// ```
    /// Not reported: `review: 2027-03-31`.
    ///
    /// ## How to fix
    /// Reconsider the exclusion: keep it with a new `review` date if the reason still holds,
    /// or remove it and put the control in place.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.1.3 d
    pub struct OverdueExclusionReview {
        code: "FRM002",
        name: "overdue-exclusion-review",
        severity: Warning,
        summary: "an excluded control whose review date has passed",
    }
}

impl Rule for OverdueExclusionReview {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for s in &cx.repo.statements_of_applicability {
            if !cx.config.frameworks.contains(&s.framework) {
                continue;
            }
            for (i, e) in s.excluded.iter().enumerate() {
                let Some(review) = e.review.filter(|r| *r < cx.as_of) else {
                    continue;
                };
                let d = sink
                    .record(s, &format!("/excluded/{i}/review"))
                    .with_subject(format!("control {}", e.control))
                    .arg("framework", s.framework.as_str())
                    .arg("control", e.control.as_str())
                    .arg("review", review)
                    .arg("days_overdue", review.days_until(cx.as_of));
                if let Some(label) = cx
                    .repo
                    .framework(&s.framework)
                    .and_then(|f| f.control(&e.control))
                {
                    d.arg("label", label.label.get(cx.config.language));
                }
            }
        }
    }
}
