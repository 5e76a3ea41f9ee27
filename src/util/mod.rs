//! Small helpers every layer may use: fixed-seed hash maps, "did you mean" suggestions,
//! record text made safe to print, small text files read with limits, and locks.

pub mod file;
pub mod hash;
pub mod suggest;
pub mod visible;

/// The value behind `m`, whether or not a thread panicked holding it: the values `isms`
/// shares behind locks are changed one push, pop or insert at a time, so a panic leaves
/// one as it was before or after a change, and either is usable.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
