//! Debug helper: time parsing a file (`cargo run --release --example parse_time FILE.go`).
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_time FILE.go");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let rounds = 50;
    let started = Instant::now();
    let mut diagnostics = 0;
    for _ in 0..rounds {
        diagnostics += goroscope_syntax::parse_file(&src).diagnostics.len();
    }
    let per_parse = started.elapsed() / rounds;
    println!("{} lines, {per_parse:?} per parse, {} diagnostics", src.lines().count(), diagnostics / rounds as usize);
}
