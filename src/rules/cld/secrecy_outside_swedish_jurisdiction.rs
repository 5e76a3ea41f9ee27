use crate::model::{Asset, HostingModel};
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::provider;

declare_rule! {
    /// ## What it does
    /// Finds active assets with `secrecy: true` whose provider is not under Swedish
    /// jurisdiction:
    ///
    /// - `hosting.swedish_jurisdiction: false`, reported at that field; or
    /// - `swedish_jurisdiction` not stated while someone else runs the asset
    ///   (`hosting.model` saas, public_cloud or external), reported at `hosting.model`:
    ///   for information under secrecy, the absence of a foreign provider must be shown,
    ///   not assumed.
    ///
    /// Assets run on premises or in a private cloud, and assets without `hosting`, are taken
    /// to be in the organisation's own hands when the field is absent.
    ///
    /// ## Why it matters
    /// Information covered by secrecy under the Public Access to Information and Secrecy Act
    /// (offentlighets- och sekretesslagen, OSL) must not be disclosed. A provider subject to a
    /// foreign law that can compel it to hand data to that country's authorities (e.g. the
    /// US CLOUD Act) may have to disclose it: eSamverkansprogrammet (eSam) and several
    /// authorities' analyses conclude that this can be an unauthorised disclosure, so
    /// information under secrecy belongs with providers under Swedish law only.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: elevhalsa
    /// name: Elevhälsans journal
    /// type: journal
    /// secrecy: true
    /// hosting:
    ///   model: saas
    ///   provider: Global Cloud Inc
    ///   swedish_jurisdiction: false   # error
    /// ```
    /// Not reported: the same asset with `swedish_jurisdiction: true`, or run
    /// `on_premises`.
    ///
    /// ## How to fix
    /// Move the information to a provider under Swedish jurisdiction only (or run it
    /// yourself), or show by a documented legal analysis that no disclosure can occur and
    /// record a waiver with the reason. State `hosting.swedish_jurisdiction` for every
    /// externally run asset under secrecy.
    ///
    /// ## References
    /// - Offentlighets- och sekretesslag (2009:400), 3 kap. 1 § (secrecy: a prohibition to disclose)
    /// - eSam, Rättsligt uttalande om röjande och molntjänster
    /// - SKR, vägledning om molntjänster
    pub struct SecrecyOutsideSwedishJurisdiction {
        code: "CLD002",
        name: "secrecy-outside-swedish-jurisdiction",
        severity: Error,
        summary: "asset with secrecy: true hosted by a provider not under Swedish jurisdiction",
    }
}

/// Why CLD002 reports an asset under secrecy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JurisdictionGap {
    /// `hosting.swedish_jurisdiction: false`.
    NotSwedish,
    /// Run by someone else (SaaS, public cloud, external) with no statement either way.
    Unstated(HostingModel),
}

/// Why CLD002 reports `asset`, if it does: an active asset with `secrecy: true` whose
/// provider is not, or not stated to be, under Swedish jurisdiction. Audit question 12
/// counts the same.
pub fn jurisdiction_gap(asset: &Asset) -> Option<JurisdictionGap> {
    if !asset.is_active() || !asset.secrecy {
        return None;
    }
    let hosting = asset.hosting.as_ref()?;
    match (hosting.swedish_jurisdiction, hosting.model) {
        (Some(false), _) => Some(JurisdictionGap::NotSwedish),
        (
            None,
            Some(model @ (HostingModel::Saas | HostingModel::PublicCloud | HostingModel::External)),
        ) => Some(JurisdictionGap::Unstated(model)),
        _ => None,
    }
}

impl Rule for SecrecyOutsideSwedishJurisdiction {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for asset in &cx.repo.assets {
            let Some(gap) = jurisdiction_gap(asset) else {
                continue;
            };
            let provider = provider(asset);
            let d = match gap {
                JurisdictionGap::NotSwedish => sink
                    .record(asset, "/hosting/swedish_jurisdiction")
                    .says(if provider.is_some() {
                        "CLD002"
                    } else {
                        "CLD002-unnamed"
                    }),
                JurisdictionGap::Unstated(model) => sink
                    .record(asset, "/hosting/model")
                    .says(if provider.is_some() {
                        "CLD002-unstated"
                    } else {
                        "CLD002-unstated-unnamed"
                    })
                    .arg("model", model.as_str()),
            };
            d.arg("name", &asset.name);
            if let Some(provider) = provider {
                d.arg("provider", provider);
            }
        }
    }
}
