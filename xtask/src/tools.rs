//! Installs what the build and the tests need, when missing, at the pinned versions.
//!
//! Each tool is detected by version first, so a second run installs nothing and starts at
//! once. Cargo tools go to cargo's own bin directory (never into the clone: CI clones
//! afresh each run and would rebuild trunk for 8 minutes every time). Nothing is
//! downloaded except through the package registries' own clients: rustup, cargo, npm, apt.

use std::path::Path;

use crate::cmd;
use crate::pins;
use crate::{Failure, Result, root};

/// What a chore needs installed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Building the site: wasm target, trunk, wasm-bindgen-cli, npm packages.
    Site,
    /// The site plus a browser and its driver for the wasm and end-to-end tests.
    Tests,
}

pub fn ensure(need: Need) -> Result<()> {
    ensure_node()?;
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()?;
    if need == Need::Tests {
        ensure_chromium()?;
    }
    Ok(())
}

fn installing(what: &str) {
    eprintln!("xtask: installing {what}");
}

fn ensure_node() -> Result<()> {
    for program in ["node", "npm"] {
        if cmd::probe(cmd::new(program).arg("--version")).is_none() {
            return Err(Failure(format!(
                "`{program}` is not installed: install Node.js 20 or later with npm (e.g. `apt-get install nodejs npm`), then retry"
            )));
        }
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let sysroot = cmd::probe(cmd::new("rustc").args(["--print", "sysroot"])).ok_or_else(|| {
        Failure("`rustc` does not run: install Rust 1.95 with rustup, then retry".into())
    })?;
    let target_lib = Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(pins::WASM_TARGET);
    if target_lib.is_dir() {
        return Ok(());
    }
    installing(&format!("the {} target (rustup)", pins::WASM_TARGET));
    cmd::run(
        cmd::new("rustup").args(["target", "add", pins::WASM_TARGET]),
        "rustup target add",
        "check the network to the Rust distribution server, then retry",
    )
}

/// Whether `program --version` prints `expected` as its second word (`trunk 0.21.14`).
fn has_version(program: &str, expected: &str) -> bool {
    cmd::probe(cmd::new(program).arg("--version"))
        .is_some_and(|out| out.split_whitespace().nth(1) == Some(expected))
}

/// `cargo install` into cargo's bin directory, whatever CARGO_TARGET_DIR the caller has.
fn cargo_install(krate: &str, version: &str, locked: bool) -> Result<()> {
    installing(&format!(
        "{krate} {version} (cargo install, several minutes, once per machine)"
    ));
    let mut install = cmd::new("cargo");
    install
        .args(["install", krate, "--version", version])
        .env_remove("CARGO_TARGET_DIR");
    if locked {
        install.arg("--locked");
    }
    cmd::run(
        &mut install,
        &format!("cargo install {krate} {version}"),
        "see cargo's error above; check the network to crates.io, then retry",
    )
}

fn ensure_trunk() -> Result<()> {
    if has_version("trunk", pins::TRUNK) {
        return Ok(());
    }
    cargo_install("trunk", pins::TRUNK, true)
}

/// wasm-bindgen-cli provides `wasm-bindgen` (trunk's) and `wasm-bindgen-test-runner`
/// (the wasm tests'); both must equal the `wasm-bindgen` crate. Installed without
/// `--locked`: its lock file pins a webpki-roots version the registry no longer has.
fn ensure_wasm_bindgen() -> Result<()> {
    let pin = pins::wasm_bindgen()?;
    if has_version("wasm-bindgen", &pin) && has_version("wasm-bindgen-test-runner", &pin) {
        return Ok(());
    }
    cargo_install("wasm-bindgen-cli", &pin, false)
}

/// `npm ci` whenever node_modules was not installed from the current package-lock.json.
/// The stamp is a copy of the lock file that `npm ci` was run for.
fn ensure_npm_packages() -> Result<()> {
    let lock = pins::read("package-lock.json")?;
    let stamp = root().join("node_modules/.xtask-installed-lock.json");
    if std::fs::read_to_string(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    installing("the npm packages (npm ci: editor, esbuild, wasm-opt, playwright-core)");
    cmd::run(
        cmd::new("npm").args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"]),
        "npm ci",
        "see npm's error above; check the network to the npm registry, then retry",
    )?;
    std::fs::write(&stamp, lock)
        .map_err(|e| Failure(format!("cannot write {}: {e}", stamp.display())))
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's chromium and chromium-driver, as root through apt (`apt-get update` first:
/// a fresh machine's package lists may be empty or stale).
fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    installing("chromium and chromium-driver (apt-get)");
    let advice = "run `apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver` as root, then retry";
    cmd::run(
        cmd::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
        "apt-get update",
        advice,
    )?;
    cmd::run(
        cmd::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        "apt-get install chromium chromium-driver",
        advice,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_is_detected_by_its_exact_version() {
        let cargo = cmd::probe(cmd::new("cargo").arg("--version")).unwrap_or_default();
        let version = cargo.split_whitespace().nth(1).unwrap_or("?");
        assert!(has_version("cargo", version), "{cargo}");
        assert!(
            !has_version("cargo", "0.0.0"),
            "another version means: install"
        );
        assert!(
            !has_version("goroscope-no-such-tool", version),
            "missing means: install"
        );
    }
}
