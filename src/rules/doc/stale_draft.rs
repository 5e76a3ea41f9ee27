use crate::model::PolicyStatus;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds steering documents with `status: draft` that are `[policies]
    /// draft_max_age_months` (default 12) months old or older on the as-of date. A draft's
    /// age is counted from its `drafted` date (an optional field `isms` adds for this rule),
    /// else from `adopted` (the adoption of the version the draft revises). A draft with
    /// neither date raises nothing, since its age cannot be known; record `drafted` to
    /// have it followed. A draft dated after the as-of date raises nothing either.
    ///
    /// The limit is inclusive, as for DOC001: a draft written 2023-11-12 is 12 months old
    /// on 2024-11-12 and reported; one written 2023-11-13 is not.
    ///
    /// ## Why it matters
    /// A draft left lying governs nothing: staff cannot rely on it, and the gap it was meant
    /// to close stays open while the records make it look handled. MSB's method support
    /// expects steering documents to be decided and kept current; ISO/IEC 27001:2022 clause
    /// 7.5.2 and 7.5.3 expect documented information to be reviewed, approved and
    /// available where it is needed.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: riktlinjer-molntjanster-utkast
    /// title: Riktlinjer för användning av molntjänster (utkast)
    /// type: guideline
    /// status: draft
    /// drafted: 2023-05-20    # 17 months old on 2024-11-12: reported
    /// ```
    /// Not reported: the same draft with `drafted: 2024-05-20`, or one without `drafted`
    /// and `adopted`.
    ///
    /// ## How to fix
    /// Finish the draft and have it adopted (then set `status: adopted`, `adopted`,
    /// `adopted_by`), or drop it (delete the record, or set `status: repealed`). Threshold:
    /// `[policies] draft_max_age_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: styrdokument tas fram, beslutas och hålls aktuella
    /// - ISO/IEC 27001:2022, 7.5.2 and 7.5.3
    pub struct StaleDraft {
        code: "DOC004",
        name: "stale-draft",
        severity: Warning,
        summary: "a draft steering document older than `[policies] draft_max_age_months` (12)",
    }
}

impl Rule for StaleDraft {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let limit = cx.config.policies.draft_max_age_months;
        for p in &cx.repo.policies {
            if p.status != PolicyStatus::Draft {
                continue;
            }
            // The age counts from `drafted`, else from the adoption of the version revised.
            let (field, since) = match (p.drafted, p.adopted) {
                (Some(d), _) => ("drafted", d),
                (None, Some(d)) => ("adopted", d),
                (None, None) => continue,
            };
            // Within the last `limit` months, or in the future: not stale (yet).
            if since > cx.months_ago(limit) {
                continue;
            }
            sink.record(p, &format!("/{field}"))
                .arg("doc_type", p.policy_type.as_str())
                .arg("title", &p.title)
                .arg("counted_from", field)
                .arg("since", since)
                .arg("age_months", since.months_until(cx.as_of))
                .arg("limit_months", limit);
        }
    }
}
