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
