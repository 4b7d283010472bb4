//! The playground's state as plain data: what the status line, the console and the editor's
//! underlines show. Actions come from the buttons and from the worker; the Yew components
//! only render this and perform the side effects the buttons ask for.
//!
//! Invariants:
//! - `status` is `Running` exactly between a run's start (`Action::Run`)
//!   and its end (`Response::Finished`, `Action::Stop` or a link failure).
//! - Responses that arrive while no run is in progress change nothing: they belong to a
//!   worker the page has already given up on.

use goroscope_protocol::{Diagnostic, Outcome, Response, Status, Stream};

/// One piece of console text and who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleChunk {
    pub source: Source,
    pub text: String,
}

/// Who wrote a piece of console text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The program, on one of its streams.
    Program(Stream),
    /// The playground itself ("Program exited.", "Stopped.").
    Playground,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Run was pressed: the page sent a `Request::Run`.
    Run,
    /// Stop was pressed: the page terminated the worker and spawned a fresh one.
    Stop,
    /// The worker said something.
    Receive(Response),
    /// The worker could not be reached or spoke nonsense (a Goroscope bug or a stale cache).
    LinkFailed(String),
    /// The page itself has something to say (a broken share link); the status stays.
    Notice(String),
}

/// The page's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playground {
    pub status: Status,
    pub console: Vec<ConsoleChunk>,
    /// Compile errors of the last run, for the editor's underlines.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Playground {
    fn default() -> Playground {
        Playground {
            status: Status::Idle,
            console: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

impl Playground {
    /// Whether a run is in progress (Run disabled, Stop enabled).
    pub fn is_running(&self) -> bool {
        self.status == Status::Running
    }

    /// The console's whole text, as `data-testid="console"` shows it.
    pub fn console_text(&self) -> String {
        self.console
            .iter()
            .map(|chunk| chunk.text.as_str())
            .collect()
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Run => {
                self.status = Status::Running;
                self.console.clear();
                self.diagnostics.clear();
            }
            Action::Stop => {
                if self.is_running() {
                    self.status = Status::Idle;
                    self.note("Stopped.");
                }
            }
            Action::Receive(response) => {
                if self.is_running() {
                    self.receive(response);
                }
            }
            Action::LinkFailed(why) => {
                self.status = Status::Error;
                self.note(&format!("The worker failed: {why}"));
            }
            Action::Notice(text) => self.note(&text),
        }
    }

    fn receive(&mut self, response: Response) {
        match response {
            // A fresh worker announcing itself; the link has already flushed its queue.
            Response::Ready => {}
            Response::Status(status) => self.status = status,
            Response::Output { stream, text } => {
                self.console.push(ConsoleChunk {
                    source: Source::Program(stream),
                    text,
                });
            }
            Response::Note(text) => self.note(&text),
            // Not drawn yet: the views that replay events and show counters come next.
            Response::Events(_) | Response::Stats(_) => {}
            Response::Diagnostics(diagnostics) => {
                for d in &diagnostics {
                    self.console.push(ConsoleChunk {
                        source: Source::Program(Stream::Stderr),
                        text: format!("{d}\n"),
                    });
                }
                self.diagnostics = diagnostics;
            }
            Response::Finished { outcome, exit_code } => {
                self.status = outcome.into();
                match (outcome, exit_code) {
                    (Outcome::Error, _) => self.note("Go build failed."),
                    (Outcome::Limit, _) => self.note("The run was stopped at one of the playground's limits."),
                    (_, 0) => self.note("Program exited."),
                    (_, code) => self.note(&format!("Program exited: status {code}.")),
                }
            }
            Response::Fault(why) => {
                self.status = Status::Error;
                self.note(&format!("The worker failed: {why}"));
            }
        }
    }

    /// Appends the playground's own line, starting it on a fresh line.
    fn note(&mut self, text: &str) {
        let needs_break = self.console.last().is_some_and(|c| !c.text.ends_with('\n'));
        let text = if needs_break {
            format!("\n{text}\n")
        } else {
            format!("{text}\n")
        };
        self.console.push(ConsoleChunk {
            source: Source::Playground,
            text,
        });
    }
}
