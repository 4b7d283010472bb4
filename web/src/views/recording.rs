//! A run's recorded events, as the page keeps them: appended batch by batch while the
//! worker runs, and seekable to any past event for Step back and the scrubber.
//!
//! Invariants: events are kept in arrival order and never change once pushed;
//! `seek(n)` equals replaying the first `n` events from an empty snapshot (the trace
//! crate's [`Replayer`] guarantees it, with checkpoints so a seek costs at most one
//! checkpoint clone plus a bounded number of applications).

use goroscope_trace::{Event, EventKind, Replayer, Snapshot};

/// Every event of one run.
#[derive(Clone, Debug, Default)]
pub struct Recording {
    replayer: Replayer,
}

/// Whether Step stops after `event`: a change of the machine's state the views draw,
/// i.e. anything but a goroutine's current line and program output (the worker's
/// `is_scheduler_event` rule, so a page step and a worker step agree).
pub fn is_step(event: &Event) -> bool {
    !matches!(event.kind, EventKind::GoLine { .. } | EventKind::Output { .. })
}

impl Recording {
    /// Appends a batch the worker sent.
    pub fn push(&mut self, batch: Vec<Event>) {
        for event in batch {
            self.replayer.push(event);
        }
    }

    /// Number of events recorded.
    pub fn len(&self) -> usize {
        self.replayer.events().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn events(&self) -> &[Event] {
        self.replayer.events()
    }

    /// The whole machine after the first `n` events (all of them if `n` is larger).
    pub fn seek(&mut self, n: usize) -> &Snapshot {
        self.replayer.seek(n)
    }

    /// The position just after the first step event at or after position `from`
    /// (`from` events applied), or `None` when no step event was recorded after it.
    pub fn next_step(&self, from: usize) -> Option<usize> {
        let events = self.events();
        events.get(from..)?.iter().position(is_step).map(|i| from + i + 1)
    }

    /// The position just after the last step event before the one that ends at `from`:
    /// one step back. `Some(0)` goes back to the start.
    pub fn prev_step(&self, from: usize) -> Option<usize> {
        if from == 0 {
            return None;
        }
        let events = &self.events()[..from.min(self.len())];
        // Skip the step event that brought the view to `from`, then find the one before.
        let current = events.iter().rposition(is_step)?;
        Some(events[..current].iter().rposition(is_step).map_or(0, |i| i + 1))
    }
}
