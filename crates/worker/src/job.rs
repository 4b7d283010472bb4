//! Jobs: the work a request starts, done one slice at a time.
//!
//! A slice is a bounded amount of work, after which the worker returns to its event loop,
//! so its inbox is read between slices and a slice never holds the thread for long.
//! Invariant: a job emits exactly one `Response::Finished`, in the slice that returns
//! [`Progress::Done`]; a job that returns `Done` is never sliced again.

use goroscope_protocol::{Outcome, Response, RunConfig};

use crate::front_end;

/// Whether a job wants another slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    More,
    Done,
}

/// The work in progress.
#[derive(Debug)]
pub enum Job {
    Run(RunConfig),
    /// `Request::Spin`: never finishes; counts its slices.
    Spin {
        slices: u64,
    },
}

/// Iterations of arithmetic one spinning slice burns: a few milliseconds, the order of a
/// machine slice, so that a spinning worker is as busy as one running `for {}`.
const SPIN_SLICE_WORK: u32 = 2_000_000;

impl Job {
    /// Runs one slice, appending its responses to `out`.
    pub fn slice(&mut self, out: &mut Vec<Response>) -> Progress {
        match self {
            Job::Run(config) => {
                let checked = front_end::check(&config.code);
                if checked.diagnostics.is_empty() {
                    out.push(Response::Note(format!(
                        "main.go parses without errors: package {} with {} and {}. The \
                         machine does not run programs in the page yet, so nothing was executed.",
                        checked.package,
                        front_end::count(checked.imports, "import"),
                        front_end::count(checked.decls, "declaration"),
                    )));
                    out.push(Response::Finished {
                        outcome: Outcome::Checked,
                        exit_code: 0,
                    });
                } else {
                    out.push(Response::Diagnostics(checked.diagnostics));
                    out.push(Response::Finished {
                        outcome: Outcome::Error,
                        exit_code: 1,
                    });
                }
                Progress::Done
            }
            Job::Spin { slices } => {
                let mut x = *slices;
                for i in 0..SPIN_SLICE_WORK {
                    x = std::hint::black_box(
                        x.wrapping_mul(6364136223846793005)
                            .wrapping_add(u64::from(i)),
                    );
                }
                *slices = slices.wrapping_add(1);
                std::hint::black_box(x);
                Progress::More
            }
        }
    }
}
