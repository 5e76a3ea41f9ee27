use crate::l10n::{self, Args};
use crate::model::Kind;
use crate::repo::Entry;
use crate::rules::{self, Context, Rule, Sink, declare_rule};
use crate::util::suggest::closest;

declare_rule! {
    /// ## What it does
    /// Reports waivers that silence nothing:
    ///
    /// - an expired waiver: its `until` is before the as-of date (on the `until` date
    ///   itself the waiver still holds), reported at `until`;
    /// - a waiver whose `rule` is not the code of a rule, with the closest code as a
    ///   suggestion, reported at `rule`. (A `rule` that is not shaped like a code at all,
    ///   such as `stale-document`, is a schema violation, REC001.)
    ///
    /// Every record of every kind is checked. A waiver can itself be silenced by a waiver of
    /// `REC004` on the same record, as long as that one holds.
    ///
    /// ## Why it matters
    /// A waiver is a decision to accept a gap for a time, with a reason and an approver. An
    /// expired waiver means the gap is back (the rule reports it again) and the decision is
    /// due for review; a waiver with a misspelt code never silenced anything, so the gap
    /// its author meant to accept is still reported while the record suggests otherwise.
    /// ISO/IEC 27001:2022 6.1.3 and 8.3 expect accepted risks to be decided, recorded and
    /// reviewed.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: riktlinje
    /// waivers:
    ///   - rule: DCO001           # no rule DCO001; did you mean `DOC001`?
    ///     reason: Ersätts i december
    ///     until: 2024-01-31      # as of 2024-02-01: expired
    /// ```
    /// Not reported: `rule: DOC001` with `until: 2024-02-01` (the as-of date).
    ///
    /// ## How to fix
    /// Correct the rule code (the catalogue's codes, such as `DOC001`). For an expired waiver, fix the gap
    /// and remove the waiver, or decide on a new `until` with a reason and an approver.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.1.3 and 8.3 (risk acceptance)
    /// - the record format: common fields, `waivers`
    pub struct InvalidWaiver {
        code: "REC004",
        name: "invalid-waiver",
        severity: Warning,
        summary: "expired waiver, or waiver for an unknown rule",
    }
}

impl Rule for InvalidWaiver {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let codes: Vec<&'static str> = rules::all().iter().map(|r| r.meta().code).collect();
        for kind in Kind::ALL {
            for entry in cx.repo.entries(kind) {
                check_waivers(cx, sink, &entry, &codes);
            }
        }
    }
}

fn check_waivers(cx: &Context<'_>, sink: &mut Sink<'_>, rec: &Entry<'_>, codes: &[&'static str]) {
    for (i, w) in rec.record.waivers().iter().enumerate() {
        if rules::find(&w.rule).is_none() {
            let mut args: Args = vec![
                ("kind", rec.kind.as_str().into()),
                ("rule", (&w.rule).into()),
            ];
            l10n::suggest(&mut args, closest(&w.rule, codes.iter().copied()));
            let d = sink
                .record_source(rec.record, rec.src, &format!("/waivers/{i}/rule"))
                .says("REC004-unknown")
                .with_subject(format!("waiver {} unknown", w.rule));
            d.args(args);
        }
        if w.until < cx.as_of {
            sink.record_source(rec.record, rec.src, &format!("/waivers/{i}/until"))
                .says("REC004-expired")
                .arg("kind", rec.kind.as_str())
                .arg("rule", &w.rule)
                .arg("until", w.until)
                .arg("days_ago", w.until.days_until(cx.as_of))
                .with_subject(format!("waiver {} until {}", w.rule, w.until));
        }
    }
}
