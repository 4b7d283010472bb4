//! Scheduling scenarios from GO-RUNTIME.md, run with scripted goroutines.

mod common;

use Op::*;
use common::*;
use goroscope_sched::*;
use goroscope_trace::{EventKind, Queue};

fn logged(out: &Outcome) -> Vec<String> {
    out.log.clone()
}

#[test]
fn runnext_order_under_one_p_last_spawned_first_then_fifo() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 5)];
    for name in ["a", "b", "c", "d", "e"] {
        main.push(Spawn(vec![Log(name), WgAdd(0, -1)]));
    }
    main.extend([Log("spawned"), WgWait(0), Log("done")]);
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.end, End::MainReturned);
    assert_eq!(
        logged(&out),
        [
            "G1 spawned",
            "G6 e",
            "G2 a",
            "G3 b",
            "G4 c",
            "G5 d",
            "G1 done"
        ]
    );
}

#[test]
fn a_woken_receiver_waits_in_runnext_while_the_sender_keeps_running() {
    let setup = Setup {
        chan_caps: vec![0],
        ..Setup::default()
    };
    let main = vec![
        Spawn(vec![Recv(0), Log("received")]),
        Gosched,
        Send(0, 7),
        Log("sent"),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(
        logged(&out),
        ["G1 sent"],
        "main returns before the receiver runs"
    );
}

#[test]
fn ping_pong_pair_shares_one_time_slice_until_preempted() {
    // G2 (pong) waits; then G4 (ping) and G2 ping-pong while G3 is queued on the only P. Because every hand-off
    // goes through runnext the pair never starts a new slice, so after 10 ms of their
    // combined work they are preempted and G4 finally runs.
    let setup = Setup {
        chan_caps: vec![0, 0],
        ..Setup::default()
    };
    let rounds = 40;
    let mut ping = Vec::new();
    let mut pong = Vec::new();
    for i in 0..rounds {
        ping.extend([Compute(200_000), Send(0, i), Recv(1)]);
        pong.extend([Recv(0), Compute(200_000), Send(1, i)]);
    }
    let main = vec![
        Spawn(pong),
        Sleep(1_000),
        Spawn(vec![Log("third")]),
        Spawn(ping),
        Sleep(1_000_000_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.end, End::MainReturned);
    let preempt = out
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::GoPreempt { .. }))
        .expect("a preemption");
    let third = out
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::GoStart { g: 3, .. }))
        .expect("G3 runs");
    let first_preempt = out
        .events
        .iter()
        .position(|e| matches!(e.kind, EventKind::GoPreempt { .. }))
        .expect("preempt");
    assert!(
        third > first_preempt,
        "the third goroutine runs only after the pair is preempted"
    );
    assert!(
        (10_000_000..10_300_000).contains(&preempt.t),
        "preempted at {}",
        preempt.t
    );
}

#[test]
fn buffered_channel_fills_before_the_receiver_runs() {
    let setup = Setup {
        chan_caps: vec![3],
        ..Setup::default()
    };
    let recv: Vec<Op> = (0..5).map(|_| Recv(0)).collect();
    let mut main = vec![Spawn(recv)];
    for v in 0..5 {
        main.push(Send(0, v));
        main.push(Log("sent"));
    }
    main.push(Sleep(1_000_000));
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(
        logged(&out),
        [
            "G1 sent",
            "G1 sent",
            "G1 sent", // the buffer fills, the 4th send blocks
            "G2 recv 0 true",
            "G2 recv 1 true",
            "G2 recv 2 true",
            "G2 recv 3 true", // 3 moved into the freed slot
            "G1 sent",
            "G1 sent",
            "G2 recv 4 true",
        ]
    );
}

#[test]
fn a_full_ring_spills_half_plus_the_kicked_goroutine_to_the_global_queue() {
    let mut config = cfg(1, 1);
    config.local_queue_capacity = 4;
    let mut main = Vec::new();
    for _ in 0..6 {
        main.push(Spawn(vec![Log("run")]));
    }
    main.push(Sleep(1_000));
    let out = run(config, &Setup::default(), main);
    let spill: Vec<_> = out
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::GlobalPut { gs, .. } => Some(gs.clone()),
            _ => None,
        })
        .collect();
    // runnext holds G7; the ring held G2..G5 when G6 was kicked: G2, G3 and G6 spill.
    assert_eq!(spill, vec![vec![2, 3, 6]]);
    let order: Vec<&str> = out.log.iter().map(String::as_str).collect();
    assert_eq!(
        order,
        ["G7 run", "G4 run", "G5 run", "G2 run", "G3 run", "G6 run"]
    );
}

#[test]
fn idle_ps_steal_work_under_four_ps() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 8)];
    for _ in 0..8 {
        main.push(Spawn(vec![Compute(500_000), WgAdd(0, -1)]));
    }
    main.push(WgWait(0));
    let out = run(cfg(4, 1), &setup, main);
    assert_eq!(out.end, End::MainReturned);
    assert!(
        out.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Steal { .. })),
        "no steal"
    );
    let mut ps: Vec<u32> = out
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::GoStart { p, .. } => Some(p),
            _ => None,
        })
        .collect();
    ps.sort();
    ps.dedup();
    assert_eq!(ps, [0, 1, 2, 3], "work spreads over every P");
    // 8 × 0.5 ms on 4 Ps finishes in about 1 ms of virtual time, not 4 ms.
    assert!(
        out.machine.max_clock() < 2_000_000,
        "took {}",
        out.machine.max_clock()
    );
}

#[test]
fn a_cpu_bound_goroutine_is_preempted_after_ten_ms() {
    let main = vec![
        Spawn(vec![Log("other")]),
        Compute(30_000_000),
        Log("main done"),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(logged(&out), ["G2 other", "G1 main done"]);
    let preempts: Vec<u64> = out
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::GoPreempt { g: 1, .. }))
        .map(|e| e.t)
        .collect();
    assert!(!preempts.is_empty());
    assert!(
        (10_000_000..10_002_000).contains(&preempts[0]),
        "first preemption at {}",
        preempts[0]
    );
}

#[test]
fn all_goroutines_asleep_is_a_deadlock() {
    let setup = Setup {
        chan_caps: vec![0],
        ..Setup::default()
    };
    let out = run(cfg(2, 1), &setup, vec![Spawn(vec![Recv(0)]), Recv(0)]);
    assert_eq!(out.end, End::Deadlock(Deadlock::AllAsleep));
    let dump: Vec<_> = out
        .machine
        .goroutines()
        .map(|g| (g.id.0, g.wait_reason().map(WaitReason::as_str)))
        .collect();
    assert_eq!(dump, [(1, Some("chan receive")), (2, Some("chan receive"))]);
}

#[test]
fn nil_channel_and_empty_select_block_forever() {
    let out = run(
        cfg(1, 1),
        &Setup::default(),
        vec![Spawn(vec![Select(vec![], false)]), Recv(5)],
    );
    assert_eq!(out.end, End::Deadlock(Deadlock::AllAsleep));
    let reasons: Vec<_> = out
        .machine
        .goroutines()
        .filter_map(|g| g.wait_reason())
        .collect();
    assert_eq!(
        reasons,
        [WaitReason::ChanReceiveNilChan, WaitReason::SelectNoCases]
    );
}

#[test]
fn main_goexit_with_nothing_left_is_its_own_deadlock() {
    let out = run(
        cfg(1, 1),
        &Setup::default(),
        vec![Spawn(vec![Log("child")]), Goexit],
    );
    assert_eq!(out.end, End::Deadlock(Deadlock::MainGoexit));
    assert_eq!(logged(&out), ["G2 child"]);
    let setup = Setup {
        chan_caps: vec![0],
        ..Setup::default()
    };
    let out = run(cfg(1, 1), &setup, vec![Spawn(vec![Recv(0)]), Goexit]);
    assert_eq!(out.end, End::Deadlock(Deadlock::AllAsleep));
}

#[test]
fn a_pending_timer_is_not_a_deadlock_and_sleepers_wake_in_time_order() {
    let main = vec![
        Spawn(vec![Sleep(30_000_000), Log("30ms")]),
        Spawn(vec![Sleep(10_000_000), Log("10ms")]),
        Spawn(vec![Sleep(20_000_000), Log("20ms")]),
        Sleep(50_000_000),
        Log("main"),
    ];
    for procs in [1, 3] {
        let out = run(cfg(procs, 5), &Setup::default(), main.clone());
        assert_eq!(logged(&out), ["G3 10ms", "G4 20ms", "G2 30ms", "G1 main"]);
        let clock = out.machine.max_clock();
        assert!(
            (50_000_000..50_100_000).contains(&clock),
            "the clock jumped to {clock}"
        );
    }
}

#[test]
fn same_seed_same_events_and_seeds_change_interleavings() {
    let setup = Setup {
        chan_caps: vec![0, 0],
        waitgroups: 1,
        ..Setup::default()
    };
    let worker = |c: usize| Spawn(vec![Compute(3_000), Send(c, 1), Compute(2_000), Send(c, 2)]);
    let mut main = vec![worker(0), worker(1), worker(0), worker(1)];
    for _ in 0..8 {
        main.push(Select(vec![(0, None), (1, None)], false));
    }
    let events = |seed| run(cfg(4, seed), &setup, main.clone()).events;
    assert_eq!(events(42), events(42));
    let first = events(1);
    assert!(
        (2..20).any(|seed| events(seed) != first),
        "no seed changed anything"
    );
}

#[test]
fn goready_uses_runnext_and_records_the_waker() {
    let setup = Setup {
        chan_caps: vec![0],
        ..Setup::default()
    };
    let out = run(
        cfg(1, 1),
        &setup,
        vec![Spawn(vec![Recv(0)]), Sleep(1), Send(0, 3), Sleep(1)],
    );
    let ready = out
        .events
        .iter()
        .find_map(|e| match e.kind {
            EventKind::GoReady {
                g: g @ 2,
                by,
                queue,
                ..
            } => Some((g, by, queue)),
            _ => None,
        })
        .expect("a GoReady");
    assert_eq!(ready, (2, Some(1), Queue::Runnext));
}

#[test]
fn a_ping_pong_pair_mostly_stays_on_one_p_thanks_to_the_runnext_backoff() {
    // A spinning P that finds only a running P's runnext waits 3 µs before stealing it
    // (Go's usleep(3)), so the pair is not thrashed between Ps on every hand-off.
    let setup = Setup {
        chan_caps: vec![0, 0],
        ..Setup::default()
    };
    let rounds = 2_000;
    let ping: Vec<Op> = (0..rounds).flat_map(|i| [Send(0, i), Recv(1)]).collect();
    let pong: Vec<Op> = (0..rounds).flat_map(|i| [Recv(0), Send(1, i)]).collect();
    let out = run(
        cfg(4, 3),
        &setup,
        vec![Spawn(pong), Spawn(ping), Sleep(1_000_000_000)],
    );
    assert_eq!(out.end, End::MainReturned);
    let steals = out
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Steal { .. }))
        .count();
    let backoffs_possible = 2 * rounds as usize;
    assert!(
        steals * 20 < backoffs_possible,
        "{steals} steals for {backoffs_possible} hand-offs"
    );
}

#[test]
fn gomaxprocs_shrink_called_from_a_destroyed_p_moves_the_caller_to_p0() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut moved = 0;
    for seed in 0..30 {
        let mut main = vec![
            WgAdd(0, 4),
            Spawn(vec![
                Compute(50_000),
                SetProcs(1),
                Compute(1_000),
                Log("shrunk"),
                WgAdd(0, -1),
            ]),
        ];
        for _ in 0..3 {
            main.push(Spawn(vec![Compute(200_000), WgAdd(0, -1)]));
        }
        main.extend([WgWait(0), Log("done")]);
        let out = run(cfg(4, seed), &setup, main);
        assert_eq!(out.end, End::MainReturned, "seed {seed}");
        assert_eq!(out.log, ["G2 shrunk", "G1 done"], "seed {seed}");
        let resize = out
            .events
            .iter()
            .position(|e| matches!(e.kind, EventKind::ProcResize { procs: 1, .. }))
            .unwrap();
        let p_before = out.events[..resize]
            .iter()
            .rev()
            .find_map(|e| match e.kind {
                EventKind::GoStart { g: 2, p } => Some(p),
                _ => None,
            });
        if p_before != Some(0) {
            moved += 1;
            let restarted = &out.events[resize + 1..];
            assert!(
                restarted
                    .iter()
                    .any(|e| matches!(e.kind, EventKind::GoStart { g: 2, p: 0 })),
                "seed {seed}"
            );
        }
    }
    assert!(moved > 0, "no seed ran the shrinking goroutine off P0");
}

#[test]
fn gomaxprocs_grow_lets_idle_ps_take_work() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![SetProcs(4), WgAdd(0, 4)];
    for _ in 0..4 {
        main.push(Spawn(vec![Compute(1_000_000), WgAdd(0, -1)]));
    }
    main.push(WgWait(0));
    let out = run(cfg(1, 2), &setup, main);
    assert_eq!(out.machine.gomaxprocs(), 4);
    assert!(
        out.machine.max_clock() < 2_500_000,
        "4 × 1 ms on 4 Ps took {}",
        out.machine.max_clock()
    );
}

#[test]
fn recording_off_changes_nothing_but_the_events() {
    let setup = Setup {
        chan_caps: vec![1, 0],
        waitgroups: 1,
        mutexes: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 3)];
    for _ in 0..3 {
        main.push(Spawn(vec![
            Lock(0),
            Send(0, 1),
            Unlock(0),
            Compute(20_000),
            Recv(1),
            WgAdd(0, -1),
        ]));
    }
    main.extend([
        Recv(0),
        Recv(0),
        Recv(0),
        Send(1, 0),
        Send(1, 0),
        Send(1, 0),
        WgWait(0),
    ]);
    let on = run(cfg(3, 9), &setup, main.clone());
    let mut quiet = cfg(3, 9);
    quiet.record = false;
    let off = run(quiet, &setup, main);
    assert_eq!((on.end, on.log), (off.end, off.log));
    assert!(!on.events.is_empty() && off.events.is_empty());
    assert_eq!(on.machine.max_clock(), off.machine.max_clock());
}

#[test]
fn after_func_starts_a_goroutine_when_the_timer_fires() {
    let mut m = Machine::<i64>::new(cfg(2, 1));
    let Next::Run { cur, .. } = m.next_slice() else {
        panic!("main runs")
    };
    m.new_func_timer(cur, 5_000_000, 77);
    assert_eq!(m.sleep(cur, 10_000_000), BlockResult::Parked);
    let Next::Run { cur, wakeup } = m.next_slice() else {
        panic!("the callback runs")
    };
    assert_eq!(wakeup, Some(Wakeup::AfterFunc { token: 77 }));
    assert_eq!(cur.g, GoId(2));
    assert!((5_000_000..5_010_000).contains(&m.now(cur.p)));
    m.goexit(cur);
    let Next::Run { cur, wakeup } = m.next_slice() else {
        panic!("main wakes")
    };
    assert_eq!((cur.g, wakeup), (GoId::MAIN, None));
    assert!(m.now(cur.p) >= 10_000_000);
    m.check_invariants().unwrap();
}

#[test]
fn a_short_syscall_keeps_its_p() {
    let main = vec![
        Spawn(vec![Log("other")]),
        Syscall(5_000),
        Log("back"),
        Sleep(1),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(out.log, ["G1 back", "G2 other"]);
    assert!(
        !out.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ProcRetake { .. }))
    );
    assert!(
        out.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::GoSysExit { g: 1, p: Some(0) }))
    );
}

#[test]
fn a_long_syscall_loses_its_p_to_waiting_work_and_queues_when_it_returns() {
    let other = vec![Log("other"), Compute(2_000_000), Log("other done")];
    let main = vec![Spawn(other), Syscall(1_000_000), Log("back"), Sleep(1)];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(out.log, ["G2 other", "G2 other done", "G1 back"]);
    let retake = out
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::ProcRetake { p: 0, g: 1 }))
        .expect("retake");
    assert!(
        (20_000..21_000).contains(&retake.t),
        "retaken at {}",
        retake.t
    );
    assert!(
        out.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::GoSysExit { g: 1, p: None }))
    );
}

#[test]
fn a_syscall_returning_to_an_idle_p_runs_there_and_is_not_a_deadlock() {
    let setup = Setup {
        chan_caps: vec![0],
        ..Setup::default()
    };
    let main = vec![Spawn(vec![Recv(0)]), Syscall(5_000_000), Log("back")];
    for procs in [1, 2] {
        let out = run(cfg(procs, 4), &setup, main.clone());
        assert_eq!(out.end, End::MainReturned);
        assert_eq!(out.log, ["G1 back"]);
        assert!(out.machine.max_clock() >= 5_000_000);
    }
}

#[test]
fn degenerate_configs_still_run() {
    let setup = Setup {
        chan_caps: vec![1],
        waitgroups: 1,
        ..Setup::default()
    };
    let main = vec![
        WgAdd(0, 2),
        Spawn(vec![Send(0, 1), Compute(5_000), WgAdd(0, -1)]),
        Spawn(vec![Recv(0), Sleep(1_000), WgAdd(0, -1)]),
        WgWait(0),
        Log("done"),
    ];
    let zero = Config {
        gomaxprocs: 0,
        local_queue_capacity: 0,
        global_queue_check_interval: 0,
        steal_rounds: 0,
        force_preempt_ns: 0,
        starvation_threshold_ns: 0,
        runnext_steal_backoff_ns: 0,
        syscall_retake_ns: 0,
        syscall_retake_idle_ns: 0,
        quantum_ns: 0,
        randomize_scheduler: true,
        seed: 0,
        record: true,
        check_invariants: true,
    };
    let out = run(zero, &setup, main);
    assert_eq!(out.end, End::MainReturned);
    assert_eq!(out.log, ["G3 recv 1 true", "G1 done"]);
}

#[test]
fn race_mode_randomises_the_runnext_order() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 4)];
    for name in ["a", "b", "c", "d"] {
        main.push(Spawn(vec![Log(name), WgAdd(0, -1)]));
    }
    main.push(WgWait(0));
    let orders: std::collections::BTreeSet<Vec<String>> = (0..16)
        .map(|seed| {
            let mut config = cfg(1, seed);
            config.randomize_scheduler = true;
            run(config, &setup, main.clone()).log
        })
        .collect();
    assert!(orders.len() > 1, "race mode gave one order: {orders:?}");
    let plain: std::collections::BTreeSet<Vec<String>> = (0..16)
        .map(|seed| run(cfg(1, seed), &setup, main.clone()).log)
        .collect();
    assert_eq!(
        plain.len(),
        1,
        "without race mode the order is Go's deterministic one"
    );
}
