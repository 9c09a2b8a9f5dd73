//! Reading and writing a register: JSON in and out with errors that say where, the strictness
//! serde alone does not give (objects only, no unknown field, no duplicate key), and the JSON
//! Schema. The spreadsheet and interop formats belong here too, each a reader and/or a writer over
//! the model.

pub mod dpv;
pub(crate) mod error;
#[cfg(feature = "fides")]
pub mod fides;
pub(crate) mod file;
pub(crate) mod input;
pub(crate) mod json;
pub(crate) mod json_schema;
pub(crate) mod keys;
#[cfg(feature = "spreadsheet")]
pub mod sheet;
pub(crate) mod strict;
pub(crate) mod suggest;

pub use error::{Error, error_chain};
pub use input::{
    DEFAULT_MAX_INPUT_BYTES, from_path_with_text, from_path_within, from_reader_within,
};
pub use json::{
    escape_token, from_path, from_reader, from_slice, from_str, to_path, to_string, to_writer,
};
pub use json_schema::{
    SCHEMA_ID, STRICT_RULES, STRICT_SCHEMA_ID, schema, strict_schema, strict_schema_with,
};
