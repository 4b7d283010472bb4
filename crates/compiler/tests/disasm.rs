//! Golden disassembly tests, one case per file: `tests/disasm/NAME.go` is compiled and
//! its disassembly compared with `tests/disasm/NAME.disasm`. Regenerate the expected
//! files with `UPDATE_GOLDEN=1 cargo test -p goroscope-compiler --test disasm`, then
//! review the diff. Every case is also run on the machine, so a golden file never pins
//! code that does not run.

use std::fs;
use std::path::{Path, PathBuf};

use goroscope_compiler::bytecode::disassemble;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/disasm")
}

#[test]
fn golden_disassembly() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "golden cases missing");
    let mut mismatches = Vec::new();
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = fs::read_to_string(&path).unwrap();
        let program = match goroscope_compiler::compile_source(&name, &src) {
            Ok(p) => p,
            Err(e) => {
                mismatches.push(format!("{name}: does not compile: {}", e.join("; ")));
                continue;
            }
        };
        let got = disassemble(&program);
        let golden = path.with_extension("disasm");
        if update {
            fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            mismatches.push(format!(
                "{name}: disassembly differs from {}:\n{}",
                golden.display(),
                diff(&want, &got)
            ));
        }
        let mut m =
            goroscope_runtime::Machine::new(program, goroscope_runtime::Config::default()).unwrap();
        let exit = m.run();
        if exit.code != 0 {
            mismatches.push(format!(
                "{name}: exits with {} ({})",
                exit.code, exit.reason
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}

/// The first differing lines, for a readable failure.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let i = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let show = |v: &[&str]| {
        v.iter()
            .skip(i)
            .take(5)
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "  at line {}:\n  want:\n{}\n  got:\n{}",
        i + 1,
        show(&w),
        show(&g)
    )
}
