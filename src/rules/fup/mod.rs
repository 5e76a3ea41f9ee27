//! Follow-up (FUP): management reviews to the board, audits, units' self-assessments and the
//! follow-up of audit recommendations.

use super::area_rules;

pub use audit_finding_not_followed_up::{Addressed, FollowUpGap, follow_up_gap, outstanding};
pub use no_isms_audit::recent_audit;
pub use no_management_review::board_review;
pub use unit_without_follow_up::FollowUps;

area_rules! {
    no_management_review::NoManagementReview,
    no_isms_audit::NoIsmsAudit,
    unit_without_follow_up::UnitWithoutFollowUp,
    audit_finding_not_followed_up::AuditFindingNotFollowedUp,
}
