//! Organisation (ORG): security representatives, key roles, the security council and
//! the owners and administrators of information assets.

use super::Rule;

mod asset_without_owner;
mod infrequent_security_council;
mod missing_security_representative;
mod vacant_key_role;

pub use asset_without_owner::AssetWithoutOwner;
pub use infrequent_security_council::InfrequentSecurityCouncil;
pub use missing_security_representative::MissingSecurityRepresentative;
pub use vacant_key_role::VacantKeyRole;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[
    &MissingSecurityRepresentative,
    &VacantKeyRole,
    &InfrequentSecurityCouncil,
    &AssetWithoutOwner,
];
