//! The worker's warm-up: a small built-in program (`warm_up.go`: goroutines, a buffered
//! and an unbuffered channel, `select` with a timer, a mutex, a WaitGroup, a map, `fmt`)
//! compiled and run to its end once when the worker starts, before it announces `Ready`,
//! and everything it said dropped.
//!
//! Why: browsers compile a wasm module's functions lazily, on their first call, so the
//! first run after the worker starts used to spend most of its time (about 100 ms here)
//! compiling the front end and the machine rather than running the program. After the
//! warm-up, a user's first Run answers as fast as later ones. The page queues a Run
//! clicked before `Ready` and sends it then.

use goroscope_protocol::RunConfig;

use crate::job::{Job, Pace, Progress};

/// The warm-up's program.
pub const PROGRAM: &str = include_str!("warm_up.go");

/// Runs [`PROGRAM`] to its end on a job of its own (no session is touched); returns
/// whether it ended as it should (exit code 0).
pub fn run() -> bool {
    let mut job = Job::Compile(RunConfig {
        code: PROGRAM.into(),
        procs: 2,
        seed: 1,
    });
    let mut said = Vec::new();
    loop {
        match job.slice(Pace::Run, &mut said) {
            Progress::Done => break,
            Progress::More | Progress::Stepped => said.clear(),
        }
    }
    said.iter().any(|r| {
        matches!(
            r,
            goroscope_protocol::Response::Finished { exit_code: 0, .. }
        )
    })
}
