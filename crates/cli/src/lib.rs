//! The native front door to the machine: compile a Go source file and run it to the end,
//! collecting what it printed. `goroscope` (src/main.rs) is a thin argument parser over
//! these functions; the corpus and example tests and the benchmarks call them directly.

pub mod args;
pub mod bench;
pub mod conformance;

use goroscope_compiler::bytecode::Program;
use goroscope_runtime::{Config, Machine, Stream};

/// Everything a finished run produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The process exit status `go build` + running the binary would give: 0, 1 for a
    /// compile error, 2 for panics and fatal errors, N for `os.Exit(N)`.
    pub code: i32,
}

/// Compiles `src`; on failure the rendered diagnostics (`FILE:LINE:COL: msg`), at most ten.
pub fn compile(file_name: &str, src: &str) -> Result<Program, Vec<String>> {
    goroscope_compiler::compile_source(file_name, src)
}

/// Where a run's output goes while it runs.
pub trait OutputSink {
    fn write(&mut self, stream: Stream, bytes: &[u8]);
}

impl OutputSink for RunOutcome {
    fn write(&mut self, stream: Stream, bytes: &[u8]) {
        match stream {
            Stream::Stdout => self.stdout.extend_from_slice(bytes),
            Stream::Stderr => self.stderr.extend_from_slice(bytes),
        }
    }
}

/// Instructions per slice when running natively: large, since nothing needs to answer
/// in between except the output sink.
const NATIVE_SLICE: u64 = 1 << 20;

/// Runs a compiled program to its end, streaming output into `sink`; returns the exit code.
/// `on_events` receives the recorded events after every slice when `config.record_events`.
pub fn run_program(
    program: Program,
    config: Config,
    sink: &mut dyn OutputSink,
    on_events: &mut dyn FnMut(Vec<goroscope_trace::Event>),
) -> i32 {
    let record = config.record_events;
    let mut machine = match Machine::new(program, config) {
        Ok(m) => m,
        Err(e) => {
            sink.write(Stream::Stderr, format!("goroscope: {e}\n").as_bytes());
            return 2;
        }
    };
    loop {
        let result = machine.run_slice(NATIVE_SLICE);
        for out in machine.take_output() {
            sink.write(out.stream, &out.bytes);
        }
        if record {
            on_events(machine.take_events());
        }
        if let goroscope_runtime::SliceResult::Finished(exit) = result {
            return exit.code;
        }
    }
}

/// Compiles and runs `src` with GOMAXPROCS `procs` and `seed`, collecting all output.
pub fn run_source(file_name: &str, src: &str, procs: usize, seed: u64) -> RunOutcome {
    let mut outcome = RunOutcome::default();
    match compile(file_name, src) {
        Err(diagnostics) => {
            for d in diagnostics {
                outcome.stderr.extend_from_slice(d.as_bytes());
                outcome.stderr.push(b'\n');
            }
            outcome.code = 1;
        }
        Ok(program) => {
            let config = Config { procs, seed, ..Config::default() };
            let code = run_program(program, config, &mut outcome, &mut |_| {});
            outcome.code = code;
        }
    }
    outcome
}
