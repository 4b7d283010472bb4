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
//!
//! ```
//! use goroscope_fmt::{Data, Field, MethodKind, Value, sprintf, sprintln};
//!
//! // type Point struct{ X, Y int }; p := Point{1, -2}
//! let p = Value::new("main.Point", Data::Struct(vec![
//!     Field { name: "X".into(), value: Value::int(1) },
//!     Field { name: "Y".into(), value: Value::int(-2) },
//! ]));
//! // &p: the pointee is given so that the top level prints `&{1 -2}`.
//! let ptr = Value::new("*main.Point", Data::Pointer { addr: 0xc000012000, elem: Some(Box::new(p.clone())) });
//! assert_eq!(sprintf(b"%v|%+v|%T|%v", &[p.clone(), p.clone(), p, ptr]), b"{1 -2}|{X:1 Y:-2}|main.Point|&{1 -2}");
//!
//! // type Color int with a String method: the interpreter calls it and attaches the text.
//! let green = Value::new("main.Color", Data::Int(1)).with_method(MethodKind::String, Ok(b"green".to_vec()));
//! assert_eq!(sprintf(b"%v %s %d %x", &[green.clone(), green.clone(), green.clone(), green.clone()]), b"green green 1 677265656e");
//! assert_eq!(sprintln(&[Value::float64(1e21), Value::float64(0.1 + 0.2)]), b"1e+21 0.30000000000000004\n");
//! ```

pub mod builtin;
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
