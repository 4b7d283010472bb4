//! Checker types to run-time type descriptors ([`TypeDesc`]), interned so identical types
//! share one [`bc::TypeId`] (assertions and interface equality compare ids), plus the
//! static classification lowering needs (integer kinds, what `==` a type uses).
//!
//! Standard-library struct types keep the checker's struct shape, hidden fields included
//! (named with a leading `#`, e.g. `sync.Mutex` is `struct { #h uintptr }`): their zero
//! value holds 0 there and the runtime's natives put their state in it on first use,
//! while `LoadField` reaches exported fields such as `time.Timer.C`.

use goroscope_types::types::{BasicKind, ChanDir, Qualifier, Type, TypeId};

use crate::bytecode::{self as bc, CmpKind, IntKind, TypeDesc, TypeKind};
use crate::lower::Compiler;

/// How values of a type compare with `==` and order with `<`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Bool,
    Int(IntKind),
    Float,
    Str,
    /// Pointers, chans, structs, arrays, interfaces: the generic `Eq`.
    Other,
    /// Slices, maps, funcs (comparable only with nil).
    NilOnly,
}

impl Compiler<'_> {
    /// The descriptor id of a (substituted, concrete) checker type.
    pub fn desc(&mut self, t: TypeId) -> bc::TypeId {
        if let Some(&id) = self.type_index.get(&t) {
            return id;
        }
        let id = bc::TypeId(self.type_descs.len() as u32);
        let name = self.types.type_string(t, Qualifier::Reflect);
        self.type_descs.push(TypeDesc {
            name,
            kind: TypeKind::Bool,
            methods: Vec::new(),
        });
        self.desc_source.push(t);
        self.type_index.insert(t, id);
        let kind = self.desc_kind(t);
        self.type_descs[id.0 as usize].kind = kind;
        id
    }

    fn desc_kind(&mut self, t: TypeId) -> TypeKind {
        let under = self.types.underlying(t);
        match self.types.get(under).clone() {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => TypeKind::Bool,
                BasicKind::String | BasicKind::UntypedString => TypeKind::String,
                BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat => {
                    TypeKind::Float64
                }
                _ => TypeKind::Int(int_kind(k).unwrap_or(IntKind::I64)),
            },
            Type::Pointer(e) => TypeKind::Pointer { elem: self.desc(e) },
            Type::Slice(e) => TypeKind::Slice { elem: self.desc(e) },
            Type::Array { elem, len } => TypeKind::Array {
                len: len.min(u32::MAX as u64) as u32,
                elem: self.desc(elem),
            },
            Type::Map { key, elem } => TypeKind::Map {
                key: self.desc(key),
                value: self.desc(elem),
            },
            Type::Chan { dir, elem } => TypeKind::Chan {
                dir: match dir {
                    ChanDir::Both => bc::ChanDir::Both,
                    ChanDir::Send => bc::ChanDir::Send,
                    ChanDir::Recv => bc::ChanDir::Recv,
                },
                elem: self.desc(elem),
            },
            Type::Signature(_) => TypeKind::Func,
            Type::Struct { fields } => TypeKind::Struct {
                fields: fields
                    .iter()
                    .map(|f| bc::Field {
                        name: f.name.clone(),
                        ty: self.desc(f.ty),
                        embedded: f.embedded,
                    })
                    .collect(),
            },
            Type::Interface(i) => {
                let mut methods: Vec<_> = i.methods.iter().map(|(n, _)| self.symbol(n)).collect();
                methods.sort();
                TypeKind::Interface { methods }
            }
            Type::Named(_) | Type::TypeParam(_) | Type::Tuple(_) => {
                TypeKind::Opaque(String::from("invalid"))
            }
        }
    }

    pub fn class(&self, t: TypeId) -> Class {
        match self.types.under(t) {
            Type::Basic(k) if k.is_boolean() => Class::Bool,
            Type::Basic(k) if k.is_string() => Class::Str,
            Type::Basic(k) if k.is_float() => Class::Float,
            Type::Basic(k) => int_kind(*k).map_or(Class::Other, Class::Int),
            Type::Slice(_) | Type::Map { .. } | Type::Signature(_) => Class::NilOnly,
            _ => Class::Other,
        }
    }

    pub fn cmp_kind(&self, t: TypeId) -> CmpKind {
        match self.class(t) {
            Class::Int(k) if !k.is_signed() => CmpKind::Uint,
            Class::Float => CmpKind::Float,
            Class::Str => CmpKind::Str,
            _ => CmpKind::Int,
        }
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        self.types.is_interface(t)
    }

    /// The element type of a pointer, slice, array, map (value) or chan.
    pub fn elem(&self, t: TypeId) -> TypeId {
        match self.types.under(t) {
            Type::Pointer(e) | Type::Slice(e) => *e,
            Type::Array { elem, .. } | Type::Map { elem, .. } | Type::Chan { elem, .. } => *elem,
            Type::Basic(_) => TypeId::UINT8,
            _ => TypeId::INVALID,
        }
    }

    pub fn is_pointer(&self, t: TypeId) -> bool {
        matches!(self.types.under(t), Type::Pointer(_))
    }

    /// The struct fields of `t` (or of what `t` points to).
    pub fn struct_field(&self, t: TypeId, i: usize) -> TypeId {
        let t = match self.types.under(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        match self.types.under(t) {
            Type::Struct { fields } => fields.get(i).map_or(TypeId::INVALID, |f| f.ty),
            _ => TypeId::INVALID,
        }
    }
}

/// The machine's integer kind for a basic kind.
pub fn int_kind(k: BasicKind) -> Option<IntKind> {
    use BasicKind::*;
    Some(match k {
        Int | Int64 | UntypedInt => IntKind::I64,
        Int8 => IntKind::I8,
        Int16 => IntKind::I16,
        Int32 | UntypedRune => IntKind::I32,
        Uint | Uint64 | Uintptr => IntKind::U64,
        Uint8 => IntKind::U8,
        Uint16 => IntKind::U16,
        Uint32 => IntKind::U32,
        _ => return None,
    })
}
