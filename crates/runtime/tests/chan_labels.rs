//! Channels made straight into a named place carry that place, as the source spells it,
//! and the line of the `make` in their `ChanMake` event, so the trace view can label
//! them: variables (`:=`, `var`, `=`, package variables), fields, elements and struct
//! literal fields. A channel a function returns stays unlabelled.

use goroscope_runtime::{Config, Machine};
use goroscope_trace::EventKind;

/// The (label, line, cap) of every channel `src` makes, in order.
fn made(src: &str) -> Vec<(Option<String>, Option<u32>, u64)> {
    let program = goroscope_compiler::compile_source("prog.go", src).expect("compiles");
    let config = Config {
        record_events: true,
        ..Config::default()
    };
    let mut m = Machine::new(program, config).expect("loads");
    assert_eq!(m.run().code, 0);
    m.take_events()
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::ChanMake {
                label, line, cap, ..
            } => Some((label, line, cap)),
            _ => None,
        })
        .collect()
}

fn labelled(label: &str, line: u32, cap: u64) -> (Option<String>, Option<u32>, u64) {
    (Some(label.to_string()), Some(line), cap)
}

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
    assert_eq!(
        made(src),
        vec![
            labelled("jobs", 4, 5),
            labelled("results", 5, 0),
            labelled("ch", 9, 0),
        ]
    );
}

#[test]
fn assignments_fields_elements_and_package_variables_label_their_channels() {
    let src = r#"package main

var done = make(chan struct{})

type worker struct {
	in   chan int
	out  chan<- string
	name string
}

func newChan() chan int { return make(chan int, 2) }

func main() {
	var quit chan bool
	quit = make(chan bool, 1)
	w := &worker{name: "w"}
	w.in = make(chan int, 3)
	chs := make([]chan int, 2)
	for i := range chs {
		chs[i] = make(chan int)
	}
	a, b := make(chan int), (make(chan string, 4))
	v := worker{make(chan int), make(chan string), "v"}
	ret := newChan()
	var _ = make(chan int)
	m := map[string]chan int{}
	m["k"] = make(chan int, 7)
	_, _, _, _, _ = quit, a, b, v, ret
	close(done)
}
"#;
    assert_eq!(
        made(src),
        vec![
            labelled("done", 3, 0),
            labelled("quit", 15, 1),
            labelled("w.in", 17, 3),
            labelled("chs[i]", 20, 0),
            labelled("chs[i]", 20, 0),
            labelled("a", 22, 0),
            labelled("b", 22, 4),
            labelled("in", 23, 0),
            labelled("out", 23, 0),
            (None, Some(11), 2),
            (None, Some(25), 0),
            labelled("m[\"k\"]", 27, 7),
        ]
    );
}
