//! Jobs: the work a request starts, done one slice at a time.
//!
//! A slice is a bounded amount of work, after which the worker returns to its event loop,
//! so its inbox is read between slices and a slice never holds the thread for long.
//! Invariant: a job emits exactly one `Response::Finished`, in the slice that returns
//! [`Progress::Done`]; a job that returns `Done` is never sliced again.

use goroscope_protocol::{Outcome, Response, RunConfig, Stream};
use goroscope_runtime::{Config, Exit, Machine, SliceResult};

use crate::front_end;

/// Whether a job wants another slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    More,
    Done,
}

/// Instructions one slice of a run executes: a few milliseconds of work in the browser,
/// so that a worker running `for {}` still reads its inbox many times a second.
pub const INSTRUCTIONS_PER_SLICE: u64 = 200_000;

/// The work in progress.
pub enum Job {
    /// A run not yet compiled.
    Compile(RunConfig),
    /// A compiled run on the machine.
    Execute(Box<Machine>),
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Job::Compile(config) => f.debug_tuple("Compile").field(config).finish(),
            Job::Execute(m) => write!(f, "Execute(after {} instructions)", m.instructions()),
        }
    }
}

impl Job {
    /// Runs one slice, appending its responses to `out`.
    pub fn slice(&mut self, out: &mut Vec<Response>) -> Progress {
        match self {
            Job::Compile(config) => match front_end::compile(&config.code) {
                Err(diagnostics) => {
                    out.push(Response::Diagnostics(diagnostics));
                    out.push(Response::Finished { outcome: Outcome::Error, exit_code: 1 });
                    Progress::Done
                }
                Ok(program) => {
                    let config = Config { procs: usize::from(config.procs), seed: config.seed, ..Config::default() };
                    match Machine::new(program, config) {
                        Ok(machine) => {
                            *self = Job::Execute(Box::new(machine));
                            Progress::More
                        }
                        Err(e) => {
                            out.push(Response::Note(format!("The machine refused the program: {e}")));
                            out.push(Response::Finished { outcome: Outcome::Error, exit_code: 2 });
                            Progress::Done
                        }
                    }
                }
            },
            Job::Execute(machine) => {
                let result = machine.run_slice(INSTRUCTIONS_PER_SLICE);
                for chunk in machine.take_output() {
                    let stream = match chunk.stream {
                        goroscope_runtime::Stream::Stdout => Stream::Stdout,
                        goroscope_runtime::Stream::Stderr => Stream::Stderr,
                    };
                    out.push(Response::Output { stream, text: String::from_utf8_lossy(&chunk.bytes).into_owned() });
                }
                match result {
                    SliceResult::Running => Progress::More,
                    SliceResult::Finished(exit) => {
                        out.push(Response::Finished { outcome: outcome(&exit), exit_code: exit.code });
                        Progress::Done
                    }
                }
            }
        }
    }
}

/// How the page should describe a finished run, from the machine's exit.
fn outcome(exit: &Exit) -> Outcome {
    match exit.reason.as_str() {
        "deadlock" => Outcome::Deadlock,
        r if r.starts_with("panic") || r.starts_with("fatal error") => Outcome::Panic,
        r if exit.code == 0 || r.starts_with("os.Exit") => Outcome::Exited,
        _ => Outcome::Limit,
    }
}
