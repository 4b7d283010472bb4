//! `cargo xtask bench --page`: the front end's figures (frame rate with 1,000 goroutines,
//! page memory after a million events, scrub, first output, Pause and Stop latency).
//! Builds the release site, serves it on a free local port and runs
//! `e2e/bench/page.bench.mjs` in headless Chromium, which prints the table.

use crate::tools::{self, CHROMIUM, Need};
use crate::{Result, cmd, root, serve, site};

/// Installs what building the site and driving Chromium need.
pub fn ready() -> Result<()> {
    tools::ensure(Need::Tests)
}

pub fn run(extra: &[&str]) -> Result<()> {
    ready()?;
    site::build()?;
    let url = serve::dist_in_background()?;
    cmd::run(
        cmd::new("node")
            .arg(root().join("e2e/bench/page.bench.mjs"))
            .args(extra)
            .env("GOROSCOPE_URL", &url)
            .env("CHROMIUM", CHROMIUM),
        "the page bench",
        "see its output above",
    )
}
