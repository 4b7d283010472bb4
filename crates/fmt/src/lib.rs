//! Go's text rules, byte for byte as Go 1.27 prints them, for a Go interpreter that
//! knows nothing of them: `fmt` verbs over a reflected value tree (`value::Value`),
//! `strconv` conversions and their error values, the pure `strings` functions, and
//! `time.Duration`'s text and arithmetic.
//!
//! Architecture invariant: this crate knows no interpreter. The caller converts its
//! runtime values into `Value` trees, calling user `Error()`/`String()` methods itself
//! beforehand and attaching the results (`Value::with_method`); the printer decides,
//! with Go's rules, where those results are used. Everything is a pure function of its
//! inputs, and no input makes it panic.
//!
//! Go strings are byte strings that may hold invalid UTF-8, so text is `&[u8]` in and
//! `Vec<u8>` out; runes are `u32` decoded with Go's rule (each invalid byte is U+FFFD
//! of width 1, see `utf8`).

pub mod duration;
pub mod fmt;
pub mod strconv;
pub mod strings;
pub mod unicode;
mod unicode_tables;
pub mod utf8;
pub mod value;

pub use fmt::{Errorf, Wrapping, errorf, sprint, sprintf, sprintln};
pub use value::{Data, Field, FloatSize, ListKind, Method, MethodKind, TypeName, Value};
