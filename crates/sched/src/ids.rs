//! Typed ids for everything the machine owns. Each is an index into one arena of the
//! machine, allocated in order and never reused, so ids are stable across a run and
//! printing them is deterministic.

use std::fmt;

/// A goroutine id, numbered as Go numbers them: `main` is 1, then 2, 3...
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoId(pub u64);

impl GoId {
    /// The main goroutine.
    pub const MAIN: GoId = GoId(1);

    pub(crate) fn index(self) -> usize {
        (self.0 as usize).wrapping_sub(1)
    }
}

impl fmt::Display for GoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "G{}", self.0)
    }
}

macro_rules! arena_id {
    ($(#[$doc:meta])* $name:ident, $repr:ty, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub $repr);

        impl $name {
            pub(crate) fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

arena_id!(/// A logical processor, 0 ..= GOMAXPROCS-1.
    PId, u32, "P");
arena_id!(/// A channel (an hchan).
    ChanId, u64, "chan");
arena_id!(/// A `sync.Mutex`.
    MutexId, u64, "mutex");
arena_id!(/// A `sync.RWMutex`.
    RWMutexId, u64, "rwmutex");
arena_id!(/// A `sync.WaitGroup`.
    WaitGroupId, u64, "waitgroup");
arena_id!(/// A `sync.Once`.
    OnceId, u64, "once");
arena_id!(/// A `sync.Cond`.
    CondId, u64, "cond");
arena_id!(/// A runtime timer (sleep, channel or function timer).
    TimerId, u64, "timer");

/// An OS thread; m0 runs P0 at start. Ms are numbered in creation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MId(pub u32);

impl fmt::Display for MId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "M{}", self.0)
    }
}
