//! `isms`: an organisation's information-security management system kept as code.
//!
//! The library reads a repository of YAML records ([`loader`], [`repo`]), checks them
//! against their schemas ([`schema`]) and the gap rules ([`rules`]), and renders findings
//! and reports ([`render`]); [`cli`] holds the commands, one module each. The binary in
//! `main.rs` parses the arguments, reads the clock and dispatches to them.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod derived;
pub mod diagnostic;
pub mod hash;
pub mod loader;
pub mod model;
pub mod registry;
pub mod render;
pub mod repo;
pub mod report;
pub mod rules;
pub mod schema;
pub mod session;
pub mod span;
pub mod suggest;
pub mod tree;
pub mod yaml;
