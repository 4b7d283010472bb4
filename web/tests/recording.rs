//! The recording's step positions over a small hand-written trace.

use goroscope_trace::{Event, EventKind, Stream};
use goroscope_web::views::Recording;

fn at(t: u64, kind: EventKind) -> Event {
    Event { t, kind }
}

/// start, line, step(g2 created), output, line, step(g2 starts)
fn sample() -> Recording {
    let mut r = Recording::default();
    r.push(vec![
        at(0, EventKind::ProcResize { procs: 1, gs: vec![] }),
        at(0, EventKind::GoLine { g: 1, line: 3 }),
        at(1, EventKind::GoCreate { g: 2, parent: Some(1), p: 0, func: None, line: Some(4), queue: goroscope_trace::Queue::Runnext }),
    ]);
    r.push(vec![
        at(2, EventKind::Output { stream: Stream::Stdout, text: "hi\n".into() }),
        at(3, EventKind::GoLine { g: 1, line: 5 }),
        at(4, EventKind::GoStart { p: 0, g: 2 }),
    ]);
    r
}

#[test]
fn steps_skip_lines_and_output_both_ways() {
    let r = sample();
    assert_eq!(r.len(), 6);
    assert_eq!(r.next_step(0), Some(1));
    assert_eq!(r.next_step(1), Some(3));
    assert_eq!(r.next_step(3), Some(6));
    assert_eq!(r.next_step(6), None);
    assert_eq!(r.prev_step(6), Some(3));
    assert_eq!(r.prev_step(3), Some(1));
    assert_eq!(r.prev_step(1), Some(0));
    assert_eq!(r.prev_step(0), None);
}

#[test]
fn seeking_shows_the_state_after_that_many_events() {
    let mut r = sample();
    assert_eq!(r.seek(3).goroutines.len(), 1);
    assert_eq!(r.seek(6).procs[0].running, Some(2));
    assert_eq!(r.seek(4).stdout, "hi\n");
    assert_eq!(r.seek(0).goroutines.len(), 0);
}
