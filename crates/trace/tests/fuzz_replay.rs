//! Replay is total: any sequence of events, however inconsistent (a truncated or
//! hand-edited trace), is applied without panicking, and checkpointed seeking still
//! equals replay from scratch.

use goroscope_trace::*;
use proptest::prelude::*;

fn small() -> impl Strategy<Value = u64> {
    0u64..6
}

fn p() -> impl Strategy<Value = u32> {
    0u32..5
}

fn gs() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(small(), 0..4)
}

fn text() -> impl Strategy<Value = String> {
    "[a-z0-9]{0,3}"
}

fn obj() -> impl Strategy<Value = Option<Obj>> {
    prop_oneof![
        Just(None),
        small().prop_map(|c| Some(Obj::Chan(c))),
        gs().prop_map(|c| Some(Obj::Select(c)))
    ]
}

fn kind() -> impl Strategy<Value = EventKind> {
    let via = prop_oneof![Just(Via::Direct), Just(Via::Buffer)];
    let queue = prop_oneof![
        Just(Queue::Runnext),
        Just(Queue::Local),
        Just(Queue::Global)
    ];
    prop_oneof![
        (small(), p(), prop::option::of(text())).prop_map(|(g, p, func)| EventKind::GoCreate {
            g,
            parent: None,
            p,
            func,
            line: None,
            queue: Queue::Runnext
        }),
        (p(), small()).prop_map(|(p, g)| EventKind::GoStart { p, g }),
        (small(), p(), obj()).prop_map(|(g, p, object)| EventKind::GoPark {
            g,
            p,
            reason: "chan send".into(),
            object
        }),
        (small(), p(), queue).prop_map(|(g, p, queue)| EventKind::GoReady {
            g,
            by: None,
            p,
            queue
        }),
        (small(), p()).prop_map(|(g, p)| EventKind::GoSched { g, p }),
        (small(), p()).prop_map(|(g, p)| EventKind::GoPreempt { g, p }),
        (small(), p()).prop_map(|(g, p)| EventKind::GoEnd { g, p }),
        (small(), p()).prop_map(|(g, p)| EventKind::GoSysCall { g, p }),
        (p(), small()).prop_map(|(p, g)| EventKind::ProcRetake { p, g }),
        (small(), prop::option::of(p())).prop_map(|(g, p)| EventKind::GoSysExit { g, p }),
        (small(), 0u32..99).prop_map(|(g, line)| EventKind::GoLine { g, line }),
        (p(), gs()).prop_map(|(from, gs)| EventKind::GlobalPut { from, gs }),
        (p(), gs()).prop_map(|(p, gs)| EventKind::GlobalGet { p, gs }),
        (p(), p(), gs()).prop_map(|(from, to, gs)| EventKind::Steal { from, to, gs }),
        (p(), 0u32..4).prop_map(|(p, m)| EventKind::ProcStart { p, m }),
        p().prop_map(|p| EventKind::ProcStop { p }),
        (0u32..6, gs()).prop_map(|(procs, gs)| EventKind::ProcResize { procs, gs }),
        (small(), 0u64..4).prop_map(|(ch, cap)| EventKind::ChanMake {
            ch,
            cap,
            elem: None,
            label: None,
            line: None
        }),
        (
            small(),
            small(),
            text(),
            via.clone(),
            prop::option::of(small())
        )
            .prop_map(|(ch, g, value, via, peer)| EventKind::ChanSend {
                ch,
                g,
                value,
                via,
                peer
            }),
        (small(), small(), text(), via, prop::option::of(small())).prop_map(
            |(ch, g, value, via, peer)| EventKind::ChanRecv {
                ch,
                g,
                value,
                ok: true,
                via,
                peer
            }
        ),
        (small(), small(), any::<bool>(), prop::option::of(text())).prop_map(
            |(ch, g, send, value)| EventKind::ChanBlock {
                ch,
                g,
                dir: if send { Dir::Send } else { Dir::Recv },
                value,
                case: None
            }
        ),
        (small(), small()).prop_map(|(ch, g)| EventKind::ChanUnblock { ch, g }),
        small().prop_map(|ch| EventKind::ChanDrain { ch }),
        (small(), small()).prop_map(|(ch, g)| EventKind::ChanClose { ch, g }),
        (small(), 0u64..100, 0u64..10).prop_map(|(timer, when, period)| EventKind::TimerSet {
            timer,
            when,
            period,
            kind: TimerKind::Chan,
            g: None
        }),
        small().prop_map(|timer| EventKind::TimerStop { timer }),
        (small(), p()).prop_map(|(timer, p)| EventKind::TimerFire { timer, p }),
        text().prop_map(|text| EventKind::Output {
            stream: Stream::Stdout,
            text
        }),
        any::<bool>().prop_map(|main_goexit| EventKind::Deadlock { main_goexit }),
        (small(), small(), 0u8..6).prop_map(|(id, g, op)| EventKind::Sync {
            obj: if op % 2 == 0 {
                Obj::Mutex(id)
            } else {
                Obj::RWMutex(id)
            },
            g,
            op: [
                SyncOp::Lock,
                SyncOp::Unlock,
                SyncOp::RLock,
                SyncOp::RUnlock,
                SyncOp::Signal,
                SyncOp::Done
            ][op as usize]
                .clone(),
        }),
        (small(), small(), -2i64..3).prop_map(|(id, g, delta)| EventKind::Sync {
            obj: Obj::WaitGroup(id),
            g,
            op: SyncOp::Add {
                delta,
                counter: delta
            }
        }),
    ]
}

proptest! {
    #[test]
    fn any_event_sequence_replays_and_seeks_consistently(
        kinds in prop::collection::vec(kind(), 0..60),
        interval in 1usize..8,
        targets in prop::collection::vec(0usize..70, 1..6),
    ) {
        let events: Vec<Event> = kinds.into_iter().enumerate().map(|(t, kind)| Event { t: t as u64, kind }).collect();
        let full = replay(&events, events.len());
        let _rendered = full.to_string();
        let mut r = Replayer::from_events(events.clone(), interval);
        for n in targets {
            prop_assert_eq!(r.seek(n), &replay(&events, n));
        }
        prop_assert_eq!(from_jsonl(&to_jsonl(&events)), Ok(events));
    }
}
