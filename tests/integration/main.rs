//! All integration tests, in one binary.

mod ci_recipe;
mod cli;
mod diff;
mod dodges;
mod examples_data;
mod first_hour;
mod growth;
mod growth_commands;
mod hostile;
mod house;
mod inputs;
mod json_io;
mod law;
mod outputs;
mod policy;
mod public_api;
mod readme;
mod repetition;
mod reports;
mod rules;
mod sarif;
mod schema;
mod sheet;
mod synth;
mod vocabularies;
