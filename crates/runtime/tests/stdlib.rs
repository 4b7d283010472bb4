//! Standard-library natives on Go programs, data-driven: every `tests/stdlib/NAME.go`
//! runs under GOMAXPROCS 1, 2 and 4 and two seeds and must print exactly
//! `tests/stdlib/NAME.out` (what real Go printed for it) and exit 0.

use std::fs;
use std::path::Path;

use goroscope_runtime::{Config, Machine, Stream};

fn run(src: &str, procs: usize, seed: u64) -> (String, String, i32) {
    let program = goroscope_compiler::compile_source("prog.go", src).expect("compiles");
    let config = Config {
        procs,
        seed,
        check_invariants: true,
        ..Config::default()
    };
    let mut m = Machine::new(program, config).expect("loads");
    let exit = m.run();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    for o in m.take_output() {
        match o.stream {
            Stream::Stdout => out.extend(o.bytes),
            Stream::Stderr => err.extend(o.bytes),
        }
    }
    (
        String::from_utf8_lossy(&out).into(),
        String::from_utf8_lossy(&err).into(),
        exit.code,
    )
}

#[test]
fn stdlib_programs_print_what_go_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/stdlib exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "the stdlib cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let src = fs::read_to_string(case).expect("readable");
        let want = fs::read_to_string(case.with_extension("out")).expect("a .out file per case");
        for procs in [1, 2, 4] {
            for seed in [1, 7] {
                let (stdout, stderr, code) = run(&src, procs, seed);
                if stdout != want || code != 0 {
                    failures.push(format!(
                        "{} (procs {procs}, seed {seed}): exit {code}\n--- got\n{stdout}--- want\n{want}--- stderr\n{stderr}",
                        case.display()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
