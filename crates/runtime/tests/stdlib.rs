//! Standard-library natives on Go programs, data-driven: every `tests/stdlib/NAME.go`
//! runs under GOMAXPROCS 1, 2 and 4 and two seeds and must print exactly
//! `tests/stdlib/NAME.out` (what real Go printed for it) and exit 0.

use std::fs;
use std::path::Path;

mod common;

use goroscope_runtime::Config;

fn run(src: &str, procs: usize, seed: u64) -> (String, String, i32) {
    let config = Config {
        procs,
        seed,
        ..common::test_config()
    };
    let r = common::run_source(src, config);
    (r.stdout, r.stderr, r.exit.code)
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

#[test]
fn a_cond_over_an_unsupported_locker_is_refused_clearly() {
    let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar rw sync.RWMutex\n\tc := sync.NewCond(rw.RLocker())\n\tc.L.Lock()\n\tc.Wait()\n}\n";
    let (stdout, stderr, code) = run(src, 2, 1);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with(
            "fatal error: goroscope: sync.Cond with a Locker of type *sync.rlocker is not supported"
        ),
        "{stderr}"
    );
}
