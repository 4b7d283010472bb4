//! `cargo xtask serve | test | bench | dist`: the project's chores, in plain Rust.

fn main() {
    eprintln!("xtask: not yet");
    std::process::exit(2);
}
