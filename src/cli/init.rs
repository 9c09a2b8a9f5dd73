//! `ropa init`: writes a register to start from ([`ropa::Register::starter`]), to standard
//! output or to a new file. It never replaces a file: a register already there is the user's.

use std::path::PathBuf;
use std::process::ExitCode;

use ropa::ActivityRole;

/// The options after the command, as its usage line gives them.
pub const OPTIONS: &str = "[--kind controller|processor] [--out PATH]";

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 2 on a usage error or when the file exists or cannot be written.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let (role, out) = match parse_args(arguments) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}\nusage: {command} {OPTIONS}");
            return ExitCode::from(2);
        }
    };
    let register = ropa::Register::starter(role);
    let written = match &out {
        None => ropa::to_string(&register).map(|json| print!("{json}")),
        Some(path) if std::fs::symlink_metadata(path).is_ok() => {
            eprintln!(
                "{}",
                ropa::report::terminal_escape(&format!(
                    "{}: already exists; ropa init writes only a new file",
                    path.display()
                ))
            );
            return ExitCode::from(2);
        }
        Some(path) => ropa::to_path(&register, path),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                ropa::report::terminal_escape(&super::error_chain(&error))
            );
            ExitCode::from(2)
        }
    }
}

/// The role of the starter's activity and where to write it.
fn parse_args(arguments: Vec<String>) -> Result<(ActivityRole, Option<PathBuf>), String> {
    let (mut role, mut out) = (ActivityRole::Controller, None);
    let mut arguments = super::split_equals(arguments).into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--kind" => {
                role = match arguments.next().as_deref() {
                    Some("controller") => ActivityRole::Controller,
                    Some("processor") => ActivityRole::Processor,
                    _ => return Err("--kind needs controller or processor".to_owned()),
                }
            }
            "--out" => {
                out = Some(PathBuf::from(arguments.next().ok_or("--out needs a path")?));
            }
            "-h" | "--help" => return Err("writes a register to start from".to_owned()),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    Ok((role, out))
}
