//! The Go conformance corpus (tests/corpus, see its README) through the whole pipeline:
//! every case's stdout, exit status and key stderr line must equal what Go 1.27 printed,
//! under three seeds and GOMAXPROCS 1, 2 and 8 wherever any schedule must agree.
//!
//! Cases the machine does not pass yet are listed, one `folder/name` a line with the
//! reason after a `#`, in tests/corpus-known-failures.txt. The test fails when a listed
//! case passes (take it off the list) as well as when an unlisted one fails, so the list
//! is always exactly today's truth.

use std::collections::BTreeMap;
use std::path::Path;

use goroscope_cli::conformance::cases_below;

#[test]
fn corpus_matches_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cases = cases_below(&root.join("tests/corpus")).expect("corpus readable");
    assert!(cases.len() >= 93, "only {} corpus cases found", cases.len());
    let known_path = root.join("tests/corpus-known-failures.txt");
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known: BTreeMap<&str, &str> = known_text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('#').map_or((l.trim(), ""), |(n, why)| (n.trim(), why.trim())))
        .collect();

    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut passed = 0;
    for case in &cases {
        let result = case.check();
        match (result, known.contains_key(case.name.as_str())) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => now_passing.push(case.name.clone()),
            (Err(why), false) => unexpected.push(why),
            (Err(_), true) => {}
        }
    }
    let unknown: Vec<_> = known.keys().filter(|k| !cases.iter().any(|c| c.name == **k)).collect();
    println!("corpus: {passed} passed, {} known failures, {} cases", known.len(), cases.len());
    assert!(unknown.is_empty(), "tests/corpus-known-failures.txt names cases that do not exist: {unknown:?}");
    assert!(now_passing.is_empty(), "these cases pass now: take them off tests/corpus-known-failures.txt: {now_passing:?}");
    assert!(unexpected.is_empty(), "{} corpus cases fail:\n\n{}", unexpected.len(), unexpected.join("\n\n"));
}
