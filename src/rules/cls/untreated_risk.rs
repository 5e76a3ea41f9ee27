use crate::model::{AssetStatus, Kind, Risk, RiskStatus, Treatment};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds risks whose value (`likelihood` × `consequence`, 1–16) is at least
    /// `risk_appetite_max` + 1 (9 with the default appetite of 8) and that are not handled:
    /// the treatment is `undecided` (or absent), or it is `mitigate` but `activities` lists
    /// no activity to carry it out. The finding points at `treatment`, or at `activities`
    /// when mitigation has none. Risks with `status: closed` or `status: accepted` are done
    /// with and raise nothing; neither do risks on a retired asset, nor risks assessed after
    /// the as-of date (not yet known on that day). Whether the listed
    /// activities are themselves done is PLAN002's concern, not this rule's.
    ///
    /// ## Why it matters
    /// A risk above the appetite the organisation decided is one it has said it will not
    /// live with: it must be treated, and a treatment that names no activity is only an
    /// intention. ISO/IEC 27001 requires a risk treatment plan with the risk owners'
    /// approval; MSB's method support ties risk treatment to the yearly action plan.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: r-2024-007
    /// title: Ransomware krypterar filservern
    /// asset: filserver
    /// assessed: 2024-04-02
    /// likelihood: 3
    /// consequence: 4       # value 12, above the appetite of 8
    /// treatment: mitigate
    /// activities: []       # no activity: reported
    /// ```
    /// Not reported: the same risk with `activities: [act-2024-12]`, or with `likelihood: 2`
    /// (value 8, within the appetite).
    ///
    /// ## How to fix
    /// Decide the treatment with the risk owner; for `mitigate`, add the activities to the
    /// action plan and list them in `activities`. Threshold: `[thresholds] risk_appetite_max`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: riskhantering och handlingsplan
    /// - ISO/IEC 27001:2022, 6.1.3 (information security risk treatment) and 8.3
    pub struct UntreatedRisk {
        code: "CLS004",
        name: "untreated-risk-above-appetite",
        severity: Error,
        summary: "risk above risk_appetite_max whose treatment is undecided, or mitigate with no activity",
    }
}

/// How a risk above the appetite is left untreated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untreated {
    /// The treatment is `undecided` (or absent).
    Undecided,
    /// `mitigate`, with no activity in `activities`.
    MitigateWithoutActivity,
}

/// Whether CLS004 finds risk `r` above the appetite and untreated, and how: a risk neither
/// closed nor accepted (an `open` or `treated` one alike: the status does not make a
/// treatment decided), known by the as-of date, not on a retired asset, with a value above
/// `risk_appetite_max`, whose treatment is undecided or mitigate with no activity. The
/// management review's untreated risks are these.
pub fn untreated(cx: &Context<'_>, r: &Risk) -> Option<Untreated> {
    // A risk assessed after the as-of date was not known then.
    if matches!(r.status, RiskStatus::Closed | RiskStatus::Accepted)
        || u32::from(r.value()) <= cx.config.thresholds.risk_appetite_max
        || r.assessed > cx.as_of
    {
        return None;
    }
    let on_retired = r
        .asset
        .as_deref()
        .and_then(|id| cx.repo.asset(id))
        .is_some_and(|a| a.status == AssetStatus::Retired);
    if on_retired {
        return None;
    }
    match r.treatment {
        Treatment::Undecided => Some(Untreated::Undecided),
        Treatment::Mitigate if r.activities.is_empty() => Some(Untreated::MitigateWithoutActivity),
        _ => None,
    }
}

impl Rule for UntreatedRisk {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let appetite = cx.config.thresholds.risk_appetite_max;
        for r in &cx.repo.risks {
            let Some(how) = untreated(cx, r) else {
                continue;
            };
            let has = |p: &str| r.src.spans.contains(p);
            let pointer = match how {
                Untreated::Undecided if has("/treatment") => "/treatment",
                Untreated::Undecided => "",
                Untreated::MitigateWithoutActivity if has("/activities") => "/activities",
                Untreated::MitigateWithoutActivity => "/treatment",
            };
            let d = sink
                .record(r, pointer)
                .arg("title", &r.title)
                .arg("value", r.value())
                .arg("likelihood", r.likelihood)
                .arg("consequence", r.consequence)
                .arg("appetite", appetite);
            if how == Untreated::MitigateWithoutActivity {
                d.says("CLS004-no-activity");
            }
            // The asset and unit at risk, as the repository spells their ids.
            if let Some(asset) = r.asset.as_deref().and_then(|id| cx.repo.asset(id)) {
                d.relate(Kind::Asset, &asset.id);
            }
            if let Some(unit) = r.unit.as_deref().and_then(|id| cx.repo.unit(id)) {
                d.relate(Kind::Unit, &unit.id);
            }
        }
    }
}
