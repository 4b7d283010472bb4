//! What the worker tells the page.

use goroscope_trace::Event;
use serde::{Deserialize, Serialize};

/// A message from the worker to the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has loaded its wasm and reads requests from now on. Sent once per worker.
    Ready,
    /// The run's state changed (e.g. it started running).
    Status(Status),
    /// Text the program wrote, in order; `text` is not split at line ends.
    Output { stream: Stream, text: String },
    /// The playground's own words about the run, not the program's output (e.g. why the
    /// machine refused a compiled program).
    Note(String),
    /// Compile errors, ordered by position. A run that has any ends with
    /// [`Outcome::Error`].
    Diagnostics(Vec<Diagnostic>),
    /// The machine's next events (schema of `goroscope-trace`), in order: concatenating
    /// every batch of a run gives its whole trace, which replays into the views' snapshots.
    Events(Vec<Event>),
    /// How far the run has got; sent after every slice that executed instructions.
    Stats(Stats),
    /// The run is over; nothing more comes for it.
    Finished { outcome: Outcome, exit_code: i32 },
    /// The worker could not serve a request (undecodable, or from another protocol
    /// version). A bug in Goroscope, never a fault of the user's program.
    Fault(String),
}

/// A run's counters, for the status bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Bytecode instructions executed so far.
    pub instructions: u64,
    /// The machine's virtual clock (the latest of its Ps), in nanoseconds since the start.
    pub virtual_ns: u64,
    /// Goroutines that exist now (`runtime.NumGoroutine`).
    pub goroutines: u64,
    /// Events emitted so far.
    pub events: u64,
}

/// Which of the program's output streams a piece of text was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// The state shown by the page's status line (`data-testid="status"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Idle,
    Running,
    Paused,
    Finished,
    Deadlock,
    Panic,
    Error,
}

impl Status {
    /// The word the page shows; DESIGN.md's contract for `data-testid="status"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Finished => "finished",
            Status::Deadlock => "deadlock",
            Status::Panic => "panic",
            Status::Error => "error",
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// `main` returned or the program called `os.Exit`.
    Exited,
    /// `fatal error: all goroutines are asleep - deadlock!`
    Deadlock,
    /// An unrecovered panic.
    Panic,
    /// The program did not compile.
    Error,
    /// The run hit one of the playground's limits (instructions, goroutines, output,
    /// heap); the console says which.
    Limit,
}

impl From<Outcome> for Status {
    fn from(outcome: Outcome) -> Status {
        match outcome {
            Outcome::Exited => Status::Finished,
            Outcome::Deadlock => Status::Deadlock,
            Outcome::Panic => Status::Panic,
            Outcome::Error => Status::Error,
            Outcome::Limit => Status::Error,
        }
    }
}

/// One compile error, positioned both for the console (`main.go:LINE:COL: message`, as
/// `go build` prints it) and for the editor's underline (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in bytes as Go does.
    pub col: u32,
    /// Byte offset where the underlined range starts; `start <= end`.
    pub start: u32,
    /// Byte offset just past the underlined range.
    pub end: u32,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "main.go:{}:{}: {}", self.line, self.col, self.message)
    }
}
