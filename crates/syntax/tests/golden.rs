//! Data-driven golden tests, one case per file, in the shape of Go's test directory:
//!
//! - `parse/NAME.go` must parse with no diagnostics, and its tree dump must equal
//!   `parse/NAME.ast`;
//! - `errors/NAME.go` must produce exactly the diagnostics in `errors/NAME.err`, one
//!   per line, rendered as `NAME.go:LINE:COL: message`.
//!
//! `UPDATE_GOLDEN=1 cargo test -p goroscope-syntax --test golden` rewrites the
//! expected files from the current output (review the diff before committing).

use std::path::{Path, PathBuf};

use goroscope_syntax::{LineIndex, dump::dump, parse_file};

fn cases(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("golden directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    files
}

/// Compares `actual` with the file at `expected_path` (or rewrites it when
/// UPDATE_GOLDEN is set); returns a description of the mismatch.
fn check(expected_path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(expected_path, actual).expect("write golden file");
        return None;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let first_diff = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).unwrap_or(0);
    Some(format!(
        "{}: output differs from the golden file (first difference at line {}):\n--- expected\n{}\n--- actual\n{}",
        expected_path.display(),
        first_diff + 1,
        expected.lines().skip(first_diff).take(5).collect::<Vec<_>>().join("\n"),
        actual.lines().skip(first_diff).take(5).collect::<Vec<_>>().join("\n"),
    ))
}

fn render_diagnostics(path: &Path, src: &str) -> String {
    let parsed = parse_file(src);
    let lines = LineIndex::new(src);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    parsed.diagnostics.iter().map(|d| format!("{}\n", d.render(name, &lines))).collect()
}

#[test]
fn parse_cases_match_their_tree_dumps() {
    let files = cases("parse");
    assert!(files.len() >= 12, "expected at least a dozen parse cases");
    let mut failures = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).expect("readable case");
        let diags = render_diagnostics(&path, &src);
        if !diags.is_empty() {
            failures.push(format!("{}: unexpected diagnostics:\n{diags}", path.display()));
            continue;
        }
        let parsed = parse_file(&src);
        failures.extend(check(&path.with_extension("ast"), &dump(&parsed.file)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn error_cases_report_expected_diagnostics() {
    let files = cases("errors");
    assert!(files.len() >= 10, "expected at least ten error cases");
    let mut failures = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).expect("readable case");
        let diags = render_diagnostics(&path, &src);
        if diags.is_empty() {
            failures.push(format!("{}: no diagnostics reported", path.display()));
            continue;
        }
        failures.extend(check(&path.with_extension("err"), &diags));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
