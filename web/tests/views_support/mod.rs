//! Traces for the views' tests: an example (or any program) run on the machine with
//! events recorded, as the worker streams them to the page.

use goroscope_trace::Event;

/// The events of `code` run to its end with `procs` Ps and `seed`.
pub fn trace_of(code: &str, procs: usize, seed: u64) -> Vec<Event> {
    let program = goroscope_worker::front_end::compile(code).expect("the program compiles");
    let config = goroscope_runtime::Config {
        procs,
        seed,
        record_events: true,
        ..Default::default()
    };
    let mut machine = goroscope_runtime::Machine::new(program, config).expect("the machine loads it");
    machine.run();
    machine.take_events()
}

/// The events of `examples/NAME`.
pub fn example(name: &str, procs: usize, seed: u64) -> Vec<Event> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name);
    let code = std::fs::read_to_string(&path).expect("the example exists");
    trace_of(&code, procs, seed)
}
