//! The event schema: one closed enum of everything the machine reports.
//!
//! **Schema invariant**: an event stream is self-describing. Replaying it from the first
//! event (see `snapshot`) rebuilds every run queue, goroutine and channel the machine
//! had, so the view never needs anything but events. Ids are plain numbers here
//! (goroutine ids as Go numbers them, main = 1; P ids from 0; channel, sync object and
//! timer ids from 0 per kind) so that this crate depends on no other crate of ours.
//! Values appear as the display strings the interpreter formatted.
//!
//! `t` is the virtual time, in nanoseconds, of the P that emitted the event. Within one P
//! it never decreases; across Ps it may lag by less than one scheduling quantum, because
//! Ps run "in parallel" in virtual time.
//!
//! Bump [`SCHEMA_VERSION`] whenever a variant or field changes meaning.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Version of this schema, written in the header of every serialised trace.
pub const SCHEMA_VERSION: u32 = 1;

/// One thing that happened, at virtual time `t` (ns).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub t: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// Which queue a readied goroutine was put on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Queue {
    /// The P's one-slot `runnext`; the previous occupant moves to the local tail.
    Runnext,
    /// The tail of the P's local run queue.
    Local,
    /// The tail of the global run queue.
    Global,
}

impl Queue {
    /// The default placement of a new goroutine.
    pub fn runnext() -> Queue {
        Queue::Runnext
    }
}

/// How a channel value travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Via {
    /// Straight from sender to receiver, bypassing the buffer.
    Direct,
    /// Through the ring buffer (a send writes at `sendx`, a receive reads at `recvx`).
    Buffer,
}

/// The direction of a blocked channel operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dir {
    Send,
    Recv,
}

/// An output stream of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// The object a goroutine waits on or a sync event concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id")]
pub enum Obj {
    Chan(u64),
    /// A blocked `select`: the channels it waits on, in case order.
    Select(Vec<u64>),
    Mutex(u64),
    RWMutex(u64),
    WaitGroup(u64),
    Once(u64),
    Cond(u64),
    Timer(u64),
}

/// What happened to a sync object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyncOp {
    Lock,
    Unlock,
    RLock,
    RUnlock,
    /// The mutex entered starvation mode (a waiter waited more than 1 ms).
    Starving,
    /// `WaitGroup.Add(delta)` leaving the counter at `counter`.
    Add {
        delta: i64,
        counter: i64,
    },
    /// `WaitGroup.Wait` returned or `Once.Do`'s function finished.
    Done,
    Signal,
    Broadcast,
}

/// What a timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimerKind {
    /// Wakes a goroutine in `time.Sleep`.
    Sleep,
    /// Sends the time on a channel (`time.After`, `NewTimer`, `NewTicker`).
    Chan,
    /// Starts a goroutine (`time.AfterFunc`, context deadlines).
    Func,
}

/// Every kind of event. Replay semantics are stated on each variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ev")]
pub enum EventKind {
    /// A new runnable goroutine `g`, put on `queue` of `p` (runnext: the old runnext
    /// moves to the local tail).
    GoCreate {
        g: u64,
        parent: Option<u64>,
        p: u32,
        func: Option<String>,
        line: Option<u32>,
        /// Runnext, or Local when a randomised (race-mode) scheduler skipped runnext.
        #[serde(default = "Queue::runnext")]
        queue: Queue,
    },
    /// `g` starts running on `p`; it leaves whatever queue held it.
    GoStart { p: u32, g: u64 },
    /// The running `g` blocks on `p` with a wait reason (Go's exact string).
    GoPark {
        g: u64,
        p: u32,
        reason: Cow<'static, str>,
        object: Option<Obj>,
    },
    /// The waiting `g` becomes runnable on `queue` of `p`, woken by goroutine `by`.
    GoReady {
        g: u64,
        by: Option<u64>,
        p: u32,
        queue: Queue,
    },
    /// The running `g` called `runtime.Gosched`: it goes to the global tail.
    GoSched { g: u64, p: u32 },
    /// The running `g` used up its time slice: it goes to the global tail.
    GoPreempt { g: u64, p: u32 },
    /// The running `g` finished.
    GoEnd { g: u64, p: u32 },
    /// `g` is now at source line `line` (emitted by the interpreter).
    GoLine { g: u64, line: u32 },
    /// The running `g` enters a system call: it leaves `p`'s lane but keeps `p` (and its
    /// M) until the call returns or sysmon retakes the P.
    GoSysCall { g: u64, p: u32 },
    /// sysmon retook `p` from the system call of `g` (handoffp): `g` keeps only its M.
    /// A ProcStart (the P gets a new M) or ProcStop (the P goes idle) follows.
    ProcRetake { p: u32, g: u64 },
    /// `g`'s system call returned. `p` Some: it runs on `p` (its own P, or an idle one);
    /// None: no P was free, it goes to the global tail.
    GoSysExit { g: u64, p: Option<u32> },
    /// `gs` move from `from`'s local queue to the global tail (a full ring spilling half).
    GlobalPut { from: u32, gs: Vec<u64> },
    /// `p` takes `gs` from the global head: the first runs next, the rest go to its local tail.
    GlobalGet { p: u32, gs: Vec<u64> },
    /// `to` steals `gs` from `from`'s queue (runnext included): the last runs next, the rest
    /// go to `to`'s local tail.
    Steal { from: u32, to: u32, gs: Vec<u64> },
    /// `p` gets M `m` and starts looking for work.
    ProcStart { p: u32, m: u32 },
    /// `p` found no work and goes idle; its M parks.
    ProcStop { p: u32 },
    /// GOMAXPROCS becomes `procs` (the first event of a trace sets the initial number).
    /// Ps numbered `procs` and above are destroyed: their queued goroutines `gs`
    /// (already in order) go to the head of the global queue; new Ps start idle.
    ProcResize { procs: u32, gs: Vec<u64> },
    /// A channel is made. `cap` is the ring size (1 for a timer channel, whose `cap()` is 0).
    ChanMake {
        ch: u64,
        cap: u64,
        elem: Option<String>,
        label: Option<String>,
        line: Option<u32>,
    },
    /// `g` sent `value` (`g` 0 is the runtime: a timer firing). Direct: to the waiting
    /// receiver `peer`, which leaves `recvq`.
    /// Buffer: written at `sendx`; if `g` was waiting in `sendq` it leaves it.
    ChanSend {
        ch: u64,
        g: u64,
        value: String,
        via: Via,
        peer: Option<u64>,
    },
    /// `g` received `value` (`ok` false: closed and empty). Direct: from the waiting
    /// sender `peer`, which leaves `sendq`. Buffer: read at `recvx`.
    ChanRecv {
        ch: u64,
        g: u64,
        value: String,
        ok: bool,
        via: Via,
        peer: Option<u64>,
    },
    /// `g` enqueues a sudog on `ch` (with its value when sending; `case` for a select).
    ChanBlock {
        ch: u64,
        g: u64,
        dir: Dir,
        value: Option<String>,
        case: Option<u32>,
    },
    /// `g`'s sudog leaves `ch` without completing (the other cases of a select that won).
    ChanUnblock { ch: u64, g: u64 },
    /// A timer channel's buffer is emptied by `Stop`/`Reset` (Go 1.23: no stale value).
    ChanDrain { ch: u64 },
    /// `ch` is closed by `g`; every waiting sudog leaves it.
    ChanClose { ch: u64, g: u64 },
    /// `g`'s select chose `case` (None: the default case).
    SelectChosen { g: u64, case: Option<u32> },
    /// A sync object changed: see [`SyncOp`].
    Sync { obj: Obj, g: u64, op: SyncOp },
    /// Timer `timer` will fire at virtual time `when` (a periodic one every `period` ns).
    TimerSet {
        timer: u64,
        when: u64,
        period: u64,
        kind: TimerKind,
        g: Option<u64>,
    },
    /// Timer `timer` was stopped before firing.
    TimerStop { timer: u64 },
    /// Timer `timer` fired on `p`.
    TimerFire { timer: u64, p: u32 },
    /// The program wrote `text`.
    Output { stream: Stream, text: String },
    /// Every goroutine is blocked and no timer is pending (`main_goexit`: the
    /// `no goroutines (main called runtime.Goexit)` variant).
    Deadlock { main_goexit: bool },
    /// The program exited with `code`.
    Exit { code: i32 },
}
