//! `cargo xtask test`: every test the project has, in three stages, each run by its own
//! runner whose summary lines are printed as they come:
//! 1. native: `cargo test --workspace` (all crates, including this xtask);
//! 2. wasm: wasm-bindgen-test in headless Chromium, for the crates with browser code;
//! 3. e2e: the release site served locally, driven by Playwright (`node --test e2e/`).
//!
//! A failing stage does not stop the later ones, so one run shows every failure; the
//! command fails if any stage failed.

use crate::cmd;
use crate::tools::{self, CHROMEDRIVER, CHROMIUM, Need};
use crate::{Failure, Result, bundle, root, serve, site};

/// The crates whose `tests/browser*.rs` run in Chromium.
const BROWSER_CRATES: [&str; 2] = ["goroscope-web", "goroscope-worker"];

/// A stage's name and what runs it.
type Stage = (&'static str, fn() -> Result<()>);

const STAGES: [Stage; 3] = [("native", native), ("wasm", wasm), ("e2e", e2e)];

pub fn run() -> Result<()> {
    tools::ensure(Need::Tests)?;
    let mut failed = Vec::new();
    for (name, stage) in STAGES {
        eprintln!("xtask: test stage `{name}`");
        if let Err(Failure(why)) = stage() {
            eprintln!("xtask: stage `{name}` failed: {why}");
            failed.push(name);
        }
    }
    if failed.is_empty() {
        eprintln!("xtask: every test stage passed (native, wasm, e2e)");
        Ok(())
    } else {
        Err(Failure(format!(
            "failing test stages: {}; see the runners' output above",
            failed.join(", ")
        )))
    }
}

fn native() -> Result<()> {
    cmd::run(
        cmd::new("cargo").args(["test", "--workspace", "--no-fail-fast"]),
        "cargo test --workspace",
        "see the failing tests above",
    )
}

fn wasm() -> Result<()> {
    // The web crate's wasm build imports the editor bundle.
    bundle::editor()?;
    let mut test = cmd::new("cargo");
    test.args([
        "test",
        "--target",
        crate::pins::WASM_TARGET,
        // Every crate's `tests/browser*.rs` (cargo matches the glob per package).
        "--test",
        "browser*",
    ]);
    for krate in BROWSER_CRATES {
        test.args(["-p", krate]);
    }
    // The runner (.cargo/config.toml) drives this chromedriver, which finds /usr/bin/chromium.
    test.env("CHROMEDRIVER", CHROMEDRIVER);
    cmd::run(&mut test, "the wasm tests", "see the failing tests above")
}

fn e2e() -> Result<()> {
    site::build()?;
    let url = serve::dist_in_background()?;

    let specs = std::fs::read_dir(root().join("e2e"))
        .map_err(|e| Failure(format!("cannot list e2e/: {e}")))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"));
    let mut specs: Vec<_> = specs.collect();
    specs.sort();
    if specs.is_empty() {
        return Err(Failure("no e2e/*.test.mjs found".into()));
    }
    cmd::run(
        cmd::new("node")
            .arg("--test")
            .args(&specs)
            .env("GOROSCOPE_URL", &url)
            .env("CHROMIUM", CHROMIUM),
        "the end-to-end tests",
        "see the failing tests above; screenshots are in e2e/artifacts/",
    )
}
