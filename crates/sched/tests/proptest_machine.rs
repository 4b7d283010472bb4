//! Property tests: random goroutine scripts on random configurations never violate the
//! machine's invariants or the trace/machine agreement (both checked by the harness
//! after every step), and every channel delivers each sender's values in order.

mod common;

use std::collections::BTreeMap;

use common::*;
use goroscope_sched::Config;
use goroscope_trace::EventKind;
use proptest::prelude::*;

const CHANS: usize = 3;
/// Channel indices past the setup's: the timer channels the scripts make.
const TIMER_CHANS: usize = 2;

/// An op without values; values are assigned afterwards so they encode their sender.
#[derive(Clone, Debug)]
enum Gen {
    Send(usize),
    Recv(usize),
    Close(usize),
    Compute(u64),
    Sleep(i64),
    Gosched,
    Locked(u64),
    ReadLocked(u64),
    WriteLocked(u64),
    TryReadLocked(u64),
    TryWriteLocked(u64),
    Once(u64),
    Select(Vec<(usize, bool)>, bool),
    Timer(i64, i64),
    Syscall(u64),
    TimerStop(usize),
    TimerReset(usize, i64),
    SetProcs(usize),
}

fn gen_op() -> impl Strategy<Value = Gen> {
    prop_oneof![
        4 => (0..CHANS).prop_map(Gen::Send),
        4 => (0..CHANS + TIMER_CHANS).prop_map(Gen::Recv),
        1 => (0i64..40_000, prop_oneof![Just(0i64), 5_000i64..20_000]).prop_map(|(d, p)| Gen::Timer(d, p)),
        1 => (0..TIMER_CHANS).prop_map(Gen::TimerStop),
        1 => prop_oneof![1u64..30_000, 1u64..3_000_000].prop_map(Gen::Syscall),
        1 => (1usize..=4).prop_map(Gen::SetProcs),
        1 => (0..TIMER_CHANS, 0i64..40_000).prop_map(|(k, d)| Gen::TimerReset(k, d)),
        1 => (0..CHANS).prop_map(Gen::Close),
        2 => (1u64..30_000).prop_map(Gen::Compute),
        1 => (0i64..50_000).prop_map(Gen::Sleep),
        1 => Just(Gen::Gosched),
        1 => (1u64..5_000).prop_map(Gen::Locked),
        1 => (1u64..5_000).prop_map(Gen::ReadLocked),
        1 => (1u64..5_000).prop_map(Gen::WriteLocked),
        1 => (1u64..5_000).prop_map(Gen::TryReadLocked),
        1 => (1u64..5_000).prop_map(Gen::TryWriteLocked),
        1 => (1u64..5_000).prop_map(Gen::Once),
        2 => (prop::collection::vec((0..CHANS + TIMER_CHANS, any::<bool>()), 0..3), any::<bool>()).prop_map(|(c, d)| Gen::Select(c, d)),
    ]
}

/// Turns generated ops into a script; sent values are `sender * 1000 + n`.
fn script(sender: i64, ops: &[Gen]) -> Vec<Op> {
    let mut n = 0;
    let mut next = || {
        n += 1;
        sender * 1000 + n
    };
    let mut out = Vec::new();
    for op in ops {
        match op {
            Gen::Send(c) => out.push(Op::Send(*c, next())),
            Gen::Recv(c) => out.push(Op::Recv(*c)),
            Gen::Close(c) => out.push(Op::Close(*c)),
            Gen::Compute(ns) => out.push(Op::Compute(*ns)),
            Gen::Sleep(ns) => out.push(Op::Sleep(*ns)),
            Gen::Gosched => out.push(Op::Gosched),
            Gen::Locked(ns) => out.extend([Op::Lock(0), Op::Compute(*ns), Op::Unlock(0)]),
            Gen::ReadLocked(ns) => out.extend([Op::RLock(0), Op::Compute(*ns), Op::RUnlock(0)]),
            Gen::WriteLocked(ns) => out.extend([Op::WLock(0), Op::Compute(*ns), Op::WUnlock(0)]),
            Gen::TryReadLocked(ns) => out.push(Op::TryRLocked(0, *ns)),
            Gen::TryWriteLocked(ns) => out.push(Op::TryWLocked(0, *ns)),
            // The function's body is the compute; the harness lets only the G that runs
            // it finish it.
            Gen::Once(ns) => out.extend([Op::OnceDo(0), Op::Compute(*ns), Op::OnceDone(0)]),
            Gen::Timer(d, period) => out.push(Op::NewTimer(*d, *period)),
            Gen::TimerStop(k) => out.push(Op::TimerStop(*k)),
            Gen::Syscall(ns) => out.push(Op::Syscall(*ns)),
            Gen::SetProcs(n) => out.push(Op::SetProcs(*n)),
            Gen::TimerReset(k, d) => out.push(Op::TimerReset(*k, *d)),
            Gen::Select(cases, default) => {
                // Timer channels are receive-only, as `time.Timer.C` is.
                let cases = cases
                    .iter()
                    .map(|&(c, send)| (c, (send && c < CHANS).then(&mut next)))
                    .collect();
                out.push(Op::Select(cases, *default));
            }
        }
    }
    out
}

fn config() -> impl Strategy<Value = Config> {
    (
        1usize..=4,
        2usize..=6,
        any::<u64>(),
        100u64..3_000,
        any::<bool>(),
    )
        .prop_map(|(procs, ring, seed, quantum, race)| Config {
            gomaxprocs: procs,
            local_queue_capacity: ring,
            seed,
            quantum_ns: quantum,
            randomize_scheduler: race,
            ..Config::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_scripts_keep_invariants_and_channels_fifo(
        cfg in config(),
        caps in prop::collection::vec(0usize..3, CHANS),
        workers in prop::collection::vec(prop::collection::vec(gen_op(), 0..8), 1..6),
        main_ops in prop::collection::vec(gen_op(), 0..8),
    ) {
        let setup = Setup { chan_caps: caps, mutexes: 1, rwmutexes: 1, onces: 1, ..Setup::default() };
        let mut main: Vec<Op> = workers
            .iter()
            .enumerate()
            .map(|(i, ops)| Op::Spawn(script(i as i64 + 1, ops)))
            .collect();
        main.extend(script(0, &main_ops));
        main.push(Op::Sleep(1_000_000));
        let out = run_with_limit(cfg, &setup, main, 50_000);
        prop_assert_ne!(out.end, End::OutOfSteps);
        // Per channel and sender, values arrive in the order they were sent.
        let mut last: BTreeMap<(u64, i64), i64> = BTreeMap::new();
        for e in &out.events {
            if let EventKind::ChanRecv { ch, value, ok: true, .. } = &e.kind
                && *ch < CHANS as u64
            {
                let v: i64 = value.parse().unwrap();
                let prev = last.insert((*ch, v / 1000), v % 1000);
                prop_assert!(prev.is_none_or(|p| p < v % 1000), "chan{} from sender {}: {:?} then {}", ch, v / 1000, prev, v % 1000);
            }
        }
    }
}
