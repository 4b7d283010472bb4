//! The reflected value tree that the printer walks: what `reflect` would see of one
//! argument, built by the interpreter from its runtime values.
//!
//! Invariants the builder must keep (the printer never panics if they are broken, it
//! just prints what it was given):
//! - `ty` is the Go type string exactly as `%T` prints it (`int`, `main.Point`,
//!   `*main.Point`, `[]uint8`, `map[string][]int`, `func(int) string`, `interface {}`).
//!   For an untyped nil argument (`fmt.Println(nil)`) it is `<nil>`.
//! - `data` is the kind-level content (what `reflect.Kind` would say), so a named type
//!   such as `main.Color` with underlying `int` is `Data::Int`.
//! - `method` holds the already-computed result of `Error()` (preferred, as in Go) or
//!   `String()` when the value's dynamic type has that method in its method set. The
//!   printer decides whether Go would have used it (verbs `v s x X q`, not `%#v`, not
//!   through an unexported struct field).
//! - Interface-typed slots (elements of `[]any`, fields of type `error`) hold the dynamic
//!   value directly; a nil interface is `Data::Nil` with `ty` the interface type.

use std::sync::Arc;

/// A Go type string, shared because trees repeat element types (`Arc` so that trees
/// may cross threads).
pub type TypeName = Arc<str>;

/// One reflected Go value.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// The Go type string, as `%T` prints it.
    pub ty: TypeName,
    /// The kind-level content.
    pub data: Data,
    /// The precomputed `Error()`/`String()` result, when the type has such a method.
    pub method: Option<Box<Method>>,
}

/// Which string-valued method produced a `Method` result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// `Error() string` (the `error` interface); Go prefers it over `String`.
    Error,
    /// `String() string` (`fmt.Stringer`).
    String,
}

/// The outcome of calling `Error()` or `String()` on a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    /// Which method was called.
    pub kind: MethodKind,
    /// The returned string, or the value the method panicked with. A panic prints as
    /// `%!v(PANIC=String method: <value>)`, or `<nil>` when the receiver is a nil pointer.
    pub result: Result<Vec<u8>, Value>,
}

/// Whether a float is a `float32` or a `float64` (printing precision depends on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatSize {
    F32,
    F64,
}

/// A struct field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field name; for an embedded field, the type's name without package or `*`.
    /// A name starting with an upper-case letter is exported; values reached through an
    /// unexported field never have their methods called (Go's `CanInterface`).
    pub name: String,
    /// The field's value.
    pub value: Value,
}

/// The kind-level content of a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// A nil interface value (or an untyped nil argument).
    Nil,
    Bool(bool),
    /// Any signed integer kind: int, int8..int64 (rune is int32).
    Int(i64),
    /// Any unsigned integer kind: uint, uint8..uint64, uintptr (byte is uint8).
    Uint(u64),
    Float {
        v: f64,
        size: FloatSize,
    },
    /// A string: bytes, possibly not valid UTF-8.
    String(Vec<u8>),
    /// A slice (`nil` tells a nil slice from an empty one) or an array (`nil` false).
    /// `bytes` is true when the element kind is uint8, which `%s %q %x %X` print as text.
    List {
        elems: Vec<Value>,
        kind: ListKind,
        bytes: bool,
    },
    /// A map; entries in any order (the printer sorts them like `internal/fmtsort`).
    /// `addr` is the map's address, what `%p` prints (0 when `nil`).
    Map {
        entries: Vec<(Value, Value)>,
        nil: bool,
        addr: u64,
    },
    Struct(Vec<Field>),
    /// A pointer: `addr` 0 is nil. `elem` is the pointee, consulted only at the top
    /// level where Go prints `&{...}`, `&[...]`, `&map[...]`; leave it `None` elsewhere.
    Pointer {
        addr: u64,
        elem: Option<Box<Value>>,
    },
    /// A channel; `addr` 0 is nil.
    Chan {
        addr: u64,
    },
    /// A function value; `addr` 0 is nil.
    Func {
        addr: u64,
    },
}

/// Slice or array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// `addr` is the address of the first element, what `%p` prints (0 when `nil`).
    Slice { nil: bool, addr: u64 },
    Array,
}

impl Value {
    /// A value of type `ty` with no `Error`/`String` method.
    pub fn new(ty: impl Into<TypeName>, data: Data) -> Value {
        Value {
            ty: ty.into(),
            data,
            method: None,
        }
    }

    /// Attaches the result of the value's `Error()`/`String()` method.
    pub fn with_method(mut self, kind: MethodKind, result: Result<Vec<u8>, Value>) -> Value {
        self.method = Some(Box::new(Method { kind, result }));
        self
    }

    /// An untyped nil argument, as in `fmt.Println(nil)`.
    pub fn nil() -> Value {
        Value::new("<nil>", Data::Nil)
    }

    /// A Go `int`.
    pub fn int(v: i64) -> Value {
        Value::new("int", Data::Int(v))
    }

    /// A Go `uint8` (`byte`).
    pub fn byte(v: u8) -> Value {
        Value::new("uint8", Data::Uint(u64::from(v)))
    }

    /// A Go `int32` (`rune`).
    pub fn rune(v: i32) -> Value {
        Value::new("int32", Data::Int(i64::from(v)))
    }

    /// A Go `float64`.
    pub fn float64(v: f64) -> Value {
        Value::new(
            "float64",
            Data::Float {
                v,
                size: FloatSize::F64,
            },
        )
    }

    /// A Go `bool`.
    pub fn bool(v: bool) -> Value {
        Value::new("bool", Data::Bool(v))
    }

    /// A Go `string`.
    pub fn string(s: impl Into<Vec<u8>>) -> Value {
        Value::new("string", Data::String(s.into()))
    }

    /// A non-nil slice of type `ty` (for example `[]int`). `bytes` is inferred only for
    /// `[]uint8`; build `Data::List` directly for byte arrays and named byte slices.
    pub fn slice(ty: impl Into<TypeName>, elems: Vec<Value>) -> Value {
        let ty = ty.into();
        let bytes = ty.as_ref() == "[]uint8";
        Value::new(
            ty,
            Data::List {
                elems,
                kind: ListKind::Slice { nil: false, addr: 0 },
                bytes,
            },
        )
    }

    /// A `[]byte` holding `b`.
    pub fn bytes(b: &[u8]) -> Value {
        Value::slice("[]uint8", b.iter().map(|&c| Value::byte(c)).collect())
    }

    /// Whether the value is a string kind (what `Print` checks to decide on spaces).
    pub fn is_string_kind(&self) -> bool {
        matches!(self.data, Data::String(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_can_cross_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Value>();
        assert!(Value::string("s").is_string_kind() && !Value::int(1).is_string_kind());
    }
}
