//! The standard-library packages a program may import, built from the declaration
//! table in [`decls`] into objects and types of the program's [`Info`].
//!
//! **Invariant:** a package is loaded at most once per check; loading one that refers
//! to another (`context` uses `time.Duration`) loads that one too, without putting
//! it in the file's scope.

pub mod decls;
mod parse;

use std::collections::BTreeMap;

use goroscope_syntax::Span;

use crate::constant::Value;
use crate::info::Info;
use crate::objects::{FuncInfo, ObjKind, Object, ObjectId, Receiver, VarInfo, VarRole};
use crate::types::{TypeId, package_name};
use crate::universe::Universe;

use parse::{Decl, Parser, TypeExpr};

/// A loaded standard-library package.
#[derive(Clone, Debug)]
pub struct Package {
    pub path: String,
    /// Members by name (exported and unexported; only exported ones are reachable
    /// from a program).
    pub members: BTreeMap<String, ObjectId>,
}

/// The packages loaded so far in one check.
#[derive(Default)]
pub struct Stdlib {
    loaded: BTreeMap<String, Package>,
}

impl Stdlib {
    /// Loads `path` (and what it depends on) into `info`. `None` for a package outside
    /// the subset, or (never for the shipped table) a malformed declaration.
    pub fn load(&mut self, path: &str, info: &mut Info, universe: &Universe) -> Option<&Package> {
        if !self.loaded.contains_key(path) {
            let src = decls::source(path)?;
            let pkg = self.build(path, src, info, universe).ok()?;
            self.loaded.insert(path.to_string(), pkg);
        }
        self.loaded.get(path)
    }

    fn build(
        &mut self,
        path: &str,
        src: &str,
        info: &mut Info,
        universe: &Universe,
    ) -> Result<Package, String> {
        let decls: Vec<Decl> = src
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Parser::new(l).decl())
            .collect::<Result<_, _>>()?;
        let mut pkg = Package {
            path: path.to_string(),
            members: BTreeMap::new(),
        };
        // Pass 1: every type name exists before any declaration refers to it.
        for d in &decls {
            if let Decl::Type { name, .. } = d {
                let obj = new_object(
                    info,
                    name,
                    ObjKind::TypeName { alias: false },
                    TypeId::INVALID,
                    path,
                );
                let named = info.types.new_named(name, Some(path), Some(obj));
                info.objects[obj.index()].ty = named;
                pkg.members.insert(name.clone(), obj);
            }
        }
        for d in &decls {
            match d {
                Decl::Type { name, ty } => {
                    let under = self.resolve(ty, &pkg, info, universe)?;
                    let named = info.objects[pkg.members[name].index()].ty;
                    info.types.set_underlying(named, under);
                }
                Decl::Const { name, ty, value } => {
                    let t = match ty {
                        Some(t) => self.resolve(t, &pkg, info, universe)?,
                        None if matches!(value, Value::Int(_)) => TypeId::UNTYPED_INT,
                        None => TypeId::UNTYPED_FLOAT,
                    };
                    let obj = new_object(info, name, ObjKind::Const(value.clone()), t, path);
                    pkg.members.insert(name.clone(), obj);
                }
                Decl::Var { name, ty } => {
                    let t = self.resolve(ty, &pkg, info, universe)?;
                    let kind = ObjKind::Var(VarInfo {
                        role: VarRole::Global,
                        addr_taken: false,
                        captured: false,
                    });
                    let obj = new_object(info, name, kind, t, path);
                    pkg.members.insert(name.clone(), obj);
                }
                Decl::Func { recv, name, sig } => {
                    let t = self.resolve(sig, &pkg, info, universe)?;
                    let (native, recv) = match recv {
                        None => (format!("{path}.{name}"), None),
                        Some((base, pointer)) => {
                            let obj = *pkg
                                .members
                                .get(base)
                                .ok_or(format!("unknown receiver {base}"))?;
                            let base_ty = info.objects[obj.index()].ty;
                            let key = if *pointer {
                                format!("{path}.(*{base}).{name}")
                            } else {
                                format!("{path}.{base}.{name}")
                            };
                            (
                                key,
                                Some(Receiver {
                                    base: base_ty,
                                    pointer: *pointer,
                                }),
                            )
                        }
                    };
                    let kind = ObjKind::Func(FuncInfo {
                        native: Some(native),
                        recv,
                        type_params: vec![],
                    });
                    let obj = new_object(info, name, kind, t, path);
                    match recv {
                        Some(r) => {
                            if let Some(n) = info.types.named_mut(r.base) {
                                n.methods.push(obj);
                            }
                        }
                        None => {
                            pkg.members.insert(name.clone(), obj);
                        }
                    }
                }
            }
        }
        Ok(pkg)
    }

    fn resolve(
        &mut self,
        t: &TypeExpr,
        pkg: &Package,
        info: &mut Info,
        universe: &Universe,
    ) -> Result<TypeId, String> {
        use crate::types::{Field, Interface, Type};
        Ok(match t {
            TypeExpr::Name(n) => match pkg.members.get(n) {
                Some(o) => info.objects[o.index()].ty,
                None => universe
                    .type_named(n, info)
                    .ok_or(format!("unknown type {n}"))?,
            },
            TypeExpr::Qualified(p, n) => {
                let other = self
                    .load(p, info, universe)
                    .ok_or(format!("unknown package {p}"))?;
                let o = *other.members.get(n).ok_or(format!("unknown {p}.{n}"))?;
                info.objects[o.index()].ty
            }
            TypeExpr::Pointer(e) => {
                let e = self.resolve(e, pkg, info, universe)?;
                info.types.pointer(e)
            }
            TypeExpr::Slice(e) => {
                let e = self.resolve(e, pkg, info, universe)?;
                info.types.slice(e)
            }
            TypeExpr::Chan(dir, e) => {
                let elem = self.resolve(e, pkg, info, universe)?;
                info.types.intern(Type::Chan { dir: *dir, elem })
            }
            TypeExpr::Func {
                params,
                results,
                variadic,
            } => {
                let mut ps = Vec::new();
                for p in params {
                    ps.push(self.resolve(p, pkg, info, universe)?);
                }
                if *variadic && let Some(last) = ps.last_mut() {
                    *last = info.types.slice(*last);
                }
                let mut rs = Vec::new();
                for r in results {
                    rs.push(self.resolve(r, pkg, info, universe)?);
                }
                info.types.signature(ps, rs, *variadic)
            }
            TypeExpr::Struct(fields) => {
                let mut fs = Vec::new();
                for (name, ty) in fields {
                    let ty = self.resolve(ty, pkg, info, universe)?;
                    fs.push(Field {
                        name: name.clone(),
                        ty,
                        embedded: false,
                    });
                }
                info.types.intern(Type::Struct { fields: fs })
            }
            TypeExpr::Interface(methods) => {
                let mut ms = Vec::new();
                for (name, sig) in methods {
                    ms.push((name.clone(), self.resolve(sig, pkg, info, universe)?));
                }
                ms.sort_by(|a, b| a.0.cmp(&b.0));
                info.types.intern(Type::Interface(Interface {
                    methods: ms,
                    terms: None,
                    comparable: false,
                }))
            }
        })
    }
}

fn new_object(info: &mut Info, name: &str, kind: ObjKind, ty: TypeId, path: &str) -> ObjectId {
    let id = ObjectId(info.objects.len() as u32);
    info.objects.push(Object {
        name: name.to_string(),
        kind,
        ty,
        span: Span::default(),
        pkg: Some(path.to_string()),
    });
    id
}

/// The message for an import outside the subset.
pub fn unsupported_import(path: &str) -> String {
    format!(
        "package {path} is not supported by Goroscope (available: {})",
        decls::AVAILABLE.join(", ")
    )
}

/// The name a package is known by when imported without an alias.
pub fn default_name(path: &str) -> &str {
    package_name(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_package_loads() {
        let mut info = Info::new(0);
        let universe = Universe::new(&mut info);
        let mut std = Stdlib::default();
        for p in decls::AVAILABLE {
            assert!(
                std.load(p, &mut info, &universe).is_some(),
                "package {p} failed to load"
            );
        }
    }

    #[test]
    fn natives_and_methods() {
        let mut info = Info::new(0);
        let universe = Universe::new(&mut info);
        let mut std = Stdlib::default();
        let sync = std.load("sync", &mut info, &universe).unwrap().clone();
        let wg = info.objects[sync.members["WaitGroup"].index()].ty;
        let methods = info.types.named(wg).unwrap().methods.clone();
        let keys: Vec<_> = methods
            .iter()
            .map(|m| {
                info.objects[m.index()]
                    .func_info()
                    .unwrap()
                    .native
                    .clone()
                    .unwrap()
            })
            .collect();
        assert!(keys.contains(&"sync.(*WaitGroup).Add".to_string()));
        let time = std.load("time", &mut info, &universe).unwrap().clone();
        let d = info.objects[time.members["Duration"].index()].ty;
        let m = info.types.named(d).unwrap().methods.clone();
        assert!(m.iter().any(|m| {
            info.objects[m.index()]
                .func_info()
                .unwrap()
                .native
                .as_deref()
                == Some("time.Duration.String")
        }));
        let ctx = std.load("context", &mut info, &universe).unwrap();
        assert!(ctx.members.contains_key("WithTimeout"));
    }

    #[test]
    fn unsupported_import_lists_packages() {
        assert_eq!(
            unsupported_import("net/http"),
            "package net/http is not supported by Goroscope (available: context, errors, fmt, math, math/rand, os, runtime, strconv, strings, sync, sync/atomic, time)"
        );
    }
}
