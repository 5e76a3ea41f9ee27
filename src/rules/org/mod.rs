//! Organisation (ORG): security representatives, key roles, the security council and
//! the owners and administrators of information assets.

use super::area_rules;

area_rules! {
    missing_security_representative::MissingSecurityRepresentative,
    vacant_key_role::VacantKeyRole,
    infrequent_security_council::InfrequentSecurityCouncil,
    asset_without_owner::AssetWithoutOwner,
}
