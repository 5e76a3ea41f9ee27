use jiff::Timestamp;

use crate::model::Incident;
use crate::registry::{NotificationStage, Regime, ReportingDeadline};
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{Elapsed, add_span, arg_allowed, end_of_as_of_day, local};

declare_rule! {
    /// ## What it does
    /// Finds personal-data breaches that must be notified to IMY (`personal_data_breach: true`
    /// and `notification_required` not `false`) whose first notification to IMY came later than
    /// the deadline of the reporting regime in force on the detection date (the registry's
    /// `personal_data_breach` regime: 72 hours from `detected`, GDPR art. 33), or that have no
    /// notification to IMY although the deadline has passed.
    ///
    /// A notification at exactly 72 hours is in time. Hours are elapsed time (a night when
    /// the clocks change does not add or take an hour), and a `detected` or `at` without an
    /// offset is local time in `isms.toml` `timezone`. The as-of date counts as the whole
    /// day: a breach whose deadline runs out at any time on the as-of date and that has no
    /// notification is reported. Breaches detected before GDPR applied (2018-05-25) are not
    /// judged. Notifications dated after the as-of day are not known yet on that day and do
    /// not count, so a past day is reproduced as it was.
    ///
    /// ## Why it matters
    /// GDPR art. 33(1) requires the controller to notify the supervisory authority (IMY)
    /// without undue delay and, where feasible, within 72 hours of becoming aware of a breach;
    /// a later notification must give the reasons for the delay. A late or missing
    /// notification is itself an infringement that IMY can fine (art. 83(4)), and auditors
    /// check that breaches are reported in time.
    ///
    /// ## Example
    /// ```yaml
    /// kind: incident
    /// id: INC-2023-014
    /// type: personal_data
    /// detected: 2023-05-02T09:30
    /// personal_data_breach: true
    /// notifications:
    ///   - to: imy
    ///     at: 2023-05-06T11:30   # 98 h after detection: error
    /// ```
    /// Not reported: the same breach notified `at: 2023-05-05T09:30` (exactly 72 h), or one
    /// with `notification_required: false` and a `no_notification_reason`.
    ///
    /// ## How to fix
    /// Notify IMY and record the notification (`to: imy`, `at`). When it was late, record the
    /// reasons for the delay in `notes`; a breach that is unlikely to result in a risk to
    /// people is marked `notification_required: false` with a `no_notification_reason`
    /// (GDPR art. 33(5) asks that it be documented).
    ///
    /// ## References
    /// - Regulation (EU) 2016/679 (GDPR), art. 33(1) and 33(5)
    /// - IMY, Anmäla personuppgiftsincident
    /// - ISO/IEC 27001:2022, A.5.24 and A.5.26
    pub struct LateBreachNotification {
        code: "INC001",
        name: "late-breach-notification",
        severity: Error,
        summary: "personal-data breach notified to IMY later than 72 h after detection, or not at all once 72 h have passed",
    }
}

/// A breach notification INC001 finds late or missing.
#[derive(Debug, Clone, Copy)]
pub struct LateBreach {
    /// The regime in force on the detection date, and its deadline.
    pub regime: &'static Regime,
    pub deadline: &'static ReportingDeadline,
    pub detected: Timestamp,
    pub due: Timestamp,
    /// The first notification to the regime's recipients known by the as-of day, sent after
    /// `due` (index in `notifications`, time); `None` when none was sent and `due` passed.
    pub late: Option<(usize, Timestamp)>,
}

/// Whether INC001 finds incident `inc` a breach notified late, or not at all past the
/// deadline; the audit report's "notified in time" is this.
pub fn late_breach(cx: &Context<'_>, inc: &Incident) -> Option<LateBreach> {
    if !inc.must_notify_imy() {
        return None;
    }
    let detected_on = inc.detected.date(&cx.tz);
    let regime = cx
        .registry
        .regime_for("personal_data_breach", detected_on.0)?;
    let deadline = regime
        .deadline(NotificationStage::Initial)
        .or(regime.deadlines.first())?;
    let detected = inc.detected.instant(&cx.tz);
    let due = add_span(detected, deadline.within(), &cx.tz);
    let end_of_day = end_of_as_of_day(cx);
    let first = inc
        .notifications
        .iter()
        .enumerate()
        .filter(|(_, n)| regime.recipients.iter().any(|r| r == n.to.as_str()))
        .map(|(i, n)| (i, n.at.instant(&cx.tz)))
        .filter(|(_, at)| *at < end_of_day)
        .min_by_key(|(_, at)| *at);
    let late = match first {
        Some((_, at)) if at > due => first,
        Some(_) => return None,
        None if due < end_of_day => None,
        None => return None,
    };
    Some(LateBreach {
        regime,
        deadline,
        detected,
        due,
        late,
    })
}

impl Rule for LateBreachNotification {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for inc in &cx.repo.incidents {
            let Some(LateBreach {
                regime,
                deadline,
                detected,
                due,
                late,
            }) = late_breach(cx, inc)
            else {
                continue;
            };
            let d = match late {
                Some((i, at)) => {
                    let d = sink.record(inc, &format!("/notifications/{i}/at"));
                    Elapsed::between(detected, at, false).arg(d);
                    d
                }
                None => sink
                    .record(inc, "/detected")
                    .says("INC001-missing")
                    .arg("detected", inc.detected.to_string())
                    .arg("due", local(due, &cx.tz)),
            };
            d.arg("title", &inc.title)
                .arg("authority", regime.authority.as_str());
            arg_allowed(d, deadline);
        }
    }
}
