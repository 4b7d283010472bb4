//! `compile_source` never panics: it is fed every corpus program and golden case with
//! one line deleted, one line duplicated, or cut short, and random bytes. Each input must
//! give a program or diagnostics (a panic fails the test and names the input), and every
//! program it gives must pass the bytecode validator.

use std::fs;
use std::panic;
use std::path::{Path, PathBuf};

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = vec![root.join("tests/disasm"), root.join("tests/run")];
    if let Ok(rd) = fs::read_dir(root.join("../../tests/corpus")) {
        dirs.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    let mut out = Vec::new();
    for d in dirs {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for f in rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "go"))
        {
            out.push((
                f.display().to_string(),
                fs::read_to_string(&f).unwrap_or_default(),
            ));
        }
    }
    out.sort();
    out
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutations(src: &str, rng: &mut Rng) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for _ in 0..6 {
        let i = rng.below(lines.len());
        let mut del = lines.clone();
        del.remove(i);
        out.push(del.join("\n"));
        let mut dup = lines.clone();
        dup.insert(i, lines[i]);
        out.push(dup.join("\n"));
    }
    let cut = rng.below(src.len());
    out.push(src.get(..cut).unwrap_or("").to_string());
    out
}

#[test]
fn compile_source_never_panics() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let mut inputs: Vec<(String, String)> = Vec::new();
    for (name, src) in sources() {
        for (k, m) in mutations(&src, &mut rng).into_iter().enumerate() {
            inputs.push((format!("{name} mutation {k}"), m));
        }
    }
    for k in 0..200 {
        let bytes: Vec<u8> = (0..rng.below(200))
            .map(|_| (rng.next() % 128) as u8)
            .collect();
        inputs.push((
            format!("random {k}"),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    let mut bad = Vec::new();
    let mut compiled = 0;
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    for (name, src) in &inputs {
        match panic::catch_unwind(|| goroscope_compiler::compile_source("prog.go", src)) {
            Err(_) => bad.push(format!("{name}: panicked")),
            Ok(Ok(p)) => {
                compiled += 1;
                if let Err(e) = goroscope_compiler::bytecode::validate(&p) {
                    bad.push(format!("{name}: invalid bytecode: {e}"));
                }
            }
            Ok(Err(_)) => {}
        }
    }
    panic::set_hook(hook);
    assert!(
        bad.is_empty(),
        "{} bad inputs:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(
        compiled > inputs.len() / 10,
        "too few mutated programs compiled ({compiled}) to test lowering"
    );
}
