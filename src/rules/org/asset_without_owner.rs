use crate::diagnostic::Severity;
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
            let missing: Vec<(&str, &str)> = [
                ("owner", "owner (systemägare)", blank(&a.owner)),
                (
                    "administrator",
                    "administrator (systemförvaltare)",
                    blank(&a.administrator),
                ),
            ]
            .into_iter()
            .filter(|(_, _, blank)| *blank)
            .map(|(field, words, _)| (field, words))
            .collect();
            let (pointer, what) = match missing.as_slice() {
                [] => continue,
                [(field, words)] => {
                    let at = format!("/{field}");
                    // A blank field is pointed at; an absent one at the record.
                    (
                        if a.src.spans.contains(&at) {
                            at
                        } else {
                            String::new()
                        },
                        (*words).to_owned(),
                    )
                }
                _ => (
                    String::new(),
                    format!("{} or {}", missing[0].1, missing[1].1),
                ),
            };
            let critical_from = cx.derived.assets.get(i).and_then(|v| v.critical_from);
            let mut message = format!("active asset `{}` ({}) has no {what}", a.id, a.name);
            match critical_from {
                Some(j) if j == i => message.push_str("; it is critical"),
                Some(j) => {
                    let via = &cx.repo.assets[j].id;
                    let direct = a.supports.iter().any(|s| s.eq_ignore_ascii_case(via));
                    message.push_str(&format!(
                        "; it is critical through `{via}`, which it supports{}",
                        if direct { "" } else { " indirectly" }
                    ));
                }
                None => {}
            }
            let d = sink.at(a, &pointer, message);
            if critical_from.is_some() {
                d.with_severity(Severity::Error);
            }
            d.help = Some(format!(
                "name the {} of `{}` in {}",
                missing
                    .iter()
                    .map(|(f, _)| *f)
                    .collect::<Vec<_>>()
                    .join(" and "),
                a.id,
                missing
                    .iter()
                    .map(|(f, _)| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ));
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
