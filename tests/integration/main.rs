//! All integration tests, in one binary.

mod examples_data;
mod json_io;
mod vocabularies;
