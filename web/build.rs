//! Compiles the gallery in `../examples/*.go` into the app: writes `examples.rs` to
//! `OUT_DIR`, a table of `(name, source)` pairs in file-name order, each source an
//! `include_str!` of the file. Parsing the directive header is `examples::parse`'s job,
//! so it is tested natively like the rest of the model.

use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    // A new or removed file changes the directory's mtime; an edited one its own.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
        .collect();
    programs.sort();
    let mut table = String::from("&[\n");
    for path in &programs {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        table.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            absolute.display().to_string()
        ));
    }
    table.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("examples.rs");
    std::fs::write(&out, table).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
