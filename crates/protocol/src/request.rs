//! What the page asks the worker to do.

use serde::{Deserialize, Serialize};

/// The largest GOMAXPROCS the page offers (DESIGN.md: 1-8).
pub const MAX_PROCS: u8 = 8;

/// A request from the page to the worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Compile and run a program. The worker answers with a run's stream of responses.
    Run(RunConfig),
    /// Stop slicing the current run after the slice in progress and answer
    /// [`Status::Paused`](crate::Status::Paused). Ignored when no run is in progress or it
    /// is already paused.
    Pause,
    /// Go on slicing a paused run; answers [`Status::Running`](crate::Status::Running).
    Resume,
    /// Run a paused (or running) run until the machine has emitted at least one more
    /// scheduler event (any event but `GoLine` and `Output`), send the events, then pause
    /// as [`Request::Pause`] does. The run may finish instead.
    Step,
}

/// Everything a run depends on: the machine's behaviour is a function of these fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunConfig {
    /// The Go source text of `main.go`.
    pub code: String,
    /// GOMAXPROCS at start, 1..=[`MAX_PROCS`].
    pub procs: u8,
    /// Seed of the machine's random generator (select's choice, map order, stealing victims).
    pub seed: u64,
}
