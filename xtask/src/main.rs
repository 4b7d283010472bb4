//! `cargo xtask serve | test | bench | dist`: the project's chores, in plain Rust.
//!
//! Every command first installs what is missing ([`tools`]), so that a fresh machine of
//! the kind ../shared/TOOLCHAIN.md describes needs nothing by hand. Failures end the run
//! with one line that says what happened and what to do ([`Failure`]), never a backtrace.

mod bench;
mod bundle;
mod cmd;
mod finish;
mod pins;
mod serve;
mod site;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

/// Why a chore failed, in one line: what happened and what to do.
#[derive(Debug)]
pub struct Failure(pub String);

pub type Result<T> = std::result::Result<T, Failure>;

const USAGE: &str = "\
usage: cargo xtask <command>
  serve [--port N]  install what is missing, build the release site, serve it (default port 8080)
  test              install what is missing, then run the native, wasm and browser tests
  bench [--runs N]  time the benchmark programs (bench/programs) natively, beside go build when go is on PATH,
                    then the page's figures in headless Chromium (frame rate, memory, scrub, latencies)
  bench --page [--runs N]  the page's figures alone
  dist              install what is missing, build the release site into dist/";

/// The repository's root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let xtask = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().map(PathBuf::from).unwrap_or(xtask)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let outcome = match args.as_slice() {
        ["serve"] => serve::run(serve::DEFAULT_PORT),
        ["serve", "--port", port] => match port.parse() {
            Ok(port) => serve::run(port),
            Err(_) => Err(Failure(format!(
                "--port {port}: not a port number (1-65535)"
            ))),
        },
        ["test"] => test::run(),
        ["dist"] => site::dist(),
        ["bench", extra @ ..] => bench::run(extra),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(why)) => {
            eprintln!("xtask: {why}");
            ExitCode::FAILURE
        }
    }
}
