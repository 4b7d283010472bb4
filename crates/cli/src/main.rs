//! `goroscope`: the native command line. Follows DESIGN.md's CLI contract: the program's
//! stdout on stdout, its stderr (runtime errors, panics, print/println) on stderr, and the
//! exit status a compiled Go program would give (0, 1 for compile errors, 2 for panics and
//! fatal errors, N for `os.Exit(N)`).

use std::io::Write;
use std::process::ExitCode;

use goroscope_cli::args::{self, Args, ArgsError, Command, ProgramCommand};
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
    let code = match args.command {
        Command::Program(command) => execute(command, &args),
        Command::Bench => bench(&args),
    };
    ExitCode::from(status_byte(code))
}

/// Exit statuses are bytes on Unix, as `os.Exit(n)` in Go gives `n & 0xff`.
fn status_byte(code: i32) -> u8 {
    (code & 0xff) as u8
}

fn execute(command: ProgramCommand, args: &Args) -> i32 {
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
    match command {
        ProgramCommand::Check => 0,
        ProgramCommand::Disasm => {
            print!("{}", goroscope_compiler::bytecode::disassemble(&program));
            0
        }
        ProgramCommand::Run => {
            let config = Config { procs: args.procs, seed: args.seed, ..Config::default() };
            run_program(program, config, &mut ProcessOutput, &mut |_| {})
        }
        ProgramCommand::Trace => {
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

/// `goroscope bench`: prints a Markdown table of medians and peak memory.
fn bench(args: &Args) -> i32 {
    use goroscope_cli::bench;
    let dir = std::path::Path::new(&args.file);
    let programs = match bench::programs(dir) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => {
            eprintln!("goroscope bench: no .go programs in {}", dir.display());
            return 1;
        }
        Err(e) => {
            eprintln!("goroscope bench: {e}");
            return 1;
        }
    };
    let me = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("goroscope bench: cannot find my own executable: {e}");
            return 1;
        }
    };
    let go = find_on_path("go");
    let scratch = std::env::temp_dir().join(format!("goroscope-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&scratch);
    println!("median of {} runs, wall time of the whole process; peak = max resident set", args.runs);
    println!();
    println!("| program | goroscope | peak MB | go build | go peak MB | ratio |");
    println!("|---|---|---|---|---|---|");
    let mut failed = false;
    for program in &programs {
        let name = program.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let ours = bench::measure(std::process::Command::new(&me).arg("run").arg(program), args.runs);
        let reference = go.as_ref().and_then(|go| bench::go_build(go, program, &scratch)).map(|exe| {
            bench::measure(&mut std::process::Command::new(exe), args.runs)
        });
        match ours {
            Ok(m) => {
                let (go_time, go_peak, ratio) = match reference {
                    Some(Ok(r)) => (
                        format!("{:.3} s", r.median.as_secs_f64()),
                        format!("{:.0}", r.peak_rss_kib as f64 / 1024.0),
                        format!("{:.1}x", m.median.as_secs_f64() / r.median.as_secs_f64().max(1e-9)),
                    ),
                    Some(Err(e)) => (format!("failed: {e}"), "-".into(), "-".into()),
                    None => ("-".into(), "-".into(), "-".into()),
                };
                println!(
                    "| {name} | {:.3} s | {:.0} | {go_time} | {go_peak} | {ratio} |",
                    m.median.as_secs_f64(),
                    m.peak_rss_kib as f64 / 1024.0
                );
            }
            Err(e) => {
                failed = true;
                println!("| {name} | failed: {e} | | | | |");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let src = bench::synthetic_program(2000);
    match bench::time_front_end(&src, 20) {
        Ok(t) => println!(
            "\nfront end (parse + check + compile) of a {}-line program: {:.2} ms (median of 20)",
            src.lines().count(),
            t.as_secs_f64() * 1000.0
        ),
        Err(e) => {
            failed = true;
            println!("\nfront end failed: {e}");
        }
    }
    if go.is_none() {
        println!("\n(no `go` on PATH: the reference columns are empty)");
    }
    i32::from(failed)
}

/// The first executable called `name` on PATH.
fn find_on_path(name: &str) -> Option<std::path::PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(name)).find(|p| p.is_file())
}
