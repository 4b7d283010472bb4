//! The worker's state between messages: at most one job, fed slice by slice.

use goroscope_protocol::{Request, Response, Status, decode};

use crate::job::{Job, Progress};

/// Everything one worker knows. Invariant: `job` is `Some` exactly while a run is in
/// progress, i.e. from its `Status(Running)` up to its `Finished`.
#[derive(Debug, Default)]
pub struct Session {
    job: Option<Job>,
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
        if self.job.is_some() {
            // The page disables Run while a run is in progress and stops by terminating
            // the worker, so this is a page bug; the current run goes on undisturbed.
            return vec![Response::Fault("a run is already in progress".into())];
        }
        self.job = Some(match request {
            Request::Run(config) => Job::Compile(config),
        });
        vec![Response::Status(Status::Running)]
    }

    /// Whether a job waits for its next slice.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Runs one slice of the current job, if any; returns its responses.
    pub fn slice(&mut self) -> Vec<Response> {
        let mut out = Vec::new();
        if let Some(job) = self.job.as_mut()
            && job.slice(&mut out) == Progress::Done
        {
            self.job = None;
        }
        out
    }
}
