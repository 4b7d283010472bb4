//! The state of `sync` objects, modelled on Go's sync package and its semaphores.
//! Operations live in `syncops`; this module is data and its invariants:
//! - `MutexCore`: `waiters` is FIFO (a woken waiter that loses goes back to the head);
//!   `woken` is set while one woken waiter is on its way, so Unlock wakes no other;
//!   `starving` only while locked or with waiters.
//! - `RWMutex`: `reader_count` counts active plus blocked readers, minus
//!   `RWMUTEX_MAX_READERS` while a writer is pending or holds the lock; `reader_wait`
//!   is how many active readers the pending writer still waits for.
//! - `WaitGroup`: waiters exist only while `counter > 0`.

use std::collections::VecDeque;

use crate::ids::{GoId, MutexId, RWMutexId};

/// Go's rwmutexMaxReaders.
pub const RWMUTEX_MAX_READERS: i64 = 1 << 30;

/// The lock part shared by `sync.Mutex` and an RWMutex's writer mutex.
#[derive(Clone, Debug, Default)]
pub struct MutexCore {
    pub locked: bool,
    pub starving: bool,
    pub woken: bool,
    pub waiters: VecDeque<GoId>,
}

/// A `sync.RWMutex`.
#[derive(Clone, Debug, Default)]
pub struct RWMutex {
    /// Held by the writer (and by a writer waiting for readers to leave).
    pub w: MutexCore,
    pub reader_count: i64,
    pub reader_wait: i64,
    /// Readers blocked behind a writer (readerSem).
    pub readers: VecDeque<GoId>,
    /// The writer waiting for active readers to leave (writerSem).
    pub writer: Option<GoId>,
}

/// A `sync.WaitGroup`.
#[derive(Clone, Debug, Default)]
pub struct WaitGroup {
    pub counter: i64,
    pub waiters: VecDeque<GoId>,
}

/// Progress of a `sync.Once`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnceState {
    #[default]
    NotStarted,
    Running(GoId),
    Done,
}

/// A `sync.Once`: callers arriving while the function runs wait for it to finish.
#[derive(Clone, Debug, Default)]
pub struct Once {
    pub state: OnceState,
    pub waiters: VecDeque<GoId>,
}

/// The Locker of a `sync.Cond` (or any lock a relock names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locker {
    Mutex(MutexId),
    /// The write side of an RWMutex.
    RWMutex(RWMutexId),
}

/// A `sync.Cond`: its waiters in notify order, each with the Locker to retake.
#[derive(Clone, Debug, Default)]
pub struct Cond {
    pub waiters: VecDeque<(GoId, Locker)>,
}

/// Every sync object, each kind in an arena indexed by its id.
#[derive(Clone, Debug, Default)]
pub struct SyncObjects {
    pub mutexes: Vec<MutexCore>,
    pub rwmutexes: Vec<RWMutex>,
    pub waitgroups: Vec<WaitGroup>,
    pub onces: Vec<Once>,
    pub conds: Vec<Cond>,
}

impl SyncObjects {
    /// How many objects there are, of every kind.
    pub(crate) fn len(&self) -> usize {
        self.mutexes.len()
            + self.rwmutexes.len()
            + self.waitgroups.len()
            + self.onces.len()
            + self.conds.len()
    }
}
