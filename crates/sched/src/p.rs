//! Ps (logical processors) and their run queues.
//!
//! A P owns a one-slot `runnext` and a local ring of runnable Gs of fixed capacity
//! (`Config::local_queue_capacity`), a heap of timers, and a virtual clock.
//! Invariants: an idle P has no M, no current G, an empty runnext and an empty ring;
//! the ring never holds more than its capacity; a P holding a G in a syscall has an M
//! and no current G.

use std::collections::VecDeque;

use crate::ids::{GoId, MId, PId};
use crate::timer::TimerHeap;

/// A P's local run queue: a ring of fixed capacity, FIFO.
#[derive(Clone, Debug)]
pub struct Runq {
    ring: VecDeque<GoId>,
    capacity: usize,
}

impl Runq {
    pub fn new(capacity: usize) -> Self {
        Runq {
            ring: VecDeque::with_capacity(capacity),
            capacity: capacity.max(1),
        }
    }

    pub fn len(&self) -> usize {
        self.ring.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ring.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.ring.len() >= self.capacity
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Appends at the tail; gives `g` back when the ring is full.
    pub fn push_back(&mut self, g: GoId) -> Result<(), GoId> {
        if self.is_full() {
            return Err(g);
        }
        self.ring.push_back(g);
        Ok(())
    }

    pub fn pop_front(&mut self) -> Option<GoId> {
        self.ring.pop_front()
    }

    /// Takes `n` Gs from the head, oldest first.
    pub fn take_front(&mut self, n: usize) -> Vec<GoId> {
        let n = n.min(self.ring.len());
        self.ring.drain(..n).collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = GoId> + '_ {
        self.ring.iter().copied()
    }
}

/// A logical processor.
#[derive(Clone, Debug)]
pub struct P {
    pub id: PId,
    /// The M bound to this P; None while idle.
    pub m: Option<MId>,
    /// The G running on this P. None with `idle == false`: the P is in findRunnable.
    pub curg: Option<GoId>,
    /// Whether the P is on the idle list (released by its M).
    pub idle: bool,
    /// Whether its M is spinning: looking for work to steal.
    pub spinning: bool,
    /// Whether its M already backed off once, waiting for a running victim to
    /// schedule its runnext (Go's usleep(3) in runqgrab).
    pub runnext_backoff: bool,
    /// The next G to run, ahead of the ring; it inherits the current time slice.
    pub runnext: Option<GoId>,
    pub runq: Runq,
    /// Incremented each time a G starts a new time slice on this P.
    pub schedtick: u64,
    /// Virtual time at which the current time slice started (for preemption).
    pub schedwhen: u64,
    /// This P's virtual clock, in ns.
    pub clock: u64,
    /// When the current quantum ends: the interpreter yields back at this time.
    pub deadline: u64,
    pub timers: TimerHeap,
    /// The G in a system call that still holds this P (Go's _Psyscall); the P runs
    /// nothing else until the call returns or sysmon retakes it.
    pub syscall: Option<InSyscall>,
}

/// A system call in progress: who, since when, until when (virtual ns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InSyscall {
    pub g: GoId,
    pub since: u64,
    pub until: u64,
}

impl P {
    pub fn new(id: PId, capacity: usize) -> Self {
        P {
            id,
            m: None,
            curg: None,
            idle: true,
            spinning: false,
            runnext_backoff: false,
            runnext: None,
            runq: Runq::new(capacity),
            schedtick: 0,
            schedwhen: 0,
            clock: 0,
            deadline: 0,
            timers: TimerHeap::default(),
            syscall: None,
        }
    }

    /// Whether runnext or the ring holds a G.
    pub fn has_work(&self) -> bool {
        self.runnext.is_some() || !self.runq.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_refuses_beyond_capacity_and_stays_fifo() {
        let mut q = Runq::new(4);
        for i in 1..=4 {
            assert_eq!(q.push_back(GoId(i)), Ok(()));
        }
        assert_eq!(q.push_back(GoId(5)), Err(GoId(5)));
        assert_eq!(q.take_front(2), vec![GoId(1), GoId(2)]);
        assert_eq!(q.pop_front(), Some(GoId(3)));
        assert_eq!(q.len(), 1);
    }
}
