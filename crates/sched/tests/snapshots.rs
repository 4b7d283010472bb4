//! Golden snapshots: the state replayed from a scenario's events at a telling moment,
//! pinned as text in tests/golden/NAME.txt. `UPDATE_GOLDEN=1 cargo test` rewrites them.
//! Also: replaying a whole trace equals applying its events one by one, and
//! checkpointed seeking equals full replay.

mod common;

use Op::*;
use common::*;
use goroscope_trace::{Event, EventKind, Replayer, replay};

fn golden(name: &str, text: &str) {
    let path = format!("{}/tests/golden/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {path}: run with UPDATE_GOLDEN=1"));
    assert_eq!(
        text, want,
        "snapshot {name} changed (UPDATE_GOLDEN=1 to accept)"
    );
}

/// The snapshot right after the first event matching `at`.
fn snapshot_after(events: &[Event], at: impl Fn(&EventKind) -> bool) -> String {
    let i = events
        .iter()
        .position(|e| at(&e.kind))
        .expect("the moment happens");
    replay(events, i + 1).to_string()
}

fn runnext_order() -> Vec<Event> {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 5)];
    for _ in 0..5 {
        main.push(Spawn(vec![WgAdd(0, -1)]));
    }
    main.push(WgWait(0));
    run(cfg(1, 1), &setup, main).events
}

fn steal() -> Vec<Event> {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![WgAdd(0, 6)];
    for _ in 0..6 {
        main.push(Spawn(vec![Compute(50_000), WgAdd(0, -1)]));
    }
    main.push(WgWait(0));
    run(cfg(4, 7), &setup, main).events
}

fn preemption() -> Vec<Event> {
    run(
        cfg(2, 1),
        &Setup::default(),
        vec![
            Spawn(vec![Compute(15_000_000)]),
            Spawn(vec![Compute(15_000_000)]),
            Spawn(vec![Compute(1_000)]),
            Sleep(40_000_000),
        ],
    )
    .events
}

fn buffered_filling() -> Vec<Event> {
    let setup = Setup {
        chan_caps: vec![3],
        ..Setup::default()
    };
    let mut main = vec![Spawn(vec![Sleep(1_000_000), Recv(0), Recv(0)])];
    for v in 10..15 {
        main.push(Send(0, v));
    }
    run(cfg(1, 1), &setup, main).events
}

fn syscall_handoff() -> Vec<Event> {
    let main = vec![
        Spawn(vec![Compute(100_000)]),
        Spawn(vec![Compute(100_000)]),
        Syscall(1_000_000),
        Sleep(1),
    ];
    run(cfg(1, 1), &Setup::default(), main).events
}

#[test]
fn golden_syscall_retake_hands_the_p_to_a_new_m() {
    let events = syscall_handoff();
    golden(
        "syscall_handoff",
        &snapshot_after(&events, |k| matches!(k, EventKind::GoStart { g: 3, .. })),
    );
}

#[test]
fn golden_runnext_order_when_main_blocks() {
    let events = runnext_order();
    golden(
        "runnext_order",
        &snapshot_after(&events, |k| matches!(k, EventKind::GoPark { g: 1, .. })),
    );
}

#[test]
fn golden_first_steal() {
    let events = steal();
    golden(
        "steal",
        &snapshot_after(&events, |k| matches!(k, EventKind::Steal { .. })),
    );
}

#[test]
fn golden_first_preemption() {
    let events = preemption();
    golden(
        "preemption",
        &snapshot_after(&events, |k| matches!(k, EventKind::GoPreempt { .. })),
    );
}

#[test]
fn golden_buffered_channel_full_with_a_blocked_sender() {
    let events = buffered_filling();
    golden(
        "buffered_filling",
        &snapshot_after(&events, |k| matches!(k, EventKind::GoPark { g: 1, .. })),
    );
}

#[test]
fn full_replay_equals_one_by_one_and_checkpointed_seeks() {
    for events in [
        runnext_order(),
        steal(),
        preemption(),
        buffered_filling(),
        syscall_handoff(),
    ] {
        let full = replay(&events, events.len());
        let mut stepper = Replayer::new(1_000_000);
        for ev in events.iter().cloned() {
            stepper.push(ev);
        }
        while stepper.step() {}
        assert_eq!(stepper.current(), &full);
        let mut r = Replayer::from_events(events.clone(), 7);
        let n = events.len();
        for target in [n, 0, n / 2, 3, n - 1, 8, 7, 14, n / 3] {
            assert_eq!(
                r.seek(target),
                &replay(&events, target),
                "seek({target}) of {n}"
            );
        }
    }
}

#[test]
fn traces_survive_the_jsonl_round_trip() {
    let events = steal();
    let text = goroscope_trace::to_jsonl(&events);
    assert_eq!(goroscope_trace::from_jsonl(&text), Ok(events));
}
