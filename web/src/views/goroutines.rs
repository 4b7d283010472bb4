//! The goroutines view's model: every live goroutine labelled as Go labels it, with its
//! state, wait reason and line; finished ones are only counted.
//!
//! Invariant: at most [`GOROUTINE_CAP`] rows, in id order; the selected goroutine is
//! always among them (even if finished or beyond the cap), so a highlight never points
//! at nothing.

use goroscope_trace::{GoState, Snapshot};

use super::label::{go_label, go_state};

/// At most this many goroutines get a row.
pub const GOROUTINE_CAP: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoRow {
    pub id: u64,
    /// `G7 main.worker`.
    pub label: String,
    /// `waiting: chan receive`.
    pub state: String,
    /// The CSS class of its state (`running`, `waiting`...).
    pub class: &'static str,
    pub line: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoList {
    pub rows: Vec<GoRow>,
    /// Live goroutines without a row (beyond the cap).
    pub more: usize,
    /// Goroutines not finished.
    pub live: usize,
    /// Finished goroutines.
    pub finished: usize,
}

pub fn state_class(state: GoState) -> &'static str {
    match state {
        GoState::Runnable => "runnable",
        GoState::Running => "running",
        GoState::Waiting => "waiting",
        GoState::Syscall => "syscall",
        GoState::Dead => "dead",
    }
}

impl GoList {
    pub fn new(snap: &Snapshot, selected: Option<u64>) -> GoList {
        let mut list = GoList::default();
        for g in snap.goroutines.values() {
            let wanted = Some(g.id) == selected;
            if g.state == GoState::Dead {
                list.finished += 1;
                if !wanted {
                    continue;
                }
            } else {
                list.live += 1;
            }
            if list.rows.len() >= GOROUTINE_CAP && !wanted {
                list.more += 1;
                continue;
            }
            list.rows.push(GoRow {
                id: g.id,
                label: go_label(g),
                state: go_state(g),
                class: state_class(g.state),
                line: g.line,
            });
        }
        list
    }
}
