//! The command line's commands, shared by the examples (`cargo run --example validate`, ...) and
//! the `ropa` binary (the `cli` feature), so that both take the same options, print the same
//! output and exit with the same status. Not a module of the library: each example and the
//! binary include it by path.
//!
//! Each command's `main(command, arguments)` reads the arguments after the command (`command` is
//! how it was called, for its usage line) and returns the exit status.

pub mod diff;
pub mod export;
pub mod format;
pub mod import;
pub mod report;
pub mod schema;
pub mod validate;

/// The error and its causes, one after the other: the OS's reason is in the source.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// `--option=value` as `--option value`, as the binary's parser also accepts it.
fn split_equals(arguments: Vec<String>) -> Vec<String> {
    let mut split = Vec::with_capacity(arguments.len());
    for argument in arguments {
        match argument.split_once('=') {
            Some((option, value)) if option.starts_with("--") => {
                split.push(option.to_owned());
                split.push(value.to_owned());
            }
            _ => split.push(argument),
        }
    }
    split
}
