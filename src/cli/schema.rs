//! `schema`: prints the register's JSON Schema, or with `--strict` the strict one (`--layout`:
//! a spreadsheet layout file's; `--policy`: the policy file's; `--findings`: the findings JSON's;
//! `--diff`: the diff JSON's). Shared by
//! `cargo run --example schema` and `ropa schema` (the `cli` feature).

use std::process::ExitCode;

/// The options after the command, as its usage line gives them.
pub const OPTIONS: &str = "[--strict | --layout | --policy | --findings | --diff]";

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let mut strict = false;
    let mut layout = false;
    let mut policy = false;
    let mut findings = false;
    let mut diff = false;
    for argument in &arguments {
        match argument.as_str() {
            "--findings" => findings = true,
            "--diff" => diff = true,
            "--strict" => strict = true,
            "--layout" => layout = true,
            "--policy" => policy = true,
            _ => {
                eprintln!("usage: {command} {OPTIONS}");
                return ExitCode::from(2);
            }
        }
    }
    let schema = if findings {
        ropa::validate::findings_schema()
    } else if diff {
        ropa::diff::diff_schema()
    } else if policy {
        ropa::validate::policy_schema()
    } else if layout {
        ropa::sheet::layout_schema()
    } else if strict {
        ropa::strict_schema()
    } else {
        ropa::schema()
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}
