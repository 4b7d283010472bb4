//! The type checker for the Go subset: resolves names and types every expression,
//! reporting errors in Go's own wording and at Go's positions (checked against
//! go1.27.3 by the golden tests in `tests/golden`).
//!
//! # Using it
//!
//! ```text
//! let parsed = goroscope_syntax::parse_file(src);
//! let checked = goroscope_types::check(&parsed.file);
//! // checked.diagnostics: as cmd/compile prints them: the first ten found, sorted by
//! //   position, then "too many errors"; render with Diagnostic::render
//! // checked.info: the side tables the compiler lowers from
//! ```
//!
//! Module map: [`types`] (interned types, [`TypeTable`]), [`constant`] (exact constant
//! values), [`objects`] (what names denote), [`info`] (the side tables), [`lookup`]
//! (fields, methods, method sets, interface satisfaction), [`universe`], [`stdlib`]
//! (the standard-library table with native keys), and the private `check` passes.
//!
//! **Architecture invariant:** `check` never panics and terminates on any tree the
//! parser returns, including trees with `Bad` nodes (a proptest holds it to that).
//!
//! # How the compiler reads [`Info`]
//!
//! All side tables are indexed by the AST's `NodeId` (`info.exprs[e.id.index()]`).
//!
//! * **Expressions** — [`Info::exprs`] gives every expression's [`TypeAndValue`]. If
//!   `value` is `Some`, the expression is a constant: emit the value with type `ty`
//!   and do not descend into it. Untyped constants carry their final type (the type
//!   the context gave them, or the default type). A constant whose `ty` is a type
//!   parameter must be converted at run time to the instantiated type.
//! * **Names** — [`Info::idents`] maps every identifier (definitions and uses) to an
//!   [`Object`] in [`Info::objects`]. Variables carry a [`VarInfo`]:
//!   [`VarInfo::needs_box`] says the compiler must heap-allocate them (address taken
//!   or captured). Standard-library functions and methods carry a native key in
//!   [`FuncInfo::native`] (`fmt.Println`, `sync.(*WaitGroup).Add`,
//!   `time.Duration.String`); standard-library variables (`context.Canceled`) have
//!   `pkg = Some(path)` and are named `path.Name` at run time. Standard-library
//!   struct types keep their state behind a hidden field whose name starts with `#`.
//! * **Selectors** — [`Info::selections`] resolves each `x.f`: field path through
//!   embedded fields, method with auto `&`/`*`, interface method, method expression or
//!   qualified identifier. [`lookup::method_set`] lists a type's methods (declared and
//!   promoted) for building interface method tables.
//! * **Calls** — [`Info::calls`]: conversion, builtin, static function (user or
//!   native), method or function value; the (instantiated) signature; whether trailing
//!   arguments are packed into a variadic slice, and whether a multi-valued call is
//!   spread over the parameters; type arguments of generic calls (also in
//!   [`Info::instances`]).
//! * **Implicit conversions** — [`Info::conversions`] marks each expression whose value
//!   becomes an interface value where it is used (with the interface type). Values
//!   that have no expression of their own (the results of `f()` in `g(f())`,
//!   `return f()`, `a, b = f()`, and the `v` of `v, ok = m[k]`) are not marked: compare
//!   the element type with the target type.
//! * **Statements** — range variables, `:=` variables and type switch clause variables
//!   ([`Info::implicits`], keyed by the clause id) are `Var` objects; the ranged type
//!   is `exprs[x]`; `comma_ok` marks `v, ok := m[k] / <-ch / x.(T)` forms. Loop
//!   variables are per iteration (Go 1.22): one object, a fresh copy each iteration.
//! * **Closures** — [`Info::captures`] lists each function literal's captured variables.
//! * **Package initialisation** — [`Info::init_order`], in the spec's dependency order.
//!   Then the init functions run in source order: each `func init()` (package level,
//!   no receiver) has its own `Func` object in [`Info::idents`] but is declared in no
//!   scope, so several may exist and no code can name them.
//!
//! Outside the subset (goto, generic types, complex numbers, `float32`, `unsafe`, dot
//! imports, range over functions, unsupported imports) the checker reports a
//! positioned error saying so.
//!
//! # Known departures from Go's messages
//!
//! `byte`/`uint8`, `rune`/`int32` and `any`/`interface{}` are one type id each here;
//! messages follow the name the program writes (the canonical one when it writes
//! both). Function types print their parameter names only while every declaration of
//! that signature agrees on them; standard-library signatures print none. Continuation
//! lines that quote other positions (`previous case at ...`, `declared at ...`) are left
//! out. `goto` and the other unsupported constructs get Goroscope's own message.

mod check;
pub mod constant;
mod fxhash;
pub mod info;
pub mod lookup;
pub mod objects;
mod printer;
pub mod stdlib;
pub mod types;
pub mod universe;

use goroscope_syntax::Diagnostic;
use goroscope_syntax::ast::File;

pub use constant::Value;
pub use info::{CallInfo, CallKind, Info, Initializer, Mode, Selection, TypeAndValue};
pub use objects::{Builtin, FuncInfo, ObjKind, Object, ObjectId, Receiver, VarInfo, VarRole};
pub use types::{BasicKind, ChanDir, Qualifier, Type, TypeId, TypeTable};

/// The result of checking one file.
#[derive(Clone, Debug)]
pub struct Checked {
    pub info: Info,
    /// Type errors in Go's wording, sorted by position; at most 10, then a final
    /// `too many errors`. Empty means the program may be compiled.
    pub diagnostics: Vec<Diagnostic>,
}

/// Type-checks a parsed file. Never panics, also on trees with parse errors (whose
/// `Bad` nodes are skipped silently).
pub fn check(file: &File) -> Checked {
    let (info, diagnostics) = check::Checker::new(file).run();
    Checked { info, diagnostics }
}
