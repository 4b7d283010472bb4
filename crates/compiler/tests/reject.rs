//! What the compiler itself rejects (the checker accepted it): `tests/reject/NAME.go`
//! must fail to compile with `NAME.err` as its first rendered diagnostic.

use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn rejected_programs_report_their_first_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reject");
    let mut cases: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = fs::read_to_string(&path).unwrap();
        let want = fs::read_to_string(path.with_extension("err")).unwrap();
        match goroscope_compiler::compile_source(&name, &src) {
            Ok(_) => panic!("{name} compiled; want {}", want.trim_end()),
            Err(errs) => assert_eq!(
                errs.first().map(String::as_str),
                Some(want.trim_end()),
                "{name}"
            ),
        }
    }
}
