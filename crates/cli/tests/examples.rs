//! The examples gallery (examples/, in the corpus's format, outputs recorded from Go 1.27)
//! through the whole pipeline, under the same seeds and GOMAXPROCS values as the corpus:
//! what the playground's menu offers must behave like Go.

use std::path::Path;

use goroscope_cli::conformance::cases_below;

#[test]
fn examples_match_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let cases = cases_below(&root).expect("examples readable");
    assert!(cases.len() >= 12, "the gallery needs at least 12 examples, found {}", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| c.check().err()).collect();
    println!("examples: {} of {} match Go", cases.len() - failures.len(), cases.len());
    assert!(failures.is_empty(), "{} examples fail:\n\n{}", failures.len(), failures.join("\n\n"));
}
