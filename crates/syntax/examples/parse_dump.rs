//! Debug helper: parse a Go file and print its diagnostics and tree dump.
fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_dump FILE.go");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let parsed = goroscope_syntax::parse_file(&src);
    let lines = goroscope_syntax::LineIndex::new(&src);
    for d in &parsed.diagnostics {
        println!("{}", d.render(&path, &lines));
    }
    print!("{}", goroscope_syntax::dump::dump(&parsed.file));
}
