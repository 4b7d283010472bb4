//! Calls: static functions (`Call`), standard-library natives (`CallNative` with the
//! checker's keys), methods (receiver first, with the implicit `&x` or `*p`), interface
//! methods (`CallIface`), func values (`CallClosure`), conversions and builtins.
//!
//! Arguments go to consecutive registers at the call's base (the top of the frame),
//! converted to the parameter types; variadic tails are packed into one slice; a
//! multi-valued call as the only argument (`f(g())`) is called with the same base, so
//! its results already sit where `f`'s arguments go.

use goroscope_syntax::ast::{Expr, ExprKind, UnaryOp};
use goroscope_types::info::{CallInfo, CallKind, Selection};
use goroscope_types::lookup::{Found, lookup};
use goroscope_types::objects::Builtin;
use goroscope_types::objects::ObjectId;
use goroscope_types::types::{Signature, Type, TypeId};

use crate::bytecode::{Callee, FuncId, Instr, Reg};
use crate::lower::{Job, Lower};
use crate::names;

/// The most instantiations of one generic function (more means an instantiation cycle).
const MAX_INSTANCES: usize = 256;

/// How the callee of a call is reached, before its arguments are evaluated.
pub enum Target {
    Static(FuncId),
    Native(crate::bytecode::NativeId),
    /// A method call on an interface value (the receiver is the first argument).
    Iface(crate::bytecode::SymId),
    /// A func value in this register.
    Value(Reg),
}

/// A call prepared for `go`/`defer` or an ordinary call: the target, and the argument
/// window `base..base+nargs` (the receiver included for methods).
pub struct Prepared {
    pub target: Target,
    pub base: Reg,
    pub nargs: u16,
    pub nresults: u16,
}

impl<'a> Lower<'a> {
    /// Lowers a call expression; returns the base register of its results and how many
    /// there are. `top` is left just above the results.
    pub fn call(&mut self, e: &Expr) -> (Reg, usize) {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            return (self.alloc(), 0);
        };
        let Some(ci) = self.info().call(e.id).cloned() else {
            self.error(e.span, "internal error: call without type information");
            return (self.alloc(), 0);
        };
        self.set_pos(e.span);
        match ci.kind {
            CallKind::Conversion(t) => {
                let t = self.subst(t);
                let r = self.alloc();
                match args.first() {
                    Some(a) => self.conversion(a, t, r),
                    None => self.error(e.span, "missing argument in conversion"),
                }
                self.release(r.0 + 1);
                (r, 1)
            }
            CallKind::Builtin(b) => self.builtin(e, b, args, ellipsis.is_some()),
            _ => {
                let Some(p) = self.prepare_call(e, func, args, &ci) else {
                    return (self.alloc(), 0);
                };
                self.emit_call(&p);
                let n = p.nresults as usize;
                self.release(p.base.0);
                self.alloc_n(n);
                (p.base, n)
            }
        }
    }

    /// Emits the call instruction of a prepared call.
    pub fn emit_call(&mut self, p: &Prepared) {
        let (base, nargs) = (p.base, p.nargs);
        let i = match p.target {
            Target::Static(func) => Instr::Call { func, base },
            Target::Native(native) => Instr::CallNative {
                native,
                base,
                nargs,
            },
            Target::Iface(method) => Instr::CallIface {
                method,
                base,
                nargs: nargs.saturating_sub(1),
            },
            Target::Value(f) => Instr::CallClosure { f, base, nargs },
        };
        self.emit(i);
        self.cover(base.0 + p.nresults);
    }

    /// Evaluates the callee and the arguments of a non-builtin, non-conversion call.
    pub fn prepare_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ci: &CallInfo,
    ) -> Option<Prepared> {
        let mut sig_ty = self.subst(ci.sig);
        if self.c.types.signature_of(sig_ty).is_none() {
            sig_ty = self.ty(func.id);
        }
        let Some(sig) = self.c.types.signature_of(sig_ty).cloned() else {
            self.error(e.span, "internal error: call of a non-function");
            return None;
        };
        let nresults = sig.results.len() as u16;
        let callee_expr = crate::expr::strip_parens(func);
        let (target, base, recv) = match &ci.kind {
            CallKind::Func(obj) => {
                let obj = *obj;
                let target = match self
                    .info()
                    .object(obj)
                    .func_info()
                    .and_then(|f| f.native.clone())
                {
                    Some(key) => Target::Native(self.c.native(&key)),
                    None => {
                        let targs: Vec<TypeId> =
                            ci.type_args.iter().map(|&t| self.subst(t)).collect();
                        Target::Static(self.func_id(obj, targs))
                    }
                };
                (target, Reg(self.mark()), 0)
            }
            CallKind::Method => {
                let ExprKind::Selector { x, .. } = &callee_expr.kind else {
                    self.error(e.span, "internal error: method call without selector");
                    return None;
                };
                let selection = self
                    .info()
                    .selection(callee_expr.id)
                    .cloned()
                    .map(|s| self.resolve_method(x, s));
                match selection {
                    Some(Selection::Method { func, path, .. }) => {
                        let base = self.alloc();
                        let m = self.mark();
                        let r = self.method_recv(x, &path, func);
                        if r != base {
                            self.emit(Instr::Move { dst: base, src: r });
                        }
                        self.release(m);
                        let target = match self.method_callee(func) {
                            Callee::Func(f) => Target::Static(f),
                            Callee::Native(n) => Target::Native(n),
                        };
                        (target, base, 1)
                    }
                    Some(Selection::InterfaceMethod { name, path, .. }) => {
                        let base = self.alloc();
                        let m = self.mark();
                        let r = self.follow_path_value(x, &path);
                        if r != base {
                            self.emit(Instr::Move { dst: base, src: r });
                        }
                        self.release(m);
                        (Target::Iface(self.c.symbol(&name)), base, 1)
                    }
                    _ => {
                        // A method expression or field of func type called directly.
                        let f = self.expr(func);
                        (Target::Value(f), Reg(self.mark()), 0)
                    }
                }
            }
            _ => {
                let f = self.expr(func);
                (Target::Value(f), Reg(self.mark()), 0)
            }
        };
        let nargs = self.args(args, &sig, ci) + recv;
        Some(Prepared {
            target,
            base,
            nargs: nargs as u16,
            nresults,
        })
    }

    /// Evaluates call arguments into consecutive registers at `top`; returns how many
    /// argument registers were filled.
    pub fn args(&mut self, args: &[Expr], sig: &Signature, ci: &CallInfo) -> usize {
        let nparams = sig.params.len();
        let nfixed = if sig.variadic {
            nparams.saturating_sub(1)
        } else {
            nparams
        };
        let elem = |c: &Self| sig.params.last().map_or(TypeId::INVALID, |&s| c.c.elem(s));
        if ci.spread_tuple && args.len() == 1 {
            let (base, n) = self.call(&args[0]);
            let tys = self.call_result_types(&args[0]);
            let elem_ty = elem(self);
            for i in 0..n {
                let to = if i < nfixed {
                    sig.params.get(i).copied().unwrap_or(TypeId::INVALID)
                } else {
                    elem_ty
                };
                let from = tys.get(i).copied().unwrap_or(TypeId::INVALID);
                self.coerce(Reg(base.0 + i as u16), from, to);
            }
            if sig.variadic && ci.pack_variadic {
                let slot = Reg(base.0 + nfixed as u16);
                let tmp = self.alloc();
                self.emit(Instr::MakeSliceFrom {
                    dst: tmp,
                    base: slot,
                    n: (n - nfixed.min(n)) as u16,
                });
                self.emit(Instr::Move {
                    dst: slot,
                    src: tmp,
                });
                self.release(slot.0 + 1);
                return nfixed + 1;
            }
            return n;
        }
        // Each argument's register and parameter type (variadic elements after the slot).
        let nf = nfixed.min(args.len());
        let base = self.alloc_n(nf);
        let mut targets: Vec<(Reg, TypeId)> = (0..nf)
            .map(|i| (Reg(base.0 + i as u16), sig.params[i]))
            .collect();
        let mut packed = None;
        if sig.variadic {
            let slot = self.alloc();
            let rest = args.len().saturating_sub(nfixed);
            if rest == 0 {
                self.emit(Instr::LoadNil { dst: slot });
            } else if !ci.pack_variadic {
                targets.push((slot, sig.params[nfixed]));
            } else {
                let first = self.alloc_n(rest);
                let et = elem(self);
                targets.extend((0..rest).map(|k| (Reg(first.0 + k as u16), et)));
                packed = Some((slot, first, rest as u16));
            }
        }
        let items: Vec<_> = args
            .iter()
            .zip(targets)
            .map(|(a, (r, t))| (a, r, t))
            .collect();
        self.eval_ordered(&items);
        if let Some((slot, first, n)) = packed {
            self.emit(Instr::MakeSliceFrom {
                dst: slot,
                base: first,
                n,
            });
        }
        let n = nf + usize::from(sig.variadic);
        self.release(base.0 + n as u16);
        n
    }

    /// Evaluates each expression into its register, converted to its type, in the
    /// order gc uses for expression lists (call arguments, composite literal elements,
    /// assignment and return values): operands involving a call, a receive, a map index
    /// or a type assertion first, left to right; plain operands (variables, constants,
    /// `len(ch)`) afterwards. So `fmt.Println(n, inc())` prints `n` after `inc` ran, as
    /// gc does. (gc copies an unaddressed local struct early when boxing it, but nothing
    /// can change such a variable meanwhile, so reading it late is indistinguishable.)
    pub fn eval_ordered(&mut self, items: &[(&Expr, Reg, TypeId)]) {
        let (early, late): (Vec<usize>, Vec<usize>) =
            (0..items.len()).partition(|&i| self.has_effects(items[i].0));
        for i in early.into_iter().chain(late) {
            let m = self.mark();
            let (e, r, t) = items[i];
            self.element(e, t, r);
            self.release(m);
        }
    }

    /// Whether evaluating `e` calls a function, receives, indexes a map or asserts a
    /// type (function literals are not entered: creating one has no effect).
    pub fn has_effects(&self, e: &Expr) -> bool {
        struct Finder<'i> {
            info: &'i goroscope_types::Info,
            found: bool,
        }
        impl crate::walk::Visitor for Finder<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                let hit = match &e.kind {
                    ExprKind::Call { .. } => !matches!(
                        self.info.call(e.id).map(|c| &c.kind),
                        Some(
                            CallKind::Conversion(_)
                                | CallKind::Builtin(Builtin::Len | Builtin::Cap)
                        )
                    ),
                    ExprKind::Unary {
                        op: UnaryOp::Recv, ..
                    }
                    | ExprKind::TypeAssert { .. } => true,
                    ExprKind::Index { x, .. } => self
                        .info
                        .expr(x.id)
                        .is_some_and(|tv| matches!(self.info.types.under(tv.ty), Type::Map { .. })),
                    _ => false,
                };
                self.found |= hit;
                !self.found && !matches!(e.kind, ExprKind::FuncLit { .. })
            }
        }
        let mut f = Finder {
            info: self.info(),
            found: false,
        };
        crate::walk::walk_expr(&mut f, e);
        f.found
    }

    /// The result types of a call expression.
    pub fn call_result_types(&mut self, e: &Expr) -> Vec<TypeId> {
        let t = self.info().expr(e.id).map_or(TypeId::INVALID, |tv| tv.ty);
        let t = self.subst(t);
        match self.c.types.get(t) {
            Type::Tuple(v) => v.clone(),
            _ => vec![t],
        }
    }

    /// The receiver argument of a method call or method value: `x` followed through the
    /// embedded fields `path`, then `&` or `*` to match the method's receiver.
    pub fn method_recv(&mut self, x: &Expr, path: &[usize], func: ObjectId) -> Reg {
        let wants_ptr = self
            .info()
            .object(func)
            .func_info()
            .and_then(|f| f.recv)
            .is_some_and(|r| r.pointer);
        // The type at the end of the path, and whether a pointer is dereferenced on the way.
        let mut t = self.ty(x.id);
        for &i in path {
            t = self.c.struct_field(t, i);
        }
        let end_is_ptr = self.c.is_pointer(t);
        if wants_ptr && !end_is_ptr {
            // `&x.path`: an addressable operand (boxed by the escape pass if needed).
            let place = self.path_place(x, path);
            return match self.place_addr(&place) {
                Some(r) => r,
                None => {
                    self.error(
                        x.span,
                        "internal error: cannot take the address of the receiver",
                    );
                    self.alloc()
                }
            };
        }
        let v = self.follow_path_value(x, path);
        if !wants_ptr && end_is_ptr {
            let r = self.alloc();
            self.emit(Instr::Load { dst: r, ptr: v });
            return r;
        }
        v
    }

    /// In a generic instantiation a method of a type parameter's constraint is a method
    /// of the concrete type argument: turn the interface dispatch into a static call.
    pub fn resolve_method(&mut self, x: &Expr, s: Selection) -> Selection {
        let Selection::InterfaceMethod { name, path, .. } = &s else {
            return s;
        };
        if self.f.subst.is_empty() || !path.is_empty() {
            return s;
        }
        let xt = self.ty(x.id);
        if self.c.is_interface(xt) {
            return s;
        }
        let base = if self.c.is_pointer(xt) {
            self.c.elem(xt)
        } else {
            xt
        };
        match lookup(self.info(), base, name) {
            Found::Method { func, path, .. } => Selection::Method {
                func,
                path,
                addr: false,
                deref: false,
            },
            _ => s,
        }
    }

    /// The function implementing a declared method (a native for standard-library ones).
    pub fn method_callee(&mut self, func: ObjectId) -> Callee {
        match self
            .info()
            .object(func)
            .func_info()
            .and_then(|f| f.native.clone())
        {
            Some(key) => Callee::Native(self.c.native(&key)),
            None => Callee::Func(self.func_id(func, Vec::new())),
        }
    }

    /// The function value of a method expression `T.M` / `(*T).M`.
    pub fn method_expr_callee(&mut self, func: ObjectId, recv: TypeId, name: &str) -> Callee {
        let decl_ptr = self.info().object(func).func_info().and_then(|f| f.recv);
        let recv_is_ptr = self.c.is_pointer(recv);
        match decl_ptr {
            Some(r)
                if r.pointer == recv_is_ptr && (r.base == recv || self.c.elem(recv) == r.base) =>
            {
                self.method_callee(func)
            }
            _ => Callee::Func(self.wrapper(recv, name)),
        }
    }

    /// The function id of a declared function or method (instantiated with `targs`),
    /// scheduling its compilation the first time it is asked for.
    pub fn func_id(&mut self, obj: ObjectId, targs: Vec<TypeId>) -> FuncId {
        let key = (obj, targs);
        if let Some(&id) = self.c.func_index.get(&key) {
            return id;
        }
        let pos = self
            .c
            .decls
            .get(&obj)
            .map(|d| self.c.pos(d.span))
            .unwrap_or_default();
        if !key.1.is_empty()
            && self.c.func_index.keys().filter(|k| k.0 == obj).count() >= MAX_INSTANCES
        {
            // `F[T]` instantiating `F[[]T]` forever: Go rejects this as an instantiation cycle.
            let span = self
                .c
                .decls
                .get(&obj)
                .map_or(self.c.file.span, |d| d.name.span);
            if !self.c.errors.iter().any(|d| d.span == span) {
                self.error(span, "instantiation cycle");
            }
            return FuncId(0);
        }
        let name = names::func_name(&self.c, obj, &key.1);
        let id = self.c.reserve_func(name, pos);
        self.c.func_index.insert(key.clone(), id);
        self.c.jobs.push(Job::Decl { key, id });
        id
    }

    /// A compiler-made function `recv.name(args)` (promoted methods, interface method
    /// expressions, method expressions whose receiver needs `*`), scheduled once.
    pub fn wrapper(&mut self, recv: TypeId, name: &str) -> FuncId {
        let key = (recv, name.to_string());
        if let Some(&id) = self.c.wrapper_index.get(&key) {
            return id;
        }
        let fname = names::method_name(&self.c.types, recv, name);
        let id = self.c.reserve_func(fname, Default::default());
        self.c.wrapper_index.insert(key, id);
        self.c.jobs.push(Job::Wrapper {
            recv,
            name: name.to_string(),
            id,
        });
        id
    }
}
