//! Cloud services (CLD): personal data outside the EU/EEA, information under secrecy with
//! providers outside Swedish jurisdiction, unclassified cloud services.

use super::Rule;

mod personal_data_transfer_without_safeguard;
mod secrecy_outside_swedish_jurisdiction;
mod unclassified_cloud_service;

pub use personal_data_transfer_without_safeguard::PersonalDataTransferWithoutSafeguard;
pub use secrecy_outside_swedish_jurisdiction::SecrecyOutsideSwedishJurisdiction;
pub use unclassified_cloud_service::UnclassifiedCloudService;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[
    &PersonalDataTransferWithoutSafeguard,
    &SecrecyOutsideSwedishJurisdiction,
    &UnclassifiedCloudService,
];

/// ` by Leverantör AB` when the provider is named.
pub(crate) fn by_provider(provider: Option<&str>) -> String {
    provider
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!(" by {p}"))
        .unwrap_or_default()
}
