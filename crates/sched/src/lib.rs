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
//! A complete driver, for a program where main starts a goroutine that sends 42 on an
//! unbuffered channel and main receives it (`pc` stands for the interpreter's frames):
//!
//! ```
//! use goroscope_sched::*;
//! use std::collections::BTreeMap;
//!
//! let mut m = Machine::<i64>::new(Config { gomaxprocs: 2, seed: 7, ..Config::default() });
//! let mut stacks: BTreeMap<GoId, usize> = BTreeMap::from([(GoId::MAIN, 0)]); // G -> pc
//! let mut ch = None;
//! let got = 'run: loop {
//!     let (cur, wakeup) = match m.next_slice() {
//!         Next::Run { cur, wakeup } => (cur, wakeup),
//!         Next::Deadlock(d) => panic!("fatal error: {}", d.message()),
//!     };
//!     if let Some(Wakeup::Recv { value, .. }) = wakeup {
//!         break 'run value; // main resumed by the sender: its receive completed
//!     }
//!     loop {
//!         let pc = stacks.get_mut(&cur.g).unwrap();
//!         *pc += 1;
//!         let quantum_over = m.charge(cur.p, 5); // each instruction costs virtual ns
//!         match (cur.g == GoId::MAIN, *pc) {
//!             (true, 1) => ch = Some(m.make_chan(cur, 0, 0, ChanInfo { label: Some("ch"), ..ChanInfo::default() })),
//!             (true, 2) => { let g = m.newproc(cur, Some("main.main.func1"), Some(9)); stacks.insert(g, 0); }
//!             (true, _) => match m.chan_recv(cur, ch) {
//!                 RecvResult::Done { value, .. } => break 'run value,
//!                 RecvResult::Parked => break, // resumes later with Wakeup::Recv
//!             },
//!             (false, 1) => if m.chan_send(cur, ch, 42) == SendResult::Parked { break },
//!             (false, _) => { m.goexit(cur); break }
//!         }
//!         if quantum_over { break }
//!     }
//! };
//! assert_eq!(got, 42);
//! m.check_invariants().unwrap();
//! ```
//!
//! Rules of the contract:
//! - Every operation of a running goroutine takes the [`Cur`] token that `next_slice`
//!   returned; it is valid until the G parks (`Parked` results, `cond_wait`), yields
//!   (`gosched`), enters a syscall (`entersyscall`), ends (`goexit`) or the interpreter
//!   returns to `next_slice`.
//! - When main *returns* the program is over: stop calling the machine (do not call
//!   `goexit` for it; `goexit` on main means `runtime.Goexit`).
//! - A G the interpreter has no stack for yet, resumed with `Wakeup::AfterFunc`, is a
//!   goroutine a function timer started (`new_func_timer`).
//! - A parked G resumes with its operation complete: locks are held again, values are
//!   in the [`Wakeup`] of the `Next::Run` that resumes it.
//! - Panics (`ChanPanic`, `SyncError`) are returned as values; the interpreter raises
//!   them in Go's words (`message()`).
//! - `set_gomaxprocs` may move the caller to P0: use the `Cur` it returns.
//! - The interpreter adds its own events (Output, Exit, GoLine) with `record`.
//!
//! Every scheduling and sync decision is recorded as a `goroscope_trace::Event` when
//! recording is on (`Config::record`); off, recording costs one branch per decision.
//!
//! # Module map
//!
//! - `machine`: Gs, Ps, Ms, the global queue; `next_slice` (schedule), findRunnable,
//!   runqput/runqget/globrunqget/runqsteal, wakep, preemption, checkdead, GOMAXPROCS.
//! - `chan` (hchan data) and `chanops` (send, receive, close, select).
//! - `sync` (object state) and `syncops` (Mutex, RWMutex, WaitGroup, Once, Cond).
//! - `timer` (per-P heaps) and `timerops` (Sleep, timer channels, AfterFunc).
//! - `syscall`: entersyscall, sysmon's retake/handoffp, exitsyscall.
//! - `g`, `p`, `ids`, `config`, `rand`: the vocabulary; `invariants`: `check_invariants`
//!   and the watch that runs it after every step (`Config::check_invariants`).
//!
//! # Where the model departs from Go, and why
//!
//! - Ps run in virtual time, one quantum (`Config::quantum_ns`) at a time, the P with the
//!   smallest clock first. A P may act on another P's state that is up to a quantum
//!   "ahead" of it; a G never runs before the time it became runnable (causality).
//! - Go's thief sleeps 3 µs before taking a *running* victim's runnext; here it always
//!   backs off once, because a thief behind in virtual time may see the victim already
//!   between two Gs. Without it ping-pong pairs thrash between Ps.
//! - An M woken for a timer (blocked in the poller until then) spins, so it runs any P's
//!   due timers in stealWork's last round: the timer that woke it always fires.
//! - P0's schedtick starts at 1 (Go's runtime init has already scheduled goroutines
//!   before main), so the first findRunnable does not take the every-61st-tick path.
//! - Mutex waiters do not spin; a woken waiter competes when it is next scheduled.
//! - sysmon acts exactly at its deadlines: preemption at `force_preempt_ns`, syscall
//!   retake at `syscall_retake_ns`, not at its next (variable) tick.
//! - Race mode (`Config::randomize_scheduler`) randomises only runqput (runnext skipped
//!   half the time, spilled batches shuffled); the race detector is not here.
//! - Not modelled yet: the network poller (`IO wait`).

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
mod syscall;
mod timer;
mod timerops;

pub use chan::{HChan, Sudog};
pub use chanops::{Case, ChanInfo, ChanPanic, RecvResult, SelectResult, SendResult};
pub use config::Config;
pub use g::{G, Status, WaitReason, Wakeup};
pub use ids::{ChanId, CondId, GoId, MId, MutexId, OnceId, PId, RWMutexId, TimerId, WaitGroupId};
pub use machine::{Cur, Deadlock, Elem, Machine, Next};
pub use p::{InSyscall, P, Runq};
pub use rand::Rng;
pub use sync::Locker;
pub use syncops::{BlockResult, OnceResult, SyncError};
pub use timer::TimerHeap;
