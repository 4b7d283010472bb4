//! The parser never panics, never loops, and stays fast on arbitrary input: random
//! bytes, and corpus programs mutated by deleting, duplicating and swapping byte
//! ranges. Each parse must also keep the tree's invariants (spans inside the source,
//! ids below `node_count` and unique).

use std::path::Path;
use std::time::{Duration, Instant};

use goroscope_syntax::{dump::dump, parse_file};
use proptest::prelude::*;

/// A generous bound: a corpus-sized input parses in well under a millisecond, so
/// exceeding this means runaway work (a loop that stopped advancing).
const TIME_LIMIT: Duration = Duration::from_secs(2);

fn corpus_sources() -> &'static [String] {
    static SOURCES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SOURCES.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "go") {
                out.push(std::fs::read_to_string(&path).expect("readable corpus file"));
            }
        }
    }
    out
}

/// Parses `src` and checks the invariants that must hold even for garbage input.
fn check_parse(src: &str) {
    let started = Instant::now();
    let parsed = parse_file(src);
    assert!(started.elapsed() < TIME_LIMIT, "parse took {:?}", started.elapsed());
    assert!(parsed.diagnostics.len() <= 10);
    let len = src.len() as u32;
    for d in &parsed.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= len, "diagnostic span {:?} outside source", d.span);
    }
    let text = dump(&parsed.file);
    let mut ids = Vec::new();
    for line in text.lines() {
        let words = line.split_whitespace();
        for word in words {
            if let Some(id) = word.strip_prefix('#').and_then(|n| n.parse::<u32>().ok()) {
                ids.push(id);
            }
            if let Some((a, b)) = word.strip_prefix('@').and_then(|r| r.split_once("..")) {
                let (a, b): (u32, u32) = (a.parse().expect("span start"), b.parse().expect("span end"));
                assert!(a <= b && b <= len, "span {a}..{b} outside source of length {len}: {line}");
            }
        }
    }
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate node ids");
    assert!(ids.iter().all(|&id| id < parsed.file.node_count), "id beyond node_count");
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Swap { a: usize, b: usize, len: usize },
}

fn apply(src: &[u8], mutation: &Mutation) -> Vec<u8> {
    let n = src.len().max(1);
    let clamp = |at: usize, len: usize| {
        let start = at % n;
        (start, (start + len).min(src.len()))
    };
    match *mutation {
        Mutation::Delete { at, len } => {
            let (s, e) = clamp(at, len);
            [&src[..s], &src[e..]].concat()
        }
        Mutation::Duplicate { at, len } => {
            let (s, e) = clamp(at, len);
            [&src[..e], &src[s..e], &src[e..]].concat()
        }
        Mutation::Swap { a, b, len } => {
            let (mut s1, mut e1) = clamp(a, len);
            let (mut s2, mut e2) = clamp(b, len);
            if s2 < s1 {
                std::mem::swap(&mut s1, &mut s2);
                std::mem::swap(&mut e1, &mut e2);
            }
            if e1 > s2 {
                return src.to_vec();
            }
            [&src[..s1], &src[s2..e2], &src[e1..s2], &src[s1..e1], &src[e2..]].concat()
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<usize>(), 1..40usize).prop_map(|(a, b, len)| Mutation::Swap { a, b, len }),
    ]
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N runs a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_go_tokens_never_panic(words in proptest::collection::vec(
        prop::sample::select(vec![
            "package", "main", "func", "(", ")", "{", "}", "[", "]", "x", ":=", "=", ",", ";", "\n",
            "if", "else", "for", "range", "switch", "case", "default", ":", "select", "<-", "chan",
            "go", "defer", "return", "1", "\"s\"", "'c'", ".", "...", "*", "&", "+", "type", "struct",
            "interface", "map", "var", "const", "import", "~", "|", "break", "goto", "L", "fallthrough",
        ]),
        0..200,
    )) {
        check_parse(&words.join(" "));
    }

    #[test]
    fn mutated_corpus_programs_never_panic(pick in any::<prop::sample::Index>(), mutations in proptest::collection::vec(mutation(), 1..6)) {
        let sources = corpus_sources();
        let mut bytes = pick.get(sources).as_bytes().to_vec();
        for m in &mutations {
            bytes = apply(&bytes, m);
        }
        check_parse(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn deep_nesting_is_reported_not_a_stack_overflow() {
    let nested = ["(", "[", "{", "*", "<-", "-", "func() ", "func(){", "[]", "[]int{", "if x {", "struct { f ", "x.", "a+", "f()", "else if x {} "];
    for open in nested {
        let src = format!("package main\nfunc main() {{ x := 1\nif x {{}} {} }}\n", open.repeat(5_000));
        check_parse(&src);
    }
}

#[test]
fn corpus_programs_keep_tree_invariants() {
    for src in corpus_sources() {
        check_parse(src);
    }
}
