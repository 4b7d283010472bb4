//! The type representation: every type lives in a [`TypeTable`] and is named by a
//! [`TypeId`].
//!
//! **Invariant (interning):** structurally identical types get the same id, so Go's
//! type identity is `TypeId` equality. Defined (named) types and type parameters are
//! nominal: each declaration creates a fresh id. The aliases `byte`, `rune` and `any`
//! are not types of their own: they are the ids of `uint8`, `int32` and `interface{}`.
//!
//! Basic types are interned first, in [`BasicKind`] order, so `TypeId::INT` and
//! friends are constants valid in every table.

use crate::fxhash::FxHashMap as HashMap;

use crate::objects::ObjectId;

/// Handle of a type in a [`TypeTable`]; equality is Go's type identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// The predeclared basic types, plus the kinds of untyped constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum BasicKind {
    /// The type of an erroneous expression; never reported twice.
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
}

const BASIC_KINDS: [BasicKind; 22] = [
    BasicKind::Invalid,
    BasicKind::Bool,
    BasicKind::Int,
    BasicKind::Int8,
    BasicKind::Int16,
    BasicKind::Int32,
    BasicKind::Int64,
    BasicKind::Uint,
    BasicKind::Uint8,
    BasicKind::Uint16,
    BasicKind::Uint32,
    BasicKind::Uint64,
    BasicKind::Uintptr,
    BasicKind::Float32,
    BasicKind::Float64,
    BasicKind::String,
    BasicKind::UntypedBool,
    BasicKind::UntypedInt,
    BasicKind::UntypedRune,
    BasicKind::UntypedFloat,
    BasicKind::UntypedString,
    BasicKind::UntypedNil,
];

impl BasicKind {
    /// Go's name for the type (`untyped int` for untyped kinds).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float()
    }

    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }

    pub fn is_untyped(self) -> bool {
        self >= BasicKind::UntypedBool
    }

    /// Whether values of this kind can be constants.
    pub fn is_const_type(self) -> bool {
        self.is_numeric() || self.is_string() || self.is_boolean()
    }

    /// Size in bits of a sized integer kind (`int`, `uint` and `uintptr` are 64-bit, as on
    /// the amd64 machine the corpus was recorded on).
    pub fn int_bits(self) -> Option<u32> {
        use BasicKind::*;
        match self {
            Int8 | Uint8 => Some(8),
            Int16 | Uint16 => Some(16),
            Int32 | Uint32 => Some(32),
            Int | Int64 | Uint | Uint64 | Uintptr => Some(64),
            _ => None,
        }
    }
}

impl TypeId {
    pub const INVALID: TypeId = TypeId(BasicKind::Invalid as u32);
    pub const BOOL: TypeId = TypeId(BasicKind::Bool as u32);
    pub const INT: TypeId = TypeId(BasicKind::Int as u32);
    pub const INT8: TypeId = TypeId(BasicKind::Int8 as u32);
    pub const INT16: TypeId = TypeId(BasicKind::Int16 as u32);
    pub const INT32: TypeId = TypeId(BasicKind::Int32 as u32);
    pub const INT64: TypeId = TypeId(BasicKind::Int64 as u32);
    pub const UINT: TypeId = TypeId(BasicKind::Uint as u32);
    pub const UINT8: TypeId = TypeId(BasicKind::Uint8 as u32);
    pub const UINT16: TypeId = TypeId(BasicKind::Uint16 as u32);
    pub const UINT32: TypeId = TypeId(BasicKind::Uint32 as u32);
    pub const UINT64: TypeId = TypeId(BasicKind::Uint64 as u32);
    pub const UINTPTR: TypeId = TypeId(BasicKind::Uintptr as u32);
    pub const FLOAT32: TypeId = TypeId(BasicKind::Float32 as u32);
    pub const FLOAT64: TypeId = TypeId(BasicKind::Float64 as u32);
    pub const STRING: TypeId = TypeId(BasicKind::String as u32);
    pub const UNTYPED_BOOL: TypeId = TypeId(BasicKind::UntypedBool as u32);
    pub const UNTYPED_INT: TypeId = TypeId(BasicKind::UntypedInt as u32);
    pub const UNTYPED_RUNE: TypeId = TypeId(BasicKind::UntypedRune as u32);
    pub const UNTYPED_FLOAT: TypeId = TypeId(BasicKind::UntypedFloat as u32);
    pub const UNTYPED_STRING: TypeId = TypeId(BasicKind::UntypedString as u32);
    pub const UNTYPED_NIL: TypeId = TypeId(BasicKind::UntypedNil as u32);
    /// `interface{}` (also spelled `any`), interned right after the basic types.
    pub const EMPTY_INTERFACE: TypeId = TypeId(BASIC_KINDS.len() as u32);
    /// The empty tuple: the "type" of a call without results.
    pub const EMPTY_TUPLE: TypeId = TypeId(BASIC_KINDS.len() as u32 + 1);

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Direction of a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// One struct field. `embedded` fields have the type's name as `name`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
}

/// A function signature, without parameter names (they do not take part in identity)
/// and without receiver (methods are looked up through [`NamedType::methods`]).
/// For a variadic signature the last parameter's type is the slice `[]T`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

/// A term of a constraint's type-set union: `T` or `~T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

/// An interface type, flattened: embedded interfaces are merged in.
///
/// Invariant: `methods` is sorted by name with no duplicates. `terms` is `None` for
/// "all types" (an ordinary interface); `Some` lists a constraint's union.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    pub methods: Vec<(String, TypeId)>,
    pub terms: Option<Vec<Term>>,
    /// The `comparable` constraint is part of the type set.
    pub comparable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    /// Index into the table's defined types.
    Named(u32),
    /// Index into the table's type parameters.
    TypeParam(u32),
    Pointer(TypeId),
    Slice(TypeId),
    Array {
        elem: TypeId,
        len: u64,
    },
    Map {
        key: TypeId,
        elem: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct {
        fields: Vec<Field>,
    },
    Signature(Signature),
    Interface(Interface),
    /// Results of a call with several results (or none); never the type of a variable.
    Tuple(Vec<TypeId>),
}

/// A defined type `type Name underlying`.
#[derive(Clone, Debug)]
pub struct NamedType {
    pub name: String,
    /// Import path of the declaring package (`main` for the program, `time` ...),
    /// `None` for the universe's `error` and `comparable`.
    pub pkg: Option<String>,
    /// The `TypeName` object, if any.
    pub obj: Option<ObjectId>,
    /// Never a `Named` type; `INVALID` while the declaration is being resolved.
    pub underlying: TypeId,
    /// Declared methods (`Func` objects), in declaration order.
    pub methods: Vec<ObjectId>,
}

/// A type parameter of a generic function.
#[derive(Clone, Debug)]
pub struct TypeParam {
    pub name: String,
    /// Position in its function's type parameter list.
    pub index: usize,
    /// Always an interface type (an implicit `interface{ T }` for a bare union).
    pub constraint: TypeId,
}

/// Names of a signature's parameters and results (empty lists when unnamed).
type ParamNames = (Vec<String>, Vec<String>);

/// The table owning every type of one checked program.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    index: HashMap<Type, TypeId>,
    named: Vec<NamedType>,
    type_params: Vec<TypeParam>,
    /// Parameter and result names written for a signature type, for messages
    /// (`func(n int) int`); `None` once two declarations disagree.
    param_names: HashMap<TypeId, Option<ParamNames>>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

/// How [`TypeTable::type_string`] writes defined types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// As the checker's messages do: types of package `main` unqualified, others with
    /// their package name (`time.Duration`), empty interface as `any`.
    Checker,
    /// As `reflect`/`%T` print: `main.Point`, `interface {}`, `struct { X int }`.
    Reflect,
    /// As the checker's lookup errors do: other packages by quoted path
    /// (`"sync".Mutex`).
    QuotedPath,
}

/// Markers [`TypeTable::message_string`] leaves where Go's spelling depends on how the
/// program wrote the type (`byte` or `uint8`, `rune` or `int32`, `any` or
/// `interface{}`); the checker replaces them once it knows (see `check::spelling`).
pub(crate) const SPELL_UINT8: &str = "\u{1}b";
pub(crate) const SPELL_INT32: &str = "\u{1}r";
pub(crate) const SPELL_ANY: &str = "\u{1}a";
/// Marks where an operand of type `any` is introduced as `interface ` (not for
/// `interface{}`).
pub(crate) const SPELL_ANY_DESC: &str = "\u{1}d";

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: Vec::new(),
            index: HashMap::default(),
            named: Vec::new(),
            type_params: Vec::new(),
            param_names: HashMap::default(),
        };
        for k in BASIC_KINDS {
            t.intern(Type::Basic(k));
        }
        let e = t.intern(Type::Interface(Interface {
            methods: vec![],
            terms: None,
            comparable: false,
        }));
        debug_assert_eq!(e, TypeId::EMPTY_INTERFACE);
        let u = t.intern(Type::Tuple(vec![]));
        debug_assert_eq!(u, TypeId::EMPTY_TUPLE);
        t
    }

    /// The id of `ty`, adding it if no identical type exists yet.
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some(&id) = self.index.get(&ty) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(ty.clone());
        self.index.insert(ty, id);
        id
    }

    pub fn get(&self, id: TypeId) -> &Type {
        self.types
            .get(id.index())
            .unwrap_or(&Type::Basic(BasicKind::Invalid))
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn basic(kind: BasicKind) -> TypeId {
        TypeId(kind as u32)
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Pointer(elem))
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Type::Slice(elem))
    }

    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(elems))
    }

    pub fn signature(
        &mut self,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
    ) -> TypeId {
        self.intern(Type::Signature(Signature {
            params,
            results,
            variadic,
        }))
    }

    /// A fresh defined type; its underlying type is set later with [`Self::set_underlying`].
    pub fn new_named(&mut self, name: &str, pkg: Option<&str>, obj: Option<ObjectId>) -> TypeId {
        let idx = self.named.len() as u32;
        self.named.push(NamedType {
            name: name.to_string(),
            pkg: pkg.map(str::to_string),
            obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
        });
        self.intern(Type::Named(idx))
    }

    pub fn named(&self, id: TypeId) -> Option<&NamedType> {
        match self.get(id) {
            Type::Named(i) => self.named.get(*i as usize),
            _ => None,
        }
    }

    pub fn named_mut(&mut self, id: TypeId) -> Option<&mut NamedType> {
        match self.get(id).clone() {
            Type::Named(i) => self.named.get_mut(i as usize),
            _ => None,
        }
    }

    /// Sets the underlying type of a defined type (resolving through `under` so the
    /// invariant "never a Named" holds).
    pub fn set_underlying(&mut self, named: TypeId, underlying: TypeId) {
        let u = self.underlying(underlying);
        if let Some(n) = self.named_mut(named) {
            n.underlying = u;
        }
    }

    pub fn new_type_param(&mut self, name: &str, index: usize, constraint: TypeId) -> TypeId {
        let idx = self.type_params.len() as u32;
        self.type_params.push(TypeParam {
            name: name.to_string(),
            index,
            constraint,
        });
        self.intern(Type::TypeParam(idx))
    }

    pub fn type_param(&self, id: TypeId) -> Option<&TypeParam> {
        match self.get(id) {
            Type::TypeParam(i) => self.type_params.get(*i as usize),
            _ => None,
        }
    }

    pub fn set_type_param_constraint(&mut self, id: TypeId, constraint: TypeId) {
        if let Type::TypeParam(i) = self.get(id).clone()
            && let Some(tp) = self.type_params.get_mut(i as usize)
        {
            tp.constraint = constraint;
        }
    }

    /// The underlying type: itself for everything but defined types. A type
    /// parameter's underlying type is its constraint interface.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        match self.get(id) {
            Type::Named(i) => self
                .named
                .get(*i as usize)
                .map_or(TypeId::INVALID, |n| n.underlying),
            Type::TypeParam(i) => self
                .type_params
                .get(*i as usize)
                .map_or(TypeId::INVALID, |p| p.constraint),
            _ => id,
        }
    }

    /// The underlying type's structure.
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    /// The basic kind of the underlying type, if it is basic.
    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    /// The single underlying type all members of a type parameter's type set share, or
    /// the underlying type of an ordinary type (Go's "core type").
    pub fn core_type(&self, id: TypeId) -> Option<TypeId> {
        if let Some(tp) = self.type_param(id) {
            if let Type::Interface(i) = self.under(tp.constraint) {
                let terms = i.terms.as_ref()?;
                let first = self.underlying(terms.first()?.ty);
                return terms
                    .iter()
                    .all(|t| self.underlying(t.ty) == first)
                    .then_some(first);
            }
            return None;
        }
        Some(self.underlying(id))
    }

    /// For a type parameter: the underlying types of its union's terms (`None` when
    /// the constraint has no union, i.e. the type set is unrestricted).
    pub fn type_set(&self, id: TypeId) -> Option<Vec<TypeId>> {
        let tp = self.type_param(id)?;
        match self.under(tp.constraint) {
            Type::Interface(i) => i
                .terms
                .as_ref()
                .map(|ts| ts.iter().map(|t| self.underlying(t.ty)).collect()),
            _ => None,
        }
    }

    fn all_basic(&self, id: TypeId, pred: impl Fn(BasicKind) -> bool) -> bool {
        if let Some(set) = self.type_set(id) {
            return !set.is_empty()
                && set
                    .iter()
                    .all(|&t| matches!(self.get(t), Type::Basic(k) if pred(*k)));
        }
        self.basic_kind(id).is_some_and(pred)
    }

    pub fn is_integer(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_float)
    }
    pub fn is_numeric(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_numeric)
    }
    pub fn is_string(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_string)
    }
    pub fn is_boolean(&self, id: TypeId) -> bool {
        self.all_basic(id, BasicKind::is_boolean)
    }
    /// Numeric or string: the operands `<`, `+` accept.
    pub fn is_ordered(&self, id: TypeId) -> bool {
        self.all_basic(id, |k| k.is_numeric() || k.is_string())
    }
    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(k) if k.is_untyped())
    }
    pub fn is_const_type(&self, id: TypeId) -> bool {
        !self.is_type_param(id) && self.basic_kind(id).is_some_and(BasicKind::is_const_type)
    }
    pub fn is_type_param(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::TypeParam(_))
    }
    /// An interface type that is not a type parameter.
    pub fn is_interface(&self, id: TypeId) -> bool {
        !self.is_type_param(id) && matches!(self.under(id), Type::Interface(_))
    }
    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(
            self.get(id),
            Type::Named(_) | Type::Basic(_) | Type::TypeParam(_)
        )
    }

    /// The default type of an untyped constant kind (`untyped int` → `int`, ...).
    pub fn default_type(&self, id: TypeId) -> TypeId {
        match self.get(id) {
            Type::Basic(BasicKind::UntypedBool) => TypeId::BOOL,
            Type::Basic(BasicKind::UntypedInt) => TypeId::INT,
            Type::Basic(BasicKind::UntypedRune) => TypeId::INT32,
            Type::Basic(BasicKind::UntypedFloat) => TypeId::FLOAT64,
            Type::Basic(BasicKind::UntypedString) => TypeId::STRING,
            _ => id,
        }
    }

    /// Whether `nil` is a value of this type.
    pub fn has_nil(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return false;
        }
        matches!(
            self.under(id),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map { .. }
                | Type::Chan { .. }
                | Type::Signature(_)
                | Type::Interface(_)
        ) || id == TypeId::UNTYPED_NIL
    }

    /// Go's comparability (`==` defined). Interfaces are comparable (possibly
    /// panicking at run time); type parameters only under `comparable` or a union of
    /// comparable types.
    pub fn comparable(&self, id: TypeId) -> bool {
        self.comparable_depth(id, 0)
    }

    fn comparable_depth(&self, id: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        if let Some(tp) = self.type_param(id) {
            return match self.under(tp.constraint) {
                Type::Interface(i) => {
                    i.comparable
                        || i.terms.as_ref().is_some_and(|ts| {
                            ts.iter().all(|t| self.comparable_depth(t.ty, depth + 1))
                        })
                }
                _ => false,
            };
        }
        match self.under(id) {
            Type::Basic(k) => *k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan { .. } | Type::Interface(_) => true,
            Type::Struct { fields } => fields
                .iter()
                .all(|f| self.comparable_depth(f.ty, depth + 1)),
            Type::Array { elem, .. } => self.comparable_depth(*elem, depth + 1),
            _ => false,
        }
    }

    /// The word Go uses for a composite type's structure in operand descriptions
    /// (`variable of struct type Point`); `None` for basic types.
    pub fn composite_kind(&self, id: TypeId) -> Option<&'static str> {
        Some(match self.under(id) {
            Type::Array { .. } => "array",
            Type::Slice(_) => "slice",
            Type::Struct { .. } => "struct",
            Type::Pointer(_) => "pointer",
            Type::Signature(_) => "func",
            Type::Interface(_) => "interface",
            Type::Map { .. } => "map",
            Type::Chan { .. } => "chan",
            Type::Tuple(_) => "tuple",
            _ => return None,
        })
    }

    pub fn signature_of(&self, id: TypeId) -> Option<&Signature> {
        match self.under(id) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }

    pub fn interface_of(&self, id: TypeId) -> Option<&Interface> {
        match self.under(id) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }

    /// The element types of a tuple, or the type itself as a one-element list.
    pub fn tuple_elems(&self, id: TypeId) -> Vec<TypeId> {
        match self.get(id) {
            Type::Tuple(v) => v.clone(),
            _ => vec![id],
        }
    }

    /// Go's spelling of a type.
    pub fn type_string(&self, id: TypeId, q: Qualifier) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, q, 0);
        s
    }

    /// Go's spelling in the checker's messages, with defined types of package `main`
    /// unqualified.
    pub fn display(&self, id: TypeId) -> String {
        self.type_string(id, Qualifier::Checker)
    }

    /// Like [`Self::display`] with spelling markers for `uint8`, `int32` and `any`
    /// (see [`SPELL_UINT8`]); only the checker's messages use it.
    pub(crate) fn message_string(&self, id: TypeId, q: Qualifier) -> String {
        let mut s = String::new();
        self.write_type_marked(&mut s, id, q, 0, true);
        s
    }

    /// Records the names a declaration gave the parameters and results of signature
    /// `sig`; messages print them while every declaration of `sig` agrees.
    pub(crate) fn note_param_names(
        &mut self,
        sig: TypeId,
        params: Vec<String>,
        results: Vec<String>,
    ) {
        let names = Some((params, results));
        let entry = self.param_names.entry(sig).or_insert_with(|| names.clone());
        if *entry != names {
            *entry = None;
        }
    }

    /// [`Self::message_string`] as the checker's messages qualify types.
    pub(crate) fn msg(&self, id: TypeId) -> String {
        self.message_string(id, Qualifier::Checker)
    }

    fn write_type(&self, s: &mut String, id: TypeId, q: Qualifier, depth: u32) {
        self.write_type_marked(s, id, q, depth, false)
    }

    fn write_type_marked(
        &self,
        s: &mut String,
        id: TypeId,
        q: Qualifier,
        depth: u32,
        marked: bool,
    ) {
        if depth > 32 {
            s.push('…');
            return;
        }
        let d = depth + 1;
        match self.get(id) {
            Type::Basic(BasicKind::Uint8) if marked => s.push_str(SPELL_UINT8),
            Type::Basic(BasicKind::Int32) if marked => s.push_str(SPELL_INT32),
            Type::Basic(k) => s.push_str(k.name()),
            Type::Named(i) => {
                let Some(n) = self.named.get(*i as usize) else {
                    return;
                };
                match (&n.pkg, q) {
                    (Some(p), Qualifier::Reflect) => {
                        s.push_str(package_name(p));
                        s.push('.');
                    }
                    (Some(p), Qualifier::Checker) if p != "main" => {
                        s.push_str(package_name(p));
                        s.push('.');
                    }
                    (Some(p), Qualifier::QuotedPath) if p != "main" => {
                        s.push_str(&format!("\"{p}\"."));
                    }
                    _ => {}
                }
                s.push_str(&n.name);
            }
            Type::TypeParam(i) => {
                if let Some(p) = self.type_params.get(*i as usize) {
                    s.push_str(&p.name);
                }
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type_marked(s, *e, q, d, marked);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type_marked(s, *e, q, d, marked);
            }
            Type::Array { elem, len } => {
                s.push_str(&format!("[{len}]"));
                self.write_type_marked(s, *elem, q, d, marked);
            }
            Type::Map { key, elem } => {
                s.push_str("map[");
                self.write_type_marked(s, *key, q, d, marked);
                s.push(']');
                self.write_type_marked(s, *elem, q, d, marked);
            }
            Type::Chan { dir, elem } => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)` needs parentheses to keep its meaning.
                let paren = *dir == ChanDir::Both
                    && matches!(
                        self.get(*elem),
                        Type::Chan {
                            dir: ChanDir::Recv,
                            ..
                        }
                    );
                if paren {
                    s.push('(');
                }
                self.write_type_marked(s, *elem, q, d, marked);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct { fields } => {
                let (open, sep, close) = match q {
                    Qualifier::Checker | Qualifier::QuotedPath => ("struct{", "; ", "}"),
                    Qualifier::Reflect if fields.is_empty() => ("struct {", "", "}"),
                    Qualifier::Reflect => ("struct { ", "; ", " }"),
                };
                s.push_str(open);
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        s.push_str(sep);
                    }
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type_marked(s, f.ty, q, d, marked);
                }
                s.push_str(close);
            }
            Type::Signature(sig) => {
                s.push_str("func");
                self.write_signature(s, id, sig, q, d, marked);
            }
            Type::Interface(i) => {
                if i.methods.is_empty() && i.terms.is_none() && !i.comparable {
                    s.push_str(match q {
                        Qualifier::Reflect => "interface {}",
                        _ if marked => SPELL_ANY,
                        _ => "any",
                    });
                    return;
                }
                s.push_str(if q == Qualifier::Reflect {
                    "interface { "
                } else {
                    "interface{"
                });
                let mut first = true;
                let mut sep = |s: &mut String| {
                    if !first {
                        s.push_str("; ");
                    }
                    first = false;
                };
                if i.comparable {
                    sep(s);
                    s.push_str("comparable");
                }
                for (name, sig) in &i.methods {
                    sep(s);
                    s.push_str(name);
                    if let Type::Signature(sig_ty) = self.get(*sig) {
                        self.write_signature(s, *sig, sig_ty, q, d, marked);
                    }
                }
                if let Some(terms) = &i.terms {
                    sep(s);
                    for (k, t) in terms.iter().enumerate() {
                        if k > 0 {
                            s.push_str(" | ");
                        }
                        if t.tilde {
                            s.push('~');
                        }
                        self.write_type_marked(s, t.ty, q, d, marked);
                    }
                }
                s.push_str(if q == Qualifier::Reflect { " }" } else { "}" });
            }
            Type::Tuple(elems) => {
                s.push('(');
                for (i, e) in elems.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type_marked(s, *e, q, d, marked);
                }
                s.push(')');
            }
        }
    }

    fn write_signature(
        &self,
        s: &mut String,
        id: TypeId,
        sig: &Signature,
        q: Qualifier,
        d: u32,
        marked: bool,
    ) {
        let names = match self.param_names.get(&id) {
            Some(Some(n)) if marked && !(n.0.is_empty() && n.1.is_empty()) => Some(n),
            _ => None,
        };
        let name =
            |list: &Vec<String>, i: usize| list.get(i).map(|n| format!("{n} ")).unwrap_or_default();
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if let Some((params, _)) = names {
                s.push_str(&name(params, i));
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                let elem = match self.get(*p) {
                    Type::Slice(e) => *e,
                    _ => *p,
                };
                self.write_type_marked(s, elem, q, d, marked);
            } else {
                self.write_type_marked(s, *p, q, d, marked);
            }
        }
        s.push(')');
        let result_names = names.map(|(_, r)| r).filter(|r| !r.is_empty());
        match sig.results.len() {
            0 => {}
            1 if result_names.is_none() && !matches!(self.get(sig.results[0]), Type::Tuple(_)) => {
                s.push(' ');
                self.write_type_marked(s, sig.results[0], q, d, marked);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    if let Some(rn) = result_names {
                        s.push_str(&name(rn, i));
                    }
                    self.write_type_marked(s, *r, q, d, marked);
                }
                s.push(')');
            }
        }
    }
}

/// The package name of an import path: its last element (`math/rand` → `rand`).
pub fn package_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_types_share_an_id() {
        let mut t = TypeTable::new();
        let a = t.slice(TypeId::INT);
        let b = t.slice(TypeId::INT);
        assert_eq!(a, b);
        assert_ne!(a, t.slice(TypeId::STRING));
        let m1 = t.intern(Type::Map {
            key: TypeId::STRING,
            elem: a,
        });
        let m2 = t.intern(Type::Map {
            key: TypeId::STRING,
            elem: b,
        });
        assert_eq!(m1, m2);
    }

    #[test]
    fn named_types_are_nominal() {
        let mut t = TypeTable::new();
        let a = t.new_named("A", Some("main"), None);
        let b = t.new_named("A", Some("main"), None);
        assert_ne!(a, b);
        t.set_underlying(a, TypeId::INT);
        assert_eq!(t.underlying(a), TypeId::INT);
        assert!(t.is_integer(a));
    }

    #[test]
    fn type_strings_follow_go() {
        let mut t = TypeTable::new();
        let ch = t.intern(Type::Chan {
            dir: ChanDir::Recv,
            elem: TypeId::INT,
        });
        assert_eq!(t.display(ch), "<-chan int");
        let s = t.slice(TypeId::EMPTY_INTERFACE);
        let f = t.signature(vec![TypeId::STRING, s], vec![TypeId::INT], true);
        assert_eq!(t.display(f), "func(string, ...any) int");
        assert_eq!(
            t.type_string(f, Qualifier::Reflect),
            "func(string, ...interface {}) int"
        );
        let p = t.new_named("Point", Some("main"), None);
        let d = t.new_named("Duration", Some("time"), None);
        let pp = t.pointer(p);
        assert_eq!(t.display(pp), "*Point");
        assert_eq!(t.type_string(pp, Qualifier::Reflect), "*main.Point");
        assert_eq!(t.display(d), "time.Duration");
        let st = t.intern(Type::Struct {
            fields: vec![Field {
                name: "X".into(),
                ty: TypeId::INT,
                embedded: false,
            }],
        });
        assert_eq!(t.type_string(st, Qualifier::Reflect), "struct { X int }");
    }
}
