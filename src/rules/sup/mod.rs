//! Suppliers (SUP): security requirements, assessments, processor agreements, incident
//! notification and exit plans of the suppliers the organisation depends on.

use super::area_rules;

area_rules! {}
