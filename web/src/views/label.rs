//! How goroutines and channels are named on screen, as Go names them: `G7 main.worker`,
//! `chan int [3] (line 7)`. One place, so every view (and every test) agrees.

use goroscope_trace::{ChanSnap, GoSnap, GoState};

/// `G7`: the short form used on chips.
pub fn go_id(g: u64) -> String {
    format!("G{g}")
}

/// `G7 main.worker`: the goroutine's id and the function it was started with, as Go's
/// tracebacks name it (`main.main` for G1). `?` when the trace did not say.
pub fn go_label(g: &GoSnap) -> String {
    format!("G{} {}", g.id, g.func.as_deref().unwrap_or("?"))
}

/// `running`, `runnable`, `waiting: chan receive`...: the state in Go's words.
pub fn go_state(g: &GoSnap) -> String {
    match g.state {
        GoState::Runnable => "runnable".to_owned(),
        GoState::Running => "running".to_owned(),
        GoState::Syscall => "in syscall".to_owned(),
        GoState::Dead => "finished".to_owned(),
        GoState::Waiting => format!("waiting: {}", g.wait_reason.as_deref().unwrap_or("?")),
    }
}

/// The tooltip of a goroutine chip: label, state, line.
pub fn go_title(g: &GoSnap) -> String {
    let line = g.line.map_or(String::new(), |l| format!(" · line {l}"));
    format!("{} · {}{line}", go_label(g), go_state(g))
}

/// `jobs chan int [3] (line 9)`: the variable when the trace names it, the element type,
/// the capacity when buffered, the line of the `make`.
pub fn chan_label(c: &ChanSnap) -> String {
    let mut s = String::new();
    if let Some(label) = &c.label {
        s.push_str(label);
        s.push(' ');
    }
    s.push_str("chan ");
    s.push_str(c.elem.as_deref().unwrap_or("?"));
    if !c.buf.is_empty() {
        s.push_str(&format!(" [{}]", c.buf.len()));
    }
    if let Some(line) = c.line {
        s.push_str(&format!(" (line {line})"));
    }
    s
}

/// Ids as `G7, G9`.
pub fn go_list(gs: &[u64]) -> String {
    gs.iter().map(|g| go_id(*g)).collect::<Vec<_>>().join(", ")
}
