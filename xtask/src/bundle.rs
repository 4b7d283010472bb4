//! The editor bundle: esbuild turns `js/editor.js` (CodeMirror from node_modules) into
//! `web/js/editor.bundle.js`, the module the web crate imports through wasm-bindgen.
//!
//! The bundle is replaced only when its content changes: its timestamp is an input of the
//! web crate's build, and touching it would relink the page on every build.

use crate::cmd;
use crate::{Failure, Result, root};

const SOURCE: &str = "js/editor.js";
const BUNDLE: &str = "web/js/editor.bundle.js";

pub fn editor() -> Result<()> {
    let scratch = root().join("target/xtask");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| Failure(format!("cannot create {}: {e}", scratch.display())))?;
    let fresh = scratch.join("editor.bundle.js");
    cmd::run(
        cmd::new("esbuild")
            .args([
                SOURCE,
                "--bundle",
                "--format=esm",
                "--minify",
                "--log-level=warning",
            ])
            .arg(format!("--outfile={}", fresh.display())),
        "esbuild (the editor bundle)",
        "see esbuild's error above",
    )?;
    let fresh_text = std::fs::read(&fresh)
        .map_err(|e| Failure(format!("cannot read {}: {e}", fresh.display())))?;
    let bundle = root().join(BUNDLE);
    if std::fs::read(&bundle).is_ok_and(|old| old == fresh_text) {
        return Ok(());
    }
    // A fresh clone has no web/js/: the bundle is the only file there, and it is ignored.
    if let Some(dir) = bundle.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::rename(&fresh, &bundle).map_err(|e| Failure(format!("cannot write {BUNDLE}: {e}")))
}
