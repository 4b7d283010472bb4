//! Objects: what a name denotes (Go's `types.Object`). Every identifier the checker
//! resolves points to one [`Object`] in the [`Info::objects`](crate::Info) table.

use goroscope_syntax::Span;

use crate::constant::Value;
use crate::types::TypeId;

/// Index into [`Info::objects`](crate::Info).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectId(pub u32);

impl ObjectId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A named entity of the program, the universe or an imported package.
#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    /// The object's type (the denoted type for a `TypeName`; `INVALID` for packages,
    /// builtins, labels and `nil`'s untyped nil).
    pub ty: TypeId,
    /// Where it is declared; empty (`0..0`) for universe and standard-library objects.
    pub span: Span,
    /// Import path of the declaring package (`main` for the program); `None` for
    /// universe objects.
    pub pkg: Option<String>,
}

/// Where a variable lives; decides how the compiler allocates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarRole {
    /// Package-level variable.
    Global,
    /// Local variable of a function body (including range/switch/select variables).
    Local,
    /// Method receiver.
    Receiver,
    Param,
    /// Named result (unnamed results have no object).
    Result,
    /// Struct field (only stdlib objects and selector resolutions refer to these).
    Field,
}

#[derive(Clone, Debug)]
pub struct VarInfo {
    pub role: VarRole,
    /// `&x` appears somewhere, or a method with pointer receiver is called on `x`
    /// (an implicit `&x`), or `x[i:j]` slices an array variable.
    pub addr_taken: bool,
    /// Referenced from a function literal other than the one declaring it.
    pub captured: bool,
}

impl VarInfo {
    /// Whether the compiler must allocate the variable in a heap cell rather than a
    /// frame slot: its address escapes or a closure shares it.
    pub fn needs_box(&self) -> bool {
        self.role != VarRole::Global && (self.addr_taken || self.captured)
    }
}

/// A method's receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receiver {
    /// The defined type the method belongs to (never a pointer).
    pub base: TypeId,
    /// Declared with a pointer receiver `(r *T)`.
    pub pointer: bool,
}

#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// Set for standard-library functions and methods: the key naming the runtime's
    /// native implementation (`fmt.Println`, `sync.(*WaitGroup).Add`).
    pub native: Option<String>,
    pub recv: Option<Receiver>,
    /// Type parameters of a generic function (type ids of `TypeParam` types).
    pub type_params: Vec<TypeId>,
}

/// The predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Copy,
    Delete,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Recover,
}

impl Builtin {
    pub const ALL: [Builtin; 15] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Recover,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Recover => "recover",
        }
    }
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const(Value),
    /// A type name; `alias` for `type A = B` (and `byte`, `rune`, `any`).
    TypeName {
        alias: bool,
    },
    Func(FuncInfo),
    /// An imported package, by import path.
    Package(String),
    Builtin(Builtin),
    Label,
    /// The predeclared `nil`.
    Nil,
}

impl Object {
    pub fn var_info(&self) -> Option<&VarInfo> {
        match &self.kind {
            ObjKind::Var(v) => Some(v),
            _ => None,
        }
    }

    pub fn func_info(&self) -> Option<&FuncInfo> {
        match &self.kind {
            ObjKind::Func(f) => Some(f),
            _ => None,
        }
    }
}
