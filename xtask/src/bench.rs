//! `cargo xtask bench`: the speed figures the issues ask for. Builds the CLI in release
//! mode and runs `goroscope bench bench/programs` (each program as a child process, the
//! median of several runs and the peak memory, beside `go build` when `go` is on PATH),
//! then the front end's figures ([`page`], in headless Chromium); extra arguments (e.g.
//! `--runs 9`) pass through to both. `cargo xtask bench --page` runs the front end's alone.

mod page;

use crate::{Failure, Result, cmd};

pub fn run(extra: &[&str]) -> Result<()> {
    if let Some(rest) = extra.strip_prefix(&["--page"]) {
        return page::run(rest);
    }
    cmd::run(
        cmd::new("cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "goroscope-cli",
                "--",
                "bench",
                "bench/programs",
            ])
            .args(extra),
        "the benchmarks",
        "see the table above",
    )?;
    // The CLI's table stands on its own where the site's tools cannot be installed.
    match page::ready() {
        Ok(()) => page::run(extra),
        Err(Failure(why)) => {
            eprintln!("xtask: the page bench is skipped: {why}");
            Ok(())
        }
    }
}
