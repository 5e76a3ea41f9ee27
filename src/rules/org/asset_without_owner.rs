use crate::diagnostic::Severity;
use crate::model::Kind;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active information assets (`status: active`, the default) with no `owner`
    /// (systemägare) or no `administrator` (systemförvaltare); a blank value counts as
    /// none. One finding per asset names what is missing. It is an error when the asset is
    /// critical — its own `critical: true`, or inherited from an asset it `supports`
    /// (directly or through others), which the message names — and a warning otherwise.
    /// Planned and retired assets raise nothing.
    ///
    /// ## Why it matters
    /// The system owner decides on classification, access and risk acceptance for the
    /// asset, and the administrator carries out the day-to-day work; without them nobody
    /// answers for the asset's protection. MSB's method support and SKR's KLASSA assign
    /// classification and requirements to the owner; ISO/IEC 27001:2022 annex A 5.9 requires
    /// assets to have owners, and 5.2 and 5.3 assign roles. Municipal audits look for an
    /// owner and an administrator for every system, critical ones first.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: procapita
    /// name: Procapita
    /// type: system
    /// status: active
    /// owner: Socialchef
    /// critical: true          # no administrator, critical: an error
    /// ```
    /// Not reported: the same asset with `administrator: Frida Fors`, or with
    /// `status: retired`.
    ///
    /// ## How to fix
    /// Name the system owner (usually a head of administration or a manager, as a role or
    /// a person) in `owner` and the administrator in `administrator`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, annex A 5.9 (inventory of information and other associated
    ///   assets: owners) and 5.3
    /// - MSB (MCF), Metodstöd för LIS: roller — systemägare och systemförvaltare
    /// - SKR, KLASSA: informationsägarens och systemägarens ansvar
    pub struct AssetWithoutOwner {
        code: "ORG004",
        name: "asset-without-owner",
        severity: Warning,
        summary: "an active asset without owner (systemägare) or administrator (systemförvaltare); an error when critical",
    }
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

impl Rule for AssetWithoutOwner {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (i, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() {
                continue;
            }
            let (missing, field) = match (blank(&a.owner), blank(&a.administrator)) {
                (false, false) => continue,
                (true, false) => ("owner", Some("/owner")),
                (false, true) => ("administrator", Some("/administrator")),
                (true, true) => ("owner_and_administrator", None),
            };
            // A blank field is pointed at; an absent one (or two missing) at the record.
            let pointer = field.filter(|f| a.src.spans.contains(f)).unwrap_or("");
            let critical_from = cx.derived.assets.get(i).and_then(|v| v.critical_from);
            let d = sink.record(a, pointer);
            d.arg("name", &a.name).arg("missing", missing);
            match critical_from {
                None => {
                    d.arg("critical", "no");
                }
                Some(j) if j == i => {
                    d.arg("critical", "own");
                }
                Some(j) => {
                    let via = &cx.repo.assets[j];
                    let direct = a.supports.iter().any(|s| s.eq_ignore_ascii_case(&via.id));
                    d.arg(
                        "critical",
                        if direct {
                            "inherited"
                        } else {
                            "inherited_indirectly"
                        },
                    )
                    .arg("critical_via", &via.id)
                    .arg("critical_via_name", &via.name)
                    .relate(Kind::Asset, &via.id);
                }
            }
            if critical_from.is_some() {
                d.with_severity(Severity::Error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::fixture_severities;

    /// The fixture harness checks where findings point; this checks their severity.
    #[test]
    fn severity_follows_effective_criticality() {
        let by_id = fixture_severities("ORG004", "2024-11-12");
        assert_eq!(by_id["journal"], Severity::Error);
        assert_eq!(by_id["vm-journal"], Severity::Error);
        assert_eq!(by_id["san"], Severity::Error);
        assert_eq!(by_id["bibliotek"], Severity::Warning);
        assert_eq!(by_id["enkatverktyg"], Severity::Warning);
        assert_eq!(by_id["gammal-server"], Severity::Warning);
    }
}
