//! JSON-lines form of a trace: a header line `{"goroscope_trace":VERSION}`, then one
//! event per line. `goroscope trace` writes it; tests and tools read it back.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::{Event, SCHEMA_VERSION};

#[derive(Serialize, Deserialize)]
struct Header {
    goroscope_trace: u32,
}

/// Why a trace could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum TraceError {
    /// The first line is not a trace header.
    MissingHeader,
    /// The trace was written with another schema version.
    Version { found: u32 },
    /// Line `line` (1-based) is not a valid event.
    BadEvent { line: usize, msg: String },
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TraceError::MissingHeader => write!(f, "not a goroscope trace: missing header line"),
            TraceError::Version { found } => {
                write!(f, "trace schema version {found}, expected {SCHEMA_VERSION}")
            }
            TraceError::BadEvent { line, msg } => write!(f, "line {line}: {msg}"),
        }
    }
}

impl std::error::Error for TraceError {}

/// One event as a JSON line (no newline).
pub fn event_to_line(ev: &Event) -> String {
    serde_json::to_string(ev).unwrap_or_default()
}

/// The whole trace: header, then one line per event, each ending in `\n`.
pub fn to_jsonl(events: &[Event]) -> String {
    let mut out = serde_json::to_string(&Header {
        goroscope_trace: SCHEMA_VERSION,
    })
    .unwrap_or_default();
    out.push('\n');
    for ev in events {
        out.push_str(&event_to_line(ev));
        out.push('\n');
    }
    out
}

/// Reads what [`to_jsonl`] wrote. Blank lines are ignored.
pub fn from_jsonl(text: &str) -> Result<Vec<Event>, TraceError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = lines.next().ok_or(TraceError::MissingHeader)?;
    let header: Header = serde_json::from_str(first).map_err(|_| TraceError::MissingHeader)?;
    if header.goroscope_trace != SCHEMA_VERSION {
        return Err(TraceError::Version {
            found: header.goroscope_trace,
        });
    }
    lines
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| TraceError::BadEvent {
                line: i + 1,
                msg: e.to_string(),
            })
        })
        .collect()
}
