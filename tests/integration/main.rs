//! All integration tests, in one binary.

mod cli;
mod examples_data;
mod hostile;
mod json_io;
mod outputs;
mod law;
mod reports;
mod rules;
mod schema;
mod synth;
mod vocabularies;
