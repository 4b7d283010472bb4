//! Fuzz target: the front end (scanner and parser) must accept any text without
//! panicking, looping or overflowing the stack. Run with `cargo fuzz run frontend`
//! from the repository root (needs cargo-fuzz and a nightly toolchain).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let parsed = goroscope_syntax::parse_file(&src);
    // Rendering every diagnostic exercises the line table on arbitrary positions.
    let lines = goroscope_syntax::LineIndex::new(&src);
    for d in &parsed.diagnostics {
        let _ = d.render("fuzz.go", &lines);
    }
    let _ = goroscope_syntax::dump::dump(&parsed.file);
});
