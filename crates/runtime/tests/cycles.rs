//! The cycle collector and the small-object estimate (`value::collect`, `value::meter`):
//! Go programs that build cyclic garbage in a loop finish under a heap cap they would
//! exceed if the garbage were kept; many small live objects reach the cap with the
//! playground's message; repeated runs on one thread leave no containers behind.

mod common;

use common::{Run, run_source};
use goroscope_runtime::value::collect;
use goroscope_runtime::{Config, Machine};

/// Every shape of cycle the collector must free, built `N` times; with `KEEP` each
/// iteration's objects are also kept reachable (so the heap really grows).
const CYCLES: &str = r#"package main

import "fmt"

type Node struct {
	prev, next *Node
	val        int
}

type Self struct {
	me  *Self
	pad [4]int
}

type Holder struct {
	f func() int
}

var kept []any

func main() {
	sum := 0
	for i := 0; i < N; i++ {
		// A doubly linked pair.
		a := &Node{val: i}
		b := &Node{val: 1}
		a.next, b.prev = b, a
		b.next, a.prev = a, b
		sum += a.next.prev.val - i + b.val
		// A struct pointing to itself.
		s := &Self{}
		s.me = s
		s.pad[0] = i
		// A closure capturing the variable that holds it.
		var f func() int
		f = func() int {
			if f == nil {
				return 0
			}
			return 1
		}
		h := &Holder{f: f}
		sum += h.f() - 1
		// A map holding itself through an interface.
		m := map[string]any{}
		m["self"] = m
		// A slice holding itself, and a pointer into its own backing array.
		ys := []any{nil, nil}
		ys[0] = ys
		ys[1] = &ys[1]
		if KEEP {
			kept = append(kept, a, s, h, m, ys)
		}
	}
	fmt.Println("sum", sum, len(kept))
}
"#;

fn cycles(n: u32, keep: bool) -> String {
    CYCLES
        .replace("N;", &format!("{n};"))
        .replace("KEEP", &keep.to_string())
}

fn capped(src: &str, max_heap: u64) -> Run {
    run_source(
        src,
        Config {
            procs: 2,
            max_heap,
            ..Config::default()
        },
    )
}

#[test]
fn cyclic_garbage_built_in_a_loop_fits_under_the_cap() {
    let r = capped(&cycles(100_000, false), 8 << 20);
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.exit.code),
        ("sum 100000 0\n", "", 0)
    );
}

#[test]
fn the_same_objects_kept_reachable_exceed_the_cap() {
    // What the collector frees above really is more than the cap: kept, it does not fit.
    let r = capped(&cycles(100_000, true), 8 << 20);
    assert_eq!(r.exit.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .starts_with("goroscope: out of memory: allocating "),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("past 8 MiB"), "{}", r.stderr);
}

#[test]
fn many_small_live_objects_reach_the_cap_with_the_playgrounds_message() {
    let r = capped(
        r#"package main

type Node struct {
	left, right *Node
	val         int
}

// A balanced tree: many small objects, each reachable.
func build(depth, val int) *Node {
	if depth == 0 {
		return nil
	}
	return &Node{left: build(depth-1, 2*val), right: build(depth-1, 2*val+1), val: val}
}

func main() {
	println(build(22, 1).val)
}
"#,
        16 << 20,
    );
    assert_eq!(r.exit.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.starts_with(
            "goroscope: out of memory: allocating 1 MiB would take the program's heap past 16 MiB"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn repeated_runs_on_one_thread_leave_no_containers_behind() {
    collect::collect();
    let baseline = collect::live_containers();
    let mut after_finish = Vec::new();
    for _ in 0..5 {
        let program =
            goroscope_compiler::compile_source("prog.go", &cycles(2_000, true)).expect("compiles");
        let mut m = Machine::new(program, Config::default()).expect("loads");
        let exit = m.run();
        assert_eq!(exit.code, 0);
        drop(m);
        // The run's end collected its garbage; what its globals kept became garbage when
        // the machine was dropped, and is freed by the next collection on the thread.
        after_finish.push(collect::live_containers());
        let c = collect::collect();
        assert!(c.freed > 0);
        assert_eq!(collect::live_containers(), baseline);
    }
    assert!(
        after_finish.windows(2).all(|w| w[0] == w[1]),
        "{after_finish:?}"
    );
}

#[test]
fn the_trace_does_not_depend_on_collections() {
    // Scheduling and sync events, virtual times included, are the same whether the
    // garbage is collected every 2 MiB or at Go's pacing.
    let src = cycles(5_000, false).replace("\tfmt.Println", "\tgo func() {}()\n\tfmt.Println");
    let trace = |max_heap: u64| {
        let program = goroscope_compiler::compile_source("prog.go", &src).expect("compiles");
        let cfg = Config {
            procs: 2,
            max_heap,
            record_events: true,
            ..Config::default()
        };
        let mut m = Machine::new(program, cfg).expect("loads");
        let mut events = Vec::new();
        while let goroscope_runtime::SliceResult::Running = m.run_slice(10_000) {
            events.extend(m.take_events());
        }
        events.extend(m.take_events());
        events
    };
    let tight = trace(1 << 20);
    assert!(tight.len() > 2, "{tight:?}");
    assert_eq!(tight, trace(512 << 20));
}

#[test]
fn output_and_instruction_counts_do_not_depend_on_collections() {
    // A collection runs no Go code: the same program under a cap that makes it collect
    // whenever its garbage fills 2 MiB, and under one where it collects at Go's pacing,
    // gives the same output and the same instruction count.
    let src = cycles(20_000, false);
    let tight = capped(&src, 2 << 20);
    let roomy = capped(&src, 512 << 20);
    assert_eq!(tight.stdout, "sum 20000 0\n");
    assert_eq!(
        (tight.stdout, tight.instructions),
        (roomy.stdout, roomy.instructions)
    );
}
