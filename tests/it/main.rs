//! The one integration test binary: rule fixtures, the catalogue, the command line, bad
//! input, schemas, output snapshots, report comparisons, reproducibility and scaffolding
//! (init, new).

mod agreement_documents_and_controls;
mod agreement_frameworks_and_suppliers;
mod agreement_people_and_plans;
mod architecture;
mod audit_verdicts;
mod bad_input;
mod baseline;
mod board_docx;
mod board_html;
mod board_summary;
mod catalogue;
mod cli;
mod commands;
mod compare;
mod derived;
mod due_and_list_lang;
mod everyday_outputs;
mod example_snapshots;
mod first_day;
mod formats;
mod history;
mod hostile;
mod identity;
mod log;
mod messages;
mod one_round;
mod props;
mod reports;
mod reproducible;
mod rule_fixtures;
mod scaffold;
mod schema_model;
mod support;
mod syntax_words;
mod tree;
mod trend;
mod yaml_suite;
