//! Replay on hand-written event streams: runqput's kick, a buffered channel's ring,
//! checkpoints agreeing with full replay, and the JSON-lines round trip.

use goroscope_trace::*;

fn ev(t: u64, kind: EventKind) -> Event {
    Event { t, kind }
}

fn sample() -> Vec<Event> {
    let mut evs = vec![
        ev(0, EventKind::ProcStart { p: 0, m: 0 }),
        ev(
            0,
            EventKind::GoCreate {
                g: 1,
                parent: None,
                p: 0,
                func: Some("main.main".into()),
                line: None,
                queue: Queue::Runnext,
            },
        ),
        ev(0, EventKind::GoStart { p: 0, g: 1 }),
        ev(
            1,
            EventKind::ChanMake {
                ch: 0,
                cap: 2,
                elem: Some("int".into()),
                label: Some("jobs".into()),
                line: Some(9),
            },
        ),
    ];
    for g in 2..=4 {
        evs.push(ev(
            2,
            EventKind::GoCreate {
                g,
                parent: Some(1),
                p: 0,
                func: Some("main.worker".into()),
                line: Some(12),
                queue: Queue::Runnext,
            },
        ));
    }
    let send = |v: &str| {
        ev(
            3,
            EventKind::ChanSend {
                ch: 0,
                g: 1,
                value: v.into(),
                via: Via::Buffer,
                peer: None,
            },
        )
    };
    evs.extend([send("0"), send("1")]);
    evs.push(ev(
        4,
        EventKind::ChanRecv {
            ch: 0,
            g: 1,
            value: "0".into(),
            ok: true,
            via: Via::Buffer,
            peer: None,
        },
    ));
    evs.push(send("2"));
    evs.push(ev(
        5,
        EventKind::ChanBlock {
            ch: 0,
            g: 1,
            dir: Dir::Send,
            value: Some("9".into()),
            case: None,
        },
    ));
    evs.push(ev(
        5,
        EventKind::GoPark {
            g: 1,
            p: 0,
            reason: "chan send".into(),
            object: Some(Obj::Chan(0)),
        },
    ));
    evs.push(ev(6, EventKind::GoStart { p: 0, g: 4 }));
    evs.push(ev(
        7,
        EventKind::Output {
            stream: Stream::Stdout,
            text: "hi\n".into(),
        },
    ));
    evs
}

#[test]
fn runnext_kick_and_ring_buffer_are_replayed() {
    let events = sample();
    let s = replay(&events, events.len());
    let p0 = &s.procs[0];
    assert_eq!(p0.running, Some(4));
    assert_eq!(p0.runnext, None);
    assert_eq!(p0.local, vec![2, 3]);
    let ch = &s.chans[&0];
    assert_eq!(ch.qcount, 2);
    assert_eq!(ch.buf, vec![Some("2".to_string()), Some("1".to_string())]);
    assert_eq!((ch.sendx, ch.recvx), (1, 1));
    assert_eq!(
        ch.sendq,
        vec![WaiterSnap {
            g: 1,
            value: Some("9".into()),
            case: None
        }]
    );
    assert_eq!(s.goroutines[&1].wait_reason.as_deref(), Some("chan send"));
    assert_eq!(s.stdout, "hi\n");
}

#[test]
fn checkpoints_and_seeking_agree_with_full_replay() {
    let events = sample();
    let mut r = Replayer::from_events(events.clone(), 3);
    for n in (0..=events.len()).rev().chain(0..=events.len()) {
        assert_eq!(r.seek(n), &replay(&events, n), "seek({n})");
    }
    let mut stepper = Replayer::from_events(events.clone(), 1000);
    stepper.seek(0);
    while stepper.step() {}
    assert_eq!(stepper.current(), &replay(&events, events.len()));
}

#[test]
fn jsonl_round_trips_and_checks_the_version() {
    let events = sample();
    let text = to_jsonl(&events);
    assert_eq!(text.lines().count(), events.len() + 1);
    assert_eq!(from_jsonl(&text), Ok(events));
    assert_eq!(
        from_jsonl("{\"goroscope_trace\":999}\n"),
        Err(TraceError::Version { found: 999 })
    );
    assert_eq!(from_jsonl(""), Err(TraceError::MissingHeader));
    assert!(matches!(
        from_jsonl("{\"goroscope_trace\":1}\n{\"t\":1}\n"),
        Err(TraceError::BadEvent { line: 2, .. })
    ));
}

#[test]
fn unknown_ids_are_ignored_not_fatal() {
    let mut s = Snapshot::default();
    s.apply(&ev(
        0,
        EventKind::ChanSend {
            ch: 7,
            g: 1,
            value: "x".into(),
            via: Via::Buffer,
            peer: None,
        },
    ));
    s.apply(&ev(
        0,
        EventKind::GoPark {
            g: 9,
            p: 3,
            reason: "sleep".into(),
            object: None,
        },
    ));
    s.apply(&ev(
        0,
        EventKind::ChanMake {
            ch: 1,
            cap: 0,
            elem: None,
            label: None,
            line: None,
        },
    ));
    s.apply(&ev(
        0,
        EventKind::ChanRecv {
            ch: 1,
            g: 1,
            value: "x".into(),
            ok: true,
            via: Via::Buffer,
            peer: None,
        },
    ));
    assert_eq!(s.applied, 4);
    assert_eq!(s.procs.len(), 4);
}

#[test]
fn go_create_without_a_queue_defaults_to_runnext() {
    let line = r#"{"t":0,"ev":"GoCreate","g":2,"parent":1,"p":0,"func":null,"line":null}"#;
    let ev: Event = serde_json::from_str(line).unwrap();
    assert!(matches!(
        ev.kind,
        EventKind::GoCreate {
            queue: Queue::Runnext,
            ..
        }
    ));
}

#[test]
fn exit_ends_what_was_running_and_leaves_the_waiting_as_they_were() {
    let mut evs = sample();
    let end = replay(&evs, evs.len());
    let running: Vec<u64> = end.procs.iter().filter_map(|p| p.running).collect();
    assert!(!running.is_empty(), "the sample ends with a goroutine running");
    evs.push(ev(99, EventKind::Exit { code: 0 }));
    let after = replay(&evs, evs.len());
    assert!(after.procs.iter().all(|p| p.running.is_none()));
    for g in running {
        assert_eq!(after.goroutines[&g].state, GoState::Dead);
    }
    for (id, g) in &end.goroutines {
        if g.state != GoState::Running {
            assert_eq!(&after.goroutines[id], g, "G{id} is drawn as the exit left it");
        }
    }
}

#[test]
fn a_corrupt_p_id_never_allocates_lanes_up_to_it() {
    let evs = vec![ev(0, EventKind::ProcStart { p: u32::MAX, m: 0 })];
    let snap = replay(&evs, 1);
    assert_eq!(snap.procs.len(), snapshot::MAX_PROCS);
}
