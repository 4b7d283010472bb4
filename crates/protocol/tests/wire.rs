//! The wire contract: every message survives a round trip, and foreign versions or junk
//! are refused with an error, never a panic or a misread.

use goroscope_protocol::{
    Diagnostic, Event, Outcome, PROTOCOL_VERSION, Request, Response, RunConfig, Stats, Status,
    Stream, WireError, decode, encode,
};
use goroscope_trace::{EventKind, Obj, Queue};

fn round_trip<T>(msg: T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = encode(&msg);
    assert_eq!(decode::<T>(&text), Ok(msg), "{text}");
}

#[test]
fn requests_round_trip() {
    round_trip(Request::Run(RunConfig {
        code: "package main\n\nfunc main() {\n\tprintln(\"héllo\")\n}\n".into(),
        procs: 4,
        seed: u64::MAX,
    }));
    round_trip(Request::Pause);
    round_trip(Request::Resume);
    round_trip(Request::Step);
}

#[test]
fn responses_round_trip() {
    round_trip(Response::Ready);
    round_trip(Response::Status(Status::Running));
    round_trip(Response::Output {
        stream: Stream::Stderr,
        text: "a\nb".into(),
    });
    round_trip(Response::Diagnostics(vec![Diagnostic {
        line: 3,
        col: 7,
        start: 20,
        end: 21,
        message: "unexpected }".into(),
    }]));
    round_trip(Response::Finished {
        outcome: Outcome::Deadlock,
        exit_code: 2,
    });
    round_trip(Response::Fault("boom".into()));
    round_trip(Response::Note("parsed".into()));
    round_trip(Response::Stats(Stats {
        instructions: 1_000_000,
        virtual_ns: 12_345,
        goroutines: 3,
        events: 40,
    }));
    round_trip(Response::Events(vec![
        Event {
            t: 0,
            kind: EventKind::GoCreate {
                g: 2,
                parent: Some(1),
                p: 0,
                func: Some("main.worker".into()),
                line: Some(9),
                queue: Queue::Runnext,
            },
        },
        Event {
            t: 250,
            kind: EventKind::GoPark {
                g: 1,
                p: 0,
                reason: "chan receive".into(),
                object: Some(Obj::Chan(0)),
            },
        },
    ]));
}

#[test]
fn envelope_names_the_version() {
    let text = encode(&Response::Ready);
    assert_eq!(
        text,
        format!("{{\"v\":{PROTOCOL_VERSION},\"msg\":\"Ready\"}}")
    );
}

#[test]
fn another_version_is_refused_before_the_message_is_read() {
    let text = format!(
        "{{\"v\":{},\"msg\":{{\"NoSuchVariant\":1}}}}",
        PROTOCOL_VERSION + 1
    );
    assert_eq!(
        decode::<Request>(&text),
        Err(WireError::Version {
            found: PROTOCOL_VERSION + 1
        })
    );
}

#[test]
fn junk_is_malformed() {
    let unknown_variant = format!("{{\"v\":{PROTOCOL_VERSION},\"msg\":\"Nope\"}}");
    for junk in [
        "",
        "null",
        "{\"msg\":\"Ready\"}",
        unknown_variant.as_str(),
        "{\"v\":-1}",
    ] {
        assert!(
            matches!(decode::<Request>(junk), Err(WireError::Malformed(_))),
            "{junk:?}"
        );
    }
}

#[test]
fn status_words_are_the_page_contract() {
    let words: Vec<&str> = [
        Status::Idle,
        Status::Running,
        Status::Paused,
        Status::Finished,
        Status::Deadlock,
        Status::Panic,
        Status::Error,
    ]
    .into_iter()
    .map(Status::as_str)
    .collect();
    assert_eq!(
        words,
        [
            "idle", "running", "paused", "finished", "deadlock", "panic", "error"
        ]
    );
}

#[test]
fn outcomes_map_to_final_statuses() {
    assert_eq!(Status::from(Outcome::Exited), Status::Finished);
    assert_eq!(Status::from(Outcome::Deadlock), Status::Deadlock);
    assert_eq!(Status::from(Outcome::Panic), Status::Panic);
    assert_eq!(Status::from(Outcome::Error), Status::Error);
    assert_eq!(Status::from(Outcome::Limit), Status::Error);
}

#[test]
fn diagnostics_print_like_go_build() {
    let d = Diagnostic {
        line: 4,
        col: 2,
        start: 30,
        end: 31,
        message: "undefined: x".into(),
    };
    assert_eq!(d.to_string(), "main.go:4:2: undefined: x");
}
