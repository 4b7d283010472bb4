//! Golden tests: each `tests/golden/NAME.go` has a `NAME.err` holding the errors the
//! real Go toolchain (go1.27.3) prints for it with `go build`, without the indented
//! continuation lines. The checker must print exactly those lines.

use std::fs;
use std::path::Path;

use goroscope_syntax::{LineIndex, parse_file};

#[test]
fn golden_files_match_go() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/golden")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 50,
        "expected the golden set, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let src = fs::read_to_string(&f).expect("read");
        let want = fs::read_to_string(f.with_extension("err")).expect("golden .err file");
        let parsed = parse_file(&src);
        let lines = LineIndex::new(&src);
        let mut got: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| d.render(&name, &lines))
            .collect();
        if got.is_empty() {
            let checked = goroscope_types::check(&parsed.file);
            got = checked
                .diagnostics
                .iter()
                .map(|d| d.render(&name, &lines))
                .collect();
        }
        let got: Vec<&str> = got.iter().map(|l| l.lines().next().unwrap_or("")).collect();
        let want: Vec<&str> = want.lines().collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
