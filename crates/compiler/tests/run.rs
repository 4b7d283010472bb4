//! End to end on `goroscope-runtime`: the corpus programs, and this crate's own cases
//! (`tests/run/NAME.go` with the expected stdout in `NAME.out`, exit status 0), print
//! exactly their expected stdout and exit with the expected status. `CASE=name` limits
//! either test to matching files. Debug builds check the scheduler's invariants after
//! every step.

use std::fs;
use std::path::{Path, PathBuf};

use goroscope_runtime::{Config, Machine, Stream};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Compiles and runs one case; returns (stdout, stderr, exit code).
fn run(path: &Path) -> Result<(String, String, i32), String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let src = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let program = goroscope_compiler::compile_source(&name, &src).map_err(|e| e.join("\n"))?;
    let config = Config {
        procs: 4,
        seed: 1,
        check_invariants: cfg!(debug_assertions),
        ..Config::default()
    };
    let mut m = Machine::new(program, config).map_err(|e| format!("load: {e:?}"))?;
    let exit = m.run();
    if let Some(e) = m.scheduler().invariant_violation() {
        return Err(format!("scheduler invariant broken: {e}"));
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    for o in m.take_output() {
        match o.stream {
            Stream::Stdout => out.extend(o.bytes),
            _ => err.extend(o.bytes),
        }
    }
    Ok((
        String::from_utf8_lossy(&out).into(),
        String::from_utf8_lossy(&err).into(),
        exit.code,
    ))
}

fn want_exit(src: &str) -> i32 {
    let line = src.lines().next().unwrap_or("");
    match line.trim_start_matches("// want: exit=") {
        "0" | "// want: race" => 0,
        n => n.parse().unwrap_or(0),
    }
}

#[test]
fn corpus_runs() {
    let only = std::env::var("CASE").unwrap_or_default();
    let mut cases = Vec::new();
    for d in fs::read_dir(corpus_dir()).unwrap().flatten() {
        let Ok(files) = fs::read_dir(d.path()) else {
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
    let mut passed = 0;
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("compile_") || !path.to_string_lossy().contains(&only) {
            continue;
        }
        let src = fs::read_to_string(&path).unwrap();
        let want_out = fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        match run(&path) {
            Ok((out, err, code)) => {
                if out == want_out && code == want_exit(&src) {
                    passed += 1;
                } else {
                    failures.push(format!(
                        "{name}: exit {code}\n--- got\n{out}--- want\n{want_out}--- stderr\n{}",
                        err.lines().take(6).collect::<Vec<_>>().join("\n")
                    ));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    println!("passed {passed}");
    assert!(passed > 0, "no case ran");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn local_cases_run() {
    let only = std::env::var("CASE").unwrap_or_default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run");
    let mut cases: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go") && p.to_string_lossy().contains(&only))
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for path in &cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let want = fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        match run(path) {
            Ok((out, _, 0)) if out == want => {}
            Ok((out, err, code)) => failures.push(format!(
                "{name}: exit {code}\n--- got\n{out}--- want\n{want}--- stderr\n{err}"
            )),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
