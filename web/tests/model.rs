//! The page's state machine, natively: what the status line, the console and the views'
//! cursor show after each control and worker message, and which requests go to the worker.

use goroscope_protocol::{Diagnostic, Outcome, Request, Response, RunConfig, Stats, Status, Stream};
use goroscope_trace::{Event, EventKind, Queue};
use goroscope_web::model::{
    Action, Effect, LAG_BOUND, LIVE, OVERLOAD_MS, Playground, Source, format_virtual, line_marks, speed_label,
};

fn after(actions: impl IntoIterator<Item = Action>) -> Playground {
    let mut page = Playground::new(4, 1);
    for action in actions {
        page.apply(action);
    }
    page
}

fn out(text: &str) -> Action {
    Action::Receive(Response::Output { stream: Stream::Stdout, text: text.into() })
}

fn finished(outcome: Outcome, exit_code: i32) -> Action {
    Action::Receive(Response::Finished { outcome, exit_code })
}

fn run() -> Action {
    Action::Run("package main".into())
}

fn line(g: u64, line: u32) -> Event {
    Event { t: 0, kind: EventKind::GoLine { g, line } }
}

fn create(g: u64, line: u32) -> Event {
    Event {
        t: 0,
        kind: EventKind::GoCreate { g, parent: None, p: 0, func: Some("main.f".into()), line: Some(line), queue: Queue::Runnext },
    }
}

/// `n` step events (goroutines 1..=n created), each followed by a line event.
fn batch(first: u64, n: u64) -> Action {
    let events = (first..first + n).flat_map(|g| [create(g, 7), line(g, 8)]).collect();
    Action::Receive(Response::Events(events))
}

#[test]
fn a_fresh_page_is_idle_and_empty() {
    let page = Playground::new(4, 1);
    assert_eq!(page.status(), Status::Idle);
    assert_eq!(page.console_text(), "");
    assert_eq!((page.cursor, page.recorded(), page.speed), (0, 0, LIVE));
}

#[test]
fn run_sends_the_program_with_the_chosen_procs_and_seed() {
    let mut page = after([Action::Procs(2), Action::Seed(42)]);
    let effects = page.apply(Action::Run("package main\n".into()));
    assert_eq!(
        effects,
        vec![Effect::Send(Request::Run(RunConfig { code: "package main\n".into(), procs: 2, seed: 42 }))]
    );
    assert_eq!(page.status(), Status::Running);
}

#[test]
fn procs_are_kept_within_one_to_eight() {
    assert_eq!(after([Action::Procs(0)]).procs, 1);
    assert_eq!(after([Action::Procs(9)]).procs, 8);
}

#[test]
fn run_during_a_run_restarts_the_worker_first() {
    let mut page = after([run()]);
    let effects = page.apply(run());
    assert_eq!(effects.first(), Some(&Effect::RestartWorker));
    assert!(matches!(effects.get(1), Some(Effect::Send(Request::Run(_)))));
}

#[test]
fn a_run_streams_output_then_reports_its_exit() {
    let page = after([
        run(),
        Action::Receive(Response::Status(Status::Running)),
        out("hello"),
        out(", world\n"),
        finished(Outcome::Exited, 0),
    ]);
    assert_eq!(page.status(), Status::Finished);
    assert_eq!(page.console_text(), "hello, world\nProgram exited.\n");
}

#[test]
fn a_note_after_unterminated_output_starts_a_new_line() {
    let page = after([run(), out("no newline"), finished(Outcome::Panic, 2)]);
    assert_eq!(page.status(), Status::Panic);
    assert_eq!(page.console_text(), "no newline\nProgram exited: status 2.\n");
}

#[test]
fn compile_errors_print_like_go_build_and_keep_their_positions() {
    let d = Diagnostic { line: 2, col: 1, start: 14, end: 18, message: "unexpected func".into() };
    let page = after([
        run(),
        Action::Receive(Response::Diagnostics(vec![d.clone()])),
        finished(Outcome::Error, 1),
    ]);
    assert_eq!(page.status(), Status::Error);
    assert_eq!(page.console_text(), "main.go:2:1: unexpected func\nGo build failed.\n");
    assert_eq!(page.diagnostics, vec![d]);
}

#[test]
fn stop_returns_a_spinning_run_to_idle_with_a_fresh_worker() {
    let mut page = after([run(), Action::Receive(Response::Status(Status::Running))]);
    assert_eq!(page.apply(Action::Stop), vec![Effect::RestartWorker]);
    assert_eq!(page.status(), Status::Idle);
    assert_eq!(page.console_text(), "Stopped.\n");
}

#[test]
fn stop_when_nothing_runs_changes_nothing() {
    let mut page = after([run(), finished(Outcome::Exited, 0)]);
    let before = page.console_text();
    assert_eq!(page.apply(Action::Stop), vec![]);
    assert_eq!((page.status(), page.console_text()), (Status::Finished, before));
}

#[test]
fn messages_from_an_abandoned_worker_are_ignored() {
    let mut page = after([run(), Action::Stop]);
    page.apply(out("late"));
    page.apply(batch(1, 3));
    page.apply(finished(Outcome::Exited, 0));
    assert_eq!((page.status(), page.console_text()), (Status::Idle, "Stopped.\n".to_string()));
    assert_eq!(page.recorded(), 0);
}

#[test]
fn a_new_run_clears_the_last_one() {
    let d = Diagnostic { line: 1, col: 1, start: 0, end: 1, message: "x".into() };
    let old = after([run(), batch(1, 2), Action::Receive(Response::Diagnostics(vec![d])), finished(Outcome::Error, 1)]);
    let old_recording = old.recording.clone();
    let mut page = old;
    page.apply(run());
    assert_eq!(page.status(), Status::Running);
    assert_eq!(page.console_text(), "");
    assert!(page.diagnostics.is_empty());
    assert_eq!((page.cursor, page.recorded()), (0, 0));
    assert!(!std::rc::Rc::ptr_eq(&old_recording, &page.recording), "a fresh recording per run");
}

#[test]
fn a_worker_fault_is_an_internal_error_and_restarts_the_worker() {
    let mut page = after([run()]);
    let effects = page.apply(Action::Receive(Response::Fault("internal error: panicked at x.rs:1".into())));
    assert_eq!(effects, vec![Effect::RestartWorker]);
    assert_eq!(page.status(), Status::Error);
    assert_eq!(
        page.console_text(),
        "internal error: panicked at x.rs:1\nA fresh worker has been started.\n"
    );
    assert!(!page.worker_ready, "the fresh worker is still loading");
    // The fresh worker serves the next run.
    page.apply(Action::Receive(Response::Ready));
    assert!(page.worker_ready);
    page.apply(run());
    page.apply(out("ok\n"));
    assert_eq!(page.console_text(), "ok\n");
}

#[test]
fn a_link_failure_restarts_the_worker_but_not_forever() {
    let mut page = Playground::new(4, 1);
    assert_eq!(page.apply(Action::LinkFailed("worker_loader.js: 404".into())), vec![Effect::RestartWorker]);
    assert_eq!(page.status(), Status::Error);
    assert!(page.console_text().starts_with("the worker failed: worker_loader.js: 404\n"));
    assert_eq!(page.apply(Action::LinkFailed("again".into())), vec![Effect::RestartWorker]);
    // Two fresh workers died before saying Ready: a third would too.
    assert_eq!(page.apply(Action::LinkFailed("again".into())), vec![]);
    assert!(page.console_text().ends_with("The worker cannot be started: reload the page.\n"));
    // A worker that became ready earns the restarts back.
    page.apply(Action::Receive(Response::Ready));
    assert_eq!(page.apply(Action::LinkFailed("later".into())), vec![Effect::RestartWorker]);
}

#[test]
fn a_notice_is_written_on_its_own_line_and_keeps_the_status() {
    let page = after([Action::Notice("This share link is broken.".into())]);
    assert_eq!(page.status(), Status::Idle);
    assert_eq!(page.console_text(), "This share link is broken.\n");
}

#[test]
fn live_playback_follows_the_newest_event() {
    let page = after([run(), batch(1, 3), batch(4, 2)]);
    assert_eq!(page.recorded(), 10);
    assert_eq!(page.cursor, 10);
    assert_eq!(page.revision, 3, "one bump for the run, one per batch");
}

#[test]
fn pause_holds_the_view_and_the_worker_and_resume_releases_both() {
    let mut page = after([run(), batch(1, 2)]);
    assert_eq!(page.apply(Action::TogglePause), vec![Effect::Send(Request::Pause)]);
    assert_eq!(page.status(), Status::Paused);
    // A slice already under way still arrives: recorded, not shown.
    page.apply(batch(3, 1));
    assert_eq!((page.cursor, page.recorded()), (4, 6));
    // The worker's own report of its state does not change what the page shows.
    page.apply(Action::Receive(Response::Status(Status::Paused)));
    assert_eq!(page.status(), Status::Paused);
    assert_eq!(page.apply(Action::TogglePause), vec![Effect::Send(Request::Resume)]);
    assert_eq!(page.status(), Status::Running);
    assert_eq!(page.cursor, 6, "live again: the view jumps to the newest event");
}

#[test]
fn step_moves_within_the_recording_when_behind_it() {
    let mut page = after([run(), batch(1, 3), Action::TogglePause, Action::Scrub(0)]);
    assert_eq!(page.cursor, 0);
    assert_eq!(page.apply(Action::Step), vec![]);
    assert_eq!(page.cursor, 1, "just after the first step event");
    page.apply(Action::Step);
    assert_eq!(page.cursor, 3, "the line event is passed over");
    page.apply(Action::StepBack);
    assert_eq!(page.cursor, 1);
    page.apply(Action::StepBack);
    assert_eq!(page.cursor, 0);
    page.apply(Action::StepBack);
    assert_eq!(page.cursor, 0, "nothing before the start");
}

#[test]
fn step_at_the_head_asks_the_worker_for_one_more_step() {
    let mut page = after([run(), batch(1, 2)]);
    // Stepping a live run pauses it; the worker runs to its next step event itself.
    assert_eq!(page.apply(Action::Step), vec![Effect::Send(Request::Step)]);
    assert_eq!(page.status(), Status::Paused);
    assert_eq!(page.cursor, 4);
    page.apply(batch(3, 1));
    assert_eq!(page.cursor, 5, "the worker's step is shown, its trailing line is not");
    assert_eq!(page.apply(Action::Step), vec![Effect::Send(Request::Step)]);
    assert_eq!(page.cursor, 6);
    // Resume after steps: the worker is released once.
    assert_eq!(page.apply(Action::TogglePause), vec![Effect::Send(Request::Resume)]);
}

#[test]
fn scrubbing_pauses_and_stays_within_the_recording() {
    let mut page = after([run(), batch(1, 5)]);
    assert_eq!(page.apply(Action::Scrub(3)), vec![Effect::Send(Request::Pause)]);
    assert_eq!((page.cursor, page.status()), (3, Status::Paused));
    page.apply(Action::Scrub(1000));
    assert_eq!(page.cursor, 10);
}

#[test]
fn a_finished_run_can_be_replayed_and_keeps_its_status() {
    let mut page = after([run(), batch(1, 3), finished(Outcome::Exited, 0)]);
    assert_eq!(page.apply(Action::Scrub(2)), vec![], "no worker to pause");
    assert_eq!(page.status(), Status::Finished);
    page.apply(Action::Step);
    assert_eq!(page.cursor, 3);
    page.apply(Action::Step);
    assert_eq!(page.cursor, 5);
    page.apply(Action::Step);
    assert_eq!(page.cursor, 6, "the last step reaches the end");
}

#[test]
fn a_finite_speed_plays_step_events_by_the_clock() {
    let mut page = after([run(), Action::Speed(2), batch(1, 20)]);
    assert_eq!(page.cursor, 0, "10 steps/s: nothing shown before the clock runs");
    page.apply(Action::Tick(1000.0));
    assert_eq!(page.cursor, 0, "the first tick only starts the clock");
    page.apply(Action::Tick(1100.0));
    assert_eq!(page.cursor, 1, "100 ms at 10 steps/s: one step");
    page.apply(Action::Tick(1300.0));
    assert_eq!(page.cursor, 5, "two more steps");
    page.apply(Action::Tick(11_300.0));
    assert_eq!(page.cursor, 9, "a long gap counts as at most 250 ms: two and a half steps");
    page.apply(Action::Speed(LIVE));
    assert_eq!(page.cursor, 40);
}

#[test]
fn a_finite_speed_runs_to_the_end_of_a_finished_run() {
    let mut page = after([run(), Action::Speed(5), batch(1, 3), finished(Outcome::Exited, 0)]);
    page.apply(Action::Tick(0.0));
    page.apply(Action::Tick(100.0));
    assert_eq!(page.cursor, 6, "trailing line events are shown once the run is over");
    assert!(!page.can_pause());
}

#[test]
fn slow_playback_holds_the_worker_back_and_releases_it_when_caught_up() {
    let mut page = after([run(), Action::Speed(0)]);
    let quarter = LAG_BOUND as u64 / 4;
    assert_eq!(page.apply(batch(1, quarter)), vec![], "two events per goroutine: at the bound");
    assert_eq!(page.apply(batch(quarter + 1, quarter + 1)), vec![Effect::Send(Request::Pause)]);
    assert_eq!(page.status(), Status::Running, "held back, not paused by the user");
    // Playback catches up (here by scrubbing, which pauses: the worker stays paused).
    page.apply(Action::Scrub(page.recorded()));
    assert_eq!(page.apply(Action::TogglePause), vec![Effect::Send(Request::Resume)]);
}

#[test]
fn a_worker_held_back_is_resumed_once_playback_is_within_half_the_bound() {
    let mut page = after([run(), Action::Speed(0)]);
    page.apply(batch(1, LAG_BOUND as u64));
    assert_eq!(page.apply(Action::Tick(0.0)), vec![]);
    // Live speed jumps to the head: the lag is gone.
    assert_eq!(page.apply(Action::Speed(LIVE)), vec![Effect::Send(Request::Resume)]);
}

#[test]
fn a_late_frame_holds_the_worker_back_for_one_frame_at_most() {
    let mut page = after([run(), batch(1, 2), Action::Tick(1000.0)]);
    assert_eq!(page.apply(Action::Tick(1016.0)), vec![]);
    let late = 1016.0 + OVERLOAD_MS + 1.0;
    assert_eq!(page.apply(Action::Tick(late)), vec![Effect::Send(Request::Pause)]);
    assert_eq!(page.status(), Status::Running, "held back, not paused by the user");
    // Even a page that stays slow lets the worker run every other frame.
    assert_eq!(page.apply(Action::Tick(late + 2.0 * OVERLOAD_MS)), vec![Effect::Send(Request::Resume)]);
    assert_eq!(page.apply(Action::Tick(late + 4.0 * OVERLOAD_MS)), vec![Effect::Send(Request::Pause)]);
    assert_eq!(page.apply(Action::Tick(late + 4.0 * OVERLOAD_MS + 16.0)), vec![Effect::Send(Request::Resume)]);
    assert_eq!(page.apply(Action::Tick(late + 4.0 * OVERLOAD_MS + 32.0)), vec![]);
}

#[test]
fn the_gutter_marks_each_live_goroutine_line_and_the_selected_one() {
    let mut page = after([run(), batch(1, 2)]);
    page.apply(Action::Receive(Response::Events(vec![line(1, 3), Event { t: 0, kind: EventKind::GoStart { p: 0, g: 1 } }])));
    page.apply(Action::Select(Some(2)));
    let cursor = page.cursor;
    let marks = {
        let mut recording = page.recording.borrow_mut();
        line_marks(recording.seek(cursor), page.selected)
    };
    assert_eq!(marks.len(), 2);
    assert_eq!((marks[0].line, &marks[0].goroutines, marks[0].selected), (3, &vec![1], false));
    assert_eq!((marks[1].line, &marks[1].goroutines, marks[1].selected), (8, &vec![2], true));
    assert_eq!(marks[1].label(), "G2");
}

#[test]
fn a_crowded_line_names_two_goroutines_and_counts_the_rest() {
    let page = after([run(), batch(1, 5)]);
    let marks = line_marks(page.recording.borrow_mut().seek(page.cursor), Some(4));
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].label(), "G1 G2 +3");
    assert!(marks[0].selected);
}

fn output_event(text: &str) -> Event {
    Event { t: 0, kind: EventKind::Output { stream: goroscope_trace::Stream::Stdout, text: text.into() } }
}

#[test]
fn the_console_shows_what_was_printed_by_the_position_shown() {
    let mut page = after([run(), out("one\n"), out("two\n")]);
    page.apply(Action::Receive(Response::Events(vec![
        create(1, 3),
        output_event("one\n"),
        create(2, 4),
        output_event("two\n"),
    ])));
    page.apply(finished(Outcome::Exited, 0));
    let all = page.console_at_cursor();
    assert_eq!(all, vec![(Source::Program(Stream::Stdout), "one\ntwo\n", true), (Source::Playground, "Program exited.\n", true)]);
    page.apply(Action::Scrub(2));
    assert_eq!(
        page.console_at_cursor(),
        vec![
            (Source::Program(Stream::Stdout), "one\n", true),
            (Source::Program(Stream::Stdout), "two\n", false),
            (Source::Playground, "Program exited.\n", false),
        ]
    );
    page.apply(Action::Scrub(0));
    assert!(page.console_at_cursor().iter().all(|&(_, _, written)| !written));
    assert_eq!(page.console_text(), "one\ntwo\nProgram exited.\n", "the text itself stays whole");
}

#[test]
fn stats_come_from_the_worker() {
    let stats = Stats { instructions: 5, virtual_ns: 1_500_000, goroutines: 3, events: 9 };
    let page = after([run(), Action::Receive(Response::Stats(stats))]);
    assert_eq!(page.stats, stats);
}

#[test]
fn the_status_bar_words() {
    assert_eq!(format_virtual(0), "0s");
    assert_eq!(format_virtual(999), "999ns");
    assert_eq!(format_virtual(1_500_000), "1.5ms");
    assert_eq!(format_virtual(2_000_000_000), "2s");
    assert_eq!(format_virtual(123_400_000), "123ms");
    assert_eq!(speed_label(0), "1 step/s");
    assert_eq!(speed_label(2), "10 steps/s");
    assert_eq!(speed_label(LIVE), "live");
}
