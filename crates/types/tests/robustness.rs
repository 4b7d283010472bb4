//! The checker never panics: mutated corpus programs (with parse errors, partial
//! trees, nonsense types) always produce a result, quickly.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;

fn corpus_sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in fs::read_dir(&root).expect("corpus").flatten() {
        if dir.path().is_dir() {
            for f in fs::read_dir(dir.path()).expect("folder").flatten() {
                if f.path().extension().is_some_and(|e| e == "go") {
                    files.push(f.path());
                }
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).expect("read"))
        .collect()
}

/// Fragments that make a program wrong in interesting ways.
const SNIPPETS: [&str; 16] = [
    "x", "(", ")", "{", "}", ":=", "nil", "[]int", "<-", "func", "go ", "defer ", "T[int]", ".",
    "iota", "1 << 200",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, snippet: usize },
    Duplicate { at: usize, len: usize },
}

fn apply(src: &str, muts: &[Mutation]) -> String {
    let mut s = src.as_bytes().to_vec();
    for m in muts {
        let n = s.len().max(1);
        match *m {
            Mutation::Delete { at, len } => {
                let a = at % n;
                let b = (a + len).min(s.len());
                s.drain(a.min(s.len())..b);
            }
            Mutation::Insert { at, snippet } => {
                let a = (at % n).min(s.len());
                let text = SNIPPETS[snippet % SNIPPETS.len()].as_bytes();
                s.splice(a..a, text.iter().copied());
            }
            Mutation::Duplicate { at, len } => {
                let a = (at % n).min(s.len());
                let b = (a + len).min(s.len());
                let copy = s[a..b].to_vec();
                s.splice(b..b, copy);
            }
        }
    }
    String::from_utf8_lossy(&s).into_owned()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(at, snippet)| Mutation::Insert { at, snippet }),
        (any::<usize>(), 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn check_never_panics_on_mutated_corpus(pick in any::<usize>(), muts in prop::collection::vec(mutation(), 1..6)) {
        let sources = corpus_sources();
        let src = apply(&sources[pick % sources.len()], &muts);
        let parsed = goroscope_syntax::parse_file(&src);
        let start = Instant::now();
        let checked = goroscope_types::check(&parsed.file);
        prop_assert!(start.elapsed() < Duration::from_secs(2));
        prop_assert!(checked.diagnostics.len() <= 11);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Token soup: random sequences of Go-ish fragments inside a function body.
    #[test]
    fn check_never_panics_on_token_soup(tokens in prop::collection::vec(0usize..SOUP.len(), 0..60)) {
        let body: Vec<&str> = tokens.iter().map(|&i| SOUP[i]).collect();
        let src = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{}\n}}\n", body.join(" "));
        let parsed = goroscope_syntax::parse_file(&src);
        let _ = goroscope_types::check(&parsed.file);
    }
}

/// Fragments for the token soup.
const SOUP: [&str; 40] = [
    "x",
    "y",
    ":=",
    "=",
    "1",
    "2.5",
    "\"s\"",
    "'r'",
    "nil",
    "true",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    "\n",
    "+",
    "<<",
    "==",
    "<-",
    "&",
    "*",
    ".",
    "fmt.Println",
    "make(chan int)",
    "func()",
    "go",
    "defer",
    "for",
    "range",
    "switch",
    "case",
    "select",
    "if",
    "return",
    "struct{}",
    "interface{}",
];

#[test]
fn check_handles_every_corpus_program_cut_short() {
    // Every prefix at line boundaries: the parser's partial trees of all shapes.
    for src in corpus_sources().iter().take(20) {
        let mut end = 0;
        for line in src.split_inclusive('\n') {
            end += line.len();
            let parsed = goroscope_syntax::parse_file(&src[..end]);
            let _ = goroscope_types::check(&parsed.file);
        }
    }
}
