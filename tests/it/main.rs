//! The one integration test binary: rule fixtures, the command line, bad input, schemas.

mod reports;
mod rule_fixtures;
