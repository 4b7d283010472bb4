//! A scripted-goroutine harness: each goroutine runs a tiny script of ops against the
//! machine, as the interpreter would run bytecode. Channels, mutexes and WaitGroups are
//! numbered per run (`Op::Send(0, ..)` uses the run's channel 0). The machine checks
//! its invariants after every step (`Config::check_invariants`), and the harness checks
//! them again at the end of every slice.

#![allow(dead_code)]

mod replay_check;

use std::collections::BTreeMap;

use goroscope_sched::*;
use goroscope_trace::{Event, Snapshot};

/// One operation of a script.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `go func() { ops }()`
    Spawn(Vec<Op>),
    Send(usize, i64),
    Recv(usize),
    Close(usize),
    /// Burn CPU for this many virtual ns (charged in 1 µs steps).
    Compute(u64),
    Sleep(i64),
    Gosched,
    Lock(usize),
    Unlock(usize),
    WgAdd(usize, i64),
    WgWait(usize),
    /// `select` over (channel, Some(value) to send / None to receive), with default?
    Select(Vec<(usize, Option<i64>)>, bool),
    /// Appends `G<n> <text>` to the log.
    Log(&'static str),
    Goexit,
    /// `runtime.GOMAXPROCS(n)`.
    SetProcs(usize),
    RLock(usize),
    RUnlock(usize),
    WLock(usize),
    WUnlock(usize),
    /// `RWMutex.TryRLock` / `TryLock`, logging `try rlock <ok>` / `try lock <ok>`.
    TryRLock(usize),
    TryWLock(usize),
    /// `if rw.TryRLock() { compute(ns); rw.RUnlock() }` (`TryWLocked`: with TryLock).
    TryRLocked(usize, u64),
    TryWLocked(usize, u64),
    /// `Once.Do` first half: logs `once run` when this G runs the function.
    OnceDo(usize),
    /// `Once.Do` second half, done only by the G that ran the function.
    OnceDone(usize),
    /// `cond.Wait()` with mutex `.1` as its Locker.
    CondWait(usize, usize),
    Signal(usize),
    Broadcast(usize),
    /// A timer channel firing after `.0` ns (every `.1` ns if non-zero); it becomes the
    /// next channel index after the setup's channels.
    NewTimer(i64, i64),
    /// A system call lasting this many ns.
    Syscall(u64),
    /// Stops/resets timer k (k-th NewTimer of the run, if made yet) and logs the result.
    TimerStop(usize),
    TimerReset(usize, i64),
}

/// What a scenario sets up before main starts.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    pub chan_caps: Vec<usize>,
    pub mutexes: usize,
    pub waitgroups: usize,
    pub rwmutexes: usize,
    pub onces: usize,
    pub conds: usize,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    MainReturned,
    Deadlock(Deadlock),
    Panic(String),
    /// The step budget ran out (a livelock or an endless script).
    OutOfSteps,
}

pub struct Outcome {
    pub end: End,
    pub log: Vec<String>,
    pub events: Vec<Event>,
    pub machine: Machine<i64>,
}

struct Script {
    ops: Vec<Op>,
    pc: usize,
    compute_left: u64,
}

/// Cost of one op, in virtual ns.
pub const OP_NS: u64 = 10;

pub fn run(cfg: Config, setup: &Setup, main: Vec<Op>) -> Outcome {
    run_with_limit(cfg, setup, main, 200_000)
}

pub fn run_with_limit(cfg: Config, setup: &Setup, main: Vec<Op>, max_steps: usize) -> Outcome {
    let mut m = Machine::<i64>::new(Config {
        check_invariants: true,
        ..cfg
    });
    let mut scripts: BTreeMap<GoId, Script> = BTreeMap::new();
    scripts.insert(
        GoId::MAIN,
        Script {
            ops: main,
            pc: 0,
            compute_left: 0,
        },
    );
    let mut chans = Vec::new();
    let mut log = Vec::new();
    let mut end = End::OutOfSteps;
    let mutexes: Vec<MutexId> = (0..setup.mutexes).map(|_| m.new_mutex()).collect();
    let wgs: Vec<WaitGroupId> = (0..setup.waitgroups).map(|_| m.new_waitgroup()).collect();
    let rws: Vec<RWMutexId> = (0..setup.rwmutexes).map(|_| m.new_rwmutex()).collect();
    let onces: Vec<OnceId> = (0..setup.onces).map(|_| m.new_once()).collect();
    let conds: Vec<CondId> = (0..setup.conds).map(|_| m.new_cond()).collect();
    let mut timers: Vec<TimerId> = Vec::new();
    let mut once_runner: Vec<Option<GoId>> = vec![None; onces.len()];
    let mut made_chans = false;
    let mut replayed = Snapshot::default();
    'steps: for _ in 0..max_steps {
        let (mut cur, wakeup) = match m.next_slice() {
            Next::Run { cur, wakeup } => (cur, wakeup),
            Next::Deadlock(d) => {
                end = End::Deadlock(d);
                break;
            }
        };
        if !made_chans {
            made_chans = true;
            for (i, &cap) in setup.chan_caps.iter().enumerate() {
                let label = format!("c{i}");
                chans.push(m.make_chan(
                    cur,
                    cap,
                    0,
                    ChanInfo {
                        elem: Some("int"),
                        label: Some(&label),
                        line: None,
                    },
                ));
            }
        }
        let g = cur.g;
        match wakeup {
            Some(Wakeup::Recv { value, ok }) => log.push(format!("{g} recv {value} {ok}")),
            Some(Wakeup::Select { case, recv }) => {
                log.push(format!("{g} select case {case} {recv:?}"))
            }
            Some(Wakeup::SendOnClosed) => {
                end = End::Panic("send on closed channel".into());
                break;
            }
            Some(Wakeup::AfterFunc { .. }) | None => {}
        }
        loop {
            let s = scripts.get_mut(&g).expect("script of a scheduled G");
            if s.compute_left > 0 {
                let step = s.compute_left.min(1_000);
                s.compute_left -= step;
                if m.charge(cur.p, step) {
                    break;
                }
                continue;
            }
            let Some(op) = s.ops.get(s.pc).cloned() else {
                if g == GoId::MAIN {
                    end = End::MainReturned;
                    break 'steps;
                }
                m.goexit(cur);
                break;
            };
            s.pc += 1;
            let quantum_over = m.charge(cur.p, OP_NS);
            let parked = match op {
                Op::Spawn(ops) => {
                    let child = m.newproc(cur, Some("main.func"), None);
                    scripts.insert(
                        child,
                        Script {
                            ops,
                            pc: 0,
                            compute_left: 0,
                        },
                    );
                    false
                }
                Op::Send(c, v) => match m.chan_send(cur, chans.get(c).copied(), v) {
                    SendResult::Done => false,
                    SendResult::Parked => true,
                    SendResult::Panic(p) => {
                        end = End::Panic(p.message().into());
                        break 'steps;
                    }
                },
                Op::Recv(c) => match m.chan_recv(cur, chans.get(c).copied()) {
                    RecvResult::Done { value, ok } => {
                        log.push(format!("{g} recv {value} {ok}"));
                        false
                    }
                    RecvResult::Parked => true,
                },
                Op::Close(c) => {
                    if let Err(p) = m.chan_close(cur, chans.get(c).copied()) {
                        end = End::Panic(p.message().into());
                        break 'steps;
                    }
                    false
                }
                Op::Compute(ns) => {
                    scripts.get_mut(&g).expect("script").compute_left = ns;
                    false
                }
                Op::Sleep(ns) => m.sleep(cur, ns) == BlockResult::Parked,
                Op::Gosched => {
                    m.gosched(cur);
                    true
                }
                Op::Lock(i) => m.mutex_lock(cur, mutexes[i]) == BlockResult::Parked,
                Op::Unlock(i) => {
                    if let Err(e) = m.mutex_unlock(cur, mutexes[i]) {
                        end = End::Panic(e.message().into());
                        break 'steps;
                    }
                    false
                }
                Op::WgAdd(i, d) => {
                    if let Err(e) = m.wg_add(cur, wgs[i], d) {
                        end = End::Panic(e.message().into());
                        break 'steps;
                    }
                    false
                }
                Op::WgWait(i) => m.wg_wait(cur, wgs[i]) == BlockResult::Parked,
                Op::Select(cases, default) => {
                    let cases = cases
                        .iter()
                        .map(|&(c, v)| match v {
                            Some(v) => Case::Send(chans.get(c).copied(), v),
                            None => Case::Recv(chans.get(c).copied()),
                        })
                        .collect();
                    match m.select(cur, cases, default) {
                        SelectResult::Chosen { case, recv } => {
                            log.push(format!("{g} select case {case} {recv:?}"));
                            false
                        }
                        SelectResult::Default => {
                            log.push(format!("{g} select default"));
                            false
                        }
                        SelectResult::Parked => true,
                        SelectResult::Panic(p) => {
                            end = End::Panic(p.message().into());
                            break 'steps;
                        }
                    }
                }
                Op::Log(text) => {
                    log.push(format!("{g} {text}"));
                    false
                }
                Op::Goexit => {
                    m.goexit(cur);
                    true
                }
                Op::Syscall(ns) => {
                    m.entersyscall(cur, ns);
                    true
                }
                Op::SetProcs(n) => {
                    cur = m.set_gomaxprocs(cur, n).1;
                    false
                }
                Op::RLock(i) => m.rw_rlock(cur, rws[i]) == BlockResult::Parked,
                Op::WLock(i) => m.rw_lock(cur, rws[i]) == BlockResult::Parked,
                Op::TryRLock(i) => {
                    let ok = m.rw_try_rlock(cur, rws[i]);
                    log.push(format!("{g} try rlock {ok}"));
                    false
                }
                Op::TryWLock(i) => {
                    let ok = m.rw_try_lock(cur, rws[i]);
                    log.push(format!("{g} try lock {ok}"));
                    false
                }
                Op::TryRLocked(i, ns) | Op::TryWLocked(i, ns) => {
                    let (ok, unlock) = match op {
                        Op::TryRLocked(..) => (m.rw_try_rlock(cur, rws[i]), Op::RUnlock(i)),
                        _ => (m.rw_try_lock(cur, rws[i]), Op::WUnlock(i)),
                    };
                    if ok {
                        let s = scripts.get_mut(&g).expect("script of a running G");
                        s.ops.splice(s.pc..s.pc, [Op::Compute(ns), unlock]);
                    }
                    false
                }
                Op::RUnlock(i) | Op::WUnlock(i) => {
                    let r = if matches!(op, Op::RUnlock(_)) {
                        m.rw_runlock(cur, rws[i])
                    } else {
                        m.rw_unlock(cur, rws[i])
                    };
                    if let Err(e) = r {
                        end = End::Panic(e.message().into());
                        break 'steps;
                    }
                    false
                }
                Op::OnceDo(i) => match m.once_do(cur, onces[i]) {
                    OnceResult::Run => {
                        log.push(format!("{g} once run"));
                        once_runner[i] = Some(g);
                        false
                    }
                    OnceResult::Done => false,
                    OnceResult::Parked => true,
                },
                // Only the G that runs the function finishes it.
                Op::OnceDone(i) => {
                    if once_runner[i] == Some(g) {
                        m.once_done(cur, onces[i]);
                    }
                    false
                }
                Op::CondWait(i, mu) => {
                    if let Err(e) = m.cond_wait(cur, conds[i], Locker::Mutex(mutexes[mu])) {
                        end = End::Panic(e.message().into());
                        break 'steps;
                    }
                    true
                }
                Op::Signal(i) => {
                    m.cond_signal(cur, conds[i]);
                    false
                }
                Op::Broadcast(i) => {
                    m.cond_broadcast(cur, conds[i]);
                    false
                }
                Op::NewTimer(d, period) => {
                    let (t, ch) = m.new_chan_timer(cur, d, period, 0, ChanInfo::default());
                    timers.push(t);
                    chans.push(ch);
                    false
                }
                Op::TimerStop(k) => {
                    if let Some(&t) = timers.get(k) {
                        let active = m.timer_stop(cur, t);
                        log.push(format!("{g} stop {active}"));
                    }
                    false
                }
                Op::TimerReset(k, d) => {
                    if let Some(&t) = timers.get(k) {
                        let active = m.timer_reset(cur, t, d, 0);
                        log.push(format!("{g} reset {active}"));
                    }
                    false
                }
            };
            if parked || quantum_over {
                break;
            }
        }
        if let Some(e) = m.invariant_violation() {
            panic!("invariant violated {e}\nlog: {log:#?}");
        }
        if let Err(e) = m.check_invariants() {
            panic!("invariant violated at the end of a slice: {e}\nlog: {log:#?}");
        }
        if m.recording() {
            for ev in &m.events()[replayed.applied..] {
                replayed.apply(ev);
            }
            if let Err(e) = replay_check::agrees(&m, &replayed) {
                panic!("replay disagrees with the machine: {e}\n{replayed}");
            }
        }
    }
    let events = m.events().to_vec();
    Outcome {
        end,
        log,
        events,
        machine: m,
    }
}

/// A config with GOMAXPROCS `procs` and seed `seed`, everything else Go's defaults.
pub fn cfg(procs: usize, seed: u64) -> Config {
    Config {
        gomaxprocs: procs,
        seed,
        ..Config::default()
    }
}
