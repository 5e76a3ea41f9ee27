//! The one integration test binary: rule fixtures, the command line, bad input, schemas.

mod formats;
mod rule_fixtures;
