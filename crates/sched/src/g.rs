//! Goroutines: the G, its status and its wait reason.
//!
//! Who owns what, as in Go's runtime2.go:
//! - `Runnable`: on exactly one run queue (a P's runnext or local ring, or the global
//!   queue); nobody runs it.
//! - `Running`: the current G of exactly one P (`G::p`); on no queue.
//! - `Waiting(reason)`: parked; on the wait list the reason names (a channel's sudog
//!   queue, a sync object's waiters, a sleep timer), or on none when it blocks forever
//!   (nil channel, `select {}`).
//! - `Dead`: finished; kept so ids are never reused.
//!
//! The goroutine's own stack (the interpreter's frames) is not here: the interpreter
//! keeps it, keyed by [`GoId`](crate::GoId).

use std::fmt;

use crate::ids::{ChanId, GoId, PId, RWMutexId, TimerId};
use crate::sync::Locker;

/// Why a goroutine is waiting. The strings are Go's, what a goroutine dump prints in
/// brackets. As in Go: never reuse a reason for another meaning; add a new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WaitReason {
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    Sleep,
    SyncMutexLock,
    SyncRWMutexLock,
    SyncRWMutexRLock,
    SyncWaitGroupWait,
    SyncCondWait,
    IoWait,
    Semacquire,
}

impl WaitReason {
    /// Go's string for this reason.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::IoWait => "IO wait",
            WaitReason::Semacquire => "semacquire",
        }
    }

    /// Whether a G waiting for this reason is on no wait list and can never be woken.
    pub fn is_forever(self) -> bool {
        matches!(
            self,
            WaitReason::ChanReceiveNilChan
                | WaitReason::ChanSendNilChan
                | WaitReason::SelectNoCases
        )
    }
}

impl fmt::Display for WaitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A goroutine's status (Go's `_Grunnable`, `_Grunning`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Runnable,
    Running,
    Waiting(WaitReason),
    Syscall,
    Dead,
}

/// A lock the machine must (re)acquire for a G before the interpreter resumes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relock {
    /// Lock `locker`. `retry`: a waiter woken in normal mode competing again (back to
    /// the head of the queue if it loses); otherwise a fresh Lock (after Cond.Wait).
    Lock { locker: Locker, retry: bool },
    /// The G holds the RWMutex's writer mutex; it must still wait for active readers
    /// (the second half of RWMutex.Lock).
    RWAnnounce(RWMutexId),
}

/// What the interpreter learns when a parked G resumes (returned by `Machine::next_slice`).
#[derive(Clone, Debug, PartialEq)]
pub enum Wakeup<V> {
    /// A blocked receive completed: `ok` is false when the channel was closed.
    Recv { value: V, ok: bool },
    /// A blocked select completed `case`; `recv` holds the value for a receive case.
    Select {
        case: usize,
        recv: Option<(V, bool)>,
    },
    /// The channel of a blocked send (plain or in a select) was closed: the G must
    /// panic with `send on closed channel`.
    SendOnClosed,
    /// A new goroutine started by a function timer (`time.AfterFunc`): run `token`.
    AfterFunc { token: u64 },
}

/// One goroutine.
#[derive(Clone, Debug)]
pub struct G<V> {
    pub id: GoId,
    pub status: Status,
    /// The P running this G, while `Running`.
    pub p: Option<PId>,
    /// The result of the blocking operation, handed to the interpreter on resume.
    pub(crate) wakeup: Option<Wakeup<V>>,
    /// A lock to take for this G when it is next scheduled.
    pub(crate) relock: Option<Relock>,
    /// Virtual time at which it started waiting for a mutex (starvation mode).
    pub(crate) wait_since: Option<u64>,
    /// The channels of the select it is blocked in (each may hold several of its sudogs).
    pub(crate) select_chans: Vec<ChanId>,
    /// Virtual time at which it last became runnable; it runs no earlier.
    pub(crate) ready_at: u64,
    /// Its reusable `time.Sleep` timer.
    pub(crate) sleep_timer: Option<TimerId>,
}

impl<V> G<V> {
    pub(crate) fn new(id: GoId) -> Self {
        G {
            id,
            status: Status::Runnable,
            p: None,
            wakeup: None,
            relock: None,
            wait_since: None,
            select_chans: Vec::new(),
            sleep_timer: None,
            ready_at: 0,
        }
    }

    /// The wait reason, while waiting.
    pub fn wait_reason(&self) -> Option<WaitReason> {
        match self.status {
            Status::Waiting(r) => Some(r),
            _ => None,
        }
    }
}
