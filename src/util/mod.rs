//! Small helpers every layer may use: fixed-seed hash maps, "did you mean" suggestions,
//! record text made safe to print, and small text files read with limits.

pub mod file;
pub mod hash;
pub mod suggest;
pub mod visible;
