use std::collections::BTreeSet;

use crate::rules::{Context, Rule, Sink, declare_rule};

/// The window the council's meetings are counted over: "per year" is the last 12 months.
const WINDOW_MONTHS: u32 = 12;

declare_rule! {
    /// ## What it does
    /// Counts the security council's meetings (`council: meetings` of the organisation
    /// record) in the last 12 months, the window (as-of minus 12 months, as-of], and
    /// reports when they are fewer than `council_meetings_per_year` (default 4). Dates after
    /// the as-of date are planned meetings and do not count; a date written twice counts
    /// once. The finding points at `council`, or at the record when `council` is absent. A
    /// repository with no organisation record gets one repository-wide finding.
    ///
    /// ## Why it matters
    /// The information security council (informationssäkerhetsråd) is where the
    /// coordinators, the security chief, the data protection officer and the
    /// administrations meet to follow up the plan, incidents and risks. A council that rarely
    /// meets leaves the management system without its regular follow-up. MSB's method
    /// support describes a council meeting about four times a year; ISO/IEC 27001:2022
    /// clause 5.1 and 9.1 expect management to direct and follow up the work regularly.
    ///
    /// ## Example
    /// ```yaml
    /// kind: organisation
    /// id: exempelstad
    /// name: Exempelstad kommun
    /// council:
    ///   meetings: [2023-11-28, 2024-05-09, 2024-09-12]   # 3 in the 12 months to 2024-11-12
    /// ```
    /// Not reported: four meetings after 2023-11-12 and up to 2024-11-12 (as of 2024-11-12).
    ///
    /// ## How to fix
    /// Hold the meetings and record their dates under `council: meetings`. Threshold:
    /// `council_meetings_per_year`; set it to 0, or the rule to `"off"` in `[rules]`, where
    /// the organisation follows up in another forum.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: organisation och forum för informationssäkerhet
    /// - ISO/IEC 27001:2022, 5.1 (leadership) and 9.1 (monitoring and evaluation)
    pub struct InfrequentSecurityCouncil {
        code: "ORG003",
        name: "infrequent-security-council",
        severity: Warning,
        summary: "the security council met fewer than `council_meetings_per_year` (4) times in the last 12 months",
    }
}

impl Rule for InfrequentSecurityCouncil {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let threshold = cx.config.thresholds.council_meetings_per_year;
        if threshold == 0 {
            return;
        }
        let Some(org) = cx.repo.organisation.first() else {
            sink.repository()
                .says("ORG003-no-organisation")
                .arg("threshold", threshold);
            return;
        };
        let held: BTreeSet<_> = org
            .council
            .meetings
            .iter()
            .filter(|d| cx.within_months(**d, WINDOW_MONTHS))
            .collect();
        let count = held.len();
        if count >= threshold as usize {
            return;
        }
        let last = org
            .council
            .meetings
            .iter()
            .filter(|d| **d <= cx.as_of)
            .max();
        let pointer = if org.src.spans.contains("/council") {
            "/council"
        } else {
            ""
        };
        let d = sink.record(org, pointer);
        match (count, last) {
            (0, None) => d.says("ORG003-never"),
            (0, Some(last)) => d.says("ORG003-lapsed").arg("last_meeting", *last),
            _ => d.arg("meetings", count),
        };
        d.arg("window_start", cx.months_ago(WINDOW_MONTHS).plus_days(1))
            .arg("window_end", cx.as_of)
            .arg("threshold", threshold);
    }
}
