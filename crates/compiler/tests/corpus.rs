//! Every corpus program compiles, passes the bytecode validator and has a line for every
//! instruction, except the `errors/compile_*` cases, whose first rendered diagnostic
//! must equal their `.err`.

use std::fs;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Every `.go` case of the corpus, sorted.
fn cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(dirs) = fs::read_dir(corpus_dir()) else {
        return out;
    };
    for d in dirs.flatten() {
        let Ok(files) = fs::read_dir(d.path()) else {
            continue;
        };
        out.extend(
            files
                .flatten()
                .map(|f| f.path())
                .filter(|p| p.extension().is_some_and(|e| e == "go")),
        );
    }
    out.sort();
    out
}

#[test]
fn corpus_programs_compile_and_validate() {
    let cases = cases();
    assert!(cases.len() >= 90, "corpus not found");
    let mut failures = Vec::new();
    for path in &cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = fs::read_to_string(path).unwrap();
        let result = goroscope_compiler::compile_source(&name, &src);
        if name.starts_with("compile_") {
            let want = fs::read_to_string(path.with_extension("err")).unwrap();
            match result {
                // Continuation lines (`\thave ...`) are not part of the expectation.
                Err(errs)
                    if errs.first().and_then(|e| e.lines().next()) == Some(want.trim_end()) => {}
                Err(errs) => failures.push(format!(
                    "{name}: want {:?}, got {:?}",
                    want.trim_end(),
                    errs.first()
                )),
                Ok(_) => failures.push(format!("{name}: compiled, want {:?}", want.trim_end())),
            }
            continue;
        }
        match result {
            Ok(p) => {
                if let Err(e) = goroscope_compiler::bytecode::validate(&p) {
                    failures.push(format!("{name}: invalid bytecode: {e}"));
                }
                // The line table maps every instruction of source functions to a line
                // (only compiler-made wrappers of natives or interfaces have none).
                for f in p.funcs.iter().filter(|f| f.pos.line > 0) {
                    if let Some(pc) = f.lines.iter().position(|l| l.line == 0) {
                        failures.push(format!("{name}: {} pc {pc} has no line", f.name));
                    }
                }
            }
            Err(errs) => failures.push(format!("{name}: {}", errs.join(" | "))),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
