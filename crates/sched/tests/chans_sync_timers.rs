//! Channel, select, sync and timer semantics, one behaviour per test.

mod common;

use Op::*;
use common::*;
use goroscope_sched::*;
use goroscope_trace::EventKind;

fn one_chan(cap: usize) -> Setup {
    Setup {
        chan_caps: vec![cap],
        ..Setup::default()
    }
}

fn one_rwmutex() -> Setup {
    Setup {
        rwmutexes: 1,
        ..Setup::default()
    }
}

#[test]
fn close_wakes_receivers_with_zero_and_drains_the_buffer_first() {
    let main = vec![Spawn(vec![Recv(0)]), Sleep(1_000), Close(0), Sleep(1_000)];
    let out = run(cfg(1, 1), &one_chan(0), main);
    assert_eq!(out.log, ["G2 recv 0 false"]);
    let main = vec![Send(0, 5), Close(0), Recv(0), Recv(0)];
    let out = run(cfg(1, 1), &one_chan(2), main);
    assert_eq!(out.log, ["G1 recv 5 true", "G1 recv 0 false"]);
}

#[test]
fn close_makes_a_blocked_sender_panic_and_double_close_panics() {
    let main = vec![
        Spawn(vec![Send(0, 1)]),
        Sleep(1_000),
        Close(0),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &one_chan(0), main);
    assert_eq!(out.end, End::Panic("send on closed channel".into()));
    let out = run(cfg(1, 1), &one_chan(0), vec![Close(0), Close(0)]);
    assert_eq!(out.end, End::Panic("close of closed channel".into()));
    let out = run(cfg(1, 1), &Setup::default(), vec![Close(3)]);
    assert_eq!(out.end, End::Panic("close of nil channel".into()));
    let out = run(cfg(1, 1), &one_chan(1), vec![Close(0), Send(0, 1)]);
    assert_eq!(out.end, End::Panic("send on closed channel".into()));
}

#[test]
fn len_and_cap_follow_the_buffer() {
    let mut m = Machine::<i64>::new(cfg(1, 1));
    let Next::Run { cur, .. } = m.next_slice() else {
        panic!("main runs")
    };
    let ch = m.make_chan(cur, 3, 0, ChanInfo::default());
    assert_eq!(m.chan_send(cur, Some(ch), 1), SendResult::Done);
    assert_eq!(m.chan_send(cur, Some(ch), 2), SendResult::Done);
    assert_eq!((m.chan_len(Some(ch)), m.chan_cap(Some(ch))), (2, 3));
    assert_eq!(
        m.chan_recv(cur, Some(ch)),
        RecvResult::Done { value: 1, ok: true }
    );
    assert_eq!((m.chan_len(None), m.chan_cap(None)), (0, 0));
    m.check_invariants().unwrap();
}

#[test]
fn select_with_default_does_not_block_and_a_ready_case_wins() {
    let out = run(
        cfg(1, 1),
        &one_chan(1),
        vec![
            Select(vec![(0, None)], true),
            Send(0, 4),
            Select(vec![(0, None)], true),
        ],
    );
    assert_eq!(
        out.log,
        ["G1 select default", "G1 select case 0 Some((4, true))"]
    );
}

#[test]
fn a_blocked_select_is_woken_by_one_case_and_leaves_the_others() {
    let setup = Setup {
        chan_caps: vec![0, 0],
        ..Setup::default()
    };
    let main = vec![
        Spawn(vec![Select(vec![(0, None), (1, Some(9))], false)]),
        Sleep(1_000),
        Send(0, 3),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.log, ["G2 select case 0 Some((3, true))"]);
    assert!(
        out.events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ChanUnblock { ch: 1, g: 2 }))
    );
    let c1 = out.machine.chan(ChanId(1)).unwrap();
    assert!(c1.sendq.is_empty() && c1.recvq.is_empty());
}

#[test]
fn a_blocked_select_send_case_hands_its_value_to_a_receiver() {
    let setup = Setup {
        chan_caps: vec![0, 0],
        ..Setup::default()
    };
    let main = vec![
        Spawn(vec![Select(vec![(0, None), (1, Some(9))], false)]),
        Sleep(1_000),
        Recv(1),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.log, ["G1 recv 9 true", "G2 select case 1 None"]);
}

#[test]
fn select_on_the_same_unbuffered_channel_both_ways_is_allowed() {
    let main = vec![
        Spawn(vec![Select(vec![(0, None), (0, Some(1))], false)]),
        Sleep(1_000),
        Send(0, 2),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &one_chan(0), main);
    assert_eq!(out.log, ["G2 select case 0 Some((2, true))"]);
}

#[test]
fn select_picks_among_ready_cases_at_random() {
    let setup = Setup {
        chan_caps: vec![1, 1],
        ..Setup::default()
    };
    let main = vec![
        Send(0, 1),
        Send(1, 2),
        Select(vec![(0, None), (1, None)], false),
    ];
    let chosen: Vec<String> = (0..16)
        .map(|seed| run(cfg(1, seed), &setup, main.clone()).log[0].clone())
        .collect();
    assert!(
        chosen.iter().any(|c| c.contains("case 0")) && chosen.iter().any(|c| c.contains("case 1")),
        "{chosen:?}"
    );
}

#[test]
fn mutex_waiters_are_fifo_and_unlock_of_unlocked_is_fatal() {
    let setup = Setup {
        mutexes: 1,
        ..Setup::default()
    };
    let worker = |name| Spawn(vec![Lock(0), Log(name), Unlock(0)]);
    let main = vec![
        Lock(0),
        worker("a"),
        Sleep(1_000),
        worker("b"),
        Sleep(1_000),
        Unlock(0),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.log, ["G2 a", "G3 b"]);
    let out = run(cfg(1, 1), &setup, vec![Unlock(0)]);
    assert_eq!(out.end, End::Panic("sync: unlock of unlocked mutex".into()));
}

#[test]
fn a_waiter_starved_for_one_ms_switches_the_mutex_to_handoff() {
    // Main relocks in a loop; the woken waiter keeps losing the race until it has waited
    // 1 ms, then starvation mode hands it the lock directly.
    let setup = Setup {
        mutexes: 1,
        ..Setup::default()
    };
    let mut main = vec![
        Lock(0),
        Spawn(vec![Lock(0), Log("waiter got it"), Unlock(0)]),
        Sleep(1),
    ];
    for _ in 0..40 {
        main.extend([Compute(100_000), Unlock(0), Lock(0)]);
    }
    main.extend([Log("main done"), Unlock(0), Sleep(1_000)]);
    let out = run(cfg(2, 3), &setup, main);
    assert!(out.events.iter().any(|e| matches!(
        e.kind,
        EventKind::Sync {
            op: goroscope_trace::SyncOp::Starving,
            ..
        }
    )));
    assert_eq!(out.log, ["G2 waiter got it", "G1 main done"]);
}

#[test]
fn rwmutex_readers_share_and_a_pending_writer_blocks_new_readers() {
    let setup = one_rwmutex();
    let main = vec![
        RLock(0),
        Spawn(vec![WLock(0), Log("writer"), WUnlock(0)]),
        Sleep(1_000), // the writer is now pending behind main's read lock
        Spawn(vec![RLock(0), Log("late reader"), RUnlock(0)]),
        Sleep(1_000), // the late reader blocks: writer preference
        Log("main unlocks"),
        RUnlock(0),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.log, ["G1 main unlocks", "G2 writer", "G3 late reader"]);
    let out = run(cfg(1, 1), &setup, vec![RUnlock(0)]);
    assert_eq!(
        out.end,
        End::Panic("sync: RUnlock of unlocked RWMutex".into())
    );
    let out = run(cfg(1, 1), &setup, vec![WUnlock(0)]);
    assert_eq!(
        out.end,
        End::Panic("sync: Unlock of unlocked RWMutex".into())
    );
}

#[test]
fn waitgroup_releases_waiters_at_zero_and_panics_below() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let out = run(cfg(1, 1), &setup, vec![WgAdd(0, -1)]);
    assert_eq!(
        out.end,
        End::Panic("sync: negative WaitGroup counter".into())
    );
    let main = vec![
        WgAdd(0, 2),
        Spawn(vec![WgWait(0), Log("released")]),
        Spawn(vec![WgAdd(0, -2)]),
        WgWait(0),
        Log("main"),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(out.log, ["G1 main"]);
    assert_eq!(out.end, End::MainReturned);
}

#[test]
fn once_runs_once_and_late_callers_wait_for_it() {
    let setup = Setup {
        onces: 1,
        waitgroups: 1,
        ..Setup::default()
    };
    let caller = || Spawn(vec![OnceDo(0), Log("returned"), WgAdd(0, -1)]);
    let main = vec![
        WgAdd(0, 2),
        OnceDo(0),
        caller(),
        caller(),
        Sleep(1_000),
        Log("f done"),
        OnceDone(0),
        WgWait(0),
        OnceDo(0),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(
        out.log,
        ["G1 once run", "G1 f done", "G2 returned", "G3 returned"]
    );
}

#[test]
fn cond_wait_releases_the_lock_and_signal_broadcast_wake_in_order() {
    let setup = Setup {
        mutexes: 1,
        conds: 1,
        ..Setup::default()
    };
    let waiter = |name| Spawn(vec![Lock(0), CondWait(0, 0), Log(name), Unlock(0)]);
    let main = vec![
        waiter("a"),
        waiter("b"),
        waiter("c"),
        Sleep(1_000),
        Lock(0), // all three wait, so the lock is free
        Signal(0),
        Unlock(0),
        Sleep(1_000),
        Lock(0),
        Broadcast(0),
        Unlock(0),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    // c was spawned last, so it ran first (runnext) and waits first: Signal wakes it.
    assert_eq!(out.log[0], "G4 c");
    let mut rest = out.log[1..].to_vec();
    rest.sort();
    assert_eq!(rest, ["G2 a", "G3 b"]);
}

#[test]
fn timer_stop_and_reset_leave_no_stale_value() {
    // Go 1.23: an expired but unreceived value is discarded by Stop/Reset, which then
    // report the timer as pending (its value was never delivered).
    let main = vec![
        NewTimer(1_000, 0),
        Sleep(5_000),
        TimerStop(0),
        Select(vec![(0, None)], true),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(out.log, ["G1 stop true", "G1 select default"]);
    let main = vec![NewTimer(1_000, 0), Recv(0), TimerStop(0)];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(
        out.log[1], "G1 stop false",
        "received, so no longer pending"
    );
    let main = vec![
        NewTimer(1_000, 0),
        Sleep(5_000),
        TimerReset(0, 10_000),
        Select(vec![(0, None)], true),
        Recv(0),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(out.log[..2], ["G1 reset true", "G1 select default"]);
    let fired: u64 = out.log[2]
        .strip_prefix("G1 recv ")
        .and_then(|v| v.strip_suffix(" true"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (15_000..15_100).contains(&fired),
        "the reset timer fired at {fired}"
    );
    let main = vec![
        NewTimer(1_000_000, 0),
        TimerStop(0),
        Sleep(5_000_000),
        Select(vec![(0, None)], true),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    assert_eq!(out.log, ["G1 stop true", "G1 select default"]);
}

#[test]
fn a_ticker_fires_every_period_and_drops_ticks_nobody_takes() {
    let main = vec![
        NewTimer(1_000_000, 1_000_000),
        Recv(0),
        Recv(0),
        Sleep(5_500_000),
        Recv(0),
        Recv(0),
    ];
    let out = run(cfg(1, 1), &Setup::default(), main);
    let times: Vec<i64> = out
        .log
        .iter()
        .map(|l| l.split(' ').nth(2).unwrap().parse().unwrap())
        .collect();
    // Ticks at 1 ms and 2 ms (after the ticker's creation at t0). During the sleep nobody
    // watches the channel; the first receive after it runs the expired tick (the one due
    // at 3 ms, Go's maybeRunChan), the next one comes at the next period after that.
    let t0 = times[0] - 1_000_000;
    assert_eq!(
        times,
        [1_000_000, 2_000_000, 3_000_000, 8_000_000].map(|t| t0 + t)
    );
}

#[test]
fn gomaxprocs_shrinks_moving_queued_work_to_the_global_queue() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 6)];
    for _ in 0..6 {
        main.push(Spawn(vec![Compute(100_000), WgAdd(0, -1)]));
    }
    main.extend([SetProcs(1), WgWait(0), Log("done")]);
    for seed in 0..10 {
        let out = run(cfg(4, seed), &setup, main.clone());
        assert_eq!(out.end, End::MainReturned, "seed {seed}");
        assert_eq!(out.machine.gomaxprocs(), 1);
    }
}

#[test]
fn an_unwatched_ticker_does_not_hide_a_deadlock() {
    // Go 1.23: a channel timer is in a heap only while a receiver is blocked on it, so
    // a forgotten ticker does not keep checkdead quiet (nor tick forever).
    let main = vec![NewTimer(1_000_000, 1_000_000), Recv(0), Recv(5)];
    let out = run(cfg(2, 1), &Setup::default(), main);
    assert_eq!(out.end, End::Deadlock(Deadlock::AllAsleep));
    assert_eq!(out.log.len(), 1);
}

#[test]
fn a_watched_timer_wakes_its_receiver_in_a_select() {
    let main = vec![
        NewTimer(2_000_000, 0),
        Select(vec![(0, None), (5, None)], false),
    ];
    let out = run(cfg(2, 1), &Setup::default(), main);
    assert_eq!(out.end, End::MainReturned);
    assert!(
        out.log[0].starts_with("G1 select case 0 Some((2000"),
        "{:?}",
        out.log
    );
}

#[test]
fn rwmutex_try_lock_and_try_rlock_never_wait() {
    let setup = one_rwmutex();
    // Free; written; read twice; read once.
    let main = vec![
        TryWLock(0),
        TryWLock(0),
        TryRLock(0),
        WUnlock(0),
        TryRLock(0),
        TryRLock(0),
        TryWLock(0),
        RUnlock(0),
        TryWLock(0),
        RUnlock(0),
        TryWLock(0),
        WUnlock(0),
    ];
    let out = run(cfg(1, 1), &setup, main);
    let want = [
        "try lock true",
        "try lock false",
        "try rlock false",
        "try rlock true",
        "try rlock true",
        "try lock false",
        "try lock false",
        "try lock true",
    ];
    assert_eq!(out.log, want.map(|w| format!("G1 {w}")));
    assert_eq!(out.end, End::MainReturned);
}

#[test]
fn rwmutex_try_rlock_fails_behind_a_pending_writer_but_not_a_queued_one() {
    let setup = one_rwmutex();
    // A writer pending behind main's read lock: new readers may not overtake it.
    let main = vec![
        RLock(0),
        Spawn(vec![WLock(0), Log("writer"), WUnlock(0)]),
        Sleep(1_000),
        TryRLock(0),
        TryWLock(0),
        RUnlock(0),
        Sleep(1_000),
        TryRLock(0),
        RUnlock(0),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(
        out.log,
        [
            "G1 try rlock false",
            "G1 try lock false",
            "G2 writer",
            "G1 try rlock true"
        ]
    );
    // A TryLock holder is a writer like any other: Lock waits for its Unlock.
    let main = vec![
        TryWLock(0),
        Spawn(vec![WLock(0), Log("second writer"), WUnlock(0)]),
        Sleep(1_000),
        TryRLock(0),
        Log("unlocking"),
        WUnlock(0),
        Sleep(1_000),
    ];
    let out = run(cfg(1, 1), &setup, main);
    assert_eq!(
        out.log,
        [
            "G1 try lock true",
            "G1 try rlock false",
            "G1 unlocking",
            "G2 second writer"
        ]
    );
}

#[test]
fn shrinking_gomaxprocs_keeps_a_reset_timers_stale_entry_stale() {
    let mut m = Machine::<i64>::new(Config {
        check_invariants: true,
        ..cfg(2, 1)
    });
    let run = |m: &mut Machine<i64>| match m.next_slice() {
        Next::Run { cur, wakeup } => (cur, wakeup),
        Next::Deadlock(d) => panic!("{}", d.message()),
    };
    let (main, _) = run(&mut m);
    let g2 = m.newproc(main, None, None);
    // Main keeps P0 busy until P1 steals G2.
    let cur = loop {
        let (cur, _) = run(&mut m);
        if cur.g == g2 {
            break cur;
        }
        m.charge(cur.p, 1_000);
    };
    assert_eq!(cur.p, PId(1));
    // On P1: a function timer for +1 µs, reset to +1 ms; the first entry is now stale.
    let t = m.new_func_timer(cur, 1_000, 7);
    m.timer_reset(cur, t, 1_000_000, 0);
    let armed_at = m.now(cur.p);
    let (_, cur) = m.set_gomaxprocs(cur, 1);
    m.goexit(cur);
    let (main, _) = run(&mut m);
    assert_eq!(m.sleep(main, 10_000_000), BlockResult::Parked);
    let (cur, wakeup) = run(&mut m);
    assert_eq!(wakeup, Some(Wakeup::AfterFunc { token: 7 }));
    assert!(
        m.now(cur.p) >= armed_at + 1_000_000,
        "fired at {} (armed at {armed_at})",
        m.now(cur.p)
    );
    assert_eq!(m.invariant_violation(), None);
}
