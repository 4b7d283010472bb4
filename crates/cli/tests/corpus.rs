//! The Go conformance corpus (tests/corpus, see its README) and the examples gallery
//! (examples/, in the same format, outputs recorded from Go 1.27) through the whole
//! pipeline: every case's stdout, exit status and key stderr line must equal what Go
//! printed, under three seeds and GOMAXPROCS 1, 2 and 8 wherever any schedule must agree.
//! Every case passes today; a case that regresses fails its test with its diff.

use std::path::Path;

use goroscope_cli::conformance::check_all;

/// Checks the cases below `dir` (relative to the repository root); there must be at
/// least `at_least` of them.
fn check_dir(dir: &str, at_least: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (count, failures) = check_all(&root.join(dir)).expect("cases readable");
    assert!(count >= at_least, "only {count} cases found in {dir}");
    println!("{dir}: {} of {count} cases match Go", count - failures.len());
    assert!(failures.is_empty(), "{} cases of {dir} fail:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn corpus_matches_go() {
    check_dir("tests/corpus", 93);
}

#[test]
fn examples_match_go() {
    check_dir("examples", 12);
}
