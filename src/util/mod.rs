//! Small helpers every layer may use: fixed-seed hash maps and "did you mean" suggestions.

pub mod hash;
pub mod suggest;
