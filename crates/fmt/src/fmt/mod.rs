//! Go's `fmt` printing functions over `Value` trees: `Sprint`, `Sprintln`, `Sprintf`
//! and `Errorf`'s message and wrapping. Output is bytes, exactly what Go would write.

mod format;
mod mapsort;
mod print;
mod printf;

use crate::value::{MethodKind, Value};
use print::Printer;

/// `fmt.Sprint`: operands in their default format, with a space between two operands
/// when neither is a string.
pub fn sprint(args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_print(args);
    p.out
}

/// `fmt.Sprintln`: operands in their default format, separated by spaces, plus `\n`.
pub fn sprintln(args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_println(args);
    p.out
}

/// `fmt.Sprintf`. `%w` is a bad verb here, as in Go outside `Errorf`.
pub fn sprintf(format: &[u8], args: &[Value]) -> Vec<u8> {
    let mut p = Printer::default();
    p.do_printf(format, args);
    p.out
}

/// What `fmt.Errorf` wraps, which decides the dynamic type of the error it returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wrapping {
    /// No `%w`: an `*errors.errorString`.
    None,
    /// One `%w`: a `*fmt.wrapError` whose `Unwrap()` returns that operand, or nil when
    /// the operand was not an error.
    Single(Option<usize>),
    /// Several `%w`: a `*fmt.wrapErrors` whose `Unwrap()` returns these operands (in
    /// argument order when indexes reordered them, duplicates removed).
    Multi(Vec<usize>),
}

/// The result of `fmt.Errorf`: the message (`Error()`) and what it wraps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errorf {
    pub message: Vec<u8>,
    pub wrapping: Wrapping,
}

/// `fmt.Errorf`: like `sprintf`, but `%w` accepts an error operand (printed as `%v`)
/// and records it for `errors.Unwrap`/`Is`/`As`.
pub fn errorf(format: &[u8], args: &[Value]) -> Errorf {
    let mut p = Printer::default();
    p.wrap_errs = true;
    p.do_printf(format, args);
    let is_error = |i: usize| {
        args.get(i)
            .and_then(|a| a.method.as_ref())
            .is_some_and(|m| m.kind == MethodKind::Error)
    };
    let wrapping = match p.wrapped.len() {
        0 => Wrapping::None,
        1 => Wrapping::Single(Some(p.wrapped[0]).filter(|&i| is_error(i))),
        _ => {
            let mut idx = p.wrapped.clone();
            if p.reordered {
                idx.sort_unstable();
            }
            idx.dedup();
            idx.retain(|&i| is_error(i));
            Wrapping::Multi(idx)
        }
    };
    Errorf {
        message: p.out,
        wrapping,
    }
}
