//! Cloud services (CLD): personal data outside the EU/EEA (on assets, and in the countries
//! of the suppliers that process it), information under secrecy with providers outside
//! Swedish jurisdiction, unclassified cloud services.

use super::area_rules;
use crate::model::Asset;

pub use personal_data_transfer_without_safeguard::{
    SupplierTransfer, TransferGap, UnlawfulTransfer, unlawful_countries,
    unlawful_supplier_transfers, unlawful_transfers,
};
pub use secrecy_outside_swedish_jurisdiction::{JurisdictionGap, jurisdiction_gap};
pub use unclassified_cloud_service::unclassified_cloud_service;

area_rules! {
    personal_data_transfer_without_safeguard::PersonalDataTransferWithoutSafeguard,
    secrecy_outside_swedish_jurisdiction::SecrecyOutsideSwedishJurisdiction,
    unclassified_cloud_service::UnclassifiedCloudService,
}

/// The asset's provider, when it is named.
pub(crate) fn provider(asset: &Asset) -> Option<&str> {
    asset
        .hosting
        .as_ref()
        .and_then(|h| h.provider.as_deref())
        .filter(|p| !p.trim().is_empty())
}
