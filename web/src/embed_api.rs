//! The embed's postMessage API, as plain data: the commands a host page may send to an
//! embedded playground, and the reports the playground sends back.
//!
//! Every message is an object `{ goroscope: 1, type: "...", ... }` ([`API_VERSION`]).
//! Commands (host → embed): `{type: "setCode", code, procs?, seed?}`, `{type: "run"}`,
//! `{type: "stop"}`. Reports (embed → host): `{type: "ready"}`, `{type: "output",
//! stream: "stdout" | "stderr" | "playground", text}`, `{type: "status", status, done}`
//! and `{type: "height", height}`.
//!
//! Invariants:
//! - [`Command::parse`] accepts only the shapes above: a wrong version, an unknown type,
//!   a missing or mistyped field, a program over `share::MAX_PROGRAM` bytes or a
//!   GOMAXPROCS out of range is `None`, and the embed ignores it.
//! - [`Reporter`] reports every console chunk of a run exactly once, in order, and each
//!   status and height only when it changed.
//!
//! Who may talk to whom (the origin policy) is the browser side's job: see `embed`.

use goroscope_protocol::{MAX_PROCS, Status, Stream};
use serde_json::{Value, json};

use crate::model::{Playground, Source};
use crate::share::MAX_PROGRAM;

/// The `goroscope` field of every message.
pub const API_VERSION: u64 = 1;

/// What a host page may ask of an embedded playground.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Replace the program (and the settings given).
    SetCode {
        code: String,
        procs: Option<u8>,
        seed: Option<u64>,
    },
    /// Run the program in the editor (ignored while a run is in progress).
    Run,
    /// Stop the run in progress.
    Stop,
}

impl Command {
    /// The command `message` is, if it has exactly one of the accepted shapes.
    pub fn parse(message: &Value) -> Option<Command> {
        if message.get("goroscope")?.as_u64()? != API_VERSION {
            return None;
        }
        match message.get("type")?.as_str()? {
            "run" => Some(Command::Run),
            "stop" => Some(Command::Stop),
            "setCode" => {
                let code = message.get("code")?.as_str()?;
                if code.len() > MAX_PROGRAM {
                    return None;
                }
                let procs = match message.get("procs") {
                    None | Some(Value::Null) => None,
                    Some(n) => Some(
                        n.as_u64()
                            .and_then(|n| u8::try_from(n).ok())
                            .filter(|n| (1..=MAX_PROCS).contains(n))?,
                    ),
                };
                let seed = match message.get("seed") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.parse().ok()?),
                    Some(n) => Some(n.as_u64()?),
                };
                Some(Command::SetCode {
                    code: code.into(),
                    procs,
                    seed,
                })
            }
            _ => None,
        }
    }
}

/// A report with its envelope.
fn report(kind: &str, mut fields: Value) -> Value {
    if let Value::Object(map) = &mut fields {
        map.insert("goroscope".into(), API_VERSION.into());
        map.insert("type".into(), kind.into());
    }
    fields
}

/// Whether an embed's fragment asks for the views to start open (`views=open`, which
/// `embed.js` writes for `data-views="open"`; share links ignore the key).
pub fn views_open(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .split('&')
        .any(|part| part == "views=open")
}

/// The report the embed sends once its editor is up and it accepts commands.
pub fn ready() -> Value {
    report("ready", json!({}))
}

/// Tracks what the host has been told, and says what is new.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reporter {
    /// How much of the current run's console was reported: whole chunks before index
    /// `sent.0`, and the first `sent.1` bytes of that chunk (the model appends output to
    /// its last chunk while the stream stays the same).
    sent: (usize, usize),
    status: Option<Status>,
    height: Option<u32>,
}

impl Reporter {
    /// A run starts: its console starts empty, and its status is news even if it equals
    /// the last run's (the page may look only after a quick run has already finished,
    /// going from `finished` to `finished`: the host still needs that run's `done`).
    pub fn run_started(&mut self) {
        self.sent = (0, 0);
        self.status = None;
    }

    /// The reports for what changed in `playground` since the last call, in order:
    /// new output first, then the status.
    pub fn changes(&mut self, playground: &Playground) -> Vec<Value> {
        let mut reports = Vec::new();
        let console = &playground.console;
        // A console shorter than what was sent was cleared by a run this reporter was
        // not told about: everything in it is new.
        let (chunk, bytes) = self.sent;
        let cleared = match console.get(chunk) {
            Some(c) => c.text.len() < bytes || !c.text.is_char_boundary(bytes),
            // `sent` names the last chunk there was: it is gone unless nothing was sent.
            None => (chunk, bytes) != (0, 0),
        };
        let (chunk, bytes) = if cleared { (0, 0) } else { (chunk, bytes) };
        for (i, c) in console.iter().enumerate().skip(chunk) {
            let text = if i == chunk {
                &c.text[bytes..]
            } else {
                c.text.as_str()
            };
            if text.is_empty() {
                continue;
            }
            let stream = match c.source {
                Source::Program(Stream::Stdout) => "stdout",
                Source::Program(Stream::Stderr) => "stderr",
                Source::Playground => "playground",
            };
            reports.push(report("output", json!({ "stream": stream, "text": text })));
        }
        self.sent = match console.last() {
            Some(last) => (console.len() - 1, last.text.len()),
            None => (0, 0),
        };
        let status = playground.status();
        if self.status != Some(status) {
            self.status = Some(status);
            let done = !matches!(status, Status::Running | Status::Paused);
            reports.push(report(
                "status",
                json!({ "status": status.as_str(), "done": done }),
            ));
        }
        reports
    }

    /// The report of the page's height in CSS pixels, if it changed.
    pub fn height(&mut self, height: u32) -> Option<Value> {
        (self.height != Some(height)).then(|| {
            self.height = Some(height);
            report("height", json!({ "height": height }))
        })
    }
}
