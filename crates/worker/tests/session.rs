//! The worker's logic, natively: what a request makes it answer, slice by slice.

use goroscope_protocol::{Outcome, PROTOCOL_VERSION, Request, Response, RunConfig, Status, Stream, encode};
use goroscope_worker::Session;

fn run(code: &str) -> String {
    encode(&Request::Run(RunConfig { code: code.into(), procs: 4, seed: 1 }))
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

/// The program's stdout in the responses, concatenated.
fn stdout(out: &[Response]) -> String {
    out.iter()
        .filter_map(|r| match r {
            Response::Output { stream: Stream::Stdout, text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

const HELLO: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n";

#[test]
fn a_program_runs_on_the_machine_and_its_output_streams_back() {
    let mut session = Session::new();
    let out = answer(&mut session, &run(HELLO), 10);
    assert_eq!(out[0], Response::Status(Status::Running));
    assert_eq!(stdout(&out), "hi\n");
    assert_eq!(out.last(), Some(&Response::Finished { outcome: Outcome::Exited, exit_code: 0 }));
    assert!(!session.is_busy());
}

#[test]
fn goroutines_and_channels_run_in_the_worker() {
    let code = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tfor i := range 3 {\n\t\t\tch <- i\n\t\t}\n\t\tclose(ch)\n\t}()\n\tfor v := range ch {\n\t\tfmt.Println(v)\n\t}\n}\n";
    let out = answer(&mut Session::new(), &run(code), 100);
    assert_eq!(stdout(&out), "0\n1\n2\n");
}

#[test]
fn a_deadlock_ends_with_go_s_report_and_the_deadlock_outcome() {
    let code = "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n";
    let out = answer(&mut Session::new(), &run(code), 100);
    let stderr: String = out
        .iter()
        .filter_map(|r| match r {
            Response::Output { stream: Stream::Stderr, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(stderr.starts_with("fatal error: all goroutines are asleep - deadlock!"), "{stderr}");
    assert_eq!(out.last(), Some(&Response::Finished { outcome: Outcome::Deadlock, exit_code: 2 }));
}

#[test]
fn a_panic_ends_with_the_panic_outcome() {
    let code = "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n";
    let out = answer(&mut Session::new(), &run(code), 100);
    assert_eq!(out.last(), Some(&Response::Finished { outcome: Outcome::Panic, exit_code: 2 }));
}

#[test]
fn compile_errors_come_back_positioned_and_fail_the_build() {
    let mut session = Session::new();
    let code = "package main\n\nvar s = \"open\n";
    let out = answer(&mut session, &run(code), 10);
    let Some(Response::Diagnostics(diagnostics)) = out.get(1) else { panic!("{out:?}") };
    let first = &diagnostics[0];
    // gc reports an unterminated string where the line ends.
    assert_eq!(first.message, "newline in string");
    assert_eq!((first.line, first.col), (3, 14), "{first:?}");
    assert_eq!(first.start as usize, code.len() - 1);
    assert_eq!(out.last(), Some(&Response::Finished { outcome: Outcome::Error, exit_code: 1 }));

    let typed = "package main\n\nfunc main() {\n\tx := 1\n}\n";
    let out = answer(&mut session, &run(typed), 10);
    let Some(Response::Diagnostics(diagnostics)) = out.get(1) else { panic!("{out:?}") };
    assert_eq!(diagnostics[0].to_string(), "main.go:4:2: declared and not used: x");
}

#[test]
fn a_spinning_program_keeps_the_worker_busy_slice_after_slice() {
    let mut session = Session::new();
    let out = answer(&mut session, &run("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"), 5);
    assert_eq!(out, vec![Response::Status(Status::Running)]);
    assert!(session.is_busy(), "a `for {{}}` run never finishes on its own: only Stop ends it");
}

#[test]
fn a_session_serves_one_run_after_another() {
    let mut session = Session::new();
    for _ in 0..3 {
        let out = answer(&mut session, &run(HELLO), 10);
        assert!(matches!(out.last(), Some(Response::Finished { .. })), "{out:?}");
    }
}

#[test]
fn a_request_while_busy_is_refused_and_the_run_goes_on() {
    let mut session = Session::new();
    session.receive(&run("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"));
    let out = session.receive(&run(HELLO));
    assert!(matches!(out.as_slice(), [Response::Fault(_)]), "{out:?}");
    assert!(session.is_busy());
}

#[test]
fn junk_and_foreign_versions_are_faults_not_panics() {
    let mut session = Session::new();
    let foreign = format!("{{\"v\":{},\"msg\":\"Ready\"}}", PROTOCOL_VERSION + 1);
    for text in ["", "not json", "{\"v\":1}", foreign.as_str()] {
        let out = session.receive(text);
        assert!(matches!(out.as_slice(), [Response::Fault(_)]), "{text:?}: {out:?}");
        assert!(!session.is_busy());
    }
    assert!(session.slice().is_empty(), "an idle session's slice says nothing");
}
