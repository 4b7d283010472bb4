//! `goroscope`: the native command line. Follows DESIGN.md's CLI contract: the program's
//! stdout on stdout, its stderr (runtime errors, panics, print/println) on stderr, and the
//! exit status a compiled Go program would give (0, 1 for compile errors, 2 for panics and
//! fatal errors, N for `os.Exit(N)`).

use std::io::Write;
use std::process::ExitCode;

use goroscope_cli::args::{self, Args, ArgsError, Command};
use goroscope_cli::{OutputSink, compile, run_program};
use goroscope_runtime::{Config, Stream};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match args::parse(&argv) {
        Ok(a) => a,
        Err(ArgsError::Help) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(ArgsError::Bad(msg)) => {
            eprintln!("goroscope: {msg}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    ExitCode::from(status_byte(execute(&args)))
}

/// Exit statuses are bytes on Unix, as `os.Exit(n)` in Go gives `n & 0xff`.
fn status_byte(code: i32) -> u8 {
    (code & 0xff) as u8
}

fn execute(args: &Args) -> i32 {
    let src = match std::fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => {
                eprintln!("{}: invalid UTF-8 encoding", args.file);
                return 1;
            }
        },
        Err(e) => {
            eprintln!("goroscope: cannot read {}: {e}", args.file);
            return 1;
        }
    };
    if args.race {
        eprintln!("goroscope: --race: the race detector is not implemented yet");
        return 2;
    }
    let program = match compile(&args.file, &src) {
        Ok(p) => p,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            return 1;
        }
    };
    match args.command {
        Command::Check => 0,
        Command::Disasm => {
            print!("{}", goroscope_compiler::bytecode::disassemble(&program));
            0
        }
        Command::Run => {
            let config = Config { procs: args.procs, seed: args.seed, ..Config::default() };
            run_program(program, config, &mut ProcessOutput, &mut |_| {})
        }
        Command::Trace => {
            let config = Config { procs: args.procs, seed: args.seed, record_events: true, ..Config::default() };
            let mut stdout = std::io::stdout().lock();
            // A closed pipe ends nothing but the listing, as with `run`.
            let _ = stdout.write_all(goroscope_trace::jsonl::to_jsonl(&[]).as_bytes());
            run_program(program, config, &mut StderrOnly, &mut |events| {
                for e in &events {
                    let _ = writeln!(stdout, "{}", goroscope_trace::jsonl::event_to_line(e));
                }
            })
        }
    }
}

/// The program's own streams go to the process's.
struct ProcessOutput;

impl OutputSink for ProcessOutput {
    fn write(&mut self, stream: Stream, bytes: &[u8]) {
        // A closed pipe (`goroscope run x.go | head`) must not abort the run with a panic.
        let _ = match stream {
            Stream::Stdout => std::io::stdout().write_all(bytes),
            Stream::Stderr => std::io::stderr().write_all(bytes),
        };
    }
}

/// Under `trace`, stdout carries the events; the program's stdout is part of them
/// (Output events), and its stderr still goes to stderr for the reader's eyes.
struct StderrOnly;

impl OutputSink for StderrOnly {
    fn write(&mut self, stream: Stream, bytes: &[u8]) {
        if stream == Stream::Stderr {
            let _ = std::io::stderr().write_all(bytes);
        }
    }
}
