//! A run's recorded events, as the page keeps them: appended batch by batch while the
//! worker runs, and seekable to any past event for Step back and the scrubber.
//!
//! Invariants: events are kept in arrival order and never change once pushed;
//! `seek(n)` equals replaying the first `n` events from an empty snapshot
//! (`goroscope_trace::replay`). Seeking costs one checkpoint clone plus at most one
//! checkpoint interval of applications.
//!
//! Checkpoints are adaptive: after each one, the next is taken [`EVENTS_PER_WEIGHT`]
//! events per unit of the snapshot's size later (at least [`MIN_INTERVAL`]), so a run
//! with 1,000 goroutines takes few large checkpoints and a small run many small ones:
//! checkpoint memory stays about proportional to the number of events, whatever the
//! snapshot size, and a seek re-applies at most about `EVENTS_PER_WEIGHT` events per
//! unit of what it clones. A checkpoint holds no program output: output only grows, so
//! the output at a checkpoint is a prefix of the whole run's, restored on seek.
//!
//! The timeline's index ([`TimelineIndex`]) grows with the events, so drawing the
//! timeline never rescans the run.

use goroscope_trace::{Event, EventKind, Snapshot};

use super::timeline::TimelineIndex;

/// Fewest events between two checkpoints.
pub const MIN_INTERVAL: usize = 1024;
/// Events between two checkpoints per unit of snapshot weight (see `weight`).
pub const EVENTS_PER_WEIGHT: usize = 8;

/// A snapshot without its output, and the output's length at that point.
#[derive(Clone, Debug, Default)]
struct Checkpoint {
    snap: Snapshot,
    stdout: usize,
    stderr: usize,
}

/// Every event of one run.
#[derive(Clone, Debug)]
pub struct Recording {
    events: Vec<Event>,
    /// `checkpoints[k].snap.applied` increases with `k`; the first is the empty snapshot.
    checkpoints: Vec<Checkpoint>,
    /// The event count at which the next checkpoint is taken.
    next_checkpoint: usize,
    /// The snapshot after every event, output included (the source of checkpoints and
    /// of the output prefixes restored on seek).
    head: Snapshot,
    /// The snapshot after `cursor.applied` events.
    cursor: Snapshot,
    timeline: TimelineIndex,
}

impl Default for Recording {
    fn default() -> Self {
        Recording {
            events: Vec::new(),
            checkpoints: vec![Checkpoint::default()],
            next_checkpoint: MIN_INTERVAL,
            head: Snapshot::default(),
            cursor: Snapshot::default(),
            timeline: TimelineIndex::default(),
        }
    }
}

/// Whether Step stops after `event`: a change of the machine's state the views draw,
/// i.e. anything but a goroutine's current line and program output (the worker's
/// `is_scheduler_event` rule, so a page step and a worker step agree).
pub fn is_step(event: &Event) -> bool {
    !matches!(event.kind, EventKind::GoLine { .. } | EventKind::Output { .. })
}

/// The size of a snapshot in "entries": what cloning it costs, roughly.
fn weight(s: &Snapshot) -> usize {
    let chans: usize = s
        .chans
        .values()
        .map(|c| 1 + c.buf.len() + c.sendq.len() + c.recvq.len())
        .sum();
    let procs: usize = s.procs.iter().map(|p| 1 + p.local.len()).sum();
    16 + s.goroutines.len()
        + chans
        + procs
        + s.global.len()
        + s.timers.len()
        + s.mutexes.len()
        + s.rwmutexes.len()
        + s.waitgroups.len()
}

/// The first `len` bytes of `s` (a length it had once: output only grows).
fn prefix(s: &str, len: usize) -> String {
    s.get(..len).unwrap_or(s).to_owned()
}

impl Recording {
    /// Appends a batch the worker sent.
    pub fn push(&mut self, batch: Vec<Event>) {
        self.events.reserve(batch.len());
        for event in batch {
            self.head.apply(&event);
            self.timeline.push(&event);
            self.events.push(event);
            if self.events.len() >= self.next_checkpoint {
                self.checkpoint();
            }
        }
    }

    /// Keeps the head (without its output) as a checkpoint and schedules the next.
    fn checkpoint(&mut self) {
        let stdout = std::mem::take(&mut self.head.stdout);
        let stderr = std::mem::take(&mut self.head.stderr);
        let snap = self.head.clone();
        let interval = (EVENTS_PER_WEIGHT * weight(&snap)).max(MIN_INTERVAL);
        self.checkpoints.push(Checkpoint {
            snap,
            stdout: stdout.len(),
            stderr: stderr.len(),
        });
        self.head.stdout = stdout;
        self.head.stderr = stderr;
        self.next_checkpoint = self.events.len() + interval;
    }

    /// Number of events recorded.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Number of checkpoints kept (the empty start included).
    pub fn checkpoints(&self) -> usize {
        self.checkpoints.len()
    }

    /// The timeline's index of every event recorded.
    pub fn timeline(&self) -> &TimelineIndex {
        &self.timeline
    }

    /// The snapshot of the last `seek`.
    pub fn current(&self) -> &Snapshot {
        &self.cursor
    }

    /// The whole machine after the first `n` events (all of them if `n` is larger).
    pub fn seek(&mut self, n: usize) -> &Snapshot {
        let n = n.min(self.events.len());
        let k = self
            .checkpoints
            .partition_point(|c| c.snap.applied <= n)
            .saturating_sub(1);
        let checkpoint = &self.checkpoints[k];
        let from = checkpoint.snap.applied;
        if n < self.cursor.applied || from > self.cursor.applied {
            let mut snap = checkpoint.snap.clone();
            snap.stdout = prefix(&self.head.stdout, checkpoint.stdout);
            snap.stderr = prefix(&self.head.stderr, checkpoint.stderr);
            self.cursor = snap;
        }
        for event in &self.events[self.cursor.applied..n] {
            self.cursor.apply(event);
        }
        &self.cursor
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
