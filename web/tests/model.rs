//! The page's state machine, natively: what the status line and the console show after
//! each button press and worker message.

use goroscope_protocol::{Diagnostic, Outcome, Response, Status, Stream};
use goroscope_web::model::{Action, Playground};

fn after(actions: impl IntoIterator<Item = Action>) -> Playground {
    let mut page = Playground::default();
    for action in actions {
        page.apply(action);
    }
    page
}

fn out(text: &str) -> Action {
    Action::Receive(Response::Output {
        stream: Stream::Stdout,
        text: text.into(),
    })
}

#[test]
fn a_fresh_page_is_idle_and_empty() {
    let page = Playground::default();
    assert_eq!(page.status, Status::Idle);
    assert_eq!(page.console_text(), "");
}

#[test]
fn a_run_streams_output_then_reports_its_exit() {
    let page = after([
        Action::Run,
        Action::Receive(Response::Status(Status::Running)),
        out("hello"),
        out(", world\n"),
        Action::Receive(Response::Finished {
            outcome: Outcome::Exited,
            exit_code: 0,
        }),
    ]);
    assert_eq!(page.status, Status::Finished);
    assert_eq!(page.console_text(), "hello, world\nProgram exited.\n");
}

#[test]
fn a_note_after_unterminated_output_starts_a_new_line() {
    let page = after([
        Action::Run,
        out("no newline"),
        Action::Receive(Response::Finished {
            outcome: Outcome::Panic,
            exit_code: 2,
        }),
    ]);
    assert_eq!(page.status, Status::Panic);
    assert_eq!(
        page.console_text(),
        "no newline\nProgram exited: status 2.\n"
    );
}

#[test]
fn compile_errors_print_like_go_build_and_keep_their_positions() {
    let d = Diagnostic {
        line: 2,
        col: 1,
        start: 14,
        end: 18,
        message: "unexpected func".into(),
    };
    let page = after([
        Action::Run,
        Action::Receive(Response::Diagnostics(vec![d.clone()])),
        Action::Receive(Response::Finished {
            outcome: Outcome::Error,
            exit_code: 1,
        }),
    ]);
    assert_eq!(page.status, Status::Error);
    assert_eq!(
        page.console_text(),
        "main.go:2:1: unexpected func\nGo build failed.\n"
    );
    assert_eq!(page.diagnostics, vec![d]);
}

#[test]
fn stop_returns_a_spinning_run_to_idle() {
    let page = after([
        Action::Run,
        Action::Receive(Response::Status(Status::Running)),
        Action::Stop,
    ]);
    assert_eq!(page.status, Status::Idle);
    assert_eq!(page.console_text(), "Stopped.\n");
}

#[test]
fn stop_when_nothing_runs_changes_nothing() {
    let finished = after([
        Action::Run,
        Action::Receive(Response::Finished {
            outcome: Outcome::Exited,
            exit_code: 0,
        }),
    ]);
    let mut page = finished.clone();
    page.apply(Action::Stop);
    assert_eq!(page, finished);
}

#[test]
fn messages_from_an_abandoned_worker_are_ignored() {
    let stopped = after([Action::Run, Action::Stop]);
    let mut page = stopped.clone();
    page.apply(out("late"));
    page.apply(Action::Receive(Response::Finished {
        outcome: Outcome::Exited,
        exit_code: 0,
    }));
    assert_eq!(page, stopped);
}

#[test]
fn a_new_run_clears_the_last_one() {
    let d = Diagnostic {
        line: 1,
        col: 1,
        start: 0,
        end: 1,
        message: "x".into(),
    };
    let page = after([
        Action::Run,
        Action::Receive(Response::Diagnostics(vec![d])),
        Action::Receive(Response::Finished {
            outcome: Outcome::Error,
            exit_code: 1,
        }),
        Action::Run,
    ]);
    assert_eq!(page.status, Status::Running);
    assert_eq!(page.console_text(), "");
    assert!(page.diagnostics.is_empty());
}

#[test]
fn worker_faults_and_link_failures_end_the_run_with_an_error() {
    let page = after([
        Action::Run,
        Action::Receive(Response::Fault("bad request".into())),
    ]);
    assert_eq!(page.status, Status::Error);
    assert_eq!(page.console_text(), "The worker failed: bad request\n");

    let page = after([Action::LinkFailed("worker_loader.js: 404".into())]);
    assert_eq!(page.status, Status::Error);
}

#[test]
fn a_notice_is_written_on_its_own_line_and_keeps_the_status() {
    let page = after([Action::Notice("This share link is broken.".into())]);
    assert_eq!(page.status, Status::Idle);
    assert_eq!(page.console_text(), "This share link is broken.\n");
}
