//! The pure model of Go's scheduler and synchronisation objects: G/M/P, run queues,
//! runnext, the global queue, work stealing, timers on a virtual clock, channels, select
//! and sync primitives. It knows no bytecode: goroutine stacks stay with the caller.
//!
//! # How an interpreter drives the machine
//!
//! `Machine<V>` is generic over the channel element type `V` ([`Elem`]). Goroutine
//! payloads (frames, stacks) are **not** stored here: the interpreter keeps them in its
//! own table keyed by [`GoId`] (ids are dense: main is 1, then 2, 3...).
//!
//! ```text
//! let mut m = Machine::<Value>::new(Config { gomaxprocs: 4, seed, ..Config::default() });
//! stacks.insert(GoId::MAIN, main_frames);
//! loop {
//!     let (cur, wakeup) = match m.next() {
//!         Next::Run { cur, wakeup } => (cur, wakeup),
//!         Next::Deadlock(d) => { eprintln!("fatal error: {}", d.message()); exit(2) }
//!     };
//!     // wakeup: the result of the op the G was parked in (a received value, a chosen
//!     // select case, SendOnClosed -> panic, AfterFunc -> a new G running a callback).
//!     let frames = stacks.get_mut(cur.g);
//!     loop {
//!         let instr = fetch(frames);
//!         let stop = m.charge(cur.p, cost(instr));   // true: quantum over, yield
//!         match instr {
//!             Go(f)   => { let g = m.newproc(cur, Some(f.name), Some(line)); stacks.insert(g, ..) }
//!             Send    => if m.chan_send(cur, ch, v) == SendResult::Parked { break }
//!             Recv    => match m.chan_recv(cur, ch) { RecvResult::Done{value, ok} => push, Parked => break }
//!             Sleep   => if m.sleep(cur, ns) == BlockResult::Parked { break }
//!             Gosched => { m.gosched(cur); break }
//!             Return if frames is main's last => exit(0),
//!             Return if last frame => { m.goexit(cur); break }
//!             _ => ..
//!         }
//!         if stop { break }
//!     }
//! }
//! ```
//!
//! Rules of the contract:
//! - Every operation of a running goroutine takes the [`Cur`] token that `next`
//!   returned; it is valid until the G parks (`Parked` results, `cond_wait`), yields
//!   (`gosched`), ends (`goexit`) or the interpreter returns to `next`.
//! - A parked G resumes with its operation complete: locks are held again, values are
//!   in the [`Wakeup`] of the `Next::Run` that resumes it.
//! - Panics (`ChanPanic`, `SyncError`) are returned as values; the interpreter raises
//!   them in Go's words (`message()`).
//! - `set_gomaxprocs` may move the caller to P0: use the `Cur` it returns.
//! - The interpreter adds its own events (Output, Exit, GoLine) with `record`.
//!
//! Every scheduling and sync decision is recorded as a `goroscope_trace::Event` when
//! recording is on (`Config::record`); off, recording costs one branch per decision.

mod chan;
mod chanops;
mod config;
mod g;
mod ids;
mod invariants;
mod machine;
mod p;
mod rand;
mod sync;
mod syncops;
mod timer;
mod timerops;

pub use chan::{HChan, Sudog};
pub use chanops::{Case, ChanInfo, ChanPanic, RecvResult, SelectResult, SendResult};
pub use config::Config;
pub use g::{G, Status, WaitReason, Wakeup};
pub use ids::{ChanId, CondId, GoId, MId, MutexId, OnceId, PId, RWMutexId, TimerId, WaitGroupId};
pub use machine::{Cur, Deadlock, Elem, Machine, Next};
pub use p::{P, Runq};
pub use rand::Rng;
pub use sync::Locker;
pub use syncops::{BlockResult, OnceResult, SyncError};
pub use timer::TimerHeap;
