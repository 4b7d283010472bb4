//! The conformance corpus through the checker: every program that compiles with Go
//! checks without diagnostics, and every `compile_*` case reproduces Go's first error
//! line exactly (`compile_undefined.go:11:14: undefined: sum`).

use std::fs;
use std::path::{Path, PathBuf};

use goroscope_syntax::{LineIndex, parse_file};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in fs::read_dir(corpus_dir()).expect("corpus directory") {
        let dir = dir.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        for f in fs::read_dir(&dir).expect("folder") {
            let f = f.expect("entry").path();
            if f.extension().is_some_and(|e| e == "go") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

/// Renders all diagnostics (parse errors first, as Go stops at syntax errors).
fn diagnostics(path: &Path) -> Vec<String> {
    let src = fs::read_to_string(path).expect("read program");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("prog.go");
    let lines = LineIndex::new(&src);
    let parsed = parse_file(&src);
    if !parsed.diagnostics.is_empty() {
        return parsed
            .diagnostics
            .iter()
            .map(|d| format!("syntax: {}", d.render(name, &lines)))
            .collect();
    }
    let checked = goroscope_types::check(&parsed.file);
    checked
        .diagnostics
        .iter()
        .map(|d| d.render(name, &lines))
        .collect()
}

#[test]
fn programs_that_build_check_cleanly() {
    let mut failures = Vec::new();
    let mut count = 0;
    for p in programs() {
        if p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("compile_"))
        {
            continue;
        }
        count += 1;
        let d = diagnostics(&p);
        if !d.is_empty() {
            failures.push(format!("{}:\n  {}", p.display(), d.join("\n  ")));
        }
    }
    assert!(
        count >= 80,
        "expected the whole corpus, found {count} programs"
    );
    assert!(
        failures.is_empty(),
        "{} programs fail to check:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn compile_errors_match_go() {
    let mut failures = Vec::new();
    let mut count = 0;
    for p in programs() {
        if !p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("compile_"))
        {
            continue;
        }
        count += 1;
        let want = fs::read_to_string(p.with_extension("err")).expect("expected .err file");
        let want = want.trim_end();
        let d = diagnostics(&p);
        let got = d
            .first()
            .map(|l| l.lines().next().unwrap_or(""))
            .unwrap_or("<no error>");
        if got != want {
            failures.push(format!("{}:\n  want {want}\n  got  {got}", p.display()));
        }
    }
    assert_eq!(count, 7, "the corpus has seven compile-error cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
