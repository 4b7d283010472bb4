//! The channels view's model: each channel as its hchan, the ring buffer's slots with
//! their values and the `sendx`/`recvx` positions, the send and receive wait queues
//! (which goroutine, with which value) and the closed flag; plus a compact line per
//! Mutex, RWMutex and WaitGroup.
//!
//! Invariant: bounded like the scheduler view: at most [`SLOT_CAP`] slots and
//! [`QUEUE_CAP`] waiters per queue are listed, the rest counted.

use std::collections::BTreeMap;

use goroscope_trace::{ChanSnap, GoState, Obj, Snapshot, WaiterSnap};

use super::label::{chan_label, go_list};
use super::scheduler::QUEUE_CAP;

/// At most this many buffer slots are drawn per channel.
pub const SLOT_CAP: usize = 32;
/// At most this many channels are drawn; the rest are counted.
pub const CHAN_CAP: usize = 120;

/// One buffer slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub index: usize,
    pub value: Option<String>,
    pub sendx: bool,
    pub recvx: bool,
}

/// One channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChanView {
    pub id: u64,
    /// `chan int [3] (line 7)`.
    pub label: String,
    pub cap: usize,
    pub qcount: u64,
    pub sendx: u64,
    pub recvx: u64,
    pub slots: Vec<Slot>,
    /// Slots not drawn.
    pub more_slots: usize,
    pub sendq: Vec<WaiterSnap>,
    pub more_senders: usize,
    pub recvq: Vec<WaiterSnap>,
    pub more_receivers: usize,
    pub closed: bool,
}

impl ChanView {
    pub fn new(c: &ChanSnap) -> ChanView {
        let slots = c
            .buf
            .iter()
            .enumerate()
            .take(SLOT_CAP)
            .map(|(index, value)| Slot {
                index,
                value: value.clone(),
                sendx: index as u64 == c.sendx,
                recvx: index as u64 == c.recvx,
            })
            .collect();
        let cut = |q: &[WaiterSnap]| q.iter().take(QUEUE_CAP).cloned().collect::<Vec<_>>();
        ChanView {
            id: c.id,
            label: chan_label(c),
            cap: c.buf.len(),
            qcount: c.qcount,
            sendx: c.sendx,
            recvx: c.recvx,
            slots,
            more_slots: c.buf.len().saturating_sub(SLOT_CAP),
            sendq: cut(&c.sendq),
            more_senders: c.sendq.len().saturating_sub(QUEUE_CAP),
            recvq: cut(&c.recvq),
            more_receivers: c.recvq.len().saturating_sub(QUEUE_CAP),
            closed: c.closed,
        }
    }
}

/// Every channel (at most [`CHAN_CAP`], by id) and how many were left out.
pub fn chan_views(snap: &Snapshot) -> (Vec<ChanView>, usize) {
    let views = snap.chans.values().take(CHAN_CAP).map(ChanView::new).collect();
    (views, snap.chans.len().saturating_sub(CHAN_CAP))
}

/// One line per sync object: `Mutex 0: held by G3; waiting G4, G5`,
/// `WaitGroup 0: counter 2; waiting G1`.
pub fn sync_lines(snap: &Snapshot) -> Vec<String> {
    // One pass over the goroutines: waiters by (kind, id) of the object they wait on.
    let mut waiting: BTreeMap<(u8, u64), Vec<u64>> = BTreeMap::new();
    for g in snap.goroutines.values().filter(|g| g.state == GoState::Waiting) {
        let key = match g.object {
            Some(Obj::Mutex(id)) => (0, id),
            Some(Obj::RWMutex(id)) => (1, id),
            Some(Obj::WaitGroup(id)) => (2, id),
            _ => continue,
        };
        let gs = waiting.entry(key).or_default();
        if gs.len() < QUEUE_CAP {
            gs.push(g.id);
        }
    }
    let waiters = |key: (u8, u64)| match waiting.get(&key) {
        Some(gs) => format!("; waiting {}", go_list(gs)),
        None => String::new(),
    };
    let mut lines = Vec::new();
    for (id, lock) in &snap.mutexes {
        let held = lock.holder.map_or("unlocked".to_owned(), |g| format!("held by G{g}"));
        lines.push(format!("Mutex {id}: {held}{}", waiters((0, *id))));
    }
    for (id, lock) in &snap.rwmutexes {
        let held = match (lock.holder, lock.readers.is_empty()) {
            (Some(g), _) => format!("write-locked by G{g}"),
            (None, false) => format!("read-locked by {}", go_list(&lock.readers)),
            (None, true) => "unlocked".to_owned(),
        };
        lines.push(format!("RWMutex {id}: {held}{}", waiters((1, *id))));
    }
    for (id, counter) in &snap.waitgroups {
        lines.push(format!("WaitGroup {id}: counter {counter}{}", waiters((2, *id))));
    }
    lines
}
