//! Method sets at run time: the method table of every type that is converted to an
//! interface (Go's method-set rules: `T` has its value-receiver methods, `*T` all of
//! them, promoted methods included as embedding allows), and the wrapper functions the
//! tables and method expressions need — a promoted method `Dog.Describe` becomes
//! `main.Dog.Describe(d) { return d.Animal.Describe() }`.

use goroscope_types::lookup::{Found, lookup};
use goroscope_types::objects::ObjectId;
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{self as bc, Callee, FuncId, Instr, Method, Reg};
use crate::lower::{FuncState, Lower};

impl<'a> Lower<'a> {
    /// Fills the method tables of the interface-converted types (compiling what they
    /// need, which may convert more types); returns whether anything new was filled.
    pub fn fill_method_tables(
        &mut self,
        done: &mut std::collections::BTreeSet<bc::TypeId>,
    ) -> bool {
        let pending: Vec<bc::TypeId> = self
            .c
            .iface_types
            .iter()
            .filter(|t| !done.contains(t))
            .copied()
            .collect();
        for t in &pending {
            done.insert(*t);
            let src = self.c.desc_source[t.0 as usize];
            let methods = self.method_table(src);
            self.c.type_descs[t.0 as usize].methods = methods;
            self.mark_components(src);
        }
        !pending.is_empty()
    }

    /// fmt looks for `String`/`Error` methods on the fields and elements of the values it
    /// prints, so the component types of an interface-converted type need tables too.
    fn mark_components(&mut self, t: TypeId) {
        let parts: Vec<TypeId> = match self.c.types.under(t) {
            Type::Struct { fields } => fields.iter().map(|f| f.ty).collect(),
            Type::Array { elem, .. } | Type::Slice(elem) | Type::Pointer(elem) => vec![*elem],
            Type::Map { key, elem } => vec![*key, *elem],
            _ => Vec::new(),
        };
        for p in parts {
            let d = self.c.desc(p);
            self.c.iface_types.insert(d);
        }
    }

    fn method_table(&mut self, t: TypeId) -> Vec<Method> {
        let (base, is_ptr) = match self.c.types.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        if self.c.is_interface(base)
            || (self.c.types.named(base).is_none() && !self.is_struct(base))
        {
            return Vec::new();
        }
        let mut names = Vec::new();
        self.method_names(base, &mut names, 0);
        names.sort();
        names.dedup();
        // Only a method some interface names can ever be called dynamically.
        let callable = self.interface_method_names();
        names.retain(|n| callable.contains(n));
        let mut out = Vec::new();
        for name in names {
            let entry = match lookup(self.info(), base, &name) {
                Found::Method {
                    func,
                    path,
                    indirect,
                } => {
                    let ptr_recv = self.recv_is_ptr(func);
                    if ptr_recv && !is_ptr && !indirect {
                        continue;
                    }
                    if path.is_empty() {
                        let callee = self.method_callee(func);
                        Some((callee, is_ptr && !ptr_recv))
                    } else {
                        Some((Callee::Func(self.wrapper(t, &name)), false))
                    }
                }
                Found::InterfaceMethod { path, .. } if !path.is_empty() => {
                    Some((Callee::Func(self.wrapper(t, &name)), false))
                }
                _ => None,
            };
            if let Some((callee, deref_recv)) = entry {
                let name = self.c.symbol(&name);
                out.push(Method {
                    name,
                    callee,
                    deref_recv,
                });
            }
        }
        out.sort_by_key(|m| m.name);
        out
    }

    /// The method names of every interface type of the program (the standard library's
    /// included), plus `Error` and `String`, which fmt looks up.
    fn interface_method_names(&self) -> std::collections::BTreeSet<String> {
        let mut out: std::collections::BTreeSet<String> =
            ["Error", "String"].map(String::from).into();
        for i in 0..self.c.types.len() {
            if let Type::Interface(iface) = self.c.types.get(TypeId(i as u32)) {
                out.extend(iface.methods.iter().map(|(n, _)| n.clone()));
            }
        }
        out
    }

    fn is_struct(&self, t: TypeId) -> bool {
        matches!(self.c.types.under(t), Type::Struct { .. })
    }

    fn recv_is_ptr(&self, func: ObjectId) -> bool {
        self.info()
            .object(func)
            .func_info()
            .and_then(|f| f.recv)
            .is_some_and(|r| r.pointer)
    }

    /// Every method name declared on `t` or on types embedded in it.
    fn method_names(&self, t: TypeId, out: &mut Vec<String>, depth: u32) {
        if depth > 8 {
            return;
        }
        let t = match self.c.types.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        if let Some(n) = self.c.types.named(t) {
            out.extend(
                n.methods
                    .iter()
                    .map(|m| self.info().object(*m).name.clone()),
            );
        }
        match self.c.types.under(t) {
            Type::Struct { fields } => {
                for f in fields.iter().filter(|f| f.embedded) {
                    self.method_names(f.ty, out, depth + 1);
                }
            }
            Type::Interface(i) if depth > 0 => out.extend(i.methods.iter().map(|(n, _)| n.clone())),
            _ => {}
        }
    }

    /// Emits the body of the wrapper `recv.name(args...)` into function `id`.
    pub fn compile_wrapper(&mut self, recv: TypeId, name: &str, id: FuncId) {
        let (base, is_ptr) = match self.c.types.get(recv) {
            Type::Pointer(e) => (*e, true),
            _ => (recv, false),
        };
        let found = lookup(self.info(), base, name);
        let (path, sig_ty, target) = match found {
            Found::Method { func, path, .. } => (path, self.info().object(func).ty, Some(func)),
            Found::InterfaceMethod { path, sig, .. } => (path, sig, None),
            _ => {
                let span = self.c.file.span;
                self.error(
                    span,
                    format!("internal error: no method {name} for a wrapper"),
                );
                return;
            }
        };
        let Some(sig) = self.c.types.signature_of(sig_ty).cloned() else {
            return;
        };
        let proto = std::mem::take(&mut self.c.funcs[id.0 as usize]);
        // Go attributes wrappers to `<autogenerated>`; the promoted method's declaration
        // is the closest source line.
        let pos = target
            .and_then(|f| self.c.decls.get(&f))
            .map(|d| self.c.pos(d.span))
            .unwrap_or_default();
        let saved = std::mem::replace(
            &mut self.f,
            FuncState {
                proto,
                pos,
                ..FuncState::default()
            },
        );
        self.f.proto.pos = pos;
        let nparams = 1 + sig.params.len();
        self.f.proto.nparams = nparams as u16;
        self.f.proto.nresults = sig.results.len() as u16;
        self.alloc_n(nparams);
        let wants_ptr = target.is_some_and(|f| self.recv_is_ptr(f));
        // Walk the embedding path from the receiver. For a pointer method, fields behind
        // a pointer are reached by address, so the method acts on the embedded value
        // itself (a Mutex two embeddings deep), not on a copy.
        let mut cur = Reg(0);
        let mut cur_ptr = is_ptr;
        let mut t = base;
        for &i in &path {
            let ft = self.c.struct_field(t, i);
            let next = self.alloc();
            let field = i as u16;
            let ft_ptr = self.c.is_pointer(ft);
            self.emit(match (cur_ptr, wants_ptr && !ft_ptr) {
                (true, true) => Instr::AddrField {
                    dst: next,
                    ptr: cur,
                    field,
                },
                (true, false) => Instr::LoadField {
                    dst: next,
                    ptr: cur,
                    field,
                },
                (false, _) => Instr::GetField {
                    dst: next,
                    src: cur,
                    field,
                },
            });
            cur_ptr = ft_ptr || (cur_ptr && wants_ptr);
            t = match self.c.types.get(ft) {
                Type::Pointer(e) => *e,
                _ => ft,
            };
            cur = next;
        }
        let call_base = self.alloc_n(nparams);
        // A pointer method gets the pointer; a value method or an embedded interface
        // the value.
        if cur_ptr && !wants_ptr {
            self.emit(Instr::Load {
                dst: call_base,
                ptr: cur,
            });
        } else {
            self.emit(Instr::Move {
                dst: call_base,
                src: cur,
            });
        }
        for i in 1..nparams {
            self.emit(Instr::Move {
                dst: Reg(call_base.0 + i as u16),
                src: Reg(i as u16),
            });
        }
        let nargs = (nparams - 1) as u16;
        match target {
            Some(func) => match self.method_callee(func) {
                Callee::Func(f) => self.emit(Instr::Call {
                    func: f,
                    base: call_base,
                }),
                Callee::Native(native) => self.emit(Instr::CallNative {
                    native,
                    base: call_base,
                    nargs: nargs + 1,
                }),
            },
            None => {
                let method = self.c.symbol(name);
                self.emit(Instr::CallIface {
                    method,
                    base: call_base,
                    nargs,
                })
            }
        };
        let nres = sig.results.len() as u16;
        self.cover(call_base.0 + nres);
        self.emit(Instr::Return {
            src: call_base,
            n: nres,
        });
        let done = std::mem::replace(&mut self.f, saved);
        self.c.funcs[id.0 as usize] = done.proto;
    }
}
