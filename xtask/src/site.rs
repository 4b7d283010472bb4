//! The release site: the editor bundle, then `trunk build --release` into `dist/`, then
//! [`finish`](crate::finish) (no inline script; embed.js and the sample tutorial).
//!
//! Every URL in the site is relative (`--public-url ./`), so any static host can serve
//! `dist/` from any path.

use crate::cmd;
use crate::tools::{self, Need};
use crate::{Result, bundle, finish, root};

/// `cargo xtask dist`.
pub fn dist() -> Result<()> {
    tools::ensure(Need::Site)?;
    build()?;
    eprintln!("xtask: the site is in {}", root().join("dist").display());
    Ok(())
}

/// Builds the release site into `dist/`; the tools must be installed.
pub fn build() -> Result<()> {
    // Trunk.toml has `offline = true` (no tool downloads), which also makes trunk's cargo
    // offline: fetch the crates first, through cargo, from crates.io.
    cmd::run(
        cmd::new("cargo").args(["fetch", "--quiet"]),
        "cargo fetch",
        "see cargo's error above; check the network to crates.io, then retry",
    )?;
    bundle::editor()?;
    cmd::run(
        cmd::new("trunk")
            .args(["build", "--release", "--public-url", "./"])
            .env("TRUNK_SKIP_VERSION_CHECK", "true")
            .env("NO_COLOR", "true"),
        "trunk build --release",
        "see trunk's error above",
    )?;
    finish::finish(&root().join("dist"))
}
