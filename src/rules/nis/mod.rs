//! The cybersecurity law (NIS): registration, the management body's approval and training,
//! and the ten risk-management measures of NIS2 art. 21(2).

use super::area_rules;

area_rules! {}
