//! The worker's logic, natively: what a request makes it answer, slice by slice.

use goroscope_protocol::{Outcome, PROTOCOL_VERSION, Request, Response, RunConfig, Status, encode};
use goroscope_worker::Session;

fn run(code: &str) -> String {
    encode(&Request::Run(RunConfig {
        code: code.into(),
        procs: 4,
        seed: 1,
    }))
}

/// Feeds `request`, then slices until the job is done (at most `max_slices`).
fn answer(session: &mut Session, request: &str, max_slices: usize) -> Vec<Response> {
    let mut out = session.receive(request);
    for _ in 0..max_slices {
        if !session.is_busy() {
            break;
        }
        out.extend(session.slice());
    }
    out
}

const HELLO: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n";

#[test]
fn a_clean_program_is_parsed_and_reported_as_not_executed() {
    let mut session = Session::new();
    let out = answer(&mut session, &run(HELLO), 10);
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0], Response::Status(Status::Running));
    let Response::Note(note) = &out[1] else {
        panic!("{out:?}")
    };
    assert!(
        note.contains("package main with 1 import and 1 declaration"),
        "{note}"
    );
    assert!(note.contains("nothing was executed"), "{note}");
    assert_eq!(
        out[2],
        Response::Finished {
            outcome: Outcome::Checked,
            exit_code: 0
        }
    );
    assert!(!session.is_busy());
}

#[test]
fn syntax_errors_come_back_positioned_and_fail_the_build() {
    let mut session = Session::new();
    let code = "package main\n\nvar s = \"open\n";
    let out = answer(&mut session, &run(code), 10);
    let Some(Response::Diagnostics(diagnostics)) = out.get(1) else {
        panic!("{out:?}")
    };
    let first = &diagnostics[0];
    // gc reports an unterminated string where the line ends.
    assert_eq!(first.message, "newline in string");
    assert_eq!((first.line, first.col), (3, 14), "{first:?}");
    assert_eq!(first.start as usize, code.len() - 1);
    assert_eq!(
        out.last(),
        Some(&Response::Finished {
            outcome: Outcome::Error,
            exit_code: 1
        })
    );
}

#[test]
fn a_session_serves_one_run_after_another() {
    let mut session = Session::new();
    for _ in 0..3 {
        let out = answer(&mut session, &run(HELLO), 10);
        assert!(
            matches!(out.last(), Some(Response::Finished { .. })),
            "{out:?}"
        );
    }
}

#[test]
fn spin_keeps_the_worker_busy_slice_after_slice() {
    let mut session = Session::new();
    let out = answer(&mut session, &encode(&Request::Spin), 5);
    assert_eq!(out, vec![Response::Status(Status::Running)]);
    assert!(session.is_busy());
}

#[test]
fn a_request_while_busy_is_refused_and_the_run_goes_on() {
    let mut session = Session::new();
    session.receive(&encode(&Request::Spin));
    let out = session.receive(&run(HELLO));
    assert!(matches!(out.as_slice(), [Response::Fault(_)]), "{out:?}");
    assert!(session.is_busy());
}

#[test]
fn junk_and_foreign_versions_are_faults_not_panics() {
    let mut session = Session::new();
    let foreign = format!("{{\"v\":{},\"msg\":\"Spin\"}}", PROTOCOL_VERSION + 1);
    for text in ["", "not json", "{\"v\":1}", foreign.as_str()] {
        let out = session.receive(text);
        assert!(
            matches!(out.as_slice(), [Response::Fault(_)]),
            "{text:?}: {out:?}"
        );
        assert!(!session.is_busy());
    }
    assert!(
        session.slice().is_empty(),
        "an idle session's slice says nothing"
    );
}
