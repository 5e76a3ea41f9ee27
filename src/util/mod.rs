//! Small helpers every layer may use: fixed-seed hash maps, "did you mean" suggestions, and
//! record text made safe to print.

pub mod hash;
pub mod suggest;
pub mod visible;
