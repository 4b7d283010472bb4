//! The embed's postMessage API: which messages are commands, and what the host is told.

use goroscope_protocol::{Outcome, Response, Stream};
use goroscope_web::embed_api::{Command, Reporter, ready, views_open};
use goroscope_web::model::{Action, Playground};
use serde_json::{Value, json};

#[test]
fn the_three_commands_parse() {
    assert_eq!(
        Command::parse(&json!({"goroscope": 1, "type": "run"})),
        Some(Command::Run)
    );
    assert_eq!(
        Command::parse(&json!({"goroscope": 1, "type": "stop"})),
        Some(Command::Stop)
    );
    assert_eq!(
        Command::parse(
            &json!({"goroscope": 1, "type": "setCode", "code": "package main", "procs": 2, "seed": "18446744073709551615"})
        ),
        Some(Command::SetCode {
            code: "package main".into(),
            procs: Some(2),
            seed: Some(u64::MAX)
        })
    );
    assert_eq!(
        Command::parse(
            &json!({"goroscope": 1, "type": "setCode", "code": "", "seed": 7, "extra": true})
        ),
        Some(Command::SetCode {
            code: String::new(),
            procs: None,
            seed: Some(7)
        })
    );
}

#[test]
fn anything_else_is_ignored() {
    for message in [
        json!(null),
        json!("run"),
        json!([1, "run"]),
        json!({"type": "run"}),
        json!({"goroscope": 2, "type": "run"}),
        json!({"goroscope": "1", "type": "run"}),
        json!({"goroscope": 1, "type": "Run"}),
        json!({"goroscope": 1, "type": "eval", "code": "x"}),
        json!({"goroscope": 1, "type": "setCode"}),
        json!({"goroscope": 1, "type": "setCode", "code": 42}),
        json!({"goroscope": 1, "type": "setCode", "code": "x", "procs": 0}),
        json!({"goroscope": 1, "type": "setCode", "code": "x", "procs": 9}),
        json!({"goroscope": 1, "type": "setCode", "code": "x", "procs": 2.5}),
        json!({"goroscope": 1, "type": "setCode", "code": "x", "seed": -1}),
        json!({"goroscope": 1, "type": "setCode", "code": "x", "seed": "abc"}),
        json!({"goroscope": 1, "type": "setCode", "code": "a".repeat((1 << 20) + 1)}),
    ] {
        assert_eq!(Command::parse(&message), None, "{message}");
    }
}

fn kinds(reports: &[Value]) -> Vec<&str> {
    reports
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect()
}

#[test]
fn every_output_chunk_and_status_is_reported_once_in_order() {
    let mut playground = Playground::new(4, 1);
    let mut reporter = Reporter::default();
    assert_eq!(
        reporter.changes(&playground),
        vec![json!({"goroscope": 1, "type": "status", "status": "idle", "done": true})]
    );
    assert_eq!(reporter.changes(&playground), Vec::<Value>::new());

    reporter.run_started();
    playground.apply(Action::Run("package main".into()));
    playground.apply(Action::Receive(Response::Output {
        stream: Stream::Stdout,
        text: "<b>hi</b>\n".into(),
    }));
    let reports = reporter.changes(&playground);
    assert_eq!(kinds(&reports), ["output", "status"]);
    assert_eq!(
        reports[0],
        json!({"goroscope": 1, "type": "output", "stream": "stdout", "text": "<b>hi</b>\n"})
    );
    assert_eq!(reports[1]["status"], "running");
    assert_eq!(reports[1]["done"], false);

    playground.apply(Action::Receive(Response::Output {
        stream: Stream::Stderr,
        text: "oops\n".into(),
    }));
    playground.apply(Action::Receive(Response::Finished {
        outcome: Outcome::Exited,
        exit_code: 0,
    }));
    let reports = reporter.changes(&playground);
    assert_eq!(kinds(&reports), ["output", "output", "status"]);
    assert_eq!(reports[0]["stream"], "stderr");
    assert_eq!(
        reports[1],
        json!({"goroscope": 1, "type": "output", "stream": "playground", "text": "Program exited.\n"})
    );
    assert_eq!(
        reports[2],
        json!({"goroscope": 1, "type": "status", "status": "finished", "done": true})
    );

    // A second run whose output outgrows the first's before the reporter looks again.
    reporter.run_started();
    playground.apply(Action::Run("package main".into()));
    for i in 0..5 {
        playground.apply(Action::Receive(Response::Output {
            stream: Stream::Stdout,
            text: format!("{i}\n"),
        }));
    }
    let texts: Vec<_> = reporter
        .changes(&playground)
        .into_iter()
        .filter(|r| r["type"] == "output")
        .map(|r| r["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.concat(), "0\n1\n2\n3\n4\n");

    // Output the model appends to a chunk already reported is reported, once.
    playground.apply(Action::Receive(Response::Output {
        stream: Stream::Stdout,
        text: "5\n".into(),
    }));
    let reports = reporter.changes(&playground);
    assert_eq!(kinds(&reports), ["output"]);
    assert_eq!(reports[0]["text"], "5\n");
    assert_eq!(reporter.changes(&playground), Vec::<Value>::new());
}

#[test]
fn height_is_reported_when_it_changes() {
    let mut reporter = Reporter::default();
    assert_eq!(
        reporter.height(300),
        Some(json!({"goroscope": 1, "type": "height", "height": 300}))
    );
    assert_eq!(reporter.height(300), None);
    assert!(reporter.height(320).is_some());
    assert_eq!(ready(), json!({"goroscope": 1, "type": "ready"}));
}

#[test]
fn views_start_open_only_when_the_fragment_says_so() {
    assert!(views_open("#code=abc&procs=2&views=open"));
    assert!(views_open("views=open&code=abc"));
    assert!(!views_open("#code=abc&views=closed"));
    assert!(!views_open("#code=abc&xviews=open"));
    assert!(!views_open(""));
}

#[test]
fn a_quick_run_that_ends_as_the_last_one_did_is_still_reported() {
    let mut playground = Playground::new(4, 1);
    let mut reporter = Reporter::default();
    for _ in 0..2 {
        reporter.run_started();
        playground.apply(Action::Run("package main".into()));
        playground.apply(Action::Receive(Response::Finished {
            outcome: Outcome::Exited,
            exit_code: 0,
        }));
        // The reporter looks only now: the status went finished → running → finished.
        let reports = reporter.changes(&playground);
        assert_eq!(
            reports.last(),
            Some(&json!({"goroscope": 1, "type": "status", "status": "finished", "done": true}))
        );
    }
}
