//! Assignments in Go's two phases: first the left-hand places' operands and the
//! right-hand values are evaluated (left to right, values into fresh registers), then the
//! places are written left to right — so `a, b = b, a` swaps. Also `:=` (new variables
//! take the value registers in place), comma-ok forms, `op=` and `++`/`--`.

use goroscope_syntax::ast::{AssignOp, BinaryOp, Expr, ExprKind, UnaryOp};
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Instr, Reg};
use crate::expr::VarRef;
use crate::expr::strip_parens;
use crate::lower::{Lower, VarLoc};
use crate::place::Place;
use crate::typedesc::Class;

impl<'a> Lower<'a> {
    /// Lowers an assignment statement; returns true when it declared variables (whose
    /// registers must stay allocated).
    pub fn assign_stmt(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) -> bool {
        match op {
            AssignOp::Define => {
                self.define(lhs, rhs);
                true
            }
            AssignOp::Assign => {
                self.assign(lhs, rhs);
                false
            }
            AssignOp::Op(bop) => {
                if let (Some(x), Some(y)) = (lhs.first(), rhs.first()) {
                    self.op_assign(x, bop, y);
                }
                false
            }
        }
    }

    /// The values of `rhs` for targets of types `tys`, in consecutive fresh registers
    /// (one per target); handles `f()` with several results and the comma-ok forms.
    pub fn rhs_values(&mut self, tys: &[TypeId], rhs: &[Expr]) -> Reg {
        if rhs.len() == tys.len() {
            let base = self.alloc_n(rhs.len());
            let mut items = Vec::with_capacity(rhs.len());
            for (i, e) in rhs.iter().enumerate() {
                let t = if tys[i] == TypeId::INVALID {
                    self.ty(e.id)
                } else {
                    tys[i]
                };
                items.push((e, Reg(base.0 + i as u16), t));
            }
            self.eval_ordered(&items);
            return base;
        }
        let (Some(e), Some(&first_ty)) = (rhs.first(), tys.first()) else {
            return Reg(self.mark());
        };
        let inner = strip_parens(e);
        let base = match &inner.kind {
            ExprKind::Index { x, indices } if indices.len() == 1 && self.is_map(x) => {
                let base = self.alloc_n(2);
                let mt = self.ty(x.id);
                let key_ty = match self.c.types.under(mt) {
                    Type::Map { key, .. } => *key,
                    _ => TypeId::INVALID,
                };
                let map = self.expr(x);
                let key = self.fresh_as(&indices[0], key_ty);
                let ty = self.c.desc(mt);
                self.emit(Instr::MapGetOk {
                    dst: base,
                    map,
                    key,
                    ty,
                });
                let vt = self.c.elem(mt);
                self.coerce(base, vt, first_ty);
                base
            }
            ExprKind::TypeAssert { x, ty: Some(_) } => {
                let base = self.alloc_n(2);
                let src = self.expr(x);
                let t = self.ty(inner.id);
                let ty = self.c.desc(t);
                self.emit(Instr::TypeAssertOk {
                    dst: base,
                    ok: Reg(base.0 + 1),
                    src,
                    ty,
                });
                self.coerce(base, t, first_ty);
                base
            }
            ExprKind::Unary {
                op: UnaryOp::Recv,
                x,
            } => {
                let base = self.alloc_n(2);
                let ch = self.expr(x);
                self.emit(Instr::RecvOk {
                    dst: base,
                    ok: Reg(base.0 + 1),
                    ch,
                });
                let ct = self.ty(x.id);
                let et = self.c.elem(ct);
                self.coerce(base, et, first_ty);
                base
            }
            _ => {
                let (base, n) = self.call(e);
                let from = self.call_result_types(e);
                for (i, &t) in tys.iter().enumerate().take(n) {
                    self.coerce(
                        Reg(base.0 + i as u16),
                        from.get(i).copied().unwrap_or(TypeId::INVALID),
                        t,
                    );
                }
                base
            }
        };
        self.release(base.0 + tys.len() as u16);
        self.cover(base.0 + tys.len() as u16);
        base
    }

    fn is_map(&mut self, x: &Expr) -> bool {
        let t = self.ty(x.id);
        matches!(self.c.types.under(t), Type::Map { .. })
    }

    /// The static type of an assignment target (`INVALID` for `_`: no conversion).
    fn target_ty(&mut self, e: &Expr) -> TypeId {
        match &strip_parens(e).kind {
            ExprKind::Ident(id) if id.name == "_" => TypeId::INVALID,
            _ => self.ty(e.id),
        }
    }

    fn define(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let objs: Vec<_> = lhs
            .iter()
            .map(|e| match &e.kind {
                ExprKind::Ident(id) if id.name != "_" => self.info().ident(id.id),
                _ => None,
            })
            .collect();
        let tys: Vec<TypeId> = objs
            .iter()
            .map(|o| o.map_or(TypeId::INVALID, |o| self.obj_ty(o)))
            .collect();
        self.label_chans_of_vars(rhs, &objs);
        let base = self.rhs_values(&tys, rhs);
        for (i, o) in objs.iter().enumerate() {
            let r = Reg(base.0 + i as u16);
            let Some(o) = *o else { continue };
            match self.var_ref(o) {
                // Redeclared in `a, err := ...`: an ordinary assignment.
                Some(v) => self.store_place(&crate::place::Place::Var(v), r),
                None => self.declare_var(o, r),
            }
        }
        self.release(base.0 + lhs.len() as u16);
    }

    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let places: Vec<_> = lhs.iter().map(|e| self.place(e)).collect();
        let tys: Vec<TypeId> = lhs.iter().map(|e| self.target_ty(e)).collect();
        self.label_chans(rhs, |l, i| l.source_text(lhs.get(i)?));
        let base = self.rhs_values(&tys, rhs);
        for (i, p) in places.iter().enumerate() {
            self.store_place(p, Reg(base.0 + i as u16));
        }
    }

    /// The map type of a place expression `m[k]`, for reading it.
    fn map_of(&mut self, x: &Expr) -> Option<TypeId> {
        match &strip_parens(x).kind {
            ExprKind::Index { x: m, .. } if self.is_map(m) => Some(self.ty(m.id)),
            _ => None,
        }
    }

    /// The register an update of place `p` works in: a register variable's own, or a
    /// fresh one holding the place's current value.
    fn update_reg(&mut self, p: &Place, x: &Expr) -> Reg {
        if let Place::Var(VarRef::Local(VarLoc::Reg(r))) = p {
            return *r;
        }
        let map_ty = self.map_of(x);
        let cur = self.alloc();
        self.load_place_typed(p, map_ty, cur);
        cur
    }

    fn op_assign(&mut self, x: &Expr, op: BinaryOp, y: &Expr) {
        let p = self.place(x);
        let t = self.ty(x.id);
        let cur = self.update_reg(&p, x);
        let v = self.expr(y);
        self.arith(x, op, t, cur, v, cur);
        self.store_place(&p, cur);
    }

    pub fn inc_dec(&mut self, x: &Expr, inc: bool) {
        let p = self.place(x);
        let t = self.ty(x.id);
        let cur = self.update_reg(&p, x);
        match self.c.class(t) {
            Class::Int(k) => {
                self.emit(Instr::AddIntImm {
                    dst: cur,
                    a: cur,
                    imm: if inc { 1 } else { -1 },
                });
                self.wrap(cur, k);
            }
            _ => {
                let one = self.alloc();
                let k = self.c.const_float(1.0);
                self.emit(Instr::LoadConst { dst: one, k });
                let op = if inc { BinaryOp::Add } else { BinaryOp::Sub };
                self.arith(x, op, t, cur, one, cur);
            }
        }
        self.store_place(&p, cur);
    }
}
