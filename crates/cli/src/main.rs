//! `goroscope`: the native command line (check, disasm, run, trace, explore, bench).

fn main() {
    eprintln!("goroscope: no commands yet");
    std::process::exit(2);
}
