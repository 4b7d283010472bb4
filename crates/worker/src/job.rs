//! Jobs: the work a request starts, done one slice at a time.
//!
//! A slice is a bounded amount of work, after which the worker returns to its event loop,
//! so its inbox is read between slices and a slice never holds the thread for long.
//! Invariants: a job emits exactly one `Response::Finished`, in the slice that returns
//! [`Progress::Done`]; a job that returns `Done` is never sliced again. Every event the
//! machine records reaches the page, in order, in the slice that produced it.

use goroscope_protocol::{Event, Outcome, Response, RunConfig, Stats, Stream};
use goroscope_runtime::{Config, Exit, Machine, SliceResult};
use goroscope_trace::EventKind;

use crate::front_end;

/// Whether a job wants another slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not finished; slice again.
    More,
    /// A [`Pace::Step`] slice emitted a scheduler event: not finished, but the step is done.
    Stepped,
    /// Finished: the slice sent `Finished`.
    Done,
}

/// How far one slice goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// [`INSTRUCTIONS_PER_SLICE`] instructions.
    Run,
    /// Up to the first scheduler event (see [`is_scheduler_event`]), and never more than
    /// [`INSTRUCTIONS_PER_SLICE`] instructions: a step in a long computation takes several
    /// slices, each reading the inbox, so Stop still answers at once.
    Step,
}

/// Instructions one slice of a run executes: a few milliseconds of work in the browser,
/// so that a worker running `for {}` still reads its inbox many times a second.
pub const INSTRUCTIONS_PER_SLICE: u64 = 200_000;

/// Instructions between two looks for a scheduler event while stepping: one, so a step
/// stops right after the instruction that emitted its event. (Slicing this finely does
/// not change the run: the machine resumes an interrupted goroutine as if uninterrupted.)
const STEP_CHUNK: u64 = 1;

/// Whether a step stops at `event`: anything the views show as a change of the machine's
/// state, i.e. everything but a goroutine's current line and program output.
pub fn is_scheduler_event(event: &Event) -> bool {
    !matches!(
        event.kind,
        EventKind::GoLine { .. } | EventKind::Output { .. }
    )
}

/// The work in progress.
pub enum Job {
    /// A run not yet compiled.
    Compile(RunConfig),
    /// A compiled run on the machine, and the number of events sent so far.
    Execute { machine: Box<Machine>, events: u64 },
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Job::Compile(config) => f.debug_tuple("Compile").field(config).finish(),
            Job::Execute { machine, events } => write!(
                f,
                "Execute(after {} instructions, {events} events)",
                machine.instructions()
            ),
        }
    }
}

impl Job {
    /// Runs one slice at `pace`, appending its responses to `out`.
    pub fn slice(&mut self, pace: Pace, out: &mut Vec<Response>) -> Progress {
        match self {
            Job::Compile(config) => match front_end::compile(&config.code) {
                Err(diagnostics) => {
                    out.push(Response::Diagnostics(diagnostics));
                    out.push(Response::Finished {
                        outcome: Outcome::Error,
                        exit_code: 1,
                    });
                    Progress::Done
                }
                Ok(program) => {
                    let config = Config {
                        procs: usize::from(config.procs),
                        seed: config.seed,
                        record_events: true,
                        ..Config::default()
                    };
                    match Machine::new(program, config) {
                        Ok(machine) => {
                            *self = Job::Execute {
                                machine: Box::new(machine),
                                events: 0,
                            };
                            Progress::More
                        }
                        Err(e) => {
                            out.push(Response::Note(format!(
                                "The machine refused the program: {e}"
                            )));
                            out.push(Response::Finished {
                                outcome: Outcome::Error,
                                exit_code: 2,
                            });
                            Progress::Done
                        }
                    }
                }
            },
            Job::Execute { machine, events } => {
                let (result, stepped) = match pace {
                    Pace::Run => (machine.run_slice(INSTRUCTIONS_PER_SLICE), false),
                    Pace::Step => step(machine, out, events),
                };
                forward(machine, out, events);
                out.push(Response::Stats(stats(machine, *events)));
                match result {
                    SliceResult::Finished(exit) => {
                        out.push(Response::Finished {
                            outcome: outcome(&exit),
                            exit_code: exit.code,
                        });
                        Progress::Done
                    }
                    SliceResult::Running if stepped => Progress::Stepped,
                    SliceResult::Running => Progress::More,
                }
            }
        }
    }
}

/// Runs `machine` in small chunks until a chunk emits a scheduler event, the run ends, or
/// a slice's worth of instructions is spent; forwards each chunk's output and events.
/// Returns the last chunk's result and whether a scheduler event was seen.
fn step(machine: &mut Machine, out: &mut Vec<Response>, events: &mut u64) -> (SliceResult, bool) {
    let mut spent = 0;
    loop {
        let before = machine.instructions();
        let result = machine.run_slice(STEP_CHUNK);
        spent += machine.instructions().saturating_sub(before).max(1);
        let stepped = forward(machine, out, events);
        if stepped || matches!(result, SliceResult::Finished(_)) || spent >= INSTRUCTIONS_PER_SLICE
        {
            return (result, stepped);
        }
    }
}

/// Moves what the machine produced since the last call into `out`: output, then events.
/// Returns whether a scheduler event was among the events.
fn forward(machine: &mut Machine, out: &mut Vec<Response>, events: &mut u64) -> bool {
    for chunk in machine.take_output() {
        let stream = match chunk.stream {
            goroscope_runtime::Stream::Stdout => Stream::Stdout,
            goroscope_runtime::Stream::Stderr => Stream::Stderr,
        };
        out.push(Response::Output {
            stream,
            text: String::from_utf8_lossy(&chunk.bytes).into_owned(),
        });
    }
    let batch = machine.take_events();
    let scheduler_event = batch.iter().any(is_scheduler_event);
    if !batch.is_empty() {
        *events += batch.len() as u64;
        out.push(Response::Events(batch));
    }
    scheduler_event
}

/// The run's counters after `events` events.
fn stats(machine: &Machine, events: u64) -> Stats {
    let sched = machine.scheduler();
    Stats {
        instructions: machine.instructions(),
        virtual_ns: sched.max_clock(),
        goroutines: sched.num_goroutine() as u64,
        events,
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
