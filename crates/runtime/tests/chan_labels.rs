//! Channels made as the initial value of a named variable carry its name and the line of
//! the `make` in their `ChanMake` event, so the trace view can label them.

use goroscope_runtime::{Config, Machine};
use goroscope_trace::EventKind;

#[test]
fn chan_make_events_carry_the_variable_name_and_line() {
    let src = r#"package main

func main() {
	jobs := make(chan int, 5)
	var results = make(chan int)
	go func() { results <- <-jobs }()
	jobs <- 1
	<-results
	s := struct{ ch chan int }{ch: make(chan int)}
	_ = s
}
"#;
    let program = goroscope_compiler::compile_source("prog.go", src).expect("compiles");
    let config = Config {
        record_events: true,
        ..Config::default()
    };
    let mut m = Machine::new(program, config).expect("loads");
    assert_eq!(m.run().code, 0);
    let made: Vec<(Option<String>, Option<u32>, u64)> = m
        .take_events()
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::ChanMake {
                label, line, cap, ..
            } => Some((label, line, cap)),
            _ => None,
        })
        .collect();
    assert_eq!(
        made,
        vec![
            (Some("jobs".to_string()), Some(4), 5),
            (Some("results".to_string()), Some(5), 0),
            (None, Some(9), 0),
        ]
    );
}
