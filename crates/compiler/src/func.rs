//! Function frames: parameters in `r0..`, named results, boxing of captured or
//! address-taken parameters, `return` (with `RunDefers` before it in functions that
//! defer), the `recover_pc` epilogue, and function literals (closures capturing the
//! cells of their free variables).

use goroscope_syntax::ast::{Block, Expr, FuncDecl, FuncType, Param, StmtKind};
use goroscope_types::objects::{ObjectId, VarRole};
use goroscope_types::types::TypeId;

use crate::bytecode::{FuncId, Instr, Reg};
use crate::generic::Subst;
use crate::lower::{FuncState, Lower, VarLoc};
use crate::walk::{Visitor, walk_block};

impl<'a> Lower<'a> {
    /// Gives a variable object its storage at register `r` (which holds its initial
    /// value): in place, or in a fresh cell if it is boxed.
    pub fn declare_var(&mut self, obj: ObjectId, r: Reg) {
        let name = self.info().object(obj).name.clone();
        if name == "_" {
            return;
        }
        if self.c.boxed.contains(&obj) {
            self.emit(Instr::NewCell { dst: r, src: r });
            self.f.vars.insert(obj, VarLoc::Boxed(r));
        } else {
            self.f.vars.insert(obj, VarLoc::Reg(r));
        }
        self.f.proto.var_names.push((r, name));
    }

    /// Compiles a declared function or method (instantiated with `targs`) into `id`.
    pub fn compile_decl(&mut self, fd: &FuncDecl, obj: ObjectId, targs: &[TypeId], id: FuncId) {
        let params = self
            .info()
            .object(obj)
            .func_info()
            .map(|f| f.type_params.clone())
            .unwrap_or_default();
        let sig_ty = self.info().object(obj).ty;
        let subst = Subst::new(&params, targs);
        let proto = std::mem::take(&mut self.c.funcs[id.0 as usize]);
        let saved = std::mem::replace(
            &mut self.f,
            FuncState {
                proto,
                subst,
                ..FuncState::default()
            },
        );
        let sig_ty = self.subst(sig_ty);
        if let Some(body) = &fd.body {
            self.set_pos(fd.span);
            self.frame(fd.recv.as_ref(), &fd.sig, body, sig_ty);
        } else {
            self.error(
                fd.name.span,
                format!("missing function body: {}", fd.name.name),
            );
        }
        let done = std::mem::replace(&mut self.f, saved);
        self.c.funcs[id.0 as usize] = done.proto;
    }

    /// Emits the frame set-up, the body and the epilogues of a function.
    fn frame(&mut self, recv: Option<&Param>, ft: &FuncType, body: &Block, sig_ty: TypeId) {
        let sig = self.c.types.signature_of(sig_ty).cloned();
        let mut params: Vec<Option<ObjectId>> = Vec::new();
        for p in recv.into_iter().chain(&ft.params) {
            if p.names.is_empty() {
                params.push(None);
            } else {
                params.extend(p.names.iter().map(|n| self.info().ident(n.id)));
            }
        }
        self.f.proto.nparams = params.len() as u16;
        let first = self.alloc_n(params.len());
        for (i, p) in params.iter().enumerate() {
            if let Some(obj) = p {
                self.declare_var(*obj, Reg(first.0 + i as u16));
            }
        }
        let result_tys = sig.as_ref().map(|s| s.results.clone()).unwrap_or_default();
        let mut result_objs: Vec<Option<ObjectId>> = Vec::new();
        for p in &ft.results {
            if p.names.is_empty() {
                result_objs.push(None);
            } else {
                result_objs.extend(p.names.iter().map(|n| self.info().ident(n.id)));
            }
        }
        self.f.results = result_tys
            .iter()
            .enumerate()
            .map(|(i, &t)| (result_objs.get(i).copied().flatten(), t))
            .collect();
        self.f.proto.nresults = self.f.results.len() as u16;
        self.cover(self.f.proto.nresults.max(1) - 1);
        for (obj, t) in self.f.results.clone() {
            if let Some(obj) = obj {
                let r = self.alloc();
                self.zero(t, r);
                self.declare_var(obj, r);
            }
        }
        self.f.has_defer = contains_defer(body);
        self.block(body);
        // Falling off the end (the checker rejects it for functions with results).
        self.set_pos(goroscope_syntax::Span::at(body.span.end.saturating_sub(1)));
        if self.falls_through() {
            self.return_results();
        }
        if self.f.has_defer {
            self.f.proto.recover_pc = Some(self.here());
            self.return_results();
        }
    }

    /// `RunDefers` if needed, then returns the named results' current values (zero values
    /// for unnamed results).
    fn return_results(&mut self) {
        let m = self.mark();
        if self.f.has_defer {
            self.emit(Instr::RunDefers);
        }
        let n = self.f.results.len();
        if let Some(src) = self.named_results_in_place() {
            self.emit(Instr::Return { src, n: n as u16 });
            return;
        }
        let base = self.alloc_n(n);
        for (i, (obj, t)) in self.f.results.clone().into_iter().enumerate() {
            let r = Reg(base.0 + i as u16);
            match obj.and_then(|o| self.var_ref(o)) {
                Some(v) => self.read_var(v, r),
                None => self.zero(t, r),
            }
        }
        self.emit(Instr::Return {
            src: base,
            n: n as u16,
        });
        self.release(m);
    }

    /// The first register of the named results when they sit, unboxed, in consecutive
    /// registers in order (then they are returned without copying).
    fn named_results_in_place(&self) -> Option<Reg> {
        let mut first = None;
        for (i, (obj, _)) in self.f.results.iter().enumerate() {
            let Some(VarLoc::Reg(r)) = obj.and_then(|o| self.f.vars.get(&o).copied()) else {
                return None;
            };
            let start = *first.get_or_insert(r.0);
            if r.0 != start + i as u16 {
                return None;
            }
        }
        first.map(Reg)
    }

    /// A `return` statement.
    pub fn return_stmt(&mut self, exprs: &[Expr]) {
        let m = self.mark();
        let n = self.f.results.len();
        if exprs.is_empty() {
            self.return_results();
            return;
        }
        let tys: Vec<TypeId> = self.f.results.iter().map(|r| r.1).collect();
        if let ([e], [to], false) = (exprs, &tys[..], self.f.has_defer)
            && let Some(r) = self.reg_var(e)
        {
            // `return x` of a register variable needing no conversion: return it from
            // where it is, without a move into a result register.
            let from = self.ty(e.id);
            if from == *to || !self.c.is_interface(*to) || self.c.is_interface(from) {
                self.emit(Instr::Return { src: r, n: 1 });
                self.release(m);
                return;
            }
        }
        let base = if exprs.len() == 1 && n > 1 {
            let (base, got) = self.call(&exprs[0]);
            let from = self.call_result_types(&exprs[0]);
            for (i, &to) in tys.iter().enumerate().take(got) {
                self.coerce(
                    Reg(base.0 + i as u16),
                    from.get(i).copied().unwrap_or(TypeId::INVALID),
                    to,
                );
            }
            base
        } else {
            let base = self.alloc_n(exprs.len());
            let items: Vec<_> = exprs
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    (
                        e,
                        Reg(base.0 + i as u16),
                        tys.get(i).copied().unwrap_or(TypeId::INVALID),
                    )
                })
                .collect();
            self.eval_ordered(&items);
            base
        };
        let named = self.f.results.iter().all(|r| r.0.is_some()) && n > 0;
        if self.f.has_defer && named {
            // Deferred calls may read and change the named results.
            for (i, (obj, _)) in self.f.results.clone().into_iter().enumerate() {
                if let Some(v) = obj.and_then(|o| self.var_ref(o)) {
                    self.store_place(&crate::place::Place::Var(v), Reg(base.0 + i as u16));
                }
            }
            self.return_results();
        } else {
            if self.f.has_defer {
                self.emit(Instr::RunDefers);
            }
            self.cover(base.0);
            self.emit(Instr::Return {
                src: base,
                n: n as u16,
            });
        }
        self.release(m);
    }

    /// A function literal into `dst`: its body becomes a new function; its captured
    /// variables' cells (or, for those never written, their values) are passed to
    /// `MakeClosure`.
    pub fn func_lit(&mut self, e: &Expr, ft: &FuncType, body: &Block, dst: Reg) {
        // Package variables are reached as globals, never captured.
        let info = self.info();
        let caps: Vec<ObjectId> = info
            .captures
            .get(e.id.index())
            .cloned()
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .filter(|&o| {
                !info
                    .object(o)
                    .var_info()
                    .is_some_and(|v| v.role == VarRole::Global)
            })
            .collect();
        self.f.closures += 1;
        let name = if self.f.is_closure {
            format!("{}.{}", self.f.proto.name, self.f.closures)
        } else {
            format!("{}.func{}", self.f.proto.name, self.f.closures)
        };
        let pos = self.c.pos(e.span);
        let id = self.c.reserve_func(name.clone(), pos);
        let sig_ty = self.ty(e.id);
        let inner = FuncState {
            proto: std::mem::take(&mut self.c.funcs[id.0 as usize]),
            subst: self.f.subst.clone(),
            is_closure: true,
            pos,
            ..FuncState::default()
        };
        let outer: Vec<Option<VarLoc>> = caps.iter().map(|c| self.f.vars.get(c).copied()).collect();
        let saved = std::mem::replace(&mut self.f, inner);
        for (i, (c, loc)) in caps.iter().zip(&outer).enumerate() {
            // A variable in a cell is shared through the cell; one in a register (never
            // written after its declaration) is captured by value.
            let inner_loc = match loc {
                Some(VarLoc::Reg(_) | VarLoc::Captured(_)) => VarLoc::Captured(i as u16),
                _ => VarLoc::Upval(i as u16),
            };
            self.f.vars.insert(*c, inner_loc);
        }
        self.f.proto.ncaptures = caps.len() as u16;
        self.frame(None, ft, body, sig_ty);
        let done = std::mem::replace(&mut self.f, saved);
        self.c.funcs[id.0 as usize] = done.proto;
        if caps.is_empty() {
            self.emit(Instr::MakeFunc {
                dst,
                callee: crate::bytecode::Callee::Func(id),
            });
            return;
        }
        let m = self.mark();
        let base = self.alloc_n(caps.len());
        for (i, c) in caps.iter().enumerate() {
            let r = Reg(base.0 + i as u16);
            match self.f.vars.get(c).copied() {
                Some(VarLoc::Boxed(b) | VarLoc::Reg(b)) => {
                    self.emit(Instr::Move { dst: r, src: b });
                }
                Some(VarLoc::Upval(idx) | VarLoc::Captured(idx)) => {
                    self.emit(Instr::LoadCapture { dst: r, idx });
                }
                None => {
                    let name = self.info().object(*c).name.clone();
                    self.error(
                        e.span,
                        format!("internal error: captured variable {name} has no storage"),
                    );
                }
            }
        }
        self.emit(Instr::MakeClosure {
            dst,
            func: id,
            base,
            n: caps.len() as u16,
        });
        self.release(m);
    }
}

/// Whether a function body contains a `defer` statement (not counting nested literals,
/// which are functions of their own).
pub fn contains_defer(body: &Block) -> bool {
    struct Finder(bool);
    impl Visitor for Finder {
        fn stmt(&mut self, s: &goroscope_syntax::ast::Stmt) -> bool {
            if matches!(s.kind, StmtKind::Defer(_)) {
                self.0 = true;
            }
            !self.0
        }
        fn expr(&mut self, e: &Expr) -> bool {
            !matches!(e.kind, goroscope_syntax::ast::ExprKind::FuncLit { .. })
        }
    }
    let mut f = Finder(false);
    walk_block(&mut f, body);
    f.0
}
