//! `cargo xtask bench`: the speed figures the issues ask for. Builds the CLI in release
//! mode and runs `goroscope bench bench/programs` (each program as a child process, the
//! median of several runs and the peak memory, beside `go build` when `go` is on PATH),
//! then the front end's timing; extra arguments (e.g. `--runs 9`) pass through.

use crate::{Result, cmd};

pub fn run(extra: &[&str]) -> Result<()> {
    cmd::run(
        cmd::new("cargo")
            .args(["run", "--quiet", "--release", "-p", "goroscope-cli", "--", "bench", "bench/programs"])
            .args(extra),
        "the benchmarks",
        "see the table above",
    )
}
