//! The machine: Gs, Ps, Ms, the global run queue and the scheduler loop
//! (Go's schedule/findRunnable/execute, runqput, wakep, checkdead).
//!
//! Virtual time: every P has its own clock. [`Machine::next_slice`] always advances the P
//! with the smallest clock (ties broken by the seeded generator), so Ps run "in
//! parallel" in virtual time, a quantum (`Config::quantum_ns`) at a time. An idle P
//! sleeps until the earliest timer, as an M blocked in the poller would: when every
//! P is idle the clock jumps to that timer.
//!
//! Invariants (see `check_invariants`): a G is in at most one place (a P's curg,
//! runnext or ring, the global queue, or one wait list); `nmspinning` counts the
//! spinning Ps; idle Ps are exactly those on `pidle` and hold no work.

use std::collections::VecDeque;

use goroscope_trace::{Event, EventKind, Obj, Queue};

use crate::chan::HChan;
use crate::config::Config;
use crate::g::{G, Status, WaitReason, Wakeup};
use crate::ids::{GoId, MId, PId};
use crate::invariants::Watch;
use crate::p::P;
use crate::rand::{RandomOrder, Rng};
use crate::sync::SyncObjects;
use crate::timer::Timer;

/// What the machine needs of a channel element value.
pub trait Elem: Clone {
    /// The value as the view shows it (only called while recording).
    fn display(&self) -> String;
    /// The value a timer channel delivers when it fires at virtual time `now_ns` (ns
    /// since the start of the run; the interpreter adds the playground epoch).
    fn from_time(now_ns: u64) -> Self;
}

impl Elem for i64 {
    fn display(&self) -> String {
        self.to_string()
    }
    fn from_time(now_ns: u64) -> Self {
        now_ns as i64
    }
}

/// The running G and its P: the token every operation of a running goroutine takes.
/// Valid from the `Next::Run` that returned it until the G parks, yields or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cur {
    pub p: PId,
    pub g: GoId,
}

/// What the interpreter does next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next<V> {
    /// Run `cur.g` on `cur.p` until `charge` says the quantum is over or the G blocks.
    /// `wakeup` carries the result of the operation it was parked in, if any.
    Run { cur: Cur, wakeup: Option<Wakeup<V>> },
    /// Nothing can ever run again: Go's checkdead.
    Deadlock(Deadlock),
}

/// The two ways checkdead reports a dead program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadlock {
    /// `fatal error: all goroutines are asleep - deadlock!`
    AllAsleep,
    /// `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`
    MainGoexit,
}

impl Deadlock {
    /// Go's message, after `fatal error: `.
    pub fn message(self) -> &'static str {
        match self {
            Deadlock::AllAsleep => "all goroutines are asleep - deadlock!",
            Deadlock::MainGoexit => "no goroutines (main called runtime.Goexit) - deadlock!",
        }
    }
}

/// What findRunnable found for a P.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    /// Run this G; `true` when it inherits the time slice (taken from runnext).
    Run(GoId, bool),
    /// Only a running P's runnext was left to steal: wait a little and look again.
    Backoff,
    /// Nothing: the P was released.
    Idle,
}

/// What happens next (see `Machine::pick`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    /// Advance this P (waking it first if idle).
    P(PId),
    /// The syscall of `detached[i]` returns.
    SysExit(usize),
}

/// Recorded events; pushing is skipped entirely while `on` is false.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recorder {
    pub on: bool,
    pub events: Vec<Event>,
}

/// Records an event at P `$p`'s clock, building it only when recording is on.
macro_rules! emit {
    ($m:expr, $p:expr, $kind:expr) => {
        if $m.rec.on {
            let t = $m.clock_of($p);
            $m.rec
                .events
                .push(goroscope_trace::Event { t, kind: $kind });
        }
    };
}
pub(crate) use emit;

/// Records an event at virtual time `$t` (a whole-machine event), as `emit!`.
macro_rules! emit_at {
    ($m:expr, $t:expr, $kind:expr) => {
        if $m.rec.on {
            let t = $t;
            $m.rec
                .events
                .push(goroscope_trace::Event { t, kind: $kind });
        }
    };
}
pub(crate) use emit_at;

/// The scheduler and every synchronisation object. `V` is the channel element type.
/// Goroutine stacks are not stored here: the interpreter keeps them keyed by [`GoId`].
#[derive(Clone, Debug)]
pub struct Machine<V> {
    pub(crate) cfg: Config,
    pub(crate) rng: Rng,
    /// Every G ever created; `GoId(n)` is at index n-1.
    pub(crate) gs: Vec<G<V>>,
    /// The GOMAXPROCS Ps; `PId(i)` at index i.
    pub(crate) ps: Vec<P>,
    pub(crate) global: VecDeque<GoId>,
    /// Idle Ps, a stack as Go's pidle list.
    pub(crate) pidle: Vec<PId>,
    /// Ms without a P.
    pub(crate) midle: Vec<MId>,
    pub(crate) mcount: u32,
    pub(crate) nmspinning: usize,
    /// Gs in a system call whose P was retaken: each keeps its M until `until`.
    pub(crate) detached: Vec<(GoId, MId, u64)>,
    /// The order stealWork visits the Ps in (rebuilt when GOMAXPROCS changes).
    pub(crate) steal_order: RandomOrder,
    pub(crate) chans: Vec<HChan<V>>,
    pub(crate) sync: SyncObjects,
    pub(crate) timers: Vec<Timer>,
    pub(crate) timer_seq: u64,
    pub(crate) main_goexit: bool,
    pub(crate) dead: Option<Deadlock>,
    pub(crate) rec: Recorder,
    /// The per-step invariant check (`Config::check_invariants`).
    pub(crate) watch: Watch,
}

impl<V: Elem> Machine<V> {
    /// A machine with GOMAXPROCS Ps, P0 running on m0, and the main goroutine (G1,
    /// `main.main`) in P0's runnext.
    pub fn new(cfg: Config) -> Self {
        let nprocs = cfg.gomaxprocs.max(1);
        let mut m = Machine {
            rng: Rng::new(cfg.seed),
            gs: Vec::new(),
            ps: (0..nprocs)
                .map(|i| P::new(PId(i as u32), cfg.local_queue_capacity))
                .collect(),
            global: VecDeque::new(),
            pidle: (1..nprocs).rev().map(|i| PId(i as u32)).collect(),
            midle: Vec::new(),
            mcount: 0,
            nmspinning: 0,
            detached: Vec::new(),
            steal_order: RandomOrder::new(nprocs),
            chans: Vec::new(),
            sync: SyncObjects::default(),
            timers: Vec::new(),
            timer_seq: 0,
            main_goexit: false,
            dead: None,
            rec: Recorder {
                on: cfg.record,
                events: Vec::new(),
            },
            watch: Watch::default(),
            cfg,
        };
        emit!(
            m,
            PId(0),
            EventKind::ProcResize {
                procs: nprocs as u32,
                gs: Vec::new()
            }
        );
        m.startp(PId(0), 0, false);
        // Before user code runs, Go's runtime init has already scheduled goroutines on
        // P0 (runtime.main, forcegc, bgsweep...), so P0's schedtick is past 0 and the
        // first findRunnable does not take the every-61st-tick global-queue path.
        m.ps[0].schedtick = 1;
        m.create_g(PId(0), None, Some("main.main"), None);
        m
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Picks the P to advance and the G it runs. See the crate doc for the loop.
    pub fn next_slice(&mut self) -> Next<V> {
        if let Some(d) = self.dead {
            return Next::Deadlock(d);
        }
        loop {
            // One pass of the loop is one step: pick (maybe waking an idle P for a
            // timer), then a syscall's return, sysmon's retake, or preemption and
            // findRunnable with execute.
            self.step_sched("schedule");
            let p = match self.pick() {
                None => return Next::Deadlock(self.checkdead()),
                Some((now, Pick::SysExit(i))) => {
                    if let Some(cur) = self.exitsyscall_detached(i, now) {
                        self.set_deadline(cur.p);
                        return Next::Run { cur, wakeup: None };
                    }
                    continue;
                }
                Some((now, Pick::P(p))) => match self.ps[p.index()].syscall {
                    Some(sc) if now >= sc.until => {
                        let cur = self.exitsyscall_fast(p, sc, now);
                        self.set_deadline(cur.p);
                        return Next::Run { cur, wakeup: None };
                    }
                    Some(_) => {
                        self.retake(p, now);
                        continue;
                    }
                    None => p,
                },
            };
            let pi = p.index();
            if let Some(g) = self.ps[pi].curg {
                if self.ps[pi].clock
                    < self.ps[pi]
                        .schedwhen
                        .saturating_add(self.cfg.force_preempt_ns)
                {
                    self.set_deadline(p);
                    return Next::Run {
                        cur: Cur { p, g },
                        wakeup: None,
                    };
                }
                self.preempt(Cur { p, g });
            }
            if let Found::Run(g, inherit) = self.find_runnable(p)
                && self.execute(p, g, inherit)
            {
                self.set_deadline(p);
                let wakeup = self.gs[g.index()].wakeup.take();
                return Next::Run {
                    cur: Cur { p, g },
                    wakeup,
                };
            }
        }
    }

    /// Charges `ns` of virtual time to `p`; true when the quantum is over and the
    /// interpreter must return to [`next_slice`](Self::next_slice).
    #[inline]
    pub fn charge(&mut self, p: PId, ns: u64) -> bool {
        let p = &mut self.ps[p.index()];
        p.clock = p.clock.saturating_add(ns);
        p.clock >= p.deadline
    }

    /// The virtual time of `p`, in ns since the start of the run (`time.Now`).
    pub fn now(&self, p: PId) -> u64 {
        self.clock_of(p)
    }

    pub(crate) fn clock_of(&self, p: PId) -> u64 {
        self.ps.get(p.index()).map_or(0, |p| p.clock)
    }

    /// The latest clock of any P: the time a whole-program event happens at.
    pub fn max_clock(&self) -> u64 {
        self.ps.iter().map(|p| p.clock).max().unwrap_or(0)
    }

    /// Number of Ps (GOMAXPROCS).
    pub fn gomaxprocs(&self) -> usize {
        self.ps.len()
    }

    /// One goroutine, if it exists.
    pub fn goroutine(&self, g: GoId) -> Option<&G<V>> {
        self.gs.get(g.index())
    }

    /// Every goroutine ever created, in id order (for a goroutine dump).
    pub fn goroutines(&self) -> impl Iterator<Item = &G<V>> {
        self.gs.iter()
    }

    /// `runtime.NumGoroutine`.
    pub fn num_goroutine(&self) -> usize {
        self.gs.iter().filter(|g| g.status != Status::Dead).count()
    }

    /// The Ps, for inspection.
    pub fn procs(&self) -> &[P] {
        &self.ps
    }

    /// The global run queue, head first.
    pub fn global_queue(&self) -> impl Iterator<Item = GoId> + '_ {
        self.global.iter().copied()
    }

    // ---- recording ----

    pub fn recording(&self) -> bool {
        self.rec.on
    }

    pub fn set_recording(&mut self, on: bool) {
        self.rec.on = on;
    }

    /// Records an event of the interpreter's (Output, Exit, GoLine) at `p`'s clock.
    pub fn record(&mut self, p: PId, kind: EventKind) {
        emit!(self, p, kind);
    }

    /// The events recorded so far.
    pub fn events(&self) -> &[Event] {
        &self.rec.events
    }

    /// Takes the events recorded so far (to stream them out).
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.rec.events)
    }

    // ---- goroutine lifecycle (called by the running G) ----

    /// `go f()`: a new G into `cur.p`'s runnext; returns its id. `func` and `line` label it.
    pub fn newproc(&mut self, cur: Cur, func: Option<&str>, line: Option<u32>) -> GoId {
        self.step("newproc", cur);
        let g = self.create_g(cur.p, Some(cur.g), func, line);
        self.wakep(cur.p);
        g
    }

    /// `runtime.Gosched`: the G goes to the tail of the global queue.
    pub fn gosched(&mut self, cur: Cur) {
        self.step("gosched", cur);
        self.stop_running(cur);
        emit!(
            self,
            cur.p,
            EventKind::GoSched {
                g: cur.g.0,
                p: cur.p.0
            }
        );
        self.global.push_back(cur.g);
    }

    /// The G's function returned, or it called `runtime.Goexit`. Do not call this when
    /// main returns: that ends the program.
    pub fn goexit(&mut self, cur: Cur) {
        self.step("goexit", cur);
        self.stop_running(cur);
        self.gs[cur.g.index()].status = Status::Dead;
        if cur.g == GoId::MAIN {
            self.main_goexit = true;
        }
        emit!(
            self,
            cur.p,
            EventKind::GoEnd {
                g: cur.g.0,
                p: cur.p.0
            }
        );
    }

    // ---- internals shared by the op modules ----

    fn create_g(
        &mut self,
        p: PId,
        parent: Option<GoId>,
        func: Option<&str>,
        line: Option<u32>,
    ) -> GoId {
        let g = GoId(self.gs.len() as u64 + 1);
        let mut gg = G::new(g);
        gg.ready_at = self.clock_of(p);
        self.gs.push(gg);
        let next = self.wants_runnext();
        emit!(
            self,
            p,
            EventKind::GoCreate {
                g: g.0,
                parent: parent.map(|x| x.0),
                p: p.0,
                func: func.map(str::to_owned),
                line,
                queue: if next { Queue::Runnext } else { Queue::Local }
            }
        );
        self.runqput(p, g, next);
        g
    }

    /// Whether a readied or new G takes runnext: always, except that a randomised
    /// (race-mode) scheduler skips it half the time.
    fn wants_runnext(&mut self) -> bool {
        !(self.cfg.randomize_scheduler && self.rng.below(2) == 0)
    }

    /// A new G started by a function timer firing on `p`.
    pub(crate) fn newproc_timer(&mut self, p: PId, token: u64) {
        let g = self.create_g(p, None, None, None);
        self.gs[g.index()].wakeup = Some(Wakeup::AfterFunc { token });
        self.wakep(p);
    }

    pub(crate) fn stop_running(&mut self, cur: Cur) {
        let now = self.clock_of(cur.p);
        let g = &mut self.gs[cur.g.index()];
        g.status = Status::Runnable;
        g.ready_at = now;
        g.p = None;
        self.ps[cur.p.index()].curg = None;
    }

    /// Parks the running G (gopark). The interpreter stops running it.
    #[inline(always)]
    pub(crate) fn park(&mut self, cur: Cur, reason: WaitReason, object: Option<Obj>) {
        self.stop_running(cur);
        self.gs[cur.g.index()].status = Status::Waiting(reason);
        emit!(
            self,
            cur.p,
            EventKind::GoPark {
                g: cur.g.0,
                p: cur.p.0,
                reason: reason.as_str().into(),
                object
            }
        );
    }

    /// Makes waiting `g` runnable in `p`'s runnext (goready from the G running on `p`,
    /// or from a timer run by `p`).
    #[inline(always)]
    pub(crate) fn goready(&mut self, g: GoId, p: PId) {
        let now = self.clock_of(p);
        let gg = &mut self.gs[g.index()];
        gg.status = Status::Runnable;
        gg.ready_at = now;
        let by = self.ps[p.index()].curg;
        let next = self.wants_runnext();
        emit!(
            self,
            p,
            EventKind::GoReady {
                g: g.0,
                by: by.map(|x| x.0),
                p: p.0,
                queue: if next { Queue::Runnext } else { Queue::Local }
            }
        );
        self.runqput(p, g, next);
        self.wakep(p);
    }

    /// Preemption after `force_preempt_ns` in one slice: to the global queue.
    fn preempt(&mut self, cur: Cur) {
        self.stop_running(cur);
        emit!(
            self,
            cur.p,
            EventKind::GoPreempt {
                g: cur.g.0,
                p: cur.p.0
            }
        );
        self.global.push_back(cur.g);
    }

    /// runqput: with `next`, g takes runnext and the old occupant goes to the tail; a
    /// full ring sends half of itself plus g to the global queue (runqputslow).
    #[inline(always)]
    pub(crate) fn runqput(&mut self, p: PId, g: GoId, next: bool) {
        let pp = &mut self.ps[p.index()];
        let g = if next {
            match pp.runnext.replace(g) {
                Some(old) => old,
                None => return,
            }
        } else {
            g
        };
        if let Err(g) = pp.runq.push_back(g) {
            self.runqputslow(p, g);
        }
    }

    /// runqputslow: `p`'s ring is full; half of it plus `g` go to the global queue.
    #[inline(never)]
    fn runqputslow(&mut self, p: PId, g: GoId) {
        let pp = &mut self.ps[p.index()];
        let half = pp.runq.len() / 2;
        let mut batch = pp.runq.take_front(half);
        batch.push(g);
        if self.cfg.randomize_scheduler {
            self.rng.shuffle(&mut batch);
        }
        emit!(
            self,
            p,
            EventKind::GlobalPut {
                from: p.0,
                gs: batch.iter().map(|g| g.0).collect()
            }
        );
        self.global.extend(batch);
    }

    /// Gives `p` an M and makes it look for work at `clock`.
    pub(crate) fn startp(&mut self, p: PId, clock: u64, spinning: bool) {
        let m = self.midle.pop().unwrap_or_else(|| {
            self.mcount += 1;
            MId(self.mcount - 1)
        });
        self.pidle.retain(|&q| q != p);
        let pp = &mut self.ps[p.index()];
        pp.idle = false;
        pp.m = Some(m);
        pp.clock = pp.clock.max(clock);
        pp.spinning = spinning;
        if spinning {
            self.nmspinning += 1;
        }
        emit!(self, p, EventKind::ProcStart { p: p.0, m: m.0 });
    }

    /// Releases `p` to the idle list (its M parks).
    pub(crate) fn stopp(&mut self, p: PId) {
        self.reset_spinning(p);
        let pp = &mut self.ps[p.index()];
        pp.idle = true;
        if let Some(m) = pp.m.take() {
            self.midle.push(m);
        }
        self.pidle.push(p);
        emit!(self, p, EventKind::ProcStop { p: p.0 });
    }

    fn reset_spinning(&mut self, p: PId) {
        let pp = &mut self.ps[p.index()];
        if pp.spinning {
            pp.spinning = false;
            self.nmspinning -= 1;
        }
    }

    /// wakep: start a spinning P if one is idle and none is spinning already.
    pub(crate) fn wakep(&mut self, from: PId) {
        if self.nmspinning == 0
            && let Some(&p) = self.pidle.last()
        {
            let now = self.clock_of(from);
            self.startp(p, now, true);
        }
    }

    /// The next thing to happen, in virtual-time order: a non-idle P advancing (or, in
    /// a syscall, its G returning or sysmon retaking it), a syscall returning without a
    /// P, or the idle P that the earliest timer wakes (an M blocked in the poller).
    fn pick(&mut self) -> Option<(u64, Pick)> {
        let mut any_active = false;
        let mut best: Option<(u64, Pick)> = None;
        let mut ties = 0;
        let mut consider = |clock: u64, pick: Pick, rng: &mut Rng| match best {
            Some((b, _)) if clock > b => {}
            Some((b, _)) if clock == b => {
                // Reservoir sampling: each tied candidate is kept with equal probability.
                ties += 1;
                if rng.below(ties) == 0 {
                    best = Some((clock, pick));
                }
            }
            _ => {
                best = Some((clock, pick));
                ties = 1;
            }
        };
        for pp in self.ps.iter().filter(|p| !p.idle) {
            any_active = true;
            let clock = match pp.syscall {
                Some(sc) => sc.until.min(self.retake_at(pp, sc)).max(pp.clock),
                None => pp.clock,
            };
            consider(clock, Pick::P(pp.id), &mut self.rng);
        }
        for (i, &(_, _, until)) in self.detached.iter().enumerate() {
            consider(until, Pick::SysExit(i), &mut self.rng);
        }
        if let Some(&head) = self.pidle.last() {
            let wake = if !any_active && !self.global.is_empty() {
                Some(self.clock_of(head))
            } else {
                self.earliest_timer()
                    .map(|when| when.max(self.clock_of(head)))
            };
            if let Some(when) = wake {
                consider(when, Pick::P(head), &mut self.rng);
            }
        }
        let (clock, pick) = best?;
        if let Pick::P(p) = pick
            && self.ps[p.index()].idle
        {
            // An M woken from the poller for a timer looks for work like a spinning M,
            // so it also runs other Ps' due timers (stealWork's last round): the timer
            // that woke it always fires, wherever it lives.
            self.startp(p, clock, true);
        }
        Some((clock, pick))
    }

    fn earliest_timer(&mut self) -> Option<u64> {
        if self.timers.is_empty() {
            // No timer was ever made, so every heap is empty: skip the walk over the Ps.
            return None;
        }
        let timers = &self.timers;
        self.ps
            .iter_mut()
            .filter_map(|p| p.timers.peek(timers).map(|(when, _)| when))
            .min()
    }

    fn set_deadline(&mut self, p: PId) {
        let quantum = self.cfg.quantum_ns.max(1);
        let pp = &mut self.ps[p.index()];
        pp.deadline = pp
            .clock
            .saturating_add(quantum)
            .min(pp.schedwhen.saturating_add(self.cfg.force_preempt_ns));
    }

    /// execute: `g` runs on `p`. A new time slice starts unless `inherit` (runnext).
    /// Returns false when a lock the G must retake was not free and it parked again.
    fn execute(&mut self, p: PId, g: GoId, inherit: bool) -> bool {
        let pp = &mut self.ps[p.index()];
        // Causality: a G cannot run on a P whose clock is behind the moment it became
        // runnable (a value received at t is not seen before t).
        pp.clock = pp.clock.max(self.gs[g.index()].ready_at);
        pp.curg = Some(g);
        if !inherit {
            pp.schedtick += 1;
            pp.schedwhen = pp.clock;
        }
        let gg = &mut self.gs[g.index()];
        gg.status = Status::Running;
        gg.p = Some(p);
        emit!(self, p, EventKind::GoStart { p: p.0, g: g.0 });
        match self.gs[g.index()].relock.take() {
            Some(relock) => self.relock(Cur { p, g }, relock),
            None => true,
        }
    }

    /// findRunnable, in Go's order. Releases the P when there is no work.
    fn find_runnable(&mut self, p: PId) -> Found {
        self.run_timers(p, p);
        let found = match self.find_local_or_global(p) {
            Some((g, inherit)) => Found::Run(g, inherit),
            None => self.steal_work(p),
        };
        match found {
            Found::Run(..) => {
                self.ps[p.index()].runnext_backoff = false;
                if self.ps[p.index()].spinning {
                    self.reset_spinning(p);
                    self.wakep(p);
                }
            }
            Found::Backoff => {
                let pp = &mut self.ps[p.index()];
                pp.runnext_backoff = true;
                pp.clock = pp
                    .clock
                    .saturating_add(self.cfg.runnext_steal_backoff_ns.max(1));
            }
            Found::Idle => {
                self.ps[p.index()].runnext_backoff = false;
                self.stopp(p);
            }
        }
        found
    }

    fn find_local_or_global(&mut self, p: PId) -> Option<(GoId, bool)> {
        let interval = self.cfg.global_queue_check_interval.max(1);
        // The queue test first: it is cheap, and the tick test divides.
        if !self.global.is_empty() && self.ps[p.index()].schedtick.is_multiple_of(interval) {
            return self.globrunqget(p, 1).map(|g| (g, false));
        }
        if let Some(found) = self.runqget(p) {
            return Some(found);
        }
        if !self.global.is_empty() {
            return self.globrunqget(p, usize::MAX).map(|g| (g, false));
        }
        // Step 5, the network poller, has nothing to report yet.
        None
    }

    /// runqget: runnext first (inheriting the slice), then the ring's head.
    fn runqget(&mut self, p: PId) -> Option<(GoId, bool)> {
        let pp = &mut self.ps[p.index()];
        if let Some(g) = pp.runnext.take() {
            return Some((g, true));
        }
        pp.runq.pop_front().map(|g| (g, false))
    }

    /// globrunqget: a batch of min(len, len/GOMAXPROCS+1, max, half the ring); the first
    /// runs, the rest go to the local ring.
    fn globrunqget(&mut self, p: PId, max: usize) -> Option<GoId> {
        let len = self.global.len();
        let half_ring = (self.ps[p.index()].runq.capacity() / 2).max(1);
        let n = len.min(len / self.ps.len() + 1).min(max).min(half_ring);
        let batch: Vec<GoId> = self.global.drain(..n).collect();
        emit!(
            self,
            p,
            EventKind::GlobalGet {
                p: p.0,
                gs: batch.iter().map(|g| g.0).collect()
            }
        );
        let (&first, rest) = batch.split_first()?;
        for &g in rest {
            self.runqput(p, g, false);
        }
        Some(first)
    }

    /// stealWork: `steal_rounds` passes over the other Ps in a random order; the last
    /// pass also runs their due timers and may take their runnext.
    fn steal_work(&mut self, p: PId) -> Found {
        let nprocs = self.ps.len();
        let busy = nprocs - self.pidle.len();
        if !self.ps[p.index()].spinning {
            if 2 * self.nmspinning >= busy {
                return Found::Idle;
            }
            self.ps[p.index()].spinning = true;
            self.nmspinning += 1;
        }
        let rounds = self.cfg.steal_rounds.max(1);
        let mut backoff = false;
        for round in 0..rounds {
            let last = round + 1 == rounds;
            let order = self.steal_order.start(&mut self.rng);
            for victim in order.map(|i| PId(i as u32)).filter(|&v| v != p) {
                if last {
                    self.run_timers(victim, p);
                    if let Some((g, inherit)) = self.runqget(p) {
                        return Found::Run(g, inherit);
                    }
                }
                if self.ps[victim.index()].idle {
                    continue;
                }
                match self.runqsteal(p, victim, last) {
                    Found::Run(g, inherit) => return Found::Run(g, inherit),
                    Found::Backoff => backoff = true,
                    Found::Idle => {}
                }
            }
        }
        if backoff { Found::Backoff } else { Found::Idle }
    }

    /// runqsteal: take half (rounded up) of `victim`'s ring, or, when allowed and the
    /// ring is empty, its runnext. The victim probably readied its runnext just before
    /// blocking, so the thief first backs off (Go's usleep(3)) to let the victim
    /// schedule it; it steals only if the G is still there afterwards. Go sleeps only
    /// when the victim is running; here the thief may be behind the victim in virtual
    /// time and see it already between two Gs, so it always backs off once. The last G
    /// taken runs; the rest go to `p`'s ring.
    fn runqsteal(&mut self, p: PId, victim: PId, steal_runnext: bool) -> Found {
        let backed_off = self.ps[p.index()].runnext_backoff;
        let vp = &mut self.ps[victim.index()];
        let n = vp.runq.len() - vp.runq.len() / 2;
        let mut batch = if n > 0 {
            vp.runq.take_front(n)
        } else if steal_runnext && vp.runnext.is_some() {
            if !backed_off {
                return Found::Backoff;
            }
            vp.runnext.take().into_iter().collect()
        } else {
            Vec::new()
        };
        let Some(last) = batch.pop() else {
            return Found::Idle;
        };
        emit!(
            self,
            p,
            EventKind::Steal {
                from: victim.0,
                to: p.0,
                gs: batch.iter().chain([&last]).map(|g| g.0).collect()
            }
        );
        for g in batch {
            self.runqput(p, g, false);
        }
        Found::Run(last, false)
    }

    /// Fires the due timers of `owner`'s heap at `p`'s clock; wake-ups go to `p`. The
    /// test for an empty heap is inlined into findRunnable: most Ps have no timers.
    #[inline(always)]
    fn run_timers(&mut self, owner: PId, p: PId) {
        if !self.ps[owner.index()].timers.is_empty() {
            self.run_due_timers(owner, p);
        }
    }

    #[inline(never)]
    fn run_due_timers(&mut self, owner: PId, p: PId) {
        let now = self.clock_of(p);
        loop {
            let timers = &self.timers;
            match self.ps[owner.index()].timers.peek(timers) {
                Some((when, id)) if when <= now => {
                    self.step_sched("timer");
                    self.ps[owner.index()].timers.pop();
                    self.fire_timer(id, p);
                }
                _ => return,
            }
        }
    }

    /// checkdead: nothing runs and no timer is pending.
    fn checkdead(&mut self) -> Deadlock {
        let d = if self.main_goexit && self.gs.iter().all(|g| g.status == Status::Dead) {
            Deadlock::MainGoexit
        } else {
            Deadlock::AllAsleep
        };
        self.dead = Some(d);
        emit_at!(
            self,
            self.max_clock(),
            EventKind::Deadlock {
                main_goexit: d == Deadlock::MainGoexit
            }
        );
        d
    }

    /// `runtime.GOMAXPROCS(n)`: stops the world, resizes, restarts. Returns the previous
    /// value and the caller's token (the caller moves to P0 if its P is destroyed).
    /// `n == 0` only queries.
    pub fn set_gomaxprocs(&mut self, cur: Cur, n: usize) -> (usize, Cur) {
        self.step("set_gomaxprocs", cur);
        let old = self.ps.len();
        if n == 0 || n == old {
            return (old, cur);
        }
        let now = self.clock_of(cur.p);
        // Stop the world: every P in a syscall is retaken, every other running G is
        // preempted to the global queue.
        for i in 0..old {
            if self.ps[i].syscall.is_some() {
                self.retake(PId(i as u32), now);
            }
        }
        for i in 0..old {
            if let Some(g) = self.ps[i].curg
                && i != cur.p.index()
            {
                self.preempt(Cur {
                    p: PId(i as u32),
                    g,
                });
            }
        }
        let mut cur = cur;
        if n < old {
            let mut moved = Vec::new();
            for pp in self.ps[n..].iter_mut().rev() {
                let mut gs: Vec<GoId> = pp.runnext.take().into_iter().collect();
                gs.extend(pp.runq.take_front(usize::MAX));
                gs.append(&mut moved);
                moved = gs;
            }
            let entries: Vec<_> = self.ps[n..]
                .iter_mut()
                .flat_map(|pp| pp.timers.drain())
                .collect();
            // The caller's P is destroyed: it continues on P0 (acquirep(p0) in procresize).
            let caller_moved = (cur.p.index() >= n)
                .then(|| (self.clock_of(cur.p), self.ps[cur.p.index()].schedwhen));
            for pp in &mut self.ps[n..] {
                if let Some(m) = pp.m.take() {
                    self.midle.push(m);
                }
                if pp.spinning {
                    self.nmspinning -= 1;
                }
            }
            self.ps.truncate(n);
            self.pidle.retain(|q| q.index() < n);
            let survivor = if caller_moved.is_some() {
                PId(0)
            } else {
                cur.p
            };
            // Each entry keeps its own seq: a stale one (a timer reset since) stays stale.
            for (when, seq, id) in entries {
                let t = &mut self.timers[id.index()];
                if t.seq == seq {
                    t.p = survivor;
                }
                self.ps[survivor.index()].timers.push(when, seq, id);
            }
            emit_at!(
                self,
                now,
                EventKind::ProcResize {
                    procs: n as u32,
                    gs: moved.iter().map(|g| g.0).collect()
                }
            );
            for g in moved.into_iter().rev() {
                self.global.push_front(g);
            }
            if let Some((clock, schedwhen)) = caller_moved {
                if self.ps[0].idle {
                    self.startp(PId(0), clock, false);
                }
                let p0 = &mut self.ps[0];
                p0.curg = Some(cur.g);
                p0.clock = p0.clock.max(clock);
                p0.schedwhen = schedwhen;
                self.gs[cur.g.index()].p = Some(PId(0));
                cur.p = PId(0);
                emit!(self, cur.p, EventKind::GoStart { p: 0, g: cur.g.0 });
            }
        } else {
            for i in old..n {
                let mut pp = P::new(PId(i as u32), self.cfg.local_queue_capacity);
                pp.clock = now;
                self.ps.push(pp);
            }
            let mut fresh: Vec<PId> = (old..n).rev().map(|i| PId(i as u32)).collect();
            fresh.append(&mut self.pidle);
            self.pidle = fresh;
            emit!(
                self,
                cur.p,
                EventKind::ProcResize {
                    procs: n as u32,
                    gs: Vec::new()
                }
            );
        }
        self.steal_order = RandomOrder::new(self.ps.len());
        // Start the world: Ps without work and without a G go idle; one spinning P if
        // the global queue has work.
        for i in 0..self.ps.len() {
            let pp = &self.ps[i];
            if i != cur.p.index() && !pp.idle && pp.curg.is_none() && !pp.has_work() {
                self.stopp(PId(i as u32));
            }
        }
        if !self.global.is_empty() {
            self.wakep(cur.p);
        }
        (old, cur)
    }
}
