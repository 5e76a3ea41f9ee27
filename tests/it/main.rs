//! The one integration test binary: rule fixtures, the command line, bad input, schemas.

mod bad_input;
mod cli;
mod formats;
mod props;
mod reports;
mod rule_fixtures;
mod schema_model;
mod support;
