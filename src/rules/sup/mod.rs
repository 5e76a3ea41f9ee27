//! Suppliers (SUP): security requirements, assessments, processor agreements, incident
//! notification and exit plans of the suppliers the organisation depends on.
//!
//! A supplier's criticality and the assets it serves come from the assets whose
//! `hosting.supplier` names it: [`criticality`] and [`served_assets`] say them once, for
//! these rules, CLD001's check of a processor's countries and the reports.

use super::{Context, area_rules};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::l10n::{Args, Value};
use crate::model::{Asset, Date, Kind, Supplier};
use crate::registry::{DeadlineStart, Registry};
use crate::repo::derived::Derived;
use crate::repo::{Rec, Repository, fold_case};

area_rules! {
    supplier_without_security_requirements::SupplierWithoutSecurityRequirements,
    critical_supplier_not_assessed::CriticalSupplierNotAssessed,
    processor_without_processing_agreement::ProcessorWithoutProcessingAgreement,
    slow_supplier_incident_notification::SlowSupplierIncidentNotification,
    contract_ending_without_exit_plan::ContractEndingWithoutExitPlan,
}

pub use contract_ending_without_exit_plan::EXIT_PLAN_MONTHS;

/// Whether a supplier is critical, and why.
#[derive(Debug, Clone)]
pub enum SupplierCriticality<'r> {
    /// `critical:` on the supplier record, which wins over what its assets say: `false`
    /// keeps a supplier of a critical asset non-critical (a second supplier stands by, say).
    Stated(bool),
    /// No `critical:` on the record: critical when it serves a critical asset. These are
    /// the active assets it serves that are critical, in path order; none when it is not.
    Inferred(Vec<CriticalAsset<'r>>),
}

impl SupplierCriticality<'_> {
    /// Whether the supplier is critical.
    pub fn is_critical(&self) -> bool {
        match self {
            SupplierCriticality::Stated(critical) => *critical,
            SupplierCriticality::Inferred(assets) => !assets.is_empty(),
        }
    }
}

/// An active asset a supplier serves that is critical, and the asset that makes it so.
#[derive(Debug, Clone, Copy)]
pub struct CriticalAsset<'r> {
    /// The asset whose `hosting.supplier` names the supplier.
    pub asset: &'r Rec<Asset>,
    /// The critical asset behind it: the asset itself when it is critical, else a critical
    /// asset it supports, directly or through others (`supports`).
    pub origin: &'r Rec<Asset>,
}

/// The day SUP002 starts to report a critical `supplier` as of `as_of`: the day its last
/// assessment up to then leaves the window of `supplier_assessment_max_age_months`. `None`
/// when it was never assessed (reported from the start). `isms due` lists this date.
pub fn assessment_due(config: &Config, supplier: &Supplier, as_of: Date) -> Option<Date> {
    supplier
        .assessed
        .filter(|d| *d <= as_of)
        .map(|d| d.leaves_window(config.suppliers.supplier_assessment_max_age_months))
}

/// The active assets whose `hosting.supplier` names `supplier` (an id; ids compare
/// ignoring case), each with its index in `repo.assets`, in path order. Planned and
/// retired assets are not served: a supplier is judged by what it runs today.
pub fn served_assets<'r>(repo: &'r Repository, supplier: &str) -> Vec<(usize, &'r Rec<Asset>)> {
    repo.assets_served_by(supplier)
        .iter()
        .map(|&i| (i, &repo.assets[i]))
        .collect()
}

/// The effective criticality of `supplier`: its own `critical:` when it states one;
/// otherwise critical when an active asset it serves ([`served_assets`]) is critical by its
/// effective criticality (`derived`: an asset that supports a critical asset is critical).
pub fn criticality<'r>(
    repo: &'r Repository,
    derived: &Derived,
    supplier: &Supplier,
) -> SupplierCriticality<'r> {
    if let Some(stated) = supplier.critical {
        return SupplierCriticality::Stated(stated);
    }
    let critical = served_assets(repo, &supplier.id)
        .into_iter()
        .filter_map(|(ai, asset)| {
            let from = derived.assets.get(ai)?.critical_from?;
            Some(CriticalAsset {
                asset,
                origin: repo.assets.get(from)?,
            })
        })
        .collect();
    SupplierCriticality::Inferred(critical)
}

/// The shortest deadline within which the organisation must itself report an incident, and
/// the law that sets it: a critical supplier that tells the organisation later leaves it no
/// time to report (SUP004).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnReportingDeadline {
    pub hours: u16,
    pub law: DeadlineLaw,
}

/// The law behind an [`OwnReportingDeadline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineLaw {
    /// The cybersecurity law's early warning (2025:1506; NIS2 art. 23(4)(a)).
    CybersecurityAct,
    /// The notification of a personal-data breach to IMY (GDPR art. 33).
    Gdpr,
}

impl DeadlineLaw {
    /// The law as a finding's figure says it.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineLaw::CybersecurityAct => "cybersecurity_act",
            DeadlineLaw::Gdpr => "gdpr",
        }
    }
}

/// The shortest reporting deadline the organisation itself must meet on `as_of`: the
/// cybersecurity law's (`shortest_deadline_hours` of the registry, 24 h) when the
/// organisation record says it is covered (`cybersecurity_act.covered`) and the law is in
/// force on that day; otherwise the shortest deadline, counted from detection, of the
/// personal-data breach regime in force (GDPR art. 33, 72 h). `None` before any such
/// regime applies.
pub fn own_reporting_deadline(
    repo: &Repository,
    registry: &Registry,
    as_of: Date,
) -> Option<OwnReportingDeadline> {
    let law = &registry.cybersecurity;
    let covered = repo
        .organisation
        .first()
        .is_some_and(|o| o.covered_by_cybersecurity_act());
    if covered && law.in_force_on(as_of.0) {
        return Some(OwnReportingDeadline {
            hours: law.shortest_deadline_hours,
            law: DeadlineLaw::CybersecurityAct,
        });
    }
    let hours = registry
        .regime_for("personal_data_breach", as_of.0)?
        .deadlines
        .iter()
        .filter(|d| d.from == DeadlineStart::Detection)
        .filter_map(|d| d.hours)
        .min()?;
    Some(OwnReportingDeadline {
        hours,
        law: DeadlineLaw::Gdpr,
    })
}

/// The active suppliers that are critical, each with its criticality: the scope of SUP001,
/// SUP002, SUP004 and SUP005.
fn critical_suppliers<'r>(
    cx: &Context<'r>,
) -> impl Iterator<Item = (&'r Rec<Supplier>, SupplierCriticality<'r>)> {
    let (repo, derived) = (cx.repo, cx.derived);
    repo.suppliers
        .iter()
        .filter(|s| s.is_active())
        .map(move |s| (s, criticality(repo, derived, s)))
        .filter(|(_, c)| c.is_critical())
}

/// The pointer a finding about `field` of `supplier` points at: the field when the record
/// writes it (`dpa: null` included), else the record itself, for a field that is absent.
fn at_field(supplier: &Rec<Supplier>, field: &'static str) -> &'static str {
    if supplier.src.spans.contains(field) {
        field
    } else {
        ""
    }
}

/// Says why a supplier is critical: `critical` is `stated`, or `inferred` with the
/// critical assets it serves (`critical_assets`, one part per asset: `asset`, and
/// `critical` `own` or `through` the asset `through` that it supports; and their count,
/// `critical_asset_count`). The assets, and those that make them critical, are related to
/// the finding.
fn criticality_figures<'d>(
    d: &'d mut Diagnostic,
    criticality: &SupplierCriticality<'_>,
) -> &'d mut Diagnostic {
    let SupplierCriticality::Inferred(assets) = criticality else {
        return d.arg("critical", "stated");
    };
    let record = |a: &Rec<Asset>| Value::Record(a.id.clone(), Some(a.name.clone()));
    let parts: Vec<Args> = assets
        .iter()
        .map(|c| {
            let mut part: Args = vec![("asset", record(c.asset))];
            if std::ptr::eq(c.asset, c.origin) {
                part.push(("critical", "own".into()));
            } else {
                part.push(("critical", "through".into()));
                part.push(("through", record(c.origin)));
            }
            part
        })
        .collect();
    d.arg("critical", "inferred")
        .arg("critical_assets", Value::Parts(parts))
        .arg("critical_asset_count", assets.len());
    let mut related: Vec<&str> = Vec::new();
    for c in assets {
        for id in [c.asset.id.as_str(), c.origin.id.as_str()] {
            if !related.iter().any(|r| fold_case(r) == fold_case(id)) {
                related.push(id);
            }
        }
    }
    for id in related {
        d.relate(Kind::Asset, id);
    }
    d
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{DeadlineLaw, SupplierCriticality, criticality, own_reporting_deadline};
    use crate::model::{Date, Kind};
    use crate::registry::registry;
    use crate::repo::Session;
    use crate::repo::derived::Derived;
    use crate::rules::Selection;

    fn fixture(path: &str) -> Session {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(path);
        Session::open(&root).expect("fixture")
    }

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    /// Stated criticality wins; otherwise the effective criticality of the active assets
    /// served, through `supports` too, with ids compared ignoring case.
    #[test]
    fn criticality_is_stated_or_comes_from_the_critical_assets_served() {
        let session = fixture("SUP001");
        let repo = &session.repo;
        let derived = Derived::compute(repo, date("2026-03-01"));
        let of = |id: &str| {
            let supplier = repo
                .suppliers
                .iter()
                .find(|s| s.id == id)
                .expect("supplier");
            criticality(repo, &derived, supplier)
        };
        let served = |c: &SupplierCriticality<'_>| -> Vec<(String, String)> {
            match c {
                SupplierCriticality::Inferred(assets) => assets
                    .iter()
                    .map(|a| (a.asset.id.clone(), a.origin.id.clone()))
                    .collect(),
                SupplierCriticality::Stated(_) => Vec::new(),
            }
        };
        assert!(matches!(of("driftbolaget"), SupplierCriticality::Stated(true)));
        assert!(matches!(of("reservlarm"), SupplierCriticality::Stated(false)));
        assert!(!of("reservlarm").is_critical());
        let own = of("molnjournal");
        assert!(own.is_critical());
        assert_eq!(served(&own), [("journal".into(), "journal".into())]);
        let through = of("lagringsbolaget");
        assert!(through.is_critical());
        assert_eq!(served(&through), [("lagring".into(), "journal".into())]);
        assert_eq!(served(&of("skolnavet")), [("skola".into(), "skola".into())]);
        for quiet in ["webbyran", "ekonomidata", "tolkar"] {
            let c = of(quiet);
            assert!(
                matches!(&c, SupplierCriticality::Inferred(a) if a.is_empty()),
                "{quiet}: {c:?}"
            );
        }
        assert_eq!(
            super::served_assets(repo, "SKOLNAVET")
                .iter()
                .map(|(_, a)| a.id.as_str())
                .collect::<Vec<_>>(),
            ["skola"]
        );
        // The retired asset is not served any more.
        assert!(super::served_assets(repo, "ekonomidata").is_empty());
    }

    /// An inferred criticality relates the served asset and the one that makes it critical.
    #[test]
    fn findings_relate_the_assets_behind_an_inferred_criticality() {
        let session = fixture("SUP001");
        let selection = Selection {
            select: vec!["SUP001".into()],
            ignore: Vec::new(),
        };
        let result = crate::check::check(&session, date("2026-03-01"), &selection);
        let related = |id: &str| -> Vec<(Kind, String)> {
            result
                .findings
                .iter()
                .find(|d| d.id.as_deref() == Some(id))
                .map(|d| d.related.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            related("lagringsbolaget"),
            [
                (Kind::Asset, "lagring".to_owned()),
                (Kind::Asset, "journal".to_owned())
            ]
        );
        assert_eq!(
            related("molnjournal"),
            [(Kind::Asset, "journal".to_owned())]
        );
        assert!(related("driftbolaget").is_empty());
    }

    /// 24 h from the registry for a covered entity once the law is in force, else GDPR's
    /// 72 h, and nothing before GDPR applied.
    #[test]
    fn the_organisations_own_deadline_follows_the_law_in_force() {
        let covered = fixture("SUP004/covered");
        let not_covered = fixture("SUP004/not-covered");
        let law = &registry().cybersecurity;
        let deadline = |s: &Session, d: &str| own_reporting_deadline(&s.repo, registry(), date(d));
        let on_first_day = deadline(&covered, "2026-01-15").expect("a deadline");
        assert_eq!(on_first_day.law, DeadlineLaw::CybersecurityAct);
        assert_eq!(on_first_day.hours, law.shortest_deadline_hours);
        let day_before = deadline(&covered, "2026-01-14").expect("a deadline");
        assert_eq!((day_before.hours, day_before.law), (72, DeadlineLaw::Gdpr));
        let other = deadline(&not_covered, "2026-03-01").expect("a deadline");
        assert_eq!((other.hours, other.law), (72, DeadlineLaw::Gdpr));
        assert_eq!(deadline(&not_covered, "2018-05-24"), None);
    }
}
