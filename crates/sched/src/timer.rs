//! Timers on the virtual clock.
//!
//! Each P keeps a min-heap of `(when, seq, timer)`: ties on `when` fire in creation order
//! (`seq` increases monotonically), so firing order is deterministic. Stopping or
//! resetting a timer bumps its `seq`; heap entries whose `seq` no longer matches are
//! stale and skipped (lazy deletion, as Go marks timers `timerModified`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::ids::{ChanId, GoId, PId, TimerId};

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerAction {
    /// Readies a G parked in `time.Sleep`.
    Sleep(GoId),
    /// Sends the time on a channel without blocking (Go 1.23 timer channels).
    Chan(ChanId),
    /// Starts a new goroutine for the interpreter's function `token`.
    Func(u64),
}

/// One timer.
#[derive(Clone, Debug)]
pub struct Timer {
    pub when: u64,
    /// Re-arm interval of a ticker; 0 for a one-shot timer.
    pub period: u64,
    pub action: TimerAction,
    /// Whether the timer is armed.
    pub active: bool,
    /// Whether its current entry (`seq`) is in the heap of `p`. A channel timer is
    /// armed but not heaped while nobody is blocked on its channel.
    pub heaped: bool,
    /// The heap entry of this timer that is current.
    pub seq: u64,
    /// The P whose heap holds the current entry.
    pub p: PId,
}

/// A P's timer heap. Entries may be stale (see the module doc).
#[derive(Clone, Debug, Default)]
pub struct TimerHeap {
    heap: BinaryHeap<Reverse<(u64, u64, TimerId)>>,
}

impl TimerHeap {
    pub fn push(&mut self, when: u64, seq: u64, id: TimerId) {
        self.heap.push(Reverse((when, seq, id)));
    }

    /// The earliest current entry, dropping stale ones on the way. Inlined for the
    /// common case of an empty heap, which the scheduler checks on every slice.
    #[inline]
    pub fn peek(&mut self, timers: &[Timer]) -> Option<(u64, TimerId)> {
        if self.heap.is_empty() {
            return None;
        }
        self.peek_slow(timers)
    }

    fn peek_slow(&mut self, timers: &[Timer]) -> Option<(u64, TimerId)> {
        while let Some(&Reverse((when, seq, id))) = self.heap.peek() {
            match timers.get(id.index()) {
                Some(t) if t.active && t.heaped && t.seq == seq => return Some((when, id)),
                _ => {
                    self.heap.pop();
                }
            }
        }
        None
    }

    /// Whether the heap holds no entry at all (not even a stale one).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    pub fn pop(&mut self) -> Option<TimerId> {
        self.heap.pop().map(|Reverse((_, _, id))| id)
    }

    /// All entries, for moving them to another P (GOMAXPROCS shrinking).
    pub fn drain(&mut self) -> Vec<(u64, u64, TimerId)> {
        self.heap.drain().map(|Reverse(e)| e).collect()
    }

    /// Every entry `(when, seq, timer)`, stale ones included, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (u64, u64, TimerId)> + '_ {
        self.heap.iter().map(|&Reverse(e)| e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(when: u64, seq: u64) -> Timer {
        Timer {
            when,
            period: 0,
            action: TimerAction::Func(0),
            active: true,
            heaped: true,
            seq,
            p: PId(0),
        }
    }

    #[test]
    fn earliest_first_ties_in_creation_order_stale_entries_skipped() {
        let mut timers = vec![timer(50, 1), timer(20, 2), timer(20, 3)];
        let mut heap = TimerHeap::default();
        for (i, t) in timers.iter().enumerate() {
            heap.push(t.when, t.seq, TimerId(i as u64));
        }
        assert_eq!(heap.peek(&timers), Some((20, TimerId(1))));
        // Reset timer 1 to 60: its old entry becomes stale.
        timers[1].when = 60;
        timers[1].seq = 4;
        heap.push(60, 4, TimerId(1));
        let mut order = Vec::new();
        while let Some((when, id)) = heap.peek(&timers) {
            heap.pop();
            order.push((when, id.0));
        }
        assert_eq!(order, [(20, 2), (50, 0), (60, 1)]);
    }
}
