//! `isms`: an organisation's information-security management system kept as code.
//!
//! The library reads a repository of YAML records ([`load`], [`repo`]), checks them against
//! their schemas ([`schema`]) and the gap rules ([`rules`], [`check`]), and renders findings
//! and reports ([`render`], [`report`]); [`cli`] holds the commands, one module each. The
//! binary in `main.rs` parses the arguments, reads the clock and dispatches to them.
//! `docs/architecture.md` describes the layers, from [`cli`] on top to [`model`] at the
//! bottom.

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod git;
pub mod l10n;
pub mod load;
pub mod model;
pub mod registry;
pub mod render;
pub mod repo;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod util;
