//! The conformance corpus on the machine, under several schedules: every runnable case
//! (not `compile_*`, not `races/`, which waits for the race detector) is compiled with
//! `goroscope-compiler` and run with GOMAXPROCS 1, 2 and 8 and three seeds each (cases
//! marked `schedule: gomaxprocs=1` set GOMAXPROCS themselves). Stdout, the exit code and
//! the `.err` line (a line of stderr) must match, and (in debug builds) the scheduler's
//! invariants are checked after every scheduling step.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use goroscope_runtime::Config;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn run(program: goroscope_compiler::bytecode::Program, procs: usize, seed: u64) -> common::Run {
    common::run_config(
        program,
        Config {
            procs,
            seed,
            ..common::test_config()
        },
    )
}

fn want_exit(src: &str) -> i32 {
    src.lines()
        .next()
        .and_then(|l| l.strip_prefix("// want: exit="))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn corpus_under_several_schedules() {
    let only = std::env::var("CASE").unwrap_or_default();
    let mut cases = Vec::new();
    for dir in fs::read_dir(corpus_dir()).expect("corpus").flatten() {
        if dir.file_name() == "races" {
            continue;
        }
        let Ok(files) = fs::read_dir(dir.path()) else {
            continue;
        };
        cases.extend(
            files
                .flatten()
                .map(|f| f.path())
                .filter(|p| p.extension().is_some_and(|e| e == "go")),
        );
    }
    cases.sort();
    let mut failures = Vec::new();
    let mut runs = 0;
    for path in cases {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if name.starts_with("compile_") || !path.to_string_lossy().contains(&only) {
            continue;
        }
        let src = fs::read_to_string(&path).expect("source");
        let want_out = fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let want_err = fs::read_to_string(path.with_extension("err")).unwrap_or_default();
        let want_err = want_err.lines().next().unwrap_or("").to_string();
        let program = match goroscope_compiler::compile_source(&name, &src) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{name}: does not compile: {}", e.join("; ")));
                continue;
            }
        };
        for procs in [1, 2, 8] {
            for seed in 1..=3 {
                runs += 1;
                let o = run(program.clone(), procs, seed);
                let err_ok = want_err.is_empty() || o.stderr.lines().any(|l| l == want_err);
                if o.stdout != want_out || o.exit.code != want_exit(&src) || !err_ok {
                    failures.push(format!(
                        "{name} procs={procs} seed={seed}: exit {}\n--- got\n{}--- want\n{want_out}--- stderr\n{}",
                        o.exit.code,
                        o.stdout,
                        o.stderr.lines().take(8).collect::<Vec<_>>().join("\n")
                    ));
                }
            }
        }
    }
    println!("{runs} runs, {} failures", failures.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
