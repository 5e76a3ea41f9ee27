//! The one integration test binary: rule fixtures, the command line, bad input, schemas.

mod rule_fixtures;
