//! Organisation (ORG): security representatives, key roles, the security council and
//! the owners and administrators of information assets.

use super::{Context, area_rules};
use crate::model::Roles;

area_rules! {
    missing_security_representative::MissingSecurityRepresentative,
    vacant_key_role::VacantKeyRole,
    infrequent_security_council::InfrequentSecurityCouncil,
    asset_without_owner::AssetWithoutOwner,
}

/// The key roles ORG002 checks, with their holders: `None` is vacant (missing or blank),
/// and every role is vacant without an organisation record. The audit report's key roles
/// are these; a unit's security representative (ORG001) is [`crate::model::Unit::representative`].
pub fn key_roles<'a>(cx: &Context<'a>) -> [(&'static str, Option<&'a str>); 4] {
    match cx.repo.organisation.first() {
        Some(o) => o.roles.all(),
        None => Roles::default().all().map(|(field, _)| (field, None)),
    }
}
