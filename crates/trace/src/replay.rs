//! Replay: from an event stream to the [`Snapshot`] after any prefix of it.
//!
//! [`Replayer`] keeps the events and a checkpoint (a full snapshot) every `interval`
//! events, so seeking anywhere costs one clone plus at most `interval` applications:
//! what the view's scrubber needs. **Invariant**: for every `n`, `seek(n)` equals
//! `replay(events, n)`.

use crate::event::Event;
use crate::snapshot::Snapshot;

/// Default number of events between two checkpoints.
pub const DEFAULT_CHECKPOINT_INTERVAL: usize = 1000;

/// The snapshot after applying the first `n` events (all of them if `n` is larger).
pub fn replay(events: &[Event], n: usize) -> Snapshot {
    let mut snap = Snapshot::default();
    for ev in &events[..n.min(events.len())] {
        snap.apply(ev);
    }
    snap
}

/// An event log with periodic checkpoints and a cursor.
#[derive(Clone, Debug)]
pub struct Replayer {
    events: Vec<Event>,
    interval: usize,
    /// `checkpoints[k]` is the snapshot after `k * interval` events.
    checkpoints: Vec<Snapshot>,
    /// The snapshot after `cursor.applied` events.
    cursor: Snapshot,
}

impl Default for Replayer {
    fn default() -> Self {
        Self::new(DEFAULT_CHECKPOINT_INTERVAL)
    }
}

impl Replayer {
    /// An empty log taking a checkpoint every `interval` events (at least 1).
    pub fn new(interval: usize) -> Self {
        Replayer {
            events: Vec::new(),
            interval: interval.max(1),
            checkpoints: vec![Snapshot::default()],
            cursor: Snapshot::default(),
        }
    }

    /// A log holding `events`, checkpoints built.
    pub fn from_events(events: impl IntoIterator<Item = Event>, interval: usize) -> Self {
        let mut r = Self::new(interval);
        for ev in events {
            r.push(ev);
        }
        r
    }

    /// Appends an event (streamed from a running machine).
    pub fn push(&mut self, ev: Event) {
        self.events.push(ev);
        let n = self.events.len();
        if n.is_multiple_of(self.interval) {
            let mut snap = self.checkpoints.last().cloned().unwrap_or_default();
            let from = snap.applied;
            for ev in &self.events[from..n] {
                snap.apply(ev);
            }
            self.checkpoints.push(snap);
        }
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The snapshot at the cursor.
    pub fn current(&self) -> &Snapshot {
        &self.cursor
    }

    /// Applies the next event, if any; returns whether one was applied.
    pub fn step(&mut self) -> bool {
        match self.events.get(self.cursor.applied) {
            Some(ev) => {
                self.cursor.apply(ev);
                true
            }
            None => false,
        }
    }

    /// Moves the cursor to the snapshot after `n` events (clamped to the log's length).
    pub fn seek(&mut self, n: usize) -> &Snapshot {
        let n = n.min(self.events.len());
        let k = (n / self.interval).min(self.checkpoints.len() - 1);
        let from_checkpoint = k * self.interval;
        if n < self.cursor.applied || from_checkpoint > self.cursor.applied {
            self.cursor = self.checkpoints[k].clone();
        }
        while self.cursor.applied < n && self.step() {}
        &self.cursor
    }
}
