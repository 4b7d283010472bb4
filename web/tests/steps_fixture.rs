//! What e2e/views.test.mjs expects the views to show at each step, computed by the trace
//! crate. `e2e/fixtures/steps.trace.jsonl` is the output of
//! `goroscope trace e2e/fixtures/steps.go --procs 2 --seed 1` (the page's run of the same
//! program at the same settings records the same events: slicing never changes a run).
//! This test replays it through the page's [`Recording`], stepping as the Step button
//! does, and checks `e2e/fixtures/steps.snapshots.txt`: the snapshot's plain-text render
//! at the start and after every step, each followed by a `lines` line giving the editor
//! gutter's marks there (`lines G2:8 G3:9`: live goroutines and the line each is at).
//! `UPDATE_FIXTURES=1` rewrites that file instead.

use std::path::PathBuf;

use goroscope_trace::{from_jsonl, replay};
use goroscope_web::model::line_marks;
use goroscope_web::views::Recording;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../e2e/fixtures").join(name)
}

/// The positions Step visits from the start: 0, then just after every step event.
fn step_positions(recording: &Recording) -> Vec<usize> {
    let mut positions = vec![0];
    while let Some(next) = recording.next_step(*positions.last().unwrap_or(&0)) {
        positions.push(next);
    }
    positions
}

/// The snapshot after `n` events as the fixture has it: the trace crate's render, then
/// the gutter's marks.
fn render(recording: &mut Recording, n: usize) -> String {
    let snapshot = recording.seek(n);
    let mut marks: Vec<String> = line_marks(snapshot, None)
        .iter()
        .flat_map(|m| m.goroutines.iter().map(move |g| format!(" G{g}:{}", m.line)))
        .collect();
    marks.sort();
    format!("{snapshot}lines{}\n", marks.concat())
}

#[test]
fn the_step_fixture_is_what_the_trace_crate_replays() {
    let trace = std::fs::read_to_string(fixture("steps.trace.jsonl")).expect("the trace fixture");
    let events = from_jsonl(&trace).expect("a valid trace");
    assert!(events.len() > 20, "a run with something to step through");
    let mut recording = Recording::default();
    // Pushed in small batches, as the worker streams them.
    for batch in events.chunks(7) {
        recording.push(batch.to_vec());
    }
    let positions = step_positions(&recording);
    for &n in &positions {
        assert_eq!(recording.seek(n), &replay(&events, n), "the recording replays like the trace crate");
    }
    let rendered: Vec<String> = positions.iter().map(|&n| render(&mut recording, n)).collect();
    let rendered = rendered.join("\n");
    let path = fixture("steps.snapshots.txt");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &rendered).expect("written");
    }
    let expected = std::fs::read_to_string(&path).expect("the snapshots fixture (UPDATE_FIXTURES=1 writes it)");
    assert_eq!(rendered, expected);
}
