//! Running programs: with the toolchain's directories on PATH, output shown as it comes,
//! and a one-line [`Failure`] when a program is missing or fails.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{Failure, Result, root};

/// `cargo install`'s bin directory: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// PATH with the npm tools (`node_modules/.bin`: wasm-opt, esbuild) and cargo's bin
/// directory first, so trunk finds the pinned tools and never tries to download them.
fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_bin_dir()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the repository root with the tool PATH.
pub fn new(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", tool_path());
    command
}

/// Runs `command` with inherited output; fails unless it exits 0. `what` names it in the
/// failure line; `advice` says what to do about it.
pub fn run(command: &mut Command, what: &str, advice: &str) -> Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    match command.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Failure(format!("{what} failed ({status}); {advice}"))),
        Err(e) => Err(missing(&program, &e)),
    }
}

/// Runs `command` quietly and returns its stdout, or `None` if it cannot run or fails:
/// for probing whether a tool is there and which version it is.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The failure for a program that could not be started.
pub fn missing(program: &str, e: &std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::NotFound {
        Failure(format!(
            "`{program}` is not installed and xtask cannot install it; install it and retry"
        ))
    } else {
        Failure(format!("cannot start `{program}`: {e}"))
    }
}
