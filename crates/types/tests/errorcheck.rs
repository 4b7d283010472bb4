//! Data-driven checker tests in the style of Go's `test/` directory: each
//! `tests/check/NAME.go` marks the lines that must fail with `// ERROR "text"`
//! (a literal substring of the message; `\"` stands for a quote). Every marked line
//! must get a matching diagnostic and every diagnostic must be on a marked line.

use std::fs;
use std::path::Path;

use goroscope_syntax::{LineIndex, parse_file};

/// The expected message fragments per 1-based line.
fn expectations(src: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if let Some(pos) = line.find("// ERROR \"") {
            let rest = &line[pos + "// ERROR \"".len()..];
            let mut text = String::new();
            let mut chars = rest.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next()),
                    '"' => break,
                    c => text.push(c),
                }
            }
            out.push((i as u32 + 1, text));
        }
    }
    out
}

fn check_file(path: &Path) -> Vec<String> {
    let src = fs::read_to_string(path).expect("read test file");
    let parsed = parse_file(&src);
    let lines = LineIndex::new(&src);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let mut problems = Vec::new();
    for d in &parsed.diagnostics {
        problems.push(format!(
            "{name}: unexpected syntax error {}",
            d.render(name, &lines)
        ));
    }
    let checked = goroscope_types::check(&parsed.file);
    let got: Vec<(u32, String)> = checked
        .diagnostics
        .iter()
        .map(|d| (lines.line_col(d.span.start).0, d.message.clone()))
        .collect();
    let want = expectations(&src);
    for (line, text) in &want {
        if !got
            .iter()
            .any(|(l, m)| l == line && m.contains(text.as_str()))
        {
            let on_line: Vec<&String> = got
                .iter()
                .filter(|(l, _)| l == line)
                .map(|(_, m)| m)
                .collect();
            problems.push(format!(
                "{name}:{line}: missing error containing {text:?}; got {on_line:?}"
            ));
        }
    }
    for (line, msg) in &got {
        if msg == "too many errors" {
            continue;
        }
        if !want.iter().any(|(l, _)| l == line) {
            problems.push(format!("{name}:{line}: unexpected error {msg:?}"));
        }
    }
    problems
}

#[test]
fn errorcheck_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/check")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let problems: Vec<String> = files.iter().flat_map(|f| check_file(f)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
