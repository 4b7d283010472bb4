//! Run-time type descriptors: what the machine needs to know about a Go type after
//! compilation — its printed name (for `%T`, `%v` and panic messages), its shape (to build
//! zero values, compare, hash and format values), and its method table (for interface
//! dispatch). Static types are erased everywhere else; an interface value carries the
//! [`TypeId`] of its dynamic type, and fmt walks a value with the descriptors.

use super::instr::{Callee, IntKind, SymId, TypeId};

/// One Go type. Identical types must get the same [`TypeId`] (the compiler interns them),
/// because type assertions and interface equality compare ids.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeDesc {
    /// The name as Go's `%T` prints it: `int`, `main.Point`, `*main.Point`, `[]string`,
    /// `map[string]int`, `chan int`, `func(int) string`, `interface {}`, `error`.
    pub name: String,
    pub kind: TypeKind,
    /// The method set of this type (for a pointer type `*T`: the methods of `*T` and of `T`),
    /// sorted by [`SymId`] so the machine can binary-search it. Only needed for types that
    /// are converted to interfaces.
    pub methods: Vec<Method>,
}

/// The shape of a type; named types have the kind of their underlying type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Bool,
    Int(IntKind),
    Float64,
    String,
    Pointer {
        elem: TypeId,
    },
    Slice {
        elem: TypeId,
    },
    Array {
        len: u32,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Func,
    Struct {
        fields: Vec<Field>,
    },
    /// An interface type; `methods` is its method set (sorted), used by assertions to
    /// interface types.
    Interface {
        methods: Vec<SymId>,
    },
    /// A type with no structure the machine can see (the string names it); its zero
    /// value is nil. Standard-library types are *not* opaque: they are structs whose
    /// hidden fields (`#h uintptr`, zero `0`) hold the machine's handle (see the runtime's
    /// `natives` module doc).
    Opaque(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    /// An embedded field (printed by `%+v` under its type name, which is `name`).
    pub embedded: bool,
}

/// An entry of a method table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Method {
    pub name: SymId,
    /// The function implementing it; its first parameter is the receiver.
    pub callee: Callee,
    /// The table belongs to `*T` but the method has a value receiver `T`: the machine
    /// dereferences the pointer before the call (a nil pointer panics as in Go).
    pub deref_recv: bool,
}
