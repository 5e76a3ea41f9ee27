//! Cloud services (CLD): personal data outside the EU/EEA, information under secrecy with
//! providers outside Swedish jurisdiction, unclassified cloud services.

use super::area_rules;

pub use personal_data_transfer_without_safeguard::{TransferGap, UnlawfulTransfer, unlawful_transfers};
pub use secrecy_outside_swedish_jurisdiction::{JurisdictionGap, jurisdiction_gap};
pub use unclassified_cloud_service::unclassified_cloud_service;

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
