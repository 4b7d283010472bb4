//! The views' pure models against real traces of the examples: the runnext order, a
//! steal, a preemption, a buffered channel filling up; golden files pin the whole
//! derived state at those moments (`UPDATE_GOLDEN=1` rewrites them after a reviewed
//! change).

mod views_support;

use std::fmt::Write;

use goroscope_trace::{Event, EventKind, Snapshot, replay};
use goroscope_web::views::channels::{chan_views, sync_lines};
use goroscope_web::views::goroutines::GoList;
use goroscope_web::views::happened::{Kind, last_happened};
use goroscope_web::views::label::{chan_label, go_label};
use goroscope_web::views::scheduler::{SchedView, Shown};
use goroscope_web::views::timeline::TimelineIndex;
use views_support::example;

fn shown(s: &Shown) -> String {
    let mut out = format!("{:?}", s.shown);
    if s.more > 0 {
        write!(out, " +{}", s.more).unwrap();
    }
    out
}

/// Every model at `cursor`, as text.
fn render(events: &[Event], cursor: usize) -> String {
    let snap = replay(events, cursor);
    let mut out = String::new();
    match last_happened(events, cursor) {
        Some(h) => writeln!(out, "happened #{} {:?}: {} moved={:?} procs={:?}", h.index, h.kind, h.caption, h.moved, h.procs),
        None => writeln!(out, "happened: nothing"),
    }
    .unwrap();
    let sched = SchedView::new(&snap);
    for l in &sched.lanes {
        writeln!(
            out,
            "P{} m={:?} running={:?} runnext={:?} local={} syscall={:?}",
            l.p, l.m, l.running, l.runnext, shown(&l.local), l.syscall
        )
        .unwrap();
    }
    writeln!(out, "grq={} syscall={} netpoller={}", shown(&sched.global), shown(&sched.syscall), shown(&sched.netpoller)).unwrap();
    for p in &sched.parked {
        writeln!(out, "parked [{}] {}", p.reason, shown(&p.gs)).unwrap();
    }
    let list = GoList::new(&snap, None);
    for r in &list.rows {
        writeln!(out, "{} · {} · line {:?}", r.label, r.state, r.line).unwrap();
    }
    writeln!(out, "live={} finished={} more={}", list.live, list.finished, list.more).unwrap();
    let (chans, more) = chan_views(&snap);
    for c in &chans {
        let slots: Vec<String> = c
            .slots
            .iter()
            .map(|s| {
                format!(
                    "{}{}{}",
                    s.value.as_deref().unwrap_or("_"),
                    if s.sendx { "<s" } else { "" },
                    if s.recvx { "<r" } else { "" }
                )
            })
            .collect();
        writeln!(
            out,
            "chan-{} {} q={}/{} slots=[{}] sendq={:?} recvq={:?} closed={}",
            c.id,
            c.label,
            c.qcount,
            c.cap,
            slots.join(" "),
            c.sendq.iter().map(|w| (w.g, w.value.clone())).collect::<Vec<_>>(),
            c.recvq.iter().map(|w| w.g).collect::<Vec<_>>(),
            c.closed
        )
        .unwrap();
    }
    writeln!(out, "more chans={more}").unwrap();
    for line in sync_lines(&snap) {
        writeln!(out, "{line}").unwrap();
    }
    out
}

/// Compares `actual` with `tests/golden/NAME`, or writes it when UPDATE_GOLDEN is set.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden {name}: run with UPDATE_GOLDEN=1"));
    assert_eq!(actual, expected, "golden {name} differs");
}

/// The position just after the first event matching `f`.
fn after(events: &[Event], f: impl Fn(&EventKind) -> bool) -> usize {
    events.iter().position(|e| f(&e.kind)).expect("the event happens") + 1
}

#[test]
fn runnext_holds_the_newest_goroutine_and_the_queue_the_rest_in_order() {
    let events = example("runnext_order.go", 1, 1);
    let cursor = after(&events, |k| matches!(k, EventKind::GoPark { g: 1, .. }));
    let sched = SchedView::new(&replay(&events, cursor));
    let p0 = &sched.lanes[0];
    assert_eq!(p0.running, None, "main has just parked");
    assert_eq!(p0.runnext, Some(5), "D, the last goroutine started, is in runnext");
    assert_eq!(p0.local.shown, vec![2, 3, 4], "A, B, C wait in the local queue in order");
    assert_eq!(sched.parked[0].reason, "sync.WaitGroup.Wait");
    assert_eq!(sched.parked[0].gs.shown, vec![1]);
    golden("views_runnext.txt", &render(&events, cursor));
}

#[test]
fn a_steal_is_told_and_the_stolen_goroutines_are_on_the_thief() {
    let events = example("work_stealing.go", 4, 1);
    let cursor = after(&events, |k| matches!(k, EventKind::Steal { .. }));
    let EventKind::Steal { from, to, gs } = &events[cursor - 1].kind else {
        unreachable!("found above")
    };
    let h = last_happened(&events, cursor).expect("a step event");
    assert_eq!(h.kind, Kind::Steal);
    assert_eq!(h.moved, *gs);
    let names: Vec<String> = gs.iter().map(|g| format!("G{g}")).collect();
    assert_eq!(h.caption, format!("P{to} stole {} from P{from}", names.join(", ")));
    let sched = SchedView::new(&replay(&events, cursor));
    let (thief, victim) = (&sched.lanes[*to as usize], &sched.lanes[*from as usize]);
    // Go's runqsteal: the last stolen goroutine runs next, the others queue on the thief.
    assert_eq!(thief.local.shown, gs[..gs.len() - 1]);
    assert!(victim.local.shown.iter().all(|g| !gs.contains(g)));
    golden("views_steal.txt", &render(&events, cursor));
}

#[test]
fn a_preemption_is_told_and_the_goroutine_goes_to_the_global_queue() {
    let events = example("preemption.go", 1, 1);
    let cursor = after(&events, |k| matches!(k, EventKind::GoPreempt { .. }));
    let h = last_happened(&events, cursor).expect("a step event");
    assert_eq!(h.kind, Kind::Preempt);
    assert_eq!(h.caption, "P0 preempts G2 after its time slice: it goes to the global queue");
    let sched = SchedView::new(&replay(&events, cursor));
    assert_eq!(sched.global.shown, vec![2]);
    assert_eq!(sched.lanes[0].running, None);
    golden("views_preempt.txt", &render(&events, cursor));
}

#[test]
fn a_buffered_channel_fills_up_and_its_sender_waits_with_its_value() {
    let events = example("unbuffered_vs_buffered.go", 2, 1);
    let cursor = after(&events, |k| matches!(k, EventKind::ChanBlock { ch: 2, .. }));
    let snap = replay(&events, cursor);
    let (chans, _) = chan_views(&snap);
    let box_ = chans.iter().find(|c| c.cap == 3).expect("the buffered channel");
    assert_eq!(box_.label, "box chan int [3] (line 27)");
    let values: Vec<Option<&str>> = box_.slots.iter().map(|s| s.value.as_deref()).collect();
    assert_eq!(values, [Some("0"), Some("1"), Some("2")]);
    assert!(box_.slots[0].sendx && box_.slots[0].recvx, "full ring: sendx wrapped onto recvx");
    assert_eq!(box_.sendq.len(), 1);
    assert_eq!((box_.sendq[0].g, box_.sendq[0].value.as_deref()), (1, Some("3")));
    golden("views_chan_full.txt", &render(&events, cursor));
}

#[test]
fn goroutines_and_channels_are_labelled_as_go_names_them() {
    let events = example("unbuffered_vs_buffered.go", 2, 1);
    let snap: Snapshot = replay(&events, events.len());
    assert_eq!(go_label(&snap.goroutines[&1]), "G1 main.main");
    assert_eq!(go_label(&snap.goroutines[&2]), "G2 main.main.func1");
    assert_eq!(chan_label(&snap.chans[&0]), "handoff chan string (line 15)");
}

#[test]
fn the_timeline_has_one_run_per_start_and_runs_never_overlap() {
    let events = example("work_stealing.go", 4, 1);
    let mut index = TimelineIndex::default();
    events.iter().for_each(|e| index.push(e));
    let starts = events.iter().filter(|e| matches!(e.kind, EventKind::GoStart { .. })).count();
    let runs: usize = index.lanes.iter().map(|l| l.runs.len()).sum();
    assert_eq!(runs, starts);
    for lane in &index.lanes {
        for pair in lane.runs.windows(2) {
            assert!(pair[0].end <= pair[1].start && pair[0].end_event <= pair[1].start_event);
        }
    }
    let steals = index.lanes.iter().flat_map(|l| &l.marks).filter(|m| m.kind.class() == "steal").count();
    assert_eq!(steals, events.iter().filter(|e| matches!(e.kind, EventKind::Steal { .. })).count());
    // Whatever the cap, close runs merge into bars that still account for every run.
    for cap in [3, 100, 10_000] {
        let shown = index.window(events.len(), index.t_max, 0, index.t_max + 1, cap);
        for (lane, shown) in index.lanes.iter().zip(&shown) {
            assert!(shown.bars.len() <= cap + 1 && shown.marks.len() <= cap);
            assert_eq!(shown.bars.iter().map(|b| b.runs).sum::<usize>(), lane.runs.len());
        }
    }
}

#[test]
fn the_timeline_at_a_cursor_shows_only_what_had_happened() {
    let events = example("preemption.go", 1, 1);
    let mut index = TimelineIndex::default();
    events.iter().for_each(|e| index.push(e));
    let cursor = after(&events, |k| matches!(k, EventKind::GoPreempt { .. }));
    let now = events[cursor - 1].t;
    // One bucket per nanosecond: no merging.
    let lanes = index.window(cursor, now, 0, now + 1, usize::MAX);
    let bars = &lanes[0].bars;
    // main (until it sleeps), then the spinner until its preemption; nothing after.
    assert_eq!(bars.iter().map(|b| b.g).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(bars[1].end, now);
    assert_eq!(lanes[0].marks.iter().map(|m| m.kind.name()).collect::<Vec<_>>(), vec!["blocks", "preempted"]);
    // Mid-run, the open run ends at the cursor's time.
    let mid = cursor - 5;
    let lanes = index.window(mid, events[mid - 1].t, 0, index.t_max + 1, 100);
    assert_eq!(lanes[0].bars.last().map(|b| b.end), Some(events[mid - 1].t));
}
