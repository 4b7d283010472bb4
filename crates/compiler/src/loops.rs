//! `for` loops: the three-clause form (with Go 1.22 per-iteration copies of boxed loop
//! variables, made before the post statement) and `range` over integers, slices, arrays,
//! pointers to arrays, strings (runes), maps and channels. Range variables declared with
//! `:=` are fresh per iteration: a boxed one gets a new cell each time round. A
//! three-clause loop tests its condition at the bottom (entered by a jump to the test),
//! so an iteration ends in one fused compare-and-branch back to the body.

use goroscope_syntax::ast::{Block, Expr, ExprKind, Stmt, StmtKind};
use goroscope_types::objects::ObjectId;
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Instr, Reg};
use crate::lower::{Lower, VarLoc};

/// How one range variable receives each iteration's value.
enum RangeVar {
    None,
    /// A variable declared by `:=`, in its register.
    Declared(ObjectId, Reg),
    /// An existing place (`for k, v = range`), prepared each iteration.
    Assigned(Expr),
}

impl<'a> Lower<'a> {
    pub fn for_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &Block,
    ) {
        let m = self.mark();
        let label = self.f.pending_label.take();
        let mut loop_vars = Vec::new();
        if let Some(init) = init {
            if let StmtKind::Assign {
                lhs,
                op: goroscope_syntax::ast::AssignOp::Define,
                ..
            } = &init.kind
            {
                loop_vars = lhs
                    .iter()
                    .filter_map(|e| match &e.kind {
                        ExprKind::Ident(id) => self.info().ident(id.id),
                        _ => None,
                    })
                    .collect();
            }
            self.stmt(init);
        }
        self.f.pending_label = label;
        // The condition is tested at the bottom, by one jump back to the body while it
        // holds; the loop is entered by a jump to that test.
        let enter = cond.map(|_| self.emit(Instr::Jump { target: 0 }));
        let top = self.here();
        self.push_breakable(true);
        self.block(body);
        let cont = self.here();
        // Go 1.22: the next iteration gets its own copy of each boxed loop variable.
        for v in loop_vars {
            if let Some(VarLoc::Boxed(cell)) = self.f.vars.get(&v).copied() {
                let mm = self.mark();
                let t = self.alloc();
                self.emit(Instr::Load { dst: t, ptr: cell });
                self.emit(Instr::NewCell { dst: cell, src: t });
                self.release(mm);
            }
        }
        if let Some(post) = post {
            self.stmt(post);
        }
        match (cond, enter) {
            (Some(c), Some(enter)) => {
                self.patch_here(enter);
                self.set_pos(c.span);
                for j in self.jump_if_true(c) {
                    self.patch(j, top);
                }
            }
            _ => {
                self.emit(Instr::Jump { target: top });
            }
        }
        let end = self.here();
        self.pop_breakable(cont, end);
        self.release(m);
    }

    fn range_var(&mut self, e: Option<&Expr>, define: bool) -> RangeVar {
        let Some(e) = e else { return RangeVar::None };
        if let ExprKind::Ident(id) = &e.kind {
            if id.name == "_" {
                return RangeVar::None;
            }
            if define {
                let Some(o) = self.info().ident(id.id) else {
                    return RangeVar::None;
                };
                let r = self.alloc();
                self.f.proto.var_names.push((r, id.name.clone()));
                return RangeVar::Declared(o, r);
            }
        }
        RangeVar::Assigned(e.clone())
    }

    /// Where an iteration's value should be produced: straight into a declared range
    /// variable's register when it is unboxed and of the value's type, else `scratch`
    /// (then [`Self::bind_range_var`] moves, converts or boxes it).
    fn range_dst(&mut self, rv: &RangeVar, scratch: Reg, from: TypeId) -> Reg {
        match rv {
            RangeVar::Declared(o, r) if !self.c.boxed.contains(o) && self.obj_ty(*o) == from => *r,
            _ => scratch,
        }
    }

    /// Gives a range variable this iteration's value (held in `v`, of type `from`).
    fn bind_range_var(&mut self, rv: &RangeVar, v: Reg, from: TypeId) {
        match rv {
            RangeVar::None => {}
            RangeVar::Declared(o, r) => {
                let t = self.obj_ty(*o);
                if *r != v {
                    self.emit(Instr::Move { dst: *r, src: v });
                }
                self.coerce(*r, from, t);
                if self.c.boxed.contains(o) {
                    self.emit(Instr::NewCell { dst: *r, src: *r });
                    self.f.vars.insert(*o, VarLoc::Boxed(*r));
                } else {
                    self.f.vars.insert(*o, VarLoc::Reg(*r));
                }
            }
            RangeVar::Assigned(e) => {
                let m = self.mark();
                let p = self.place(e);
                let t = self.ty(e.id);
                let tmp = self.alloc();
                self.emit(Instr::Move { dst: tmp, src: v });
                self.coerce(tmp, from, t);
                self.store_place(&p, tmp);
                self.release(m);
            }
        }
    }

    pub fn range_stmt(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) {
        let m = self.mark();
        let xt = self.ty(x.id);
        let under = self.c.types.under(xt).clone();
        match under {
            Type::Basic(k) if k.is_integer() => {
                self.range_counted(key, None, define, x, body, Counted::Int)
            }
            Type::Basic(_) => self.range_counted(key, value, define, x, body, Counted::Str),
            Type::Slice(e) => self.range_counted(key, value, define, x, body, Counted::Slice(e)),
            Type::Array { elem, len } => {
                self.range_counted(key, value, define, x, body, Counted::Array(elem, len))
            }
            Type::Pointer(p) => match self.c.types.under(p).clone() {
                Type::Array { elem, len } => {
                    self.range_counted(key, value, define, x, body, Counted::ArrayPtr(elem, len))
                }
                _ => self.unsupported(x.span, "range over this pointer type"),
            },
            Type::Map { key: kt, elem } => self.range_map(key, value, define, x, body, kt, elem),
            Type::Chan { elem, .. } => self.range_chan(key, define, x, body, elem),
            Type::Signature(_) => self.unsupported(x.span, "range over a function"),
            _ => self.error(x.span, "cannot range over this expression"),
        }
        self.release(m);
    }

    /// Ranges driven by an index counter `0..n`.
    fn range_counted(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
        form: Counted,
    ) {
        let xt = self.ty(x.id);
        // The ranged value, evaluated once (arrays copied when their values are used).
        let src = match form {
            Counted::Array(..) if value.is_none() => None,
            _ => Some(self.fresh(x)),
        };
        let len = self.alloc();
        match form {
            Counted::Int => {
                self.emit(Instr::Move {
                    dst: len,
                    src: src.unwrap_or(len),
                });
            }
            Counted::Array(_, n) | Counted::ArrayPtr(_, n) => self.load_int(len, n as i64),
            Counted::Slice(_) | Counted::Str => {
                self.emit(Instr::Len {
                    dst: len,
                    src: src.unwrap_or(len),
                });
            }
        }
        let idx = self.alloc();
        self.emit(Instr::LoadInt { dst: idx, imm: 0 });
        let width = self.alloc();
        let scratch = self.alloc();
        let kv = self.range_var(key, define);
        let vv = self.range_var(value, define);
        let top = self.here();
        let exit = self.emit(Instr::JumpIfLeInt {
            a: len,
            b: idx,
            target: 0,
        });
        let key_ty = match form {
            Counted::Int => xt,
            _ => TypeId::INT,
        };
        let elem_ty = match form {
            Counted::Slice(e) | Counted::Array(e, _) | Counted::ArrayPtr(e, _) => e,
            Counted::Str => TypeId::INT32,
            Counted::Int => TypeId::INVALID,
        };
        let val = self.range_dst(&vv, scratch, elem_ty);
        if let Counted::Str = form {
            self.emit(Instr::DecodeRune {
                rune: val,
                width,
                s: src.unwrap_or(val),
                idx,
            });
        } else if !matches!(vv, RangeVar::None) {
            let s = src.unwrap_or(val);
            match form {
                Counted::Slice(_) => {
                    self.emit(Instr::IndexSlice {
                        dst: val,
                        slice: s,
                        idx,
                    });
                }
                Counted::Array(..) => {
                    self.emit(Instr::IndexArray {
                        dst: val,
                        arr: s,
                        idx,
                    });
                }
                Counted::ArrayPtr(..) => {
                    self.emit(Instr::Load { dst: val, ptr: s });
                    self.emit(Instr::IndexArray {
                        dst: val,
                        arr: val,
                        idx,
                    });
                }
                _ => {}
            }
        }
        self.bind_range_var(&kv, idx, key_ty);
        self.bind_range_var(&vv, val, elem_ty);
        self.push_breakable(true);
        self.block(body);
        let cont = self.here();
        self.set_pos(x.span);
        if let Counted::Str = form {
            self.emit(Instr::AddInt {
                dst: idx,
                a: idx,
                b: width,
            });
        } else {
            self.emit(Instr::AddIntImm {
                dst: idx,
                a: idx,
                imm: 1,
            });
        }
        self.emit(Instr::Jump { target: top });
        let end = self.here();
        self.patch(exit, end);
        self.pop_breakable(cont, end);
    }

    #[allow(clippy::too_many_arguments)]
    fn range_map(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
        kt: TypeId,
        vt: TypeId,
    ) {
        let map = self.expr(x);
        let iter = self.alloc();
        self.emit(Instr::MapIter { dst: iter, map });
        let (ks, vs) = (self.alloc(), self.alloc());
        let kv = self.range_var(key, define);
        let vv = self.range_var(value, define);
        let k = self.range_dst(&kv, ks, kt);
        let v = self.range_dst(&vv, vs, vt);
        let top = self.emit(Instr::MapIterNext {
            iter,
            key: k,
            val: v,
            done: 0,
        });
        self.bind_range_var(&kv, k, kt);
        self.bind_range_var(&vv, v, vt);
        self.push_breakable(true);
        self.block(body);
        self.set_pos(x.span);
        self.emit(Instr::Jump { target: top });
        let end = self.here();
        self.patch(top, end);
        self.pop_breakable(top, end);
    }

    fn range_chan(
        &mut self,
        key: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
        elem: TypeId,
    ) {
        let ch = self.fresh(x);
        let scratch = self.alloc();
        let ok = self.alloc();
        let kv = self.range_var(key, define);
        let v = self.range_dst(&kv, scratch, elem);
        let top = self.emit(Instr::RecvOk { dst: v, ok, ch });
        let exit = self.emit(Instr::JumpIfFalse {
            cond: ok,
            target: 0,
        });
        self.bind_range_var(&kv, v, elem);
        self.push_breakable(true);
        self.block(body);
        self.set_pos(x.span);
        self.emit(Instr::Jump { target: top });
        let end = self.here();
        self.patch(exit, end);
        self.pop_breakable(top, end);
    }
}

/// The index-driven range forms.
#[derive(Clone, Copy)]
enum Counted {
    Int,
    Str,
    Slice(TypeId),
    Array(TypeId, u64),
    ArrayPtr(TypeId, u64),
}
