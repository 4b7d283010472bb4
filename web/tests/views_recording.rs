//! The recording's adaptive checkpoints and the views' totality: seeking anywhere, in
//! any order, after any batching, equals replaying from the start; every prefix of a
//! trace (real or made up) derives every view model without panicking.

mod views_support;

use std::sync::OnceLock;

use goroscope_trace::{Dir, Event, EventKind, Obj, Queue, Via, replay};
use goroscope_web::views::channels::{chan_views, sync_lines};
use goroscope_web::views::goroutines::GoList;
use goroscope_web::views::happened::last_happened;
use goroscope_web::views::scheduler::SchedView;
use goroscope_web::views::{MIN_INTERVAL, Recording};
use proptest::prelude::*;

/// Traces of a few examples, computed once.
fn traces() -> &'static [Vec<Event>] {
    static TRACES: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    TRACES.get_or_init(|| {
        [
            ("work_stealing.go", 4),
            ("unbuffered_vs_buffered.go", 2),
            ("worker_pool.go", 3),
            ("deadlock.go", 2),
            ("fan_in_select.go", 8),
        ]
        .iter()
        .map(|(name, procs)| views_support::example(name, *procs, 7))
        .collect()
    })
}

/// A program with `n` goroutines alive at once, each printing: big snapshots, much output.
fn crowd(n: usize) -> Vec<Event> {
    let code = format!(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {{\n\tvar wg sync.WaitGroup\n\tch := make(chan int)\n\tfor i := range {n} {{\n\t\twg.Add(1)\n\t\tgo func() {{\n\t\t\tdefer wg.Done()\n\t\t\tv := <-ch\n\t\t\tfmt.Println(i, v)\n\t\t}}()\n\t}}\n\tfor i := range {n} {{\n\t\tch <- i\n\t}}\n\twg.Wait()\n}}\n"
    );
    views_support::trace_of(&code, 4, 1)
}

fn record(events: &[Event], batch: usize) -> Recording {
    let mut r = Recording::default();
    for chunk in events.chunks(batch.max(1)) {
        r.push(chunk.to_vec());
    }
    r
}

#[test]
fn seeking_anywhere_in_any_order_equals_replaying() {
    let events = crowd(300);
    let mut r = record(&events, 97);
    assert_eq!(r.len(), events.len());
    let n = events.len();
    for at in [n, 0, n / 2, n / 2 + 1, n / 3, n - 1, 1, MIN_INTERVAL, MIN_INTERVAL - 1, n] {
        assert_eq!(*r.seek(at), replay(&events, at), "seek({at})");
    }
}

#[test]
fn checkpoints_space_out_as_snapshots_grow() {
    let events = crowd(1000);
    let r = record(&events, 500);
    // A fixed interval would take len / MIN_INTERVAL checkpoints; with a thousand
    // goroutines the interval grows to thousands of events.
    assert!(
        r.checkpoints() * 3 < events.len() / MIN_INTERVAL,
        "{} checkpoints for {} events",
        r.checkpoints(),
        events.len()
    );
}

#[test]
fn the_timeline_grows_with_the_pushes() {
    let events = &traces()[0];
    let r = record(events, 13);
    assert_eq!(r.timeline().indexed, events.len());
    assert_eq!(r.timeline(), record(events, events.len()).timeline());
}

/// Every model derived at `cursor`: must not panic.
fn derive_all(events: &[Event], cursor: usize) {
    let snap = replay(events, cursor);
    let _ = SchedView::new(&snap);
    let _ = GoList::new(&snap, Some(1));
    let _ = chan_views(&snap);
    let _ = sync_lines(&snap);
    let _ = last_happened(events, cursor);
}

/// Made-up events over small ids: what a truncated or hand-edited trace could hold.
fn any_event() -> impl Strategy<Value = Event> {
    let g = 0u64..12;
    let p = 0u32..6;
    let queue = prop_oneof![Just(Queue::Runnext), Just(Queue::Local), Just(Queue::Global)];
    let via = prop_oneof![Just(Via::Direct), Just(Via::Buffer)];
    let kind = prop_oneof![
        (g.clone(), p.clone(), queue.clone()).prop_map(|(g, p, queue)| EventKind::GoCreate {
            g,
            parent: None,
            p,
            func: None,
            line: None,
            queue
        }),
        (p.clone(), g.clone()).prop_map(|(p, g)| EventKind::GoStart { p, g }),
        (g.clone(), p.clone()).prop_map(|(g, p)| EventKind::GoPark {
            g,
            p,
            reason: "chan receive".into(),
            object: Some(Obj::Chan(g % 3))
        }),
        (g.clone(), p.clone(), queue).prop_map(|(g, p, queue)| EventKind::GoReady { g, by: None, p, queue }),
        (g.clone(), p.clone()).prop_map(|(g, p)| EventKind::GoPreempt { g, p }),
        (g.clone(), p.clone()).prop_map(|(g, p)| EventKind::GoEnd { g, p }),
        (g.clone(), p.clone()).prop_map(|(g, p)| EventKind::GoSysCall { g, p }),
        (g.clone(), proptest::option::of(p.clone())).prop_map(|(g, p)| EventKind::GoSysExit { g, p }),
        (p.clone(), p.clone(), proptest::collection::vec(g.clone(), 0..4))
            .prop_map(|(from, to, gs)| EventKind::Steal { from, to, gs }),
        (p.clone(), proptest::collection::vec(g.clone(), 0..4)).prop_map(|(p, gs)| EventKind::GlobalGet { p, gs }),
        (p.clone()).prop_map(|p| EventKind::ProcStop { p }),
        (0u64..3, 0u64..4).prop_map(|(ch, cap)| EventKind::ChanMake { ch, cap, elem: None, label: None, line: None }),
        (0u64..3, g.clone(), via).prop_map(|(ch, g, via)| EventKind::ChanSend {
            ch,
            g,
            value: "v".into(),
            via,
            peer: Some(g + 1)
        }),
        (0u64..3, g.clone()).prop_map(|(ch, g)| EventKind::ChanBlock { ch, g, dir: Dir::Send, value: None, case: None }),
        (0u64..3, g).prop_map(|(ch, g)| EventKind::ChanClose { ch, g }),
    ];
    (0u64..1_000_000, kind).prop_map(|(t, kind)| Event { t, kind })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_prefix_of_an_example_derives(which in 0usize..5, cut in 0.0f64..=1.0, batch in 1usize..400) {
        let events = &traces()[which];
        let cursor = (events.len() as f64 * cut) as usize;
        derive_all(events, cursor);
        let mut r = record(events, batch);
        prop_assert_eq!(r.seek(cursor).clone(), replay(events, cursor));
        let lanes = r.timeline().window(cursor, r.current().t, 0, r.timeline().t_max + 1, 50);
        prop_assert!(lanes.iter().all(|l| l.bars.len() <= 51 && l.marks.len() <= 50));
    }

    #[test]
    fn made_up_traces_derive_at_every_prefix(events in proptest::collection::vec(any_event(), 0..80)) {
        let mut r = record(&events, 7);
        for cursor in 0..=events.len() {
            derive_all(&events, cursor);
            prop_assert_eq!(r.seek(cursor).clone(), replay(&events, cursor));
            let _ = r.timeline().window(cursor, r.current().t, 0, r.timeline().t_max + 1, 20);
        }
    }
}
