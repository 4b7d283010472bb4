//! `tests/corpus` is a copy of the shared Go conformance corpus, so the project tests
//! itself anywhere. When the shared original sits beside the checkout (`../shared/corpus`),
//! the copy must be byte-for-byte identical to it: expected outputs are never edited here.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file below `dir`, keyed by its path relative to `dir`.
fn files_below(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("read {}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).expect("readable corpus file");
                out.insert(path.strip_prefix(dir).expect("below dir").to_path_buf(), bytes);
            }
        }
    }
    out
}

#[test]
fn corpus_copy_matches_shared_original() {
    let root = repo_root();
    let copy = files_below(&root.join("tests/corpus"));
    assert!(copy.len() > 90, "tests/corpus looks incomplete: {} files", copy.len());
    let shared = root.join("../shared/corpus");
    if !shared.is_dir() {
        eprintln!("../shared/corpus is absent: only the copy's presence was checked");
        return;
    }
    let original = files_below(&shared);
    let missing: Vec<_> = original.keys().filter(|k| !copy.contains_key(*k)).collect();
    let extra: Vec<_> = copy.keys().filter(|k| !original.contains_key(*k)).collect();
    let differing: Vec<_> =
        original.iter().filter(|(k, v)| copy.get(*k).is_some_and(|c| c != *v)).map(|(k, _)| k).collect();
    assert!(
        missing.is_empty() && extra.is_empty() && differing.is_empty(),
        "tests/corpus differs from ../shared/corpus: missing {missing:?}, extra {extra:?}, differing {differing:?}"
    );
}
