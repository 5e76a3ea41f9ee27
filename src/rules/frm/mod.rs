//! Frameworks (FRM): the statement of applicability, its exclusions and the controls no record
//! carries out.

use super::area_rules;

area_rules! {}
