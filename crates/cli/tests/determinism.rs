//! The machine's behaviour is a function of (program, config, seed): the same inputs give
//! the same event trace, byte for byte, and the seed really reaches the scheduler.

use std::path::Path;

use goroscope_cli::{RunOutcome, compile, run_program};
use goroscope_runtime::Config;

/// The whole trace of one run, as JSON lines.
fn trace(path: &str, procs: usize, seed: u64) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let src = std::fs::read_to_string(root.join(path)).expect("corpus file");
    let program = compile(path, &src).expect("corpus program compiles");
    let mut lines = String::new();
    let config = Config { procs, seed, record_events: true, ..Config::default() };
    run_program(program, config, &mut RunOutcome::default(), &mut |events| {
        lines.push_str(&goroscope_trace::jsonl::to_jsonl(&events));
    });
    lines
}

const PROGRAMS: [&str; 4] =
    ["patterns/worker_pool.go", "select/multi_ready.go", "patterns/prime_sieve.go", "sync/mutex_counter.go"];

#[test]
fn same_seed_same_trace() {
    for p in PROGRAMS {
        let a = trace(p, 4, 11);
        assert!(a.lines().count() > 10, "{p}: too few events recorded");
        assert_eq!(a, trace(p, 4, 11), "{p}: two runs with one seed differ");
    }
}

#[test]
fn seeds_change_the_interleaving() {
    // With several Ps and goroutines, some seed must lead to another schedule.
    for p in PROGRAMS {
        let first = trace(p, 4, 1);
        assert!((2..10).any(|seed| trace(p, 4, seed) != first), "{p}: seeds 1..9 all give one trace");
    }
}

/// The program's output of one run of `src`.
fn output(src: &str) -> String {
    let program = compile("main.go", src).expect("compiles");
    let mut outcome = RunOutcome::default();
    run_program(program, Config::default(), &mut outcome, &mut |_| {});
    format!("{}{}", String::from_utf8_lossy(&outcome.stdout), String::from_utf8_lossy(&outcome.stderr))
}

#[test]
fn addresses_a_program_prints_do_not_depend_on_the_host_allocator() {
    // Pointers, channels and a boxed pointer in an interface, printed by fmt and print;
    // between the runs the host's heap is in another state (the first run's garbage and a
    // fresh allocation pattern), so host addresses differ.
    let src = "package main\n\nimport \"fmt\"\n\ntype T struct{ a int }\n\nfunc main() {\n\tx := 1\n\tp := &x\n\tch := make(chan int)\n\tfmt.Printf(\"%p %p\\n\", p, ch)\n\tprintln(p, ch)\n\tvar i any = &T{1}\n\tfmt.Printf(\"%v %p\\n\", i, i)\n}\n";
    let first = output(src);
    let _noise: Vec<Vec<u8>> = (0..1000).map(|i| vec![0; 16 + i % 97]).collect();
    assert!(first.contains("0xc0"), "{first}");
    assert_eq!(output(src), first);
}
