//! Cloud services (CLD): personal data outside the EU/EEA, information under secrecy with
//! providers outside Swedish jurisdiction, unclassified cloud services.

use super::area_rules;

area_rules! {
    personal_data_transfer_without_safeguard::PersonalDataTransferWithoutSafeguard,
    secrecy_outside_swedish_jurisdiction::SecrecyOutsideSwedishJurisdiction,
    unclassified_cloud_service::UnclassifiedCloudService,
}

/// ` by Leverantör AB` when the provider is named.
pub(crate) fn by_provider(provider: Option<&str>) -> String {
    provider
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!(" by {p}"))
        .unwrap_or_default()
}
