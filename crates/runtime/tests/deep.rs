//! Long chains of values (`value::free`): every `tests/deep/NAME.go` builds chains of a
//! million links (lists through pointers, slices, interfaces, maps, closures, channels)
//! and drops them, or ends the run holding them; it must print exactly
//! `tests/deep/NAME.out` (what real Go printed) and exit 0 on the test thread's default
//! stack, the machine being dropped after the run. The cycle collector still frees the
//! cyclic ones.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use goroscope_runtime::value::collect;
use goroscope_runtime::{Config, Machine};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deep")
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<_> = fs::read_dir(dir())
        .expect("tests/deep exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    cases.sort();
    cases
}

fn source(name: &str) -> String {
    fs::read_to_string(dir().join(name)).expect("readable")
}

/// One test for all programs: they run one after the other (each holds hundreds of MiB
/// at its peak).
#[test]
fn long_chains_are_freed_without_recursion() {
    let cases = cases();
    assert!(cases.len() >= 6, "the deep cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let src = fs::read_to_string(case).expect("readable");
        let want = fs::read_to_string(case.with_extension("out")).expect("a .out file per case");
        let r = common::run_source(
            &src,
            Config {
                procs: 2,
                ..Config::default()
            },
        );
        if r.stdout != want || r.exit.code != 0 {
            failures.push(format!(
                "{}: exit {}\n--- got\n{}--- want\n{want}--- stderr\n{}",
                case.display(),
                r.exit.code,
                r.stdout,
                r.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs `src` to its end, drops the machine, and returns how many containers were left
/// alive just after the drop.
fn run_and_drop(src: &str) -> usize {
    let program = goroscope_compiler::compile_source("prog.go", src).expect("compiles");
    let mut m = Machine::new(program, Config::default()).expect("loads");
    assert_eq!(m.run().code, 0);
    drop(m);
    collect::live_containers()
}

#[test]
fn a_run_ending_with_long_chains_leaves_no_containers_behind() {
    // The acyclic chains are freed by the drop itself.
    collect::collect();
    let baseline = collect::live_containers();
    assert_eq!(run_and_drop(&source("held_at_exit.go")), baseline);
}

#[test]
fn a_long_cyclic_list_held_at_the_end_is_freed_by_the_next_collection() {
    let src = r#"package main

type node struct {
	prev, next *node
}

var head *node

func main() {
	for i := 0; i < 1000000; i++ {
		n := &node{next: head}
		if head != nil {
			head.prev = n
		}
		head = n
	}
	println(head.next.prev == head)
}
"#;
    collect::collect();
    let baseline = collect::live_containers();
    // Every node is on a cycle: the drop of the machine cannot free them.
    assert!(run_and_drop(src) >= baseline + 1_000_000);
    let c = collect::collect();
    assert!(c.freed >= 1_000_000, "{c:?}");
    assert_eq!(collect::live_containers(), baseline);
}
