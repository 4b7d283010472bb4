//! Fuzz target: the whole front end (scanner, parser, type checker, lowering to
//! bytecode) must accept any text without panicking, looping or overflowing the stack,
//! and every program it accepts must pass the bytecode validator (the machine refuses
//! to load anything else, so a program that fails it is a compiler bug).
//! Run with `cargo +nightly fuzz run frontend` from the repository root; see
//! fuzz/README.md.
#![no_main]

use libfuzzer_sys::fuzz_target;

use goroscope_compiler::bytecode;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    // The parser's own outputs: diagnostics rendered on arbitrary positions exercise the
    // line table, and the dump walks every node.
    let parsed = goroscope_syntax::parse_file(&src);
    let lines = goroscope_syntax::LineIndex::new(&src);
    for d in &parsed.diagnostics {
        let _ = d.render("fuzz.go", &lines);
    }
    let _ = goroscope_syntax::dump::dump(&parsed.file);
    // The pipeline the playground runs: parse -> check -> compile.
    if let Ok(program) = goroscope_compiler::compile_source("prog.go", &src) {
        if let Err(e) = bytecode::validate(&program) {
            panic!("the compiler produced an invalid program: {e}");
        }
        let _ = bytecode::disassemble(&program);
    }
});
