use crate::model::{Asset, Date, PersonalData, TransferSafeguard};
use crate::registry::Registry;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active assets with personal data (`personal_data` ordinary or sensitive) whose
    /// `hosting.countries` include a country outside the EU/EEA for which no transfer ground
    /// holds. A country is fine when
    ///
    /// - an adequacy decision for it is in force on the as-of date (the registry's list,
    ///   with decision and expiry dates); the United States' decision covers only providers
    ///   certified under the EU-US Data Privacy Framework, so it counts only when the asset
    ///   declares `transfer_safeguard: dpf`; or
    /// - the asset declares `transfer_safeguard: scc` (standard contractual clauses) or
    ///   `bcr` (binding corporate rules), which apply to any country.
    ///
    /// EU/EEA means the 27 member states, Iceland, Liechtenstein and Norway, and the parts
    /// of member states with a country code of their own where the Treaties apply (TFEU
    /// art. 355): Åland (AX) and the outermost regions French Guiana (GF), Guadeloupe (GP),
    /// Martinique (MQ), Réunion (RE), Mayotte (YT) and Saint-Martin (MF). The decisions
    /// include Brazil from 2026-01-26 (Commission Implementing Decision (EU) 2026/179, for
    /// controllers and processors subject to the LGPD) and the United Kingdom, renewed on
    /// 2025-12-19 until 2031-12-27.
    ///
    /// An absent `transfer_safeguard` is read as `none`. `adequacy` and `dpf` are not
    /// safeguards of their own but claims that rest on a decision: declared for a country
    /// without a decision in force (or `adequacy` for the US), they do not hold, and the
    /// country is reported. Each country is reported at its entry in `hosting.countries`.
    ///
    /// ## Why it matters
    /// GDPR chapter V (art. 44-49) allows personal data to leave the EU/EEA only to a
    /// country with an adequacy decision (art. 45) or under appropriate safeguards (art. 46),
    /// such as standard contractual clauses or binding corporate rules. The Schrems II
    /// judgment (C-311/18) struck down the earlier US framework, and IMY has since acted
    /// against transfers to the US that lacked a valid ground.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: enkatverktyg
    /// name: Enkätverktyg
    /// type: service
    /// personal_data: ordinary
    /// hosting:
    ///   model: saas
    ///   countries: [SE, US]   # US without dpf: error at US
    ///   transfer_safeguard: none
    /// ```
    /// Not reported: the same asset with `transfer_safeguard: dpf` (a certified provider) or
    /// `scc`, or with `countries: [SE, NO, CH]`.
    ///
    /// ## How to fix
    /// Keep the data in the EU/EEA, or put a transfer ground in place (standard contractual
    /// clauses with a transfer impact assessment, a DPF-certified provider for the US) and
    /// record it in `hosting.transfer_safeguard`.
    ///
    /// ## References
    /// - Regulation (EU) 2016/679 (GDPR), art. 44-46
    /// - Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)
    /// - Commission Implementing Decision (EU) 2026/179 of 26 January 2026 (Brazil)
    /// - TFEU art. 349 and 355 (the outermost regions, Åland)
    /// - CJEU C-311/18 (Schrems II)
    /// - SKR, vägledning om molntjänster
    pub struct PersonalDataTransferWithoutSafeguard {
        code: "CLD001",
        name: "personal-data-transfer-without-safeguard",
        severity: Error,
        summary: "personal data stored or processed outside the EU/EEA with no adequacy decision and no transfer safeguard",
    }
}

/// Why no transfer ground holds for a country (CLD001).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferGap {
    /// An adequacy decision in force covers only recipients under this safeguard.
    NeedsSafeguard(String),
    /// The adequacy decision applies only from this date.
    NotYetInForce(jiff::civil::Date),
    /// The adequacy decision expired (on this date, when it has one).
    Expired(Option<jiff::civil::Date>),
    /// Outside the EU/EEA with no adequacy decision.
    NoDecision,
}

/// A country where an asset's personal data is stored or processed with no transfer ground.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlawfulTransfer<'a> {
    /// Its index in `hosting.countries`.
    pub index: usize,
    pub country: &'a str,
    pub gap: TransferGap,
}

/// The countries CLD001 reports for `asset` on `as_of`, in `hosting.countries` order: none
/// for a retired asset, one without personal data or hosting, or one under standard
/// contractual clauses or binding corporate rules. Audit question 12 counts the same.
pub fn unlawful_transfers<'a>(
    registry: &Registry,
    asset: &'a Asset,
    as_of: Date,
) -> Vec<UnlawfulTransfer<'a>> {
    let Some(hosting) = asset.hosting.as_ref() else {
        return Vec::new();
    };
    let safeguard = hosting
        .transfer_safeguard
        .unwrap_or(TransferSafeguard::None);
    if !asset.is_active()
        || asset.personal_data == PersonalData::None
        || matches!(safeguard, TransferSafeguard::Scc | TransferSafeguard::Bcr)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (index, code) in hosting.countries.iter().enumerate() {
        if registry.is_eu_eea(code) {
            continue;
        }
        let gap = match registry.adequacy(code) {
            Some(d) if d.in_force_on(as_of.0) => match d.requires_safeguard.as_deref() {
                Some("dpf") if safeguard == TransferSafeguard::Dpf => continue,
                Some(required) => TransferGap::NeedsSafeguard(required.to_owned()),
                None => continue,
            },
            Some(d) if d.decided > as_of.0 => TransferGap::NotYetInForce(d.decided),
            Some(d) => TransferGap::Expired(d.expires),
            None => TransferGap::NoDecision,
        };
        out.push(UnlawfulTransfer {
            index,
            country: code,
            gap,
        });
    }
    out
}

impl Rule for PersonalDataTransferWithoutSafeguard {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for asset in &cx.repo.assets {
            let Some(hosting) = &asset.hosting else {
                continue;
            };
            // An absent safeguard reads as `none`; the message says whether it was written.
            let safeguard = hosting
                .transfer_safeguard
                .unwrap_or(TransferSafeguard::None);
            let declared = if hosting.transfer_safeguard.is_some() {
                "yes"
            } else {
                "no"
            };
            for t in unlawful_transfers(cx.registry, asset, cx.as_of) {
                let d = sink
                    .record(asset, &format!("/hosting/countries/{}", t.index))
                    .with_subject(t.country)
                    .arg("name", &asset.name)
                    .arg("personal_data", asset.personal_data.as_str())
                    .arg("safeguard", safeguard.as_str())
                    .arg("declared", declared);
                if let Some(decision) = cx.registry.adequacy(t.country) {
                    d.arg("country_en", &decision.name.en)
                        .arg("country_sv", &decision.name.sv);
                }
                match t.gap {
                    TransferGap::NeedsSafeguard(required) => {
                        d.arg("gap", "requires_safeguard").arg("required", required);
                    }
                    TransferGap::NotYetInForce(decided) => {
                        d.arg("gap", "not_in_force").arg("decided", Date(decided));
                    }
                    TransferGap::Expired(Some(expires)) => {
                        d.arg("gap", "expired").arg("expires", Date(expires));
                    }
                    TransferGap::Expired(None) => {
                        d.arg("gap", "expired_undated");
                    }
                    TransferGap::NoDecision => {
                        d.arg("gap", "no_decision");
                    }
                }
            }
        }
    }
}
