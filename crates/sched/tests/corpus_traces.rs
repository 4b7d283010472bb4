//! The exact GOMAXPROCS(1) traces of the corpus (tests/corpus, recorded from real Go),
//! replayed as scripts: each starts under 4 Ps, calls GOMAXPROCS(1) and Gosched as the
//! Go programs do, and must log in Go's order.

mod common;

use Op::*;
use common::*;

fn strip(log: &[String]) -> Vec<String> {
    log.iter()
        .map(|l| l.split_once(' ').map_or(l.clone(), |(_, t)| t.to_string()))
        .collect()
}

/// The program's lines from a channel trace: the receiver G2's `recv v true` is the
/// program's `recv v`; receiving from a closed channel and main's `<-done` print nothing.
fn chan_trace(log: &[String]) -> Vec<String> {
    log.iter()
        .filter(|l| !l.ends_with(" false") && !l.starts_with("G1 recv"))
        .map(|l| {
            l.split_once(' ')
                .map_or(l.as_str(), |x| x.1)
                .trim_end_matches(" true")
                .to_owned()
        })
        .collect()
}

fn corpus_lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

#[test]
fn goroutines_runnext_order() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![SetProcs(1), Gosched];
    for name in [
        "goroutine 0",
        "goroutine 1",
        "goroutine 2",
        "goroutine 3",
        "goroutine 4",
    ] {
        main.extend([WgAdd(0, 1), Spawn(vec![Log(name), WgAdd(0, -1)])]);
    }
    main.extend([
        Log("main spawned 5 goroutines, none has run yet"),
        WgWait(0),
        Log("all done"),
    ]);
    for (parent, child) in [
        ("parent 0 runs", "child of 0 runs"),
        ("parent 1 runs", "child of 1 runs"),
        ("parent 2 runs", "child of 2 runs"),
    ] {
        main.extend([
            WgAdd(0, 1),
            Spawn(vec![
                Log(parent),
                WgAdd(0, 1),
                Spawn(vec![Log(child), WgAdd(0, -1)]),
                WgAdd(0, -1),
            ]),
        ]);
    }
    main.push(WgWait(0));
    for seed in 0..20 {
        let out = run(cfg(4, seed), &setup, main.clone());
        assert_eq!(out.end, End::MainReturned);
        let want = include_str!("../../../tests/corpus/goroutines/runnext_order.out");
        assert_eq!(strip(&out.log).join("\n") + "\n", want, "seed {seed}");
    }
}

#[test]
fn channels_buffered_trace() {
    let setup = Setup {
        chan_caps: vec![2, 0],
        ..Setup::default()
    };
    let mut recv = Vec::new();
    for _ in 0..5 {
        recv.push(Recv(0));
    }
    recv.extend([Recv(0), Send(1, 1)]);
    let mut main = vec![SetProcs(1), Gosched, Spawn(recv)];
    for (i, label) in ["sent 0", "sent 1", "sent 2", "sent 3", "sent 4"]
        .into_iter()
        .enumerate()
    {
        main.extend([Send(0, i as i64), Log(label)]);
    }
    main.extend([Close(0), Recv(1), Log("done")]);
    for seed in 0..20 {
        let out = run(cfg(4, seed), &setup, main.clone());
        let want = corpus_lines(include_str!(
            "../../../tests/corpus/channels/buffered_trace.out"
        ));
        assert_eq!(chan_trace(&out.log), want, "seed {seed}");
    }
}

#[test]
fn channels_handoff_trace() {
    let setup = Setup {
        chan_caps: vec![0, 0],
        ..Setup::default()
    };
    let recv = vec![Recv(0), Recv(0), Recv(0), Recv(0), Recv(0), Send(1, 1)];
    let mut main = vec![SetProcs(1), Gosched, Spawn(recv)];
    for (i, label) in ["send 0", "send 1", "send 2", "send 3"]
        .into_iter()
        .enumerate()
    {
        main.extend([Log(label), Send(0, i as i64)]);
    }
    main.extend([Close(0), Log("closed"), Recv(1), Log("done")]);
    for seed in 0..20 {
        let out = run(cfg(4, seed), &setup, main.clone());
        let want = corpus_lines(include_str!(
            "../../../tests/corpus/channels/handoff_trace.out"
        ));
        assert_eq!(chan_trace(&out.log), want, "seed {seed}");
    }
}

#[test]
fn goroutines_gosched_interleave() {
    let setup = Setup {
        waitgroups: 1,
        ..Setup::default()
    };
    let mut main = vec![SetProcs(1), Gosched];
    for names in [
        ["ping 0", "ping 1", "ping 2"],
        ["pong 0", "pong 1", "pong 2"],
    ] {
        let mut body: Vec<Op> = names.into_iter().flat_map(|n| [Log(n), Gosched]).collect();
        body.push(WgAdd(0, -1));
        main.extend([WgAdd(0, 1), Spawn(body)]);
    }
    main.extend([WgWait(0), Log("both finished")]);
    for seed in 0..20 {
        let out = run(cfg(4, seed), &setup, main.clone());
        let want = corpus_lines(include_str!(
            "../../../tests/corpus/goroutines/gosched_interleave.out"
        ));
        assert_eq!(strip(&out.log), want, "seed {seed}");
    }
}
