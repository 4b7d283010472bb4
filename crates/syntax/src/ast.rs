//! The syntax tree of one Go source file, as written (no name resolution, no types).
//!
//! Conventions every later pass relies on:
//! - Every node has a `span` (byte offsets, see [`Span`]) covering its whole source
//!   text, closing brackets included: a call's `)` is at `span.end - 1`, a block's `}` is
//!   at `span.end - 1`.
//! - Every [`Expr`] (type expressions included: Go's grammar cannot tell `T(x)` from
//!   `f(x)`, so types are expressions), every [`Ident`] and every [`CaseClause`] carries
//!   a [`NodeId`]. Ids are allocated by the parser from 0 in parse order (children
//!   before their parent), unique within the file and all below
//!   [`File::node_count`], so side tables can be `Vec<Option<T>>` indexed by
//!   `id.index()`. They are dense except for a few ids of nodes the parser
//!   rewrote (e.g. the `x.(type)` of a type switch guard), which appear nowhere.
//! - For `ExprKind::Ident(ident)`, `ident.id == expr.id` and `ident.span == expr.span`:
//!   a name used as an expression has exactly one id.
//! - Parse errors leave `ExprKind::Bad` / `StmtKind::Bad` / `Decl::Bad` nodes behind; a
//!   tree with diagnostics must not be type-checked as if it were correct.

use crate::span::Span;

/// Dense per-file id of an expression, identifier or case clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A name, at a definition or a use site. The blank identifier is `_`; a dot import's
/// name is `.`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub id: NodeId,
    pub name: String,
    pub span: Span,
}

/// A whole source file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub span: Span,
    pub package: Ident,
    pub imports: Vec<ImportDecl>,
    pub decls: Vec<Decl>,
    /// Number of [`NodeId`]s allocated: every id in the tree is `< node_count`.
    pub node_count: u32,
}

/// `import "p"` or `import ( ... )`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportDecl {
    pub span: Span,
    /// True for the parenthesised form, even with zero or one spec.
    pub grouped: bool,
    pub specs: Vec<ImportSpec>,
}

/// One imported package: `alias "path"`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSpec {
    pub span: Span,
    /// `_`, `.` or a name; `None` when the package's own name is used.
    pub alias: Option<Ident>,
    /// The decoded import path (`"math/rand"` gives `math/rand`).
    pub path: String,
    /// Span of the path literal, quotes included (Go reports unused imports there).
    pub path_span: Span,
}

/// A top-level or local declaration. Local declarations (inside a function body) are
/// never `Func`.
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Const(GenDecl<ConstSpec>),
    Var(GenDecl<VarSpec>),
    Type(GenDecl<TypeSpec>),
    Func(Box<FuncDecl>),
    /// A declaration that could not be parsed; a diagnostic was reported.
    Bad(Span),
}

/// `const`/`var`/`type` declaration: one spec, or a parenthesised group of specs.
#[derive(Clone, Debug, PartialEq)]
pub struct GenDecl<S> {
    pub span: Span,
    /// True for the parenthesised form, even with zero or one spec.
    pub grouped: bool,
    pub specs: Vec<S>,
}

/// `names [type] [= values]` inside a `const` declaration.
///
/// A spec with neither type nor values repeats the type and values of the last spec
/// in the group that had values (Go's implicit repetition); the checker resolves that,
/// evaluating the repeated expressions with this spec's `iota`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
    /// Index of this spec in its group: the value of `iota` (0 for an ungrouped const).
    pub iota: u32,
}

/// `names type`, `names = values` or `names type = values` inside a `var` declaration.
#[derive(Clone, Debug, PartialEq)]
pub struct VarSpec {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
}

/// `Name[TypeParams] Type` (a defined type) or `Name = Type` (an alias).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeSpec {
    pub span: Span,
    pub name: Ident,
    /// Empty for non-generic types.
    pub type_params: Vec<Param>,
    pub alias: bool,
    pub ty: Expr,
}

/// `func (recv) Name[TypeParams](params) results { body }`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub span: Span,
    /// The receiver of a method (exactly one group in valid code).
    pub recv: Option<Param>,
    pub name: Ident,
    pub type_params: Vec<Param>,
    pub sig: FuncType,
    /// `None` for a declaration without body (not runnable; the checker rejects it).
    pub body: Option<Block>,
}

/// A parameter group: `a, b int`, `int` (unnamed), `xs ...T` (variadic), or a type
/// parameter group `K comparable` whose `ty` is the constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub span: Span,
    /// Empty for unnamed parameters and results.
    pub names: Vec<Ident>,
    /// The parameter type; for a variadic parameter the element type `T` of `...T`.
    pub ty: Expr,
    pub variadic: bool,
}

/// A function signature (the `func` keyword's span included when written).
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub span: Span,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
}

/// A struct field group: `a, b int "tag"`, or an embedded field `T`, `*T`, `pkg.T`
/// (then `names` is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub span: Span,
    pub names: Vec<Ident>,
    pub ty: Expr,
    /// The decoded tag string.
    pub tag: Option<String>,
}

/// One element of an interface type.
#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method { span: Span, name: Ident, sig: FuncType },
    /// An embedded interface or a type set term: `fmt.Stringer`, `~int | ~string`.
    /// Unions are `Binary { op: Or }`, `~T` is `Unary { op: Tilde }`.
    Type(Expr),
}

/// A channel's direction as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// An expression or type expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub id: NodeId,
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// Placeholder for an expression that could not be parsed.
    Bad,
    Ident(Ident),
    BasicLit(BasicLit),
    /// `T{elts}`; `ty` is `None` for an elided inner literal `{...}` inside another
    /// composite literal.
    CompositeLit { ty: Option<Box<Expr>>, elts: Vec<Element> },
    FuncLit { sig: FuncType, body: Block },
    /// `(x)`, also for parenthesised types `(*T)`.
    Paren(Box<Expr>),
    /// `x.sel`: field, method, or qualified identifier `pkg.Name`.
    Selector { x: Box<Expr>, sel: Ident },
    /// `x[i]`, and explicit instantiation `f[int]` / `f[int, string]` (several
    /// indices only for instantiation).
    Index { x: Box<Expr>, indices: Vec<Expr> },
    /// `x[low:high]` or, when `max` is present, `x[low:high:max]`.
    Slice { x: Box<Expr>, low: Option<Box<Expr>>, high: Option<Box<Expr>>, max: Option<Box<Expr>> },
    /// `x.(T)`; `ty` is `None` for `x.(type)` (valid only in a type switch guard).
    TypeAssert { x: Box<Expr>, ty: Option<Box<Expr>> },
    /// `f(args)` or `f(args...)` (`ellipsis` is the span of `...`); also conversions.
    Call { func: Box<Expr>, args: Vec<Expr>, ellipsis: Option<Span> },
    /// `*x`: pointer indirection, or the pointer type `*T`.
    Star(Box<Expr>),
    Unary { op: UnaryOp, x: Box<Expr> },
    Binary { op: BinaryOp, op_span: Span, x: Box<Expr>, y: Box<Expr> },
    /// `[N]T`, `[...]T`.
    ArrayType { len: ArrayLen, elem: Box<Expr> },
    /// `[]T`.
    SliceType { elem: Box<Expr> },
    MapType { key: Box<Expr>, value: Box<Expr> },
    ChanType { dir: ChanDir, elem: Box<Expr> },
    FuncType(FuncType),
    StructType { fields: Vec<Field> },
    InterfaceType { elems: Vec<InterfaceElem> },
}

/// The length of an array type.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayLen {
    Expr(Box<Expr>),
    /// `[...]T`, only valid as a composite literal's type.
    Ellipsis(Span),
}

/// One element of a composite literal: `value` or `key: value`. A struct field key is
/// an `ExprKind::Ident`; a nested elided literal is a `CompositeLit` with `ty: None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub span: Span,
    pub key: Option<Expr>,
    pub value: Expr,
}

/// A literal token with its decoded value.
#[derive(Clone, Debug, PartialEq)]
pub enum BasicLit {
    /// Integer literal source text, as written (`0x_FF`, `1_000`, `0o17`, `017`).
    Int(String),
    /// Floating-point literal source text, as written (`1e9`, `.5`, `0x1p-2`).
    Float(String),
    /// Imaginary literal source text, as written (`2i`).
    Imag(String),
    /// A rune literal's code point (`'\n'` gives 10, `'\xff'` gives 255).
    Rune(u32),
    /// A string literal's bytes after escape decoding (Go strings may hold invalid
    /// UTF-8 through `\x` and octal escapes); `raw` for back-quoted literals.
    String { value: Vec<u8>, raw: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `+x`
    Pos,
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `<-x`
    Recv,
    /// `~T` (type set term)
    Tilde,
}

/// Binary operators, ordered by nothing in particular; see [`BinaryOp::precedence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    LogOr,
    LogAnd,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    AndNot,
}

impl BinaryOp {
    /// Go's operator precedence: 5 binds tightest (`* / % << >> & &^`), then 4
    /// (`+ - | ^`), 3 (comparisons), 2 (`&&`), 1 (`||`).
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            LogOr => 1,
            LogAnd => 2,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            Add | Sub | Or | Xor => 4,
            Mul | Div | Rem | Shl | Shr | And | AndNot => 5,
        }
    }

    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            LogOr => "||",
            LogAnd => "&&",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Add => "+",
            Sub => "-",
            Or => "|",
            Xor => "^",
            Mul => "*",
            Div => "/",
            Rem => "%",
            Shl => "<<",
            Shr => ">>",
            And => "&",
            AndNot => "&^",
        }
    }
}

impl UnaryOp {
    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Pos => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
            UnaryOp::Tilde => "~",
        }
    }
}

/// `{ stmts }`; the span covers both braces.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub span: Span,
    pub stmts: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

/// The operator of an assignment statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=`, e.g. `+=` is `Op(BinaryOp::Add)`.
    Op(BinaryOp),
}

/// `break`, `continue`, `goto`, `fallthrough`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A statement that could not be parsed; a diagnostic was reported.
    Bad,
    /// `;` alone, or nothing before a `}`.
    Empty,
    /// A local `const`, `var` or `type` declaration (never `Decl::Func`).
    Decl(Decl),
    Labeled { label: Ident, stmt: Box<Stmt> },
    Expr(Expr),
    /// `ch <- value`
    Send { ch: Expr, value: Expr },
    /// `x++` (`inc`) or `x--`.
    IncDec { x: Expr, inc: bool },
    /// `lhs op rhs`; `op_span` is the operator's span.
    Assign { lhs: Vec<Expr>, op: AssignOp, op_span: Span, rhs: Vec<Expr> },
    /// `go call`
    Go(Expr),
    /// `defer call`
    Defer(Expr),
    Return(Vec<Expr>),
    Branch { kind: BranchKind, label: Option<Ident> },
    Block(Block),
    If(IfStmt),
    /// An expression switch: `switch init; tag { clauses }` (`tag` absent means `true`).
    Switch { init: Option<Box<Stmt>>, tag: Option<Expr>, clauses: Vec<CaseClause> },
    /// `switch init; bind := x.(type) { clauses }`; case lists hold types (and `nil`).
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        /// The operand `x` of the `x.(type)` guard.
        x: Expr,
        clauses: Vec<CaseClause>,
    },
    Select { clauses: Vec<CommClause> },
    /// `for init; cond; post { body }`, `for cond { }` and `for { }`.
    For { init: Option<Box<Stmt>>, cond: Option<Expr>, post: Option<Box<Stmt>>, body: Block },
    /// `for key, value := range x`, `for key = range x`, `for range x`.
    Range { key: Option<Expr>, value: Option<Expr>, define: bool, x: Expr, body: Block },
}

/// `if init; cond { then } else els`; `els` is an `If` or a `Block` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Box<Stmt>>,
    pub cond: Expr,
    pub then: Block,
    pub els: Option<Box<Stmt>>,
}

/// `case list:` or `default:` of a switch, with the statements up to the next clause.
/// `id` names the clause, e.g. for the variable a type switch declares in each clause.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    pub id: NodeId,
    pub span: Span,
    /// `None` for `default`.
    pub list: Option<Vec<Expr>>,
    pub body: Vec<Stmt>,
}

/// `case comm:` or `default:` of a select.
#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    pub span: Span,
    /// `None` for `default`; otherwise a `Send`, an `Expr` whose expression is a
    /// receive `<-ch`, or an `Assign` (`=` or `:=`) whose single right-hand side is a
    /// receive (`v, ok := <-ch`).
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
}
