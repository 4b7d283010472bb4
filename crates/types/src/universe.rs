//! The universe scope: predeclared types, constants, `nil` and the builtin functions.

use crate::fxhash::FxHashMap as HashMap;

use goroscope_syntax::Span;

use crate::constant::Value;
use crate::info::Info;
use crate::objects::{Builtin, ObjKind, Object, ObjectId};
use crate::types::{BasicKind, Interface, Type, TypeId, TypeTable};

/// The predeclared names of one check.
pub struct Universe {
    pub scope: HashMap<String, ObjectId>,
    /// The defined type `error` (`interface{ Error() string }`).
    pub error: TypeId,
    /// The constraint `comparable`.
    pub comparable: TypeId,
}

impl Universe {
    /// Declares the universe's objects in `info`.
    pub fn new(info: &mut Info) -> Universe {
        let mut scope = HashMap::default();
        let mut add = |info: &mut Info, name: &str, kind: ObjKind, ty: TypeId| {
            let id = ObjectId(info.objects.len() as u32);
            info.objects.push(Object {
                name: name.to_string(),
                kind,
                ty,
                span: Span::default(),
                pkg: None,
            });
            scope.insert(name.to_string(), id);
            id
        };
        use BasicKind::*;
        for k in [
            Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
            Float64, String,
        ] {
            add(
                info,
                k.name(),
                ObjKind::TypeName { alias: false },
                TypeTable::basic(k),
            );
        }
        add(
            info,
            "byte",
            ObjKind::TypeName { alias: true },
            TypeId::UINT8,
        );
        add(
            info,
            "rune",
            ObjKind::TypeName { alias: true },
            TypeId::INT32,
        );
        add(
            info,
            "any",
            ObjKind::TypeName { alias: true },
            TypeId::EMPTY_INTERFACE,
        );

        let error_obj = add(
            info,
            "error",
            ObjKind::TypeName { alias: false },
            TypeId::INVALID,
        );
        let error = info.types.new_named("error", None, Some(error_obj));
        let error_sig = info.types.signature(vec![], vec![TypeId::STRING], false);
        let error_iface = info.types.intern(Type::Interface(Interface {
            methods: vec![("Error".to_string(), error_sig)],
            terms: None,
            comparable: false,
        }));
        info.types.set_underlying(error, error_iface);
        info.objects[error_obj.index()].ty = error;

        let cmp_obj = add(
            info,
            "comparable",
            ObjKind::TypeName { alias: false },
            TypeId::INVALID,
        );
        let comparable = info.types.new_named("comparable", None, Some(cmp_obj));
        let cmp_iface = info.types.intern(Type::Interface(Interface {
            methods: vec![],
            terms: None,
            comparable: true,
        }));
        info.types.set_underlying(comparable, cmp_iface);
        info.objects[cmp_obj.index()].ty = comparable;

        add(
            info,
            "true",
            ObjKind::Const(Value::Bool(true)),
            TypeId::UNTYPED_BOOL,
        );
        add(
            info,
            "false",
            ObjKind::Const(Value::Bool(false)),
            TypeId::UNTYPED_BOOL,
        );
        add(
            info,
            "iota",
            ObjKind::Const(Value::Int(0)),
            TypeId::UNTYPED_INT,
        );
        add(info, "nil", ObjKind::Nil, TypeId::UNTYPED_NIL);
        for b in Builtin::ALL {
            add(info, b.name(), ObjKind::Builtin(b), TypeId::INVALID);
        }
        Universe {
            scope,
            error,
            comparable,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<ObjectId> {
        self.scope.get(name).copied()
    }

    /// The type a universe type name denotes.
    pub fn type_named(&self, name: &str, info: &Info) -> Option<TypeId> {
        let o = info.objects.get(self.lookup(name)?.index())?;
        matches!(o.kind, ObjKind::TypeName { .. }).then_some(o.ty)
    }
}

/// Predeclared names that exist in Go but not in the subset, with the message to give.
pub fn unsupported_predeclared(name: &str) -> Option<&'static str> {
    Some(match name {
        "complex64" | "complex128" | "complex" | "real" | "imag" => {
            "complex numbers are not supported by Goroscope"
        }
        // The machine computes in float64 only; float32 would round differently.
        "float32" => "float32 is not supported by Goroscope (use float64)",
        _ => return None,
    })
}
