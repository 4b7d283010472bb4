//! Field and method lookup through embedded fields, method sets and interface
//! satisfaction (Go's `LookupFieldOrMethod` and `missingMethod`).
//!
//! Lookup is breadth-first by embedding depth: a name found once at the shallowest
//! depth wins; found twice at that depth it is ambiguous.

use crate::info::Info;
use crate::objects::ObjectId;
use crate::types::{Type, TypeId};

/// What a selector name denotes on a type.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// A struct field: indices through embedded fields, its type, and whether a
    /// pointer was followed on the way (the start included).
    Field {
        path: Vec<usize>,
        ty: TypeId,
        indirect: bool,
    },
    /// A declared method; `path` leads to the embedded value whose type declares it;
    /// `indirect`: that value is reached through a pointer.
    Method {
        func: ObjectId,
        path: Vec<usize>,
        indirect: bool,
    },
    /// A method of an interface type (possibly an embedded interface field).
    InterfaceMethod {
        name: String,
        index: usize,
        sig: TypeId,
        path: Vec<usize>,
    },
    NotFound,
    Ambiguous,
}

/// Looks `name` up on values of type `t` (a pointer to a defined type looks through
/// the pointer, as Go does for selectors).
pub fn lookup(info: &Info, t: TypeId, name: &str) -> Found {
    let (start, indirect) = match info.types.get(t) {
        Type::Pointer(e) if !matches!(info.types.under(*e), Type::Pointer(_)) => (*e, true),
        _ => (t, false),
    };
    // Pointer types themselves (unnamed) have no fields or methods beyond their base's.
    if matches!(info.types.get(start), Type::Pointer(_)) {
        return Found::NotFound;
    }
    // A type parameter has the methods of its constraint.
    if let Some(tp) = info.types.type_param(start) {
        let Some(iface) = info.types.interface_of(tp.constraint) else {
            return Found::NotFound;
        };
        return match iface.methods.iter().position(|(n, _)| n == name) {
            Some(index) => Found::InterfaceMethod {
                name: name.to_string(),
                index,
                sig: iface.methods[index].1,
                path: vec![],
            },
            None => Found::NotFound,
        };
    }
    let mut level: Vec<(TypeId, Vec<usize>, bool)> = vec![(start, vec![], indirect)];
    let mut seen: Vec<TypeId> = Vec::new();
    for _depth in 0..16 {
        let mut found: Vec<Found> = Vec::new();
        let mut next = Vec::new();
        for (ty, path, ind) in &level {
            if info.types.named(*ty).is_some() {
                if seen.contains(ty) {
                    continue;
                }
                seen.push(*ty);
                if let Some(n) = info.types.named(*ty)
                    && let Some(&m) = n
                        .methods
                        .iter()
                        .find(|&&m| info.objects[m.index()].name == name)
                {
                    found.push(Found::Method {
                        func: m,
                        path: path.clone(),
                        indirect: *ind,
                    });
                    continue;
                }
            }
            match info.types.under(*ty) {
                Type::Struct { fields } => {
                    for (i, f) in fields.iter().enumerate() {
                        let mut p = path.clone();
                        p.push(i);
                        if f.name == name {
                            found.push(Found::Field {
                                path: p.clone(),
                                ty: f.ty,
                                indirect: *ind,
                            });
                        }
                        if f.embedded {
                            let (et, eind) = match info.types.get(f.ty) {
                                Type::Pointer(e) => (*e, true),
                                _ => (f.ty, false),
                            };
                            next.push((et, p, *ind || eind));
                        }
                    }
                }
                Type::Interface(iface) if !info.types.is_type_param(*ty) => {
                    if let Some(index) = iface.methods.iter().position(|(n, _)| n == name) {
                        found.push(Found::InterfaceMethod {
                            name: name.to_string(),
                            index,
                            sig: iface.methods[index].1,
                            path: path.clone(),
                        });
                    }
                }
                _ => {}
            }
        }
        match found.len() {
            0 => {}
            1 => return found.pop().unwrap_or(Found::NotFound),
            _ => return Found::Ambiguous,
        }
        if next.is_empty() {
            return Found::NotFound;
        }
        level = next;
    }
    Found::NotFound
}

/// Why a type does not implement an interface, in Go's words: the parenthesised
/// tail of `T does not implement I (missing method M)`.
pub fn missing_method(info: &Info, t: TypeId, iface: TypeId) -> Option<String> {
    let methods = info.types.interface_of(iface)?.methods.clone();
    for (name, want) in methods {
        let found = lookup(info, t, &name);
        let have = match &found {
            Found::Method { func, .. } => {
                if !in_method_set(info, t, &found) {
                    return Some(format!("(method {name} has pointer receiver)"));
                }
                info.objects[func.index()].ty
            }
            Found::InterfaceMethod { sig, .. } => *sig,
            Found::Field { .. } | Found::NotFound | Found::Ambiguous => {
                return Some(format!("(missing method {name})"));
            }
        };
        if have != want {
            return Some(format!(
                "(wrong type for method {name})\n\t\thave {name}{}\n\t\twant {name}{}",
                sig_tail(info, have),
                sig_tail(info, want)
            ));
        }
    }
    None
}

/// Whether a method found by [`lookup`] on `t` belongs to `t`'s method set: a
/// pointer-receiver method belongs to a value type's set only when promoted through
/// an embedded pointer.
pub fn in_method_set(info: &Info, t: TypeId, found: &Found) -> bool {
    match found {
        Found::Method {
            func,
            path,
            indirect,
        } => {
            let f = &info.objects[func.index()];
            let ptr_recv = f
                .func_info()
                .and_then(|fi| fi.recv)
                .is_some_and(|r| r.pointer);
            !ptr_recv || *indirect || path_has_pointer(info, t, path)
        }
        Found::InterfaceMethod { .. } => true,
        _ => false,
    }
}

/// The method set of `t` by name, sorted: declared and promoted concrete methods,
/// and methods of interfaces embedded in structs (each as [`lookup`] resolves it).
/// The compiler builds the method tables for interface dispatch from this.
pub fn method_set(info: &Info, t: TypeId) -> Vec<(String, Found)> {
    let mut names: Vec<String> = Vec::new();
    let start = match info.types.get(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    let mut level = vec![start];
    let mut seen: Vec<TypeId> = Vec::new();
    for _ in 0..16 {
        let mut next = Vec::new();
        for ty in level {
            if seen.contains(&ty) {
                continue;
            }
            seen.push(ty);
            if let Some(n) = info.types.named(ty) {
                names.extend(
                    n.methods
                        .iter()
                        .map(|m| info.objects[m.index()].name.clone()),
                );
            }
            match info.types.under(ty) {
                Type::Struct { fields } => {
                    for f in fields.iter().filter(|f| f.embedded) {
                        next.push(match info.types.get(f.ty) {
                            Type::Pointer(e) => *e,
                            _ => f.ty,
                        });
                    }
                }
                Type::Interface(i) if ty != start => {
                    names.extend(i.methods.iter().map(|(n, _)| n.clone()))
                }
                _ => {}
            }
        }
        if next.is_empty() {
            break;
        }
        level = next;
    }
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|n| {
            let found = lookup(info, t, &n);
            in_method_set(info, t, &found).then_some((n, found))
        })
        .collect()
}

/// Whether following `path` from `t` passes through an embedded pointer field.
fn path_has_pointer(info: &Info, t: TypeId, path: &[usize]) -> bool {
    let mut cur = t;
    for &i in path {
        let field_ty = match info.types.under(cur) {
            Type::Struct { fields } => fields.get(i).map(|f| f.ty),
            _ => None,
        };
        let Some(ft) = field_ty else { return false };
        if matches!(info.types.get(ft), Type::Pointer(_)) {
            return true;
        }
        cur = ft;
    }
    false
}

/// `(int) string` from the signature type `func(int) string`.
fn sig_tail(info: &Info, sig: TypeId) -> String {
    let s = info.types.display(sig);
    s.strip_prefix("func").unwrap_or(&s).to_string()
}
