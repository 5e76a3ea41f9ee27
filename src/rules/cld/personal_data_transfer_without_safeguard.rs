use crate::model::{PersonalData, TransferSafeguard};
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
    /// - CJEU C-311/18 (Schrems II)
    /// - SKR, vägledning om molntjänster
    pub struct PersonalDataTransferWithoutSafeguard {
        code: "CLD001",
        name: "personal-data-transfer-without-safeguard",
        severity: Error,
        summary: "personal data stored or processed outside the EU/EEA with no adequacy decision and no transfer safeguard",
    }
}

impl Rule for PersonalDataTransferWithoutSafeguard {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for asset in &cx.repo.assets {
            if !asset.is_active() || asset.personal_data == PersonalData::None {
                continue;
            }
            let Some(hosting) = &asset.hosting else {
                continue;
            };
            let safeguard = hosting
                .transfer_safeguard
                .unwrap_or(TransferSafeguard::None);
            if matches!(safeguard, TransferSafeguard::Scc | TransferSafeguard::Bcr) {
                continue;
            }
            for (i, code) in hosting.countries.iter().enumerate() {
                if cx.registry.is_eu_eea(code) {
                    continue;
                }
                let decision = cx.registry.adequacy(code);
                let problem = match decision {
                    Some(d) if d.in_force_on(cx.as_of.0) => match d.requires_safeguard.as_deref() {
                        Some("dpf") if safeguard == TransferSafeguard::Dpf => continue,
                        Some("dpf") => "whose adequacy decision covers only providers certified under the EU-US Data Privacy Framework (`transfer_safeguard: dpf`)".to_owned(),
                        Some(required) => format!(
                            "whose adequacy decision covers only recipients under `transfer_safeguard: {required}`"
                        ),
                        None => continue,
                    },
                    Some(d) if d.decided > cx.as_of.0 => format!(
                        "whose adequacy decision applies only from {}", d.decided
                    ),
                    Some(d) => format!(
                        "whose adequacy decision expired {}",
                        d.expires.map_or_else(|| "before the as-of date".to_owned(), |e| e.to_string())
                    ),
                    None => "outside the EU/EEA, with no adequacy decision".to_owned(),
                };
                let declared = match safeguard {
                    TransferSafeguard::None if hosting.transfer_safeguard.is_none() => {
                        "no transfer safeguard is declared".to_owned()
                    }
                    TransferSafeguard::None => {
                        "the asset declares `transfer_safeguard: none`".to_owned()
                    }
                    other => format!(
                        "`transfer_safeguard: {}` does not hold there",
                        other.as_str()
                    ),
                };
                let country = decision.map_or_else(
                    || format!("`{code}`"),
                    |d| format!("`{code}` ({})", d.name.en),
                );
                sink.at(asset, &format!("/hosting/countries/{i}"), format!(
                    "asset `{}` with {} personal data is stored or processed in {country}, {problem}; {declared}",
                    asset.id, asset.personal_data.as_str()
                ))
                .with_subject(code.as_str())
                .help = Some(
                    "keep the data in the EU/EEA, or put standard contractual clauses (`scc`), binding corporate rules (`bcr`) or, for the US, a DPF-certified provider (`dpf`) in place and record it in `hosting.transfer_safeguard`".into(),
                );
            }
        }
    }
}
