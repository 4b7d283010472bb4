//! The versioned event schema shared by runtime, worker, web and cli, and the replay of
//! events into a snapshot of the machine's state.
//!
//! - [`event`]: [`Event`] and [`EventKind`], the closed set of things the machine reports.
//! - [`snapshot`]: [`Snapshot`], what the view draws, and `Snapshot::apply`.
//! - [`mod@replay`]: [`fn@replay`] from scratch and the checkpointed [`Replayer`].
//! - [`jsonl`]: the one-event-per-line text form.
//! - [`render`]: a snapshot as plain text (`Display`), for golden tests and the CLI.
//!
//! **Architecture invariant**: this crate depends on no other crate of ours. Ids are
//! plain numbers and values are display strings, so the view can be driven by a trace
//! file alone.

pub mod event;
pub mod jsonl;
pub mod render;
pub mod replay;
pub mod snapshot;

pub use event::{
    Dir, Event, EventKind, Obj, Queue, SCHEMA_VERSION, Stream, SyncOp, TimerKind, Via,
};
pub use jsonl::{TraceError, from_jsonl, to_jsonl};
pub use replay::{Replayer, replay};
pub use snapshot::{
    ChanSnap, Ending, GoSnap, GoState, LockSnap, ProcSnap, Snapshot, TimerSnap, WaiterSnap,
};
