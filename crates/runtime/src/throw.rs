//! Non-local exits out of an instruction: Go panics (recoverable), fatal errors and limits
//! (not recoverable, exit code 2), `os.Exit`, and `runtime.Goexit` — with Go's texts.

use std::fmt;

use crate::value::Value;

/// Why the current instruction did not complete normally.
#[derive(Debug)]
pub enum Throw {
    /// `panic(v)` or a run-time error; `v` is an interface value.
    Panic(Value),
    /// A run-time error the machine raises: becomes a `runtime.Error` panic value whose
    /// `Error()` is the text (e.g. `runtime error: integer divide by zero`).
    RuntimeError(String),
    /// `fatal error: <msg>`: cannot be recovered (`sync: unlock of unlocked mutex`).
    Fatal(String),
    /// Deep recursion: Go's two-line stack overflow report.
    StackOverflow,
    /// A budget or cap of the playground was hit: the message explains which.
    Limit(String),
    /// `os.Exit(code)`.
    Exit(i32),
    /// `runtime.Goexit()`.
    Goexit,
    /// The bytecode broke an invariant the validator cannot see (a compiler bug).
    Internal(String),
}

impl Throw {
    pub fn bounds(i: i64, len: usize) -> Throw {
        Throw::RuntimeError(format!(
            "runtime error: index out of range [{i}] with length {len}"
        ))
    }

    pub fn nil_deref() -> Throw {
        Throw::RuntimeError(
            "runtime error: invalid memory address or nil pointer dereference".into(),
        )
    }

    pub fn divide_by_zero() -> Throw {
        Throw::RuntimeError("runtime error: integer divide by zero".into())
    }

    pub fn plain(msg: &str) -> Throw {
        Throw::RuntimeError(msg.into())
    }
}

impl fmt::Display for Throw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Throw::Panic(v) => write!(f, "panic({v:?})"),
            Throw::RuntimeError(m) => write!(f, "panic: {m}"),
            Throw::Fatal(m) => write!(f, "fatal error: {m}"),
            Throw::StackOverflow => write!(f, "fatal error: stack overflow"),
            Throw::Limit(m) => write!(f, "{m}"),
            Throw::Exit(c) => write!(f, "exit {c}"),
            Throw::Goexit => write!(f, "goexit"),
            Throw::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}
