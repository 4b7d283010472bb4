//! The worker's state between messages: at most one job, fed slice by slice, and whether
//! the page wants it running, paused or stepping.

use goroscope_protocol::{Request, Response, Status, decode};

use crate::job::{Job, Pace, Progress};

/// What the page asked the current job to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    /// Slice continuously.
    #[default]
    Running,
    /// No slices until `Resume` or `Step`.
    Paused,
    /// Slice at [`Pace::Step`] until a scheduler event, then pause.
    Stepping,
}

/// Everything one worker knows. Invariants: `job` is `Some` exactly while a run is in
/// progress, i.e. from its `Status(Running)` up to its `Finished`; `mode` is `Running`
/// whenever `job` is `None`.
#[derive(Debug, Default)]
pub struct Session {
    job: Option<Job>,
    mode: Mode,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Handles one message from the page; returns the responses to post at once.
    pub fn receive(&mut self, text: &str) -> Vec<Response> {
        let request = match decode::<Request>(text) {
            Ok(request) => request,
            Err(e) => return vec![Response::Fault(e.to_string())],
        };
        match (request, self.job.is_some()) {
            (Request::Run(config), false) => {
                self.job = Some(Job::Compile(config));
                self.mode = Mode::Running;
                vec![Response::Status(Status::Running)]
            }
            // The page disables Run while a run is in progress and stops by terminating
            // the worker, so this is a page bug; the current run goes on undisturbed.
            (Request::Run(_), true) => vec![Response::Fault("a run is already in progress".into())],
            // Control requests for a run that has just finished crossed its `Finished`
            // on the way: nothing to do.
            (Request::Pause | Request::Resume | Request::Step, false) => Vec::new(),
            (Request::Pause, true) => self.set_mode(Mode::Paused),
            (Request::Resume, true) => self.set_mode(Mode::Running),
            (Request::Step, true) => {
                self.mode = Mode::Stepping;
                Vec::new()
            }
        }
    }

    /// Switches to `mode`, announcing the new status if it changed.
    fn set_mode(&mut self, mode: Mode) -> Vec<Response> {
        let changed = self.mode != mode;
        self.mode = mode;
        match (changed, mode) {
            (true, Mode::Paused) => vec![Response::Status(Status::Paused)],
            (true, Mode::Running) => vec![Response::Status(Status::Running)],
            _ => Vec::new(),
        }
    }

    /// Whether a job waits for its next slice.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() && self.mode != Mode::Paused
    }

    /// Runs one slice of the current job, unless there is none or it is paused; returns
    /// its responses.
    pub fn slice(&mut self) -> Vec<Response> {
        let mut out = Vec::new();
        if !self.is_busy() {
            return out;
        }
        let pace = match self.mode {
            Mode::Stepping => Pace::Step,
            Mode::Running | Mode::Paused => Pace::Run,
        };
        let Some(job) = self.job.as_mut() else {
            return out;
        };
        match job.slice(pace, &mut out) {
            Progress::More => {}
            Progress::Stepped => out.extend(self.set_mode(Mode::Paused)),
            Progress::Done => {
                self.job = None;
                self.mode = Mode::Running;
            }
        }
        out
    }
}
