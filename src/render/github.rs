//! The `github` output format of `isms check`.

use super::Output;

/// Renders the findings as github.
pub fn render(out: &Output<'_>) -> String {
    let _ = out;
    String::new()
}
