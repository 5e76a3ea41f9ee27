//! Follow-up (FUP): management reviews to the board, audits, units' self-assessments and the
//! follow-up of audit recommendations.

use super::area_rules;

area_rules! {
    no_management_review::NoManagementReview,
    no_isms_audit::NoIsmsAudit,
    unit_without_follow_up::UnitWithoutFollowUp,
    audit_finding_not_followed_up::AuditFindingNotFollowedUp,
}
