//! Fuzz findings that are fixed stay fixed: each program that once crashed the machine
//! (fuzz/README.md, "Findings") runs to the end Go would reach. Fixed findings live in
//! fuzz/seeds/, so the fuzzers keep mutating them too.

use std::path::Path;

use goroscope_cli::run_source;

fn run(name: &str) -> (String, i32) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds").join(name);
    let src = std::fs::read_to_string(&path).expect("fuzz seed readable");
    let out = run_source(name, &src, 2, 1);
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.code)
}

#[test]
fn a_timer_292_years_away_fires_without_overflowing_the_clock() {
    assert_eq!(run("timer_fire_clock_overflow.go"), (String::new(), 0));
}

#[test]
fn time_now_saturates_past_the_end_of_int64_time() {
    assert_eq!(run("time_now_clock_overflow.go"), ("0s\n".to_string(), 0));
}
