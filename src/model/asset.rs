//! Information assets: systems, journals, archives, storage and services.

use serde::{Deserialize, Serialize};

use super::Kind;

record! {
    /// An information asset.
    pub struct Asset {
        pub name: String,
        #[serde(rename = "type")]
        pub asset_type: AssetType,
        #[serde(default)]
        pub status: AssetStatus,
        #[serde(default)]
        pub unit: Option<String>,
        #[serde(default)]
        pub owner: Option<String>,
        #[serde(default)]
        pub administrator: Option<String>,
        #[serde(default)]
        pub critical: bool,
        #[serde(default)]
        pub personal_data: PersonalData,
        #[serde(default)]
        pub secrecy: bool,
        #[serde(default)]
        pub essential_service: Option<String>,
        #[serde(default)]
        pub hosting: Option<Hosting>,
        #[serde(default)]
        pub measures: Vec<String>,
        #[serde(default)]
        pub supports: Vec<String>,
        #[serde(default)]
        pub description: super::Prose,
    }
    fn references(&self, refs) {
        refs.one("/unit", Kind::Unit, self.unit.as_deref());
        refs.many("/measures", Kind::Measure, &self.measures);
        refs.many("/supports", Kind::Asset, &self.supports);
        let supplier = self.hosting.as_ref().and_then(|h| h.supplier.as_deref());
        refs.one("/hosting/supplier", Kind::Supplier, supplier);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetType {
    System,
    Journal,
    Archive,
    Storage,
    Service,
    Other,
}

/// An asset without `status` is taken to be active: it is in the register for a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetStatus {
    Planned,
    #[default]
    Active,
    Retired,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PersonalData {
    #[default]
    None,
    Ordinary,
    Sensitive,
}

impl PersonalData {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonalData::None => "none",
            PersonalData::Ordinary => "ordinary",
            PersonalData::Sensitive => "sensitive",
        }
    }
}

/// Where and by whom an asset is run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hosting {
    #[serde(default)]
    pub model: Option<HostingModel>,
    #[serde(default)]
    pub provider: Option<String>,
    /// The supplier record of the provider.
    #[serde(default)]
    pub supplier: Option<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub swedish_jurisdiction: Option<bool>,
    #[serde(default)]
    pub transfer_safeguard: Option<TransferSafeguard>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostingModel {
    OnPremises,
    PrivateCloud,
    PublicCloud,
    Saas,
    External,
}

impl HostingModel {
    pub fn as_str(self) -> &'static str {
        match self {
            HostingModel::OnPremises => "on_premises",
            HostingModel::PrivateCloud => "private_cloud",
            HostingModel::PublicCloud => "public_cloud",
            HostingModel::Saas => "saas",
            HostingModel::External => "external",
        }
    }

    /// Run by someone else on infrastructure the organisation does not control.
    pub fn is_cloud(self) -> bool {
        matches!(self, HostingModel::PublicCloud | HostingModel::Saas)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferSafeguard {
    Adequacy,
    Dpf,
    Scc,
    Bcr,
    None,
}

impl TransferSafeguard {
    pub fn as_str(self) -> &'static str {
        match self {
            TransferSafeguard::Adequacy => "adequacy",
            TransferSafeguard::Dpf => "dpf",
            TransferSafeguard::Scc => "scc",
            TransferSafeguard::Bcr => "bcr",
            TransferSafeguard::None => "none",
        }
    }
}

impl Asset {
    pub fn is_active(&self) -> bool {
        self.status == AssetStatus::Active
    }

    pub fn hosting_model(&self) -> Option<HostingModel> {
        self.hosting.as_ref().and_then(|h| h.model)
    }
}
