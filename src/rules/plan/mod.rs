//! Rules of the PLAN area (see `../shared/spec/rules.md`).

use super::Rule;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[];
