//! Every program of the conformance corpus is valid Go syntax (its compile-error
//! cases are type errors), so each must parse with no diagnostics.

use std::path::{Path, PathBuf};

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("corpus directory").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            go_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "go") {
            out.push(path);
        }
    }
}

#[test]
fn every_corpus_program_parses_without_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files = Vec::new();
    go_files(&root, &mut files);
    assert!(files.len() >= 90, "expected the whole corpus, found {} files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).expect("readable corpus file");
        let parsed = goroscope_syntax::parse_file(&src);
        let lines = goroscope_syntax::LineIndex::new(&src);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        for d in &parsed.diagnostics {
            failures.push(d.render(name, &lines));
        }
        assert_eq!(parsed.file.package.name, "main", "{name}");
        assert!(!parsed.file.decls.is_empty(), "{name}");
    }
    assert!(failures.is_empty(), "syntax errors in the corpus:\n{}", failures.join("\n"));
}
