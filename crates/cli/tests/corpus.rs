//! The Go conformance corpus (tests/corpus, see its README) through the whole pipeline:
//! every case's stdout, exit status and key stderr line must equal what Go 1.27 printed,
//! under three seeds and GOMAXPROCS 1, 2 and 8 wherever any schedule must agree.
//! Every case passes today; a case that regresses fails this test with its diff.

use std::path::Path;

use goroscope_cli::conformance::cases_below;

#[test]
fn corpus_matches_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cases = cases_below(&root.join("tests/corpus")).expect("corpus readable");
    assert!(cases.len() >= 93, "only {} corpus cases found", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| c.check().err()).collect();
    println!("corpus: {} of {} cases match Go", cases.len() - failures.len(), cases.len());
    assert!(failures.is_empty(), "{} corpus cases fail:\n\n{}", failures.len(), failures.join("\n\n"));
}
