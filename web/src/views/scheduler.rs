//! The scheduler view's model: one lane per P, the global run queue, the network poller,
//! goroutines in system calls and parked goroutines grouped by wait reason, derived from
//! a [`Snapshot`] alone.
//!
//! Invariant: every list drawn is bounded by [`Shown`]'s cap, so the DOM stays small
//! with thousands of goroutines; what is left out is counted, never silently dropped.

use std::collections::BTreeMap;

use goroscope_trace::{GoState, Snapshot};

/// At most this many goroutines are drawn per queue or group; the rest are counted.
pub const QUEUE_CAP: usize = 24;

/// A list of goroutine ids cut to a cap: the first `shown`, and how many more there are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub shown: Vec<u64>,
    pub more: usize,
}

impl Shown {
    /// The first `cap` of `gs` (in order), counting the rest.
    pub fn cap(gs: impl IntoIterator<Item = u64>, cap: usize) -> Shown {
        let mut shown = Vec::new();
        let mut more = 0;
        for g in gs {
            if shown.len() < cap {
                shown.push(g);
            } else {
                more += 1;
            }
        }
        Shown { shown, more }
    }

    pub fn total(&self) -> usize {
        self.shown.len() + self.more
    }
}

/// One P's lane: `P0 · M0 · running G1 · runnext G5 · [G2 G3 G4]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lane {
    pub p: u32,
    /// The M bound to the P; None while the P is idle.
    pub m: Option<u32>,
    pub running: Option<u64>,
    pub runnext: Option<u64>,
    /// The local run queue, head first.
    pub local: Shown,
    /// A goroutine in a system call still holding this P.
    pub syscall: Option<u64>,
}

/// Parked goroutines sharing one wait reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parked {
    /// Go's wait reason (`chan receive`, `sleep`, `sync.WaitGroup.Wait`...).
    pub reason: String,
    pub gs: Shown,
}

/// Everything the scheduler view draws.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchedView {
    pub lanes: Vec<Lane>,
    /// The global run queue, head first.
    pub global: Shown,
    /// Goroutines in a system call (holding a P or not), by id.
    pub syscall: Shown,
    /// Goroutines waiting in the network poller (the machine has no network yet: empty).
    pub netpoller: Shown,
    /// Parked goroutines by wait reason, reasons in alphabetical order, ids ascending.
    pub parked: Vec<Parked>,
}

impl SchedView {
    pub fn new(snap: &Snapshot) -> SchedView {
        let lanes = snap
            .procs
            .iter()
            .map(|p| Lane {
                p: p.id,
                m: p.m,
                running: p.running,
                runnext: p.runnext,
                local: Shown::cap(p.local.iter().copied(), QUEUE_CAP),
                syscall: p.syscall,
            })
            .collect();
        let mut parked: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
        let mut syscall = Vec::new();
        for g in snap.goroutines.values() {
            match g.state {
                GoState::Waiting => parked
                    .entry(g.wait_reason.as_deref().unwrap_or("?"))
                    .or_default()
                    .push(g.id),
                GoState::Syscall => syscall.push(g.id),
                _ => {}
            }
        }
        SchedView {
            lanes,
            global: Shown::cap(snap.global.iter().copied(), QUEUE_CAP),
            syscall: Shown::cap(syscall, QUEUE_CAP),
            netpoller: Shown::default(),
            parked: parked
                .into_iter()
                .map(|(reason, gs)| Parked {
                    reason: reason.to_owned(),
                    gs: Shown::cap(gs, QUEUE_CAP),
                })
                .collect(),
        }
    }
}
