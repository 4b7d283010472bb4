//! [`Info`]: everything the checker learned about a file, as side tables indexed by
//! the AST's [`NodeId`]s. This is the checker's contract with the compiler.
//!
//! **Invariant:** when [`Checked::diagnostics`](crate::Checked) is empty, every
//! expression the compiler must evaluate has an entry in [`Info::exprs`], every
//! identifier that defines or uses a name has one in [`Info::idents`], every call has
//! one in [`Info::calls`] and every `x.sel` that is not a qualified identifier has one
//! in [`Info::selections`]. With diagnostics the tables are partial and must not be
//! compiled.

use goroscope_syntax::ast::NodeId;

use crate::constant::Value;
use crate::objects::{Builtin, Object, ObjectId};
use crate::types::{TypeId, TypeTable};

/// What kind of thing an expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A call of a function without results.
    NoValue,
    /// A builtin function name (only as the callee of a call).
    Builtin,
    /// A type expression.
    Type,
    /// A constant: [`TypeAndValue::value`] is set.
    Constant,
    /// An addressable variable (`x`, `*p`, `s[i]`, `a[i]` of an addressable array,
    /// `x.f` of an addressable struct).
    Variable,
    /// `m[k]`: assignable but not addressable; usable in `v, ok := m[k]`.
    MapIndex,
    /// Any other value.
    Value,
    /// `<-ch` or `x.(T)` where a second `ok` result is possible. If the expression
    /// is the single right-hand side of a two-variable assignment, the compiler
    /// produces `(value, ok)`; see [`Info::comma_ok`].
    CommaOk,
}

/// The type (and constant value) of one expression.
///
/// For an untyped constant expression `ty` is its final type after implicit
/// conversion (`x + 1` with `x int64` records `int64` for `1`); a constant that stays
/// untyped (e.g. the operand of a shift count) records its default type.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    pub value: Option<Value>,
}

/// How `x.sel` resolves.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// A struct field. `path` lists field indices from `x`'s struct type through
    /// embedded fields to the field itself (its last element is the field's index);
    /// before each step, a pointer value is dereferenced automatically.
    Field { path: Vec<usize>, indirect: bool },
    /// A concrete method `func` (a `Func` object; see [`Object::func_info`] for the
    /// receiver kind and a native key). `path` leads through embedded fields to the
    /// receiver value (empty for a method of `x`'s own type). After following it:
    /// `addr` means "take the address" (pointer receiver on an addressable value),
    /// `deref` means "load through the pointer" (value receiver on a pointer).
    /// As a callee this is a method call; otherwise a method value (bound receiver).
    Method {
        func: ObjectId,
        path: Vec<usize>,
        addr: bool,
        deref: bool,
    },
    /// A method of an interface type, reached through `path` (embedded fields):
    /// dynamic dispatch by `name`; `index` is its position in the interface's sorted
    /// method list.
    InterfaceMethod {
        name: String,
        index: usize,
        path: Vec<usize>,
    },
    /// `T.m` or `(*T).m`: a method expression, a function whose first parameter is the
    /// receiver. `recv` is `T` or `*T` as written.
    MethodExpr { func: ObjectId, recv: TypeId },
    /// `I.m` for an interface type `I`: a function calling `m` dynamically on its
    /// first argument.
    InterfaceMethodExpr { name: String, recv: TypeId },
    /// `pkg.Name`: the selector's identifier is recorded in [`Info::idents`] too.
    Qualified(ObjectId),
}

/// What a call expression does.
#[derive(Clone, Debug, PartialEq)]
pub enum CallKind {
    /// `T(x)`: a conversion to `T`.
    Conversion(TypeId),
    Builtin(Builtin),
    /// A call of a declared function (user function, or a standard-library function
    /// whose object carries a native key), named directly or as `pkg.F`.
    Func(ObjectId),
    /// `x.m(args)`: the selector in `func` position has a [`Selection::Method`] or
    /// [`Selection::InterfaceMethod`].
    Method,
    /// Call of a function value (variable, closure, method value, result of a call).
    Value,
}

/// Details of one call.
#[derive(Clone, Debug, PartialEq)]
pub struct CallInfo {
    pub kind: CallKind,
    /// The callee's signature, instantiated for generic calls (`INVALID` for
    /// conversions and builtins).
    pub sig: TypeId,
    /// The trailing arguments must be packed into a slice of the variadic parameter's
    /// type (a variadic call written without `...`).
    pub pack_variadic: bool,
    /// The single argument is a multi-valued call spread over the parameters: `f(g())`.
    pub spread_tuple: bool,
    /// Inferred or explicit type arguments of a generic function call.
    pub type_args: Vec<TypeId>,
}

/// A package-level variable initialisation, in the order Go runs them.
#[derive(Clone, Debug, PartialEq)]
pub struct Initializer {
    /// The variables assigned (a blank `_` has an object too).
    pub lhs: Vec<ObjectId>,
    /// The initialising expression (one expression for all of `lhs` when it is a
    /// multi-valued call).
    pub rhs: NodeId,
}

/// The checker's results for one file. Side tables are `Vec<Option<_>>` of length
/// `File::node_count`, indexed by `NodeId::index()`.
#[derive(Clone, Debug)]
pub struct Info {
    pub types: TypeTable,
    pub objects: Vec<Object>,
    /// Type and value of every expression (type expressions included, mode `Type`).
    pub exprs: Vec<Option<TypeAndValue>>,
    /// The object an identifier defines or uses (labels too).
    pub idents: Vec<Option<ObjectId>>,
    /// For the id of a `CaseClause` of a type switch with a binding `v := x.(type)`:
    /// the variable `v` declared in that clause (its type is the case's type when the
    /// clause lists exactly one type, else the type of `x`).
    pub implicits: Vec<Option<ObjectId>>,
    /// For the id of an `ExprKind::Selector`.
    pub selections: Vec<Option<Selection>>,
    /// For the id of an `ExprKind::Call`.
    pub calls: Vec<Option<CallInfo>>,
    /// For an expression whose value must be converted to an interface type where it
    /// is used (assignment, argument, return, send, composite literal element, map key,
    /// comparison with an interface): that interface type.
    pub conversions: Vec<Option<TypeId>>,
    /// For the id of an identifier naming a generic function (or of the `Index`
    /// expression instantiating it explicitly): the type arguments.
    pub instances: Vec<Option<Vec<TypeId>>>,
    /// For the id of a `FuncLit`: the variables of enclosing functions it captures, in
    /// order of first reference (transitively: a literal nested inside it that captures
    /// an outer variable makes this one capture it too).
    pub captures: Vec<Option<Vec<ObjectId>>>,
    /// Expressions in a comma-ok position (`v, ok := m[k]`, `<-ch`, `x.(T)`) whose
    /// two results are used.
    pub comma_ok: Vec<bool>,
    /// Package-level variable initialisation order.
    pub init_order: Vec<Initializer>,
}

impl Info {
    pub fn new(node_count: usize) -> Info {
        Info {
            types: TypeTable::new(),
            objects: Vec::new(),
            exprs: vec![None; node_count],
            idents: vec![None; node_count],
            implicits: vec![None; node_count],
            selections: vec![None; node_count],
            calls: vec![None; node_count],
            conversions: vec![None; node_count],
            instances: vec![None; node_count],
            captures: vec![None; node_count],
            comma_ok: vec![false; node_count],
            init_order: Vec::new(),
        }
    }

    pub fn object(&self, id: ObjectId) -> &Object {
        &self.objects[id.index()]
    }

    pub fn expr(&self, id: NodeId) -> Option<&TypeAndValue> {
        self.exprs.get(id.index()).and_then(Option::as_ref)
    }

    pub fn ident(&self, id: NodeId) -> Option<ObjectId> {
        self.idents.get(id.index()).copied().flatten()
    }

    pub fn selection(&self, id: NodeId) -> Option<&Selection> {
        self.selections.get(id.index()).and_then(Option::as_ref)
    }

    pub fn call(&self, id: NodeId) -> Option<&CallInfo> {
        self.calls.get(id.index()).and_then(Option::as_ref)
    }

    pub fn conversion(&self, id: NodeId) -> Option<TypeId> {
        self.conversions.get(id.index()).copied().flatten()
    }
}
