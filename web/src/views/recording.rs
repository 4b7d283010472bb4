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

use std::borrow::Cow;

use goroscope_trace::{Event, EventKind, Snapshot};

use super::happened::{Happened, last_happened};
use super::timeline::TimelineIndex;

/// Fewest events between two checkpoints.
pub const MIN_INTERVAL: usize = 1024;
/// Events between two checkpoints per unit of snapshot weight (see `weight`).
pub const EVENTS_PER_WEIGHT: usize = 8;

/// Events per storage chunk: the log grows chunk by chunk, never by reallocating (and so
/// never holding an old and a new buffer at once).
const CHUNK: usize = 4096;

/// A growing list kept in fixed-size chunks.
#[derive(Clone, Debug)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    fn push(&mut self, item: T) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push(item);
        }
        self.len += 1;
    }

    fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }
}

/// One event as stored: its time, and either the event packed in 64 bits (the frequent
/// small kinds: a goroutine id and a P or line number) or the index of the whole event
/// among the others. 16 bytes, where an `Event` takes 64 (wasm32) or 96 (64-bit).
#[derive(Clone, Copy, Debug)]
struct Slot {
    t: u64,
    /// Bits 60..64: the packed kind ([`FULL`]: the low 60 bits index `others`);
    /// bits 28..60: the goroutine id; bits 0..28: the P or line number.
    data: u64,
}

const FULL: u64 = 0;
const GO_LINE: u64 = 1;
const GO_START: u64 = 2;
const GO_SCHED: u64 = 3;
const GO_PREEMPT: u64 = 4;
const GO_END: u64 = 5;
const GLOBAL_GET_ONE: u64 = 6;
const GO_SYSCALL: u64 = 7;
const PROC_STOP: u64 = 8;

const SMALL_BITS: u32 = 28;
const SMALL_MAX: u64 = (1 << SMALL_BITS) - 1;

/// `(tag, g, small)` packed, if both fit.
fn pack(tag: u64, g: u64, small: u64) -> Option<u64> {
    (g <= u64::from(u32::MAX) && small <= SMALL_MAX).then_some(tag << 60 | g << SMALL_BITS | small)
}

/// The packed form of `kind`, if it has one.
fn packed(kind: &EventKind) -> Option<u64> {
    match *kind {
        EventKind::GoLine { g, line } => pack(GO_LINE, g, line.into()),
        EventKind::GoStart { p, g } => pack(GO_START, g, p.into()),
        EventKind::GoSched { g, p } => pack(GO_SCHED, g, p.into()),
        EventKind::GoPreempt { g, p } => pack(GO_PREEMPT, g, p.into()),
        EventKind::GoEnd { g, p } => pack(GO_END, g, p.into()),
        EventKind::GoSysCall { g, p } => pack(GO_SYSCALL, g, p.into()),
        EventKind::ProcStop { p } => pack(PROC_STOP, 0, p.into()),
        EventKind::GlobalGet { p, ref gs } if gs.len() == 1 => {
            pack(GLOBAL_GET_ONE, gs[0], p.into())
        }
        _ => None,
    }
}

/// The event a packed slot stands for.
fn unpack(t: u64, data: u64) -> Event {
    let g = (data >> SMALL_BITS) & u64::from(u32::MAX);
    let small = (data & SMALL_MAX) as u32;
    let kind = match data >> 60 {
        GO_LINE => EventKind::GoLine { g, line: small },
        GO_START => EventKind::GoStart { p: small, g },
        GO_SCHED => EventKind::GoSched { g, p: small },
        GO_PREEMPT => EventKind::GoPreempt { g, p: small },
        GO_END => EventKind::GoEnd { g, p: small },
        GO_SYSCALL => EventKind::GoSysCall { g, p: small },
        PROC_STOP => EventKind::ProcStop { p: small },
        _ => EventKind::GlobalGet {
            p: small,
            gs: vec![g],
        },
    };
    Event { t, kind }
}

/// Every event of a run, in arrival order, compactly.
#[derive(Clone, Debug, Default)]
struct Events {
    slots: Chunked<Slot>,
    /// The events without a packed form.
    others: Chunked<Event>,
}

impl Events {
    fn len(&self) -> usize {
        self.slots.len
    }

    fn push(&mut self, event: Event) {
        let t = event.t;
        let data = match packed(&event.kind) {
            Some(data) => data,
            None => {
                self.others.push(event);
                FULL << 60 | (self.others.len - 1) as u64
            }
        };
        self.slots.push(Slot { t, data });
    }

    /// The `i`th event: borrowed when stored whole, rebuilt when packed.
    fn get(&self, i: usize) -> Option<Cow<'_, Event>> {
        let slot = self.slots.get(i)?;
        Some(match slot.data >> 60 {
            FULL => Cow::Borrowed(self.others.get((slot.data & ((1 << 60) - 1)) as usize)?),
            _ => Cow::Owned(unpack(slot.t, slot.data)),
        })
    }

    /// Whether the `i`th event is a step event (see [`is_step`]), without rebuilding it.
    fn is_step(&self, i: usize) -> bool {
        match self.slots.get(i) {
            // Every packed kind but GoLine is a step event.
            Some(slot) => match slot.data >> 60 {
                FULL => self.get(i).is_some_and(|e| is_step(&e)),
                GO_LINE => false,
                _ => true,
            },
            None => false,
        }
    }
}

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
    events: Events,
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
            events: Events::default(),
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
    !matches!(
        event.kind,
        EventKind::GoLine { .. } | EventKind::Output { .. }
    )
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

    /// The `i`th event (counting from 0): borrowed when stored whole, rebuilt from its
    /// packed form otherwise.
    pub fn event(&self, i: usize) -> Option<Cow<'_, Event>> {
        self.events.get(i)
    }

    /// Every event, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, Event>> + '_ {
        (0..self.len()).filter_map(|i| self.events.get(i))
    }

    /// The last step event among the first `cursor` events, told (see
    /// [`last_happened`]); None before the first.
    pub fn last_happened(&self, cursor: usize) -> Option<Happened> {
        let index = (0..cursor.min(self.len()))
            .rev()
            .find(|&i| self.events.is_step(i))?;
        let event = self.events.get(index)?;
        let mut happened = last_happened(std::slice::from_ref(&*event), 1)?;
        happened.index = index;
        Some(happened)
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
        for i in self.cursor.applied..n {
            if let Some(event) = self.events.get(i) {
                self.cursor.apply(&event);
            }
        }
        &self.cursor
    }

    /// The position just after the first step event at or after position `from`
    /// (`from` events applied), or `None` when no step event was recorded after it.
    pub fn next_step(&self, from: usize) -> Option<usize> {
        (from..self.len())
            .find(|&i| self.events.is_step(i))
            .map(|i| i + 1)
    }

    /// The position just after the last step event before the one that ends at `from`:
    /// one step back. `Some(0)` goes back to the start.
    pub fn prev_step(&self, from: usize) -> Option<usize> {
        if from == 0 {
            return None;
        }
        // Skip the step event that brought the view to `from`, then find the one before.
        let current = (0..from.min(self.len()))
            .rev()
            .find(|&i| self.events.is_step(i))?;
        Some(
            (0..current)
                .rev()
                .find(|&i| self.events.is_step(i))
                .map_or(0, |i| i + 1),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use goroscope_trace::Queue;

    #[test]
    fn every_event_reads_back_as_pushed_packed_or_whole() {
        let kinds = [
            EventKind::GoLine { g: 7, line: 12 },
            EventKind::GoStart { p: 3, g: 7 },
            EventKind::GoSched { g: 7, p: 3 },
            EventKind::GoPreempt { g: 7, p: 1 },
            EventKind::GoEnd { g: 7, p: 0 },
            EventKind::GoSysCall { g: 2, p: 1 },
            EventKind::ProcStop { p: 2 },
            EventKind::GlobalGet { p: 1, gs: vec![9] },
            EventKind::GlobalGet {
                p: 1,
                gs: vec![9, 10],
            },
            EventKind::GlobalGet { p: 1, gs: vec![] },
            EventKind::GoLine {
                g: 1 << 40,
                line: 3,
            },
            EventKind::GoLine {
                g: 1,
                line: u32::MAX,
            },
            EventKind::GoReady {
                g: 4,
                by: None,
                p: 0,
                queue: Queue::Local,
            },
            EventKind::Exit { code: 0 },
        ];
        let events: Vec<Event> = (0..3 * CHUNK)
            .map(|i| Event {
                t: i as u64 * 3,
                kind: kinds[i % kinds.len()].clone(),
            })
            .collect();
        let mut r = Recording::default();
        r.push(events.clone());
        assert_eq!(r.len(), events.len());
        for (i, e) in events.iter().enumerate() {
            assert_eq!(&*r.event(i).unwrap(), e);
            assert_eq!(r.events.is_step(i), is_step(e));
        }
        assert!(r.event(events.len()).is_none());
    }
}
