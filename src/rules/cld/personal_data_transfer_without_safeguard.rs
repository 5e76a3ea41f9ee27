use crate::diagnostic::Diagnostic;
use crate::l10n::Value;
use crate::model::{Asset, Date, Kind, PersonalData, Supplier, TransferSafeguard};
use crate::registry::Registry;
use crate::repo::{Rec, Repository};
use crate::rules::sup::served_assets;
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
    /// The same check applies to the `countries` of every active supplier with
    /// `processor: true` (SUP003 asks for its data processing agreement; this rule for where
    /// it takes the data), reported on the supplier record at the country's entry in
    /// `countries`. A supplier has no `transfer_safeguard` of its own: it takes the
    /// safeguards of the active assets with personal data whose `hosting.supplier` names it.
    /// Its country is fine when every one of those assets declares a safeguard that holds
    /// there, by the same test as for an asset; the finding names the first asset whose
    /// safeguard does not. A processor that serves no such asset has only `none`: its
    /// countries outside the EU/EEA are reported unless an adequacy decision in force covers
    /// them without a condition. The safeguard is read from the assets rather than from a
    /// field of the supplier's own: the assets already say on which ground their data
    /// leaves the EU/EEA, and a second statement on the supplier could contradict them.
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
    /// A processor in the same country, reported at `US` unless every asset with personal
    /// data it serves declares `dpf` (or `scc`, `bcr`):
    /// ```yaml
    /// kind: supplier
    /// id: enkatbolaget
    /// name: Enkätbolaget Inc.
    /// processor: true
    /// countries: [SE, US]     # enkatverktyg (hosting.supplier: enkatbolaget) has none: error at US
    /// ```
    ///
    /// ## How to fix
    /// Keep the data in the EU/EEA, or put a transfer ground in place (standard contractual
    /// clauses with a transfer impact assessment, a DPF-certified provider for the US) and
    /// record it in `hosting.transfer_safeguard`. For a supplier, record the safeguard on
    /// each asset it serves, or correct its `countries` if it keeps the data in the EU/EEA.
    ///
    /// ## References
    /// - Regulation (EU) 2016/679 (GDPR), art. 28 and 44-46
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
    if !asset.is_active() || asset.personal_data == PersonalData::None {
        return Vec::new();
    }
    let safeguard = hosting
        .transfer_safeguard
        .unwrap_or(TransferSafeguard::None);
    unlawful_countries(registry, &hosting.countries, safeguard, as_of)
}

/// Of `countries`, in their order, those where personal data transferred under `safeguard`
/// has no ground on `as_of`: outside the EU/EEA, and neither under standard contractual
/// clauses or binding corporate rules nor covered by an adequacy decision in force (for a
/// decision that covers only certified recipients, `dpf`, only with that safeguard). The
/// one test of a country, for assets and suppliers alike.
pub fn unlawful_countries<'a>(
    registry: &Registry,
    countries: &'a [String],
    safeguard: TransferSafeguard,
    as_of: Date,
) -> Vec<UnlawfulTransfer<'a>> {
    if matches!(safeguard, TransferSafeguard::Scc | TransferSafeguard::Bcr) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (index, code) in countries.iter().enumerate() {
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

/// A country in an active processor supplier's `countries` with no transfer ground, and
/// the asset whose safeguard fails there.
#[derive(Debug, Clone)]
pub struct SupplierTransfer<'a> {
    /// The country, at its index in the supplier's `countries`.
    pub transfer: UnlawfulTransfer<'a>,
    /// The first asset (in path order) with personal data that the supplier serves and
    /// whose `transfer_safeguard` does not hold in the country; `None` when the supplier
    /// serves no active asset with personal data, and so has no safeguard but `none`.
    pub asset: Option<&'a Rec<Asset>>,
}

/// The countries CLD001 reports for `supplier` on `as_of`, in `countries` order: none for
/// an ended supplier or one that is not a processor (`processor: true`). A supplier has no
/// `transfer_safeguard` of its own; it takes those of the active assets with personal data
/// that it serves (`hosting.supplier`). A country is fine when every such asset declares a
/// safeguard that holds there ([`unlawful_countries`]); a supplier that serves no such asset
/// has only `none`.
pub fn unlawful_supplier_transfers<'a>(
    registry: &Registry,
    repo: &'a Repository,
    supplier: &'a Supplier,
    as_of: Date,
) -> Vec<SupplierTransfer<'a>> {
    if !supplier.is_active() || !supplier.processor {
        return Vec::new();
    }
    let holding: Vec<&Rec<Asset>> = served_assets(repo, &supplier.id)
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| a.personal_data != PersonalData::None)
        .collect();
    if holding.is_empty() {
        return unlawful_countries(registry, &supplier.countries, TransferSafeguard::None, as_of)
            .into_iter()
            .map(|transfer| SupplierTransfer {
                transfer,
                asset: None,
            })
            .collect();
    }
    // Each country with the first asset whose safeguard fails there: one finding per
    // country, as for an asset. The countries are the supplier's, so their verdict turns on
    // the safeguard alone: worked out once for each of the few safeguards, not for each of
    // the hundreds of assets a supplier may serve.
    let mut verdicts: Vec<(TransferSafeguard, Vec<UnlawfulTransfer<'a>>)> = Vec::new();
    let mut found: Vec<SupplierTransfer<'a>> = Vec::new();
    for asset in holding {
        let safeguard = asset
            .hosting
            .as_ref()
            .and_then(|h| h.transfer_safeguard)
            .unwrap_or(TransferSafeguard::None);
        let at = match verdicts.iter().position(|(s, _)| *s == safeguard) {
            Some(at) => at,
            None => {
                let unlawful = unlawful_countries(registry, &supplier.countries, safeguard, as_of);
                verdicts.push((safeguard, unlawful));
                verdicts.len() - 1
            }
        };
        for transfer in &verdicts[at].1 {
            if !found.iter().any(|f| f.transfer.index == transfer.index) {
                found.push(SupplierTransfer {
                    transfer: transfer.clone(),
                    asset: Some(asset),
                });
            }
        }
    }
    found.sort_by_key(|f| f.transfer.index);
    found
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
                gap_figures(d, cx.registry, t);
            }
        }
        for supplier in &cx.repo.suppliers {
            for t in unlawful_supplier_transfers(cx.registry, cx.repo, supplier, cx.as_of) {
                let d = sink
                    .record(supplier, &format!("/countries/{}", t.transfer.index))
                    .with_subject(t.transfer.country)
                    .says("CLD001-supplier")
                    .arg("name", &supplier.name);
                match t.asset {
                    None => {
                        d.arg("basis", "unserved");
                    }
                    Some(asset) => {
                        let written = asset.hosting.as_ref().and_then(|h| h.transfer_safeguard);
                        d.arg("basis", "asset")
                            .arg(
                                "asset",
                                Value::Record(asset.id.clone(), Some(asset.name.clone())),
                            )
                            .arg(
                                "safeguard",
                                written.unwrap_or(TransferSafeguard::None).as_str(),
                            )
                            .arg("declared", written.is_some())
                            .relate(Kind::Asset, &asset.id);
                    }
                }
                gap_figures(d, cx.registry, t.transfer);
            }
        }
    }
}

/// Names the country and why no transfer ground holds there: the figures `country_en`,
/// `country_sv` (when the registry knows it), `gap` and the dates or safeguard behind it.
fn gap_figures(d: &mut Diagnostic, registry: &Registry, t: UnlawfulTransfer<'_>) {
    if let Some(decision) = registry.adequacy(t.country) {
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
