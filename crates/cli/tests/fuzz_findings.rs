//! Fuzz findings that are fixed stay fixed: each program that once crashed the machine
//! (fuzz/README.md, "Findings") runs to the end Go would reach, or to a clean playground
//! limit. Fixed findings live in fuzz/seeds/, so the fuzzers keep mutating them too.

use std::path::Path;

use goroscope_cli::{RunOutcome, compile, run_program, run_source};
use goroscope_runtime::Config;

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds").join(name);
    std::fs::read_to_string(&path).expect("fuzz seed readable")
}

fn run(name: &str) -> (String, i32) {
    let out = run_source(name, &seed(name), 2, 1);
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.code)
}

/// Runs a seed under the `machine` fuzz target's budgets (fuzz/fuzz_targets/machine.rs);
/// returns (stdout, stderr, exit code).
fn run_fuzz_config(name: &str) -> (String, String, i32) {
    let program = compile(name, &seed(name)).expect("the seed compiles");
    let config = Config {
        procs: 2,
        seed: 1,
        max_instructions: 200_000,
        max_goroutines: 1_000,
        max_output: 64 << 10,
        max_frames: 1_000,
        ..Config::default()
    };
    let mut out = RunOutcome::default();
    let code = run_program(program, config, &mut out, &mut |_| {});
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        code,
    )
}

const BUDGET: &str = "goroscope: the program was stopped after 200000 instructions (the playground's budget)\n";

#[test]
fn a_timer_292_years_away_fires_without_overflowing_the_clock() {
    assert_eq!(run("timer_fire_clock_overflow.go"), (String::new(), 0));
}

#[test]
fn time_now_saturates_past_the_end_of_int64_time() {
    assert_eq!(run("time_now_clock_overflow.go"), ("0s\n".to_string(), 0));
}

#[test]
fn copies_of_a_huge_slice_are_charged_per_element_against_the_budget() {
    let (stdout, stderr, code) = run_fuzz_config("copy_outruns_budget.go");
    assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", BUDGET, 2));
}

#[test]
fn printing_a_huge_slice_stops_at_the_budget_before_writing() {
    let (stdout, stderr, code) = run_fuzz_config("print_huge_slice_outruns_budget.go");
    assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", BUDGET, 2));
}

#[test]
fn a_2_gib_make_is_refused_by_the_heap_cap_instead_of_aborting() {
    let out = run_source("m.go", &seed("huge_make_no_memory_budget.go"), 2, 1);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "goroscope: out of memory: allocating 2048 MiB would take the program's heap past 512 MiB \
         (the playground's limit; Go itself would report \"fatal error: runtime: out of memory\")\n"
    );
}
