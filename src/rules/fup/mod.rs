//! Follow-up (FUP): management reviews to the board, audits, units' self-assessments and the
//! follow-up of audit recommendations.

use super::Rule;

mod audit_finding_not_followed_up;
mod no_isms_audit;
mod no_management_review;
mod unit_without_follow_up;

pub use audit_finding_not_followed_up::AuditFindingNotFollowedUp;
pub use no_isms_audit::NoIsmsAudit;
pub use no_management_review::NoManagementReview;
pub use unit_without_follow_up::UnitWithoutFollowUp;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[
    &NoManagementReview,
    &NoIsmsAudit,
    &UnitWithoutFollowUp,
    &AuditFindingNotFollowedUp,
];
