//! Fuzz target: any program the compiler accepts must run on the machine to an end —
//! normal exit, Go panic, deadlock or a playground limit — without a Rust panic or a
//! hang. The budgets are small so one input takes milliseconds. The configuration
//! (1 or 2 procs, the seed) is a hash of the input, so an input file alone reproduces
//! a finding and corpus entries stay plain Go programs.
//! Run with `cargo +nightly fuzz run machine` from the repository root; see
//! fuzz/README.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

use goroscope_runtime::{Config, Machine, SliceResult};

/// Instructions per `run_slice`, as the worker runs the machine in slices.
const SLICE: u64 = 10_000;
/// Total instruction budget of one run.
const MAX_INSTRUCTIONS: u64 = 200_000;
/// Slices before the run counts as a hang: the budget needs at most
/// `MAX_INSTRUCTIONS / SLICE` slices that do work; the slack covers slices spent
/// advancing the virtual clock or parking.
const MAX_SLICES: u64 = MAX_INSTRUCTIONS / SLICE + 10_000;

/// FNV-1a: a stable, dependency-free hash of the input for the run's configuration.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let Ok(program) = goroscope_compiler::compile_source("prog.go", &src) else {
        return;
    };
    let hash = fnv1a(data);
    let config = Config {
        procs: 1 + (hash & 1) as usize,
        seed: hash >> 1,
        max_instructions: MAX_INSTRUCTIONS,
        max_goroutines: 1_000,
        max_output: 64 << 10,
        max_frames: 1_000,
        ..Config::default()
    };
    // A load error (an unsupported standard-library function) is a clean refusal.
    let Ok(mut machine) = Machine::new(program, config) else {
        return;
    };
    for _ in 0..MAX_SLICES {
        if let SliceResult::Finished(_) = machine.run_slice(SLICE) {
            return;
        }
        let _ = machine.take_output();
    }
    panic!(
        "the machine did not finish within {MAX_SLICES} slices ({} instructions executed)",
        machine.instructions()
    );
});
