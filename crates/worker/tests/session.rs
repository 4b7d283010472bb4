//! The worker's logic, natively: what a request makes it answer, slice by slice.

use goroscope_protocol::{
    Event, Outcome, PROTOCOL_VERSION, Request, Response, RunConfig, Status, Stream, encode,
};
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

/// The program's stdout in the responses, concatenated.
fn stdout(out: &[Response]) -> String {
    out.iter()
        .filter_map(|r| match r {
            Response::Output {
                stream: Stream::Stdout,
                text,
            } => Some(text.as_str()),
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
    assert_eq!(
        out.last(),
        Some(&Response::Finished {
            outcome: Outcome::Exited,
            exit_code: 0
        })
    );
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
            Response::Output {
                stream: Stream::Stderr,
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        stderr.starts_with("fatal error: all goroutines are asleep - deadlock!"),
        "{stderr}"
    );
    assert_eq!(
        out.last(),
        Some(&Response::Finished {
            outcome: Outcome::Deadlock,
            exit_code: 2
        })
    );
}

#[test]
fn a_panic_ends_with_the_panic_outcome() {
    let code = "package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n";
    let out = answer(&mut Session::new(), &run(code), 100);
    assert_eq!(
        out.last(),
        Some(&Response::Finished {
            outcome: Outcome::Panic,
            exit_code: 2
        })
    );
}

#[test]
fn compile_errors_come_back_positioned_and_fail_the_build() {
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

    let typed = "package main\n\nfunc main() {\n\tx := 1\n}\n";
    let out = answer(&mut session, &run(typed), 10);
    let Some(Response::Diagnostics(diagnostics)) = out.get(1) else {
        panic!("{out:?}")
    };
    assert_eq!(
        diagnostics[0].to_string(),
        "main.go:4:2: declared and not used: x"
    );
}

#[test]
fn a_spinning_program_keeps_the_worker_busy_slice_after_slice() {
    let mut session = Session::new();
    let out = answer(&mut session, &run(SPIN), 5);
    let said: Vec<_> = out
        .iter()
        .filter(|r| !matches!(r, Response::Events(_) | Response::Stats(_)))
        .collect();
    assert_eq!(said, vec![&Response::Status(Status::Running)]);
    assert!(
        session.is_busy(),
        "a `for {{}}` run never finishes on its own: only Stop ends it"
    );
}

const SPIN: &str = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";

/// Every event of the responses, in order.
fn events(out: &[Response]) -> Vec<Event> {
    out.iter()
        .filter_map(|r| match r {
            Response::Events(batch) => Some(batch.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

const PING: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 1)\n\tgo func() {\n\t\tch <- 7\n\t}()\n\tfmt.Println(<-ch)\n}\n";

#[test]
fn the_event_stream_is_the_machines_whole_trace_and_replays_to_its_end() {
    let mut session = Session::new();
    let out = answer(&mut session, &run(PING), 10);
    let events = events(&out);
    let end = goroscope_trace::replay(&events, events.len());
    assert_eq!(end.stdout, "7\n");
    assert_eq!(end.chans.len(), 1);
    assert_eq!(end.ending, Some(goroscope_trace::Ending::Exit { code: 0 }));
    let Some(Response::Stats(stats)) = out.iter().rev().find(|r| matches!(r, Response::Stats(_)))
    else {
        panic!("no stats: {out:?}")
    };
    assert_eq!(stats.events, events.len() as u64);
    assert!(stats.instructions > 0);
}

#[test]
fn pause_stops_the_slices_and_resume_goes_on() {
    let mut session = Session::new();
    answer(&mut session, &run(SPIN), 2);
    assert_eq!(
        session.receive(&encode(&Request::Pause)),
        vec![Response::Status(Status::Paused)]
    );
    assert!(!session.is_busy());
    assert!(session.slice().is_empty(), "a paused run does no work");
    assert_eq!(
        session.receive(&encode(&Request::Pause)),
        vec![],
        "pausing twice says nothing"
    );
    assert_eq!(
        session.receive(&encode(&Request::Resume)),
        vec![Response::Status(Status::Running)]
    );
    assert!(session.is_busy());
}

#[test]
fn step_runs_to_the_next_scheduler_event_then_pauses() {
    let mut session = Session::new();
    session.receive(&run(PING));
    session.receive(&encode(&Request::Step));
    let mut out = Vec::new();
    for _ in 0..10 {
        if !session.is_busy() {
            break;
        }
        out.extend(session.slice());
    }
    assert_eq!(
        out.last(),
        Some(&Response::Status(Status::Paused)),
        "{out:?}"
    );
    let events = events(&out);
    assert!(
        events.iter().any(goroscope_worker::job::is_scheduler_event),
        "{events:?}"
    );
    assert!(
        !out.iter().any(|r| matches!(r, Response::Finished { .. })),
        "one step does not finish the run"
    );

    // Stepping on to the end: every step is a few events, never the whole run at once.
    let mut steps = 1;
    while !out.iter().any(|r| matches!(r, Response::Finished { .. })) && steps < 1000 {
        session.receive(&encode(&Request::Step));
        while session.is_busy() {
            out.extend(session.slice());
        }
        steps += 1;
    }
    assert_eq!(stdout(&out), "7\n");
    let total = scheduler_events(&out);
    assert!(
        steps > 2 && total / steps < 10,
        "{total} events in {steps} steps"
    );
}

/// The number of scheduler events in the responses.
fn scheduler_events(out: &[Response]) -> usize {
    events(out)
        .iter()
        .filter(|e| goroscope_worker::job::is_scheduler_event(e))
        .count()
}

#[test]
fn control_requests_without_a_run_are_ignored() {
    let mut session = Session::new();
    for request in [Request::Pause, Request::Resume, Request::Step] {
        assert_eq!(session.receive(&encode(&request)), vec![]);
        assert!(!session.is_busy());
    }
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

/// The whole trace of `code` as the machine records it running on its own, in the CLI's
/// slices.
fn machine_trace(code: &str, procs: usize, seed: u64) -> Vec<Event> {
    let program = goroscope_worker::front_end::compile(code).expect("example compiles");
    let config = goroscope_runtime::Config {
        procs,
        seed,
        record_events: true,
        ..Default::default()
    };
    let mut machine = goroscope_runtime::Machine::new(program, config).expect("loads");
    machine.run();
    machine.take_events()
}

/// Runs `code` in the session, stepping (Step after Step) or running, to its end.
fn session_trace(code: &str, procs: u8, seed: u64, stepping: bool) -> Vec<Event> {
    let mut session = Session::new();
    let mut out = session.receive(&encode(&Request::Run(RunConfig {
        code: code.into(),
        procs,
        seed,
    })));
    while !out.iter().any(|r| matches!(r, Response::Finished { .. })) {
        if stepping && !session.is_busy() {
            out.extend(session.receive(&encode(&Request::Step)));
        }
        out.extend(session.slice());
    }
    events(&out)
}

#[test]
fn slicing_and_stepping_never_change_the_run() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for (name, procs) in [
        ("work_stealing.go", 4),
        ("preemption.go", 2),
        ("fan_in_select.go", 8),
    ] {
        let code = std::fs::read_to_string(root.join(name)).expect("example exists");
        let expected = machine_trace(&code, usize::from(procs), 3);
        assert_same_trace(
            &session_trace(&code, procs, 3, false),
            &expected,
            &format!("{name} run in slices"),
        );
        if expected.len() < 10_000 {
            assert_same_trace(
                &session_trace(&code, procs, 3, true),
                &expected,
                &format!("{name} stepped"),
            );
        }
    }
}

/// Fails at the first event where `got` and `want` part, showing the events around it.
fn assert_same_trace(got: &[Event], want: &[Event], what: &str) {
    let first = got
        .iter()
        .zip(want)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let around = first.saturating_sub(3)..first + 3;
    assert!(
        got.len() == want.len() && first == got.len(),
        "{what}: traces part at event {first} (lengths {} and {}):\n got {:#?}\nwant {:#?}",
        got.len(),
        want.len(),
        got.get(around.start..around.end.min(got.len())),
        want.get(around.start..around.end.min(want.len())),
    );
}

#[test]
fn the_warm_up_program_compiles_and_runs_to_a_clean_end() {
    assert!(goroscope_worker::warm_up::run());
    // And prints what real Go prints for it (go1.27.3), so it exercises what a real
    // program does rather than stopping at an error.
    let out = stdout(&answer(
        &mut Session::new(),
        &run(goroscope_worker::warm_up::PROGRAM),
        100,
    ));
    assert!(out.ends_with("3 workers; 42ms\n"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("worker ")).count(),
        8,
        "{out}"
    );
}
