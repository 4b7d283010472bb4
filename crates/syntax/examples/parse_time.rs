//! Debug helper: time scanning and parsing a file
//! (`cargo run --release --example parse_time FILE.go`).
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_time FILE.go");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let rounds = 200;

    let started = Instant::now();
    for _ in 0..rounds {
        let mut diags = Vec::new();
        std::hint::black_box(goroscope_syntax::lexer::tokenize(&src, &mut diags));
    }
    let per_scan = started.elapsed() / rounds;

    let started = Instant::now();
    let mut diagnostics = 0;
    for _ in 0..rounds {
        diagnostics += goroscope_syntax::parse_file(&src).diagnostics.len();
    }
    let per_parse = started.elapsed() / rounds;
    println!(
        "{} lines: {per_scan:?} per scan, {per_parse:?} per parse (scan included), {} diagnostics",
        src.lines().count(),
        diagnostics / rounds as usize
    );
    println!(
        "sizes: Expr {} B, Stmt {} B, Decl {} B",
        std::mem::size_of::<goroscope_syntax::ast::Expr>(),
        std::mem::size_of::<goroscope_syntax::ast::Stmt>(),
        std::mem::size_of::<goroscope_syntax::ast::Decl>()
    );
}
