//! The state the view draws: a [`Snapshot`] of the whole machine, rebuilt from events.
//!
//! **Invariant**: `apply` is total. An event that names an unknown goroutine, P or
//! channel (a truncated or hand-edited trace) updates what it can and never panics.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::event::{Dir, Event, EventKind, Obj, Queue, Stream, SyncOp, Via};

/// Go's upper bound on GOMAXPROCS (`_MaxGomaxprocs`); no trace names more Ps.
pub const MAX_PROCS: usize = 1024;

/// One P's lane.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcSnap {
    pub id: u32,
    /// The M bound to this P; None while the P is idle.
    pub m: Option<u32>,
    pub running: Option<u64>,
    /// The G in a system call that still holds this P.
    pub syscall: Option<u64>,
    pub runnext: Option<u64>,
    pub local: Vec<u64>,
}

/// A goroutine's scheduling state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoState {
    Runnable,
    Running,
    Waiting,
    Syscall,
    Dead,
}

/// One goroutine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoSnap {
    pub id: u64,
    pub state: GoState,
    /// Go's wait reason while `Waiting` (`chan receive`, `sleep`...).
    pub wait_reason: Option<Cow<'static, str>>,
    pub object: Option<Obj>,
    /// The function it runs (`main.worker`), its label in the view.
    pub func: Option<String>,
    pub line: Option<u32>,
}

/// One waiting sudog in a channel's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaiterSnap {
    pub g: u64,
    pub value: Option<String>,
    pub case: Option<u32>,
}

/// One channel, drawn as its hchan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChanSnap {
    pub id: u64,
    pub elem: Option<String>,
    pub label: Option<String>,
    pub line: Option<u32>,
    /// The ring: one entry per slot, `Some(value)` when occupied.
    pub buf: Vec<Option<String>>,
    pub qcount: u64,
    pub sendx: u64,
    pub recvx: u64,
    pub sendq: Vec<WaiterSnap>,
    pub recvq: Vec<WaiterSnap>,
    pub closed: bool,
}

/// A pending timer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerSnap {
    pub when: u64,
    pub period: u64,
    pub g: Option<u64>,
}

/// A lock's holders: a Mutex or RWMutex writer, and an RWMutex's readers. Waiters are
/// the goroutines whose `object` names the lock.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockSnap {
    pub holder: Option<u64>,
    pub readers: Vec<u64>,
}

/// How the run ended, once it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    Deadlock { main_goexit: bool },
    Exit { code: i32 },
}

/// The whole machine after some prefix of the event stream.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Number of events applied.
    pub applied: usize,
    /// Time of the last event applied.
    pub t: u64,
    pub procs: Vec<ProcSnap>,
    pub global: Vec<u64>,
    pub goroutines: BTreeMap<u64, GoSnap>,
    pub chans: BTreeMap<u64, ChanSnap>,
    pub timers: BTreeMap<u64, TimerSnap>,
    pub mutexes: BTreeMap<u64, LockSnap>,
    pub rwmutexes: BTreeMap<u64, LockSnap>,
    /// WaitGroup counters.
    pub waitgroups: BTreeMap<u64, i64>,
    pub stdout: String,
    pub stderr: String,
    pub ending: Option<Ending>,
}

impl Snapshot {
    /// Applies one event.
    pub fn apply(&mut self, ev: &Event) {
        self.applied += 1;
        self.t = ev.t;
        match &ev.kind {
            EventKind::GoCreate {
                g,
                p,
                func,
                line,
                queue,
                ..
            } => {
                self.goroutines.insert(
                    *g,
                    GoSnap {
                        id: *g,
                        state: GoState::Runnable,
                        wait_reason: None,
                        object: None,
                        func: func.clone(),
                        line: *line,
                    },
                );
                self.put(*g, *p, *queue);
            }
            EventKind::GoStart { p, g } => {
                self.unqueue(*g, *p);
                self.proc(*p).running = Some(*g);
                self.set_state(*g, GoState::Running, None, None);
            }
            EventKind::GoPark {
                g,
                p,
                reason,
                object,
            } => {
                self.stop_running(*p, *g);
                self.set_state(*g, GoState::Waiting, Some(reason.clone()), object.clone());
            }
            EventKind::GoReady { g, p, queue, .. } => {
                self.set_state(*g, GoState::Runnable, None, None);
                self.put(*g, *p, *queue);
            }
            EventKind::GoSched { g, p } | EventKind::GoPreempt { g, p } => {
                self.stop_running(*p, *g);
                self.set_state(*g, GoState::Runnable, None, None);
                self.global.push(*g);
            }
            EventKind::GoEnd { g, p } => {
                self.stop_running(*p, *g);
                self.set_state(*g, GoState::Dead, None, None);
            }
            EventKind::GoSysCall { g, p } => {
                self.stop_running(*p, *g);
                self.proc(*p).syscall = Some(*g);
                self.set_state(*g, GoState::Syscall, None, None);
            }
            EventKind::ProcRetake { p, g } => {
                let proc = self.proc(*p);
                if proc.syscall == Some(*g) {
                    proc.syscall = None;
                }
                proc.m = None;
            }
            EventKind::GoSysExit { g, p } => {
                for proc in &mut self.procs {
                    if proc.syscall == Some(*g) {
                        proc.syscall = None;
                    }
                }
                match p {
                    Some(p) => {
                        self.proc(*p).running = Some(*g);
                        self.set_state(*g, GoState::Running, None, None);
                    }
                    None => {
                        self.global.push(*g);
                        self.set_state(*g, GoState::Runnable, None, None);
                    }
                }
            }
            EventKind::GoLine { g, line } => {
                if let Some(gs) = self.goroutines.get_mut(g) {
                    gs.line = Some(*line);
                }
            }
            EventKind::GlobalPut { from, gs } => {
                let proc = self.proc(*from);
                proc.local.retain(|g| !gs.contains(g));
                self.global.extend(gs);
            }
            EventKind::GlobalGet { p, gs } => {
                self.global.retain(|g| !gs.contains(g));
                self.proc(*p).local.extend(gs.iter().skip(1));
            }
            EventKind::Steal { from, to, gs } => {
                let victim = self.proc(*from);
                victim.local.retain(|g| !gs.contains(g));
                if victim.runnext.is_some_and(|g| gs.contains(&g)) {
                    victim.runnext = None;
                }
                let keep = gs.len().saturating_sub(1);
                self.proc(*to).local.extend(gs.iter().take(keep));
            }
            EventKind::ProcStart { p, m } => self.proc(*p).m = Some(*m),
            EventKind::ProcStop { p } => {
                let proc = self.proc(*p);
                proc.m = None;
                proc.running = None;
            }
            EventKind::ProcResize { procs, gs } => {
                self.procs.truncate(*procs as usize);
                if let Some(last) = procs.checked_sub(1) {
                    self.proc(last);
                }
                let mut global = gs.clone();
                global.append(&mut self.global);
                self.global = global;
            }
            EventKind::ChanMake {
                ch,
                cap,
                elem,
                label,
                line,
            } => {
                let slots = usize::try_from(*cap).unwrap_or(0).min(1 << 20);
                self.chans.insert(
                    *ch,
                    ChanSnap {
                        id: *ch,
                        elem: elem.clone(),
                        label: label.clone(),
                        line: *line,
                        buf: vec![None; slots],
                        ..ChanSnap::default()
                    },
                );
            }
            EventKind::ChanSend {
                ch,
                g,
                value,
                via,
                peer,
            } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                c.sendq.retain(|w| w.g != *g);
                match via {
                    Via::Direct => c.recvq.retain(|w| Some(w.g) != *peer),
                    Via::Buffer => c.push(value.clone()),
                }
            }
            EventKind::ChanRecv {
                ch, g, via, peer, ..
            } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                c.recvq.retain(|w| w.g != *g);
                match via {
                    Via::Direct => c.sendq.retain(|w| Some(w.g) != *peer),
                    Via::Buffer => c.pop(),
                }
            }
            EventKind::ChanBlock {
                ch,
                g,
                dir,
                value,
                case,
            } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                let w = WaiterSnap {
                    g: *g,
                    value: value.clone(),
                    case: *case,
                };
                match dir {
                    Dir::Send => c.sendq.push(w),
                    Dir::Recv => c.recvq.push(w),
                }
            }
            EventKind::ChanUnblock { ch, g } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                c.sendq.retain(|w| w.g != *g);
                c.recvq.retain(|w| w.g != *g);
            }
            EventKind::ChanDrain { ch } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                c.buf.iter_mut().for_each(|slot| *slot = None);
                c.qcount = 0;
                c.recvx = c.sendx;
            }
            EventKind::ChanClose { ch, .. } => {
                let Some(c) = self.chans.get_mut(ch) else {
                    return;
                };
                c.closed = true;
                c.sendq.clear();
                c.recvq.clear();
            }
            EventKind::TimerSet {
                timer,
                when,
                period,
                g,
                ..
            } => {
                self.timers.insert(
                    *timer,
                    TimerSnap {
                        when: *when,
                        period: *period,
                        g: *g,
                    },
                );
            }
            EventKind::TimerStop { timer } => {
                self.timers.remove(timer);
            }
            EventKind::TimerFire { timer, .. } => {
                let periodic = self.timers.get_mut(timer).filter(|t| t.period > 0);
                match periodic {
                    Some(t) => t.when += t.period,
                    None => {
                        self.timers.remove(timer);
                    }
                }
            }
            EventKind::Output { stream, text } => match stream {
                Stream::Stdout => self.stdout.push_str(text),
                Stream::Stderr => self.stderr.push_str(text),
            },
            EventKind::Deadlock { main_goexit } => {
                self.ending = Some(Ending::Deadlock {
                    main_goexit: *main_goexit,
                })
            }
            EventKind::Exit { code } => {
                self.ending = Some(Ending::Exit { code: *code });
                // The process ends: what was running is gone; what waited or was
                // runnable stays drawn as it was left (a leak stays visible).
                for proc in &mut self.procs {
                    if let Some(g) = proc.running.take()
                        && let Some(gs) = self.goroutines.get_mut(&g)
                    {
                        gs.state = GoState::Dead;
                    }
                }
            }
            EventKind::Sync { obj, g, op } => self.sync(obj, *g, op),
            EventKind::SelectChosen { .. } => {}
        }
    }

    fn sync(&mut self, obj: &Obj, g: u64, op: &SyncOp) {
        let lock = match obj {
            Obj::Mutex(id) => self.mutexes.entry(*id).or_default(),
            Obj::RWMutex(id) => self.rwmutexes.entry(*id).or_default(),
            Obj::WaitGroup(id) => {
                if let SyncOp::Add { counter, .. } = op {
                    self.waitgroups.insert(*id, *counter);
                }
                return;
            }
            _ => return,
        };
        match op {
            SyncOp::Lock => lock.holder = Some(g),
            SyncOp::Unlock => lock.holder = None,
            SyncOp::RLock => lock.readers.push(g),
            SyncOp::RUnlock => {
                if let Some(i) = lock.readers.iter().position(|r| *r == g) {
                    lock.readers.remove(i);
                }
            }
            _ => {}
        }
    }

    /// The P numbered `p`, growing the lane list if the trace names a new one.
    /// P `p`'s lane, made (with any missing lanes before it) on first mention. A P id of
    /// [`MAX_PROCS`] or more (only a corrupt trace names one) is folded onto the last lane
    /// instead of allocating lanes up to it.
    fn proc(&mut self, p: u32) -> &mut ProcSnap {
        let i = (p as usize).min(MAX_PROCS - 1);
        while self.procs.len() <= i {
            let id = self.procs.len() as u32;
            self.procs.push(ProcSnap {
                id,
                ..ProcSnap::default()
            });
        }
        &mut self.procs[i]
    }

    /// Puts runnable `g` on `queue`, with runqput's kick of the old runnext.
    fn put(&mut self, g: u64, p: u32, queue: Queue) {
        match queue {
            Queue::Global => self.global.push(g),
            Queue::Local => self.proc(p).local.push(g),
            Queue::Runnext => {
                let proc = self.proc(p);
                if let Some(old) = proc.runnext.replace(g) {
                    proc.local.push(old);
                }
            }
        }
    }

    /// Removes `g` from every run queue.
    /// Takes `g` out of the run queue that holds it, looking first where `p` takes its
    /// next goroutine from (its runnext, then its local queue), then everywhere else. The
    /// machine keeps a goroutine in at most one queue, so the search ends at the first hit:
    /// a seek replaying many `GoStart`s does not scan every queue for each.
    fn unqueue(&mut self, g: u64, p: u32) {
        fn take(queue: &mut Vec<u64>, g: u64) -> bool {
            match queue.iter().position(|x| *x == g) {
                Some(i) => {
                    queue.remove(i);
                    true
                }
                None => false,
            }
        }
        fn take_from(proc: &mut ProcSnap, g: u64) -> bool {
            if proc.runnext == Some(g) {
                proc.runnext = None;
                return true;
            }
            take(&mut proc.local, g)
        }
        if let Some(own) = self.procs.get_mut(p as usize)
            && take_from(own, g)
        {
            return;
        }
        if take(&mut self.global, g) {
            return;
        }
        for proc in &mut self.procs {
            if take_from(proc, g) {
                return;
            }
        }
    }

    fn stop_running(&mut self, p: u32, g: u64) {
        let proc = self.proc(p);
        if proc.running == Some(g) {
            proc.running = None;
        }
    }

    fn set_state(
        &mut self,
        g: u64,
        state: GoState,
        reason: Option<Cow<'static, str>>,
        object: Option<Obj>,
    ) {
        if let Some(gs) = self.goroutines.get_mut(&g) {
            gs.state = state;
            gs.wait_reason = reason;
            gs.object = object;
        }
    }
}

impl ChanSnap {
    /// Writes at `sendx`, as chansend does into a free slot.
    fn push(&mut self, value: String) {
        let n = self.buf.len() as u64;
        if n == 0 {
            return;
        }
        self.buf[self.sendx as usize] = Some(value);
        self.sendx = (self.sendx + 1) % n;
        self.qcount = (self.qcount + 1).min(n);
    }

    /// Reads at `recvx`, as chanrecv does from the buffer.
    fn pop(&mut self) {
        let n = self.buf.len() as u64;
        if n == 0 || self.qcount == 0 {
            return;
        }
        self.buf[self.recvx as usize] = None;
        self.recvx = (self.recvx + 1) % n;
        self.qcount -= 1;
    }
}
