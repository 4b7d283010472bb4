//! The tool versions the build depends on, read from the files that pin them, so that a
//! version is written in one place and the others are checked against it.
//!
//! | pin | source of truth | must agree |
//! |---|---|---|
//! | wasm-bindgen | root Cargo.toml `wasm-bindgen = "=X"` | wasm-bindgen-cli (installed), Trunk.toml `[tools] wasm_bindgen`, Cargo.lock |
//! | wasm-opt | package.json `binaryen` `N.0.0` | Trunk.toml `[tools] wasm_opt = "version_N"` |
//! | trunk | [`TRUNK`] | — (the newest that builds on stable 1.95, see TOOLCHAIN.md) |

use crate::{Failure, Result, root};

/// trunk 0.22 needs rustc >= 1.96.1; 0.21.14 builds on stable 1.95 with `--locked`.
pub const TRUNK: &str = "0.21.14";

/// The rustc target the page and worker are built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The `wasm-bindgen` version pinned in the root Cargo.toml (`wasm-bindgen = "=X"`).
pub fn wasm_bindgen() -> Result<String> {
    let manifest = read("Cargo.toml")?;
    manifest
        .lines()
        .filter_map(|line| line.trim().strip_prefix("wasm-bindgen = \"="))
        .find_map(|rest| rest.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| Failure("Cargo.toml: no `wasm-bindgen = \"=X\"` pin in [workspace.dependencies]; restore it".into()))
}

/// A file of the repository, as text.
pub fn read(path: &str) -> Result<String> {
    std::fs::read_to_string(root().join(path))
        .map_err(|e| Failure(format!("cannot read {path}: {e}")))
}

/// The value of `key = "value"` (or `key = "value",`) on a line of its own in `text`.
#[cfg(test)]
fn value_of<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let rest = line
            .trim()
            .strip_prefix(key)?
            .trim_start()
            .strip_prefix('=')?;
        rest.trim()
            .trim_end_matches(',')
            .strip_prefix('"')?
            .strip_suffix('"')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_uses_the_pinned_wasm_bindgen() {
        let pin = wasm_bindgen().unwrap();
        let trunk = read("Trunk.toml").unwrap();
        assert_eq!(value_of(&trunk, "wasm_bindgen"), Some(pin.as_str()));
    }

    #[test]
    fn the_lock_file_resolves_wasm_bindgen_to_the_pin() {
        let pin = wasm_bindgen().unwrap();
        let lock = read("Cargo.lock").unwrap();
        let resolved = lock
            .split("[[package]]")
            .find(|entry| value_of(entry, "name") == Some("wasm-bindgen"))
            .and_then(|entry| value_of(entry, "version"));
        assert_eq!(resolved, Some(pin.as_str()));
    }

    #[test]
    fn trunk_uses_the_wasm_opt_that_npm_installs() {
        let package = read("package.json").unwrap();
        let package = package.replace(':', " =");
        let binaryen = value_of(&package, "\"binaryen\"").unwrap_or("");
        let major = binaryen.split('.').next().unwrap_or("");
        let trunk = read("Trunk.toml").unwrap();
        assert_eq!(
            value_of(&trunk, "wasm_opt"),
            Some(format!("version_{major}").as_str())
        );
    }
}
