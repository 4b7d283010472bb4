//! `switch` statements. Both kinds lower to a dispatch chain (case expressions compared
//! in source order, or `TypeAssertOk`/`IsNil` tests) that jumps to the clause bodies,
//! laid out after it in source order; `fallthrough` jumps to the next body.

use goroscope_syntax::ast::{
    BinaryOp, BranchKind, CaseClause, Expr, ExprKind, Ident, Stmt, StmtKind,
};
use goroscope_types::objects::ObjKind;
use goroscope_types::types::TypeId;

use crate::bytecode::{Instr, Reg};
use crate::lower::Lower;
use crate::typedesc::Class;

impl<'a> Lower<'a> {
    pub fn switch_stmt(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, clauses: &[CaseClause]) {
        let m = self.mark();
        let label = self.f.pending_label.take();
        if let Some(init) = init {
            self.stmt(init);
        }
        let tag_val = tag.map(|t| (self.fresh(t), self.ty(t.id)));
        let mut entries: Vec<Vec<u32>> = vec![Vec::new(); clauses.len()];
        for (ci, clause) in clauses.iter().enumerate() {
            for e in clause.list.iter().flatten() {
                self.set_pos(e.span);
                let mm = self.mark();
                let j = match tag_val {
                    Some((t, tt)) => {
                        let et = self.ty(e.id);
                        let int_tag = matches!(self.c.class(tt), Class::Int(_) | Class::Bool);
                        if int_tag && et == tt {
                            // One compare-and-jump per integer case.
                            let v = self.expr(e);
                            self.emit(Instr::JumpIfEqInt {
                                a: t,
                                b: v,
                                target: 0,
                            })
                        } else {
                            let r = self.alloc();
                            if self.c.is_interface(tt) || !self.c.is_interface(et) {
                                let v = self.fresh_as(e, tt);
                                self.compare_regs(BinaryOp::Eq, tt, t, v, r);
                            } else {
                                let boxed = self.alloc();
                                self.emit(Instr::Move { dst: boxed, src: t });
                                self.coerce(boxed, tt, et);
                                let v = self.expr(e);
                                self.compare_regs(BinaryOp::Eq, et, boxed, v, r);
                            }
                            self.emit(Instr::JumpIfTrue { cond: r, target: 0 })
                        }
                    }
                    None => {
                        let cond = self.expr(e);
                        self.emit(Instr::JumpIfTrue { cond, target: 0 })
                    }
                };
                entries[ci].push(j);
                self.release(mm);
            }
        }
        self.f.pending_label = label;
        self.clause_bodies(clauses, entries, |_, _| {});
        self.release(m);
    }

    /// Emits the jump to `default` (or the end) after the dispatch chain, then each
    /// clause body; `bind` runs at the start of each body (type-switch variables).
    fn clause_bodies(
        &mut self,
        clauses: &[CaseClause],
        mut entries: Vec<Vec<u32>>,
        mut bind: impl FnMut(&mut Self, usize),
    ) {
        let default = clauses.iter().position(|c| c.list.is_none());
        let to_default = self.jump();
        if let Some(d) = default {
            entries[d].push(to_default);
        }
        self.push_breakable(false);
        let mut ends = Vec::new();
        let mut fall: Option<u32> = None;
        for (ci, clause) in clauses.iter().enumerate() {
            let start = self.here();
            for &j in &entries[ci] {
                self.patch(j, start);
            }
            if let Some(f) = fall.take() {
                self.patch(f, start);
            }
            let m = self.mark();
            self.set_pos(clause.span);
            bind(self, ci);
            let (body, falls) = match clause.body.split_last() {
                Some((last, rest))
                    if matches!(
                        last.kind,
                        StmtKind::Branch {
                            kind: BranchKind::Fallthrough,
                            ..
                        }
                    ) =>
                {
                    (rest, true)
                }
                _ => (&clause.body[..], false),
            };
            self.stmts(body);
            self.release(m);
            if falls && ci + 1 < clauses.len() {
                fall = Some(self.jump());
            } else {
                ends.extend(self.jump_if_reachable());
            }
        }
        let end = self.here();
        if default.is_none() {
            self.patch(to_default, end);
        }
        for j in ends {
            self.patch(j, end);
        }
        self.pop_breakable(end, end);
    }

    pub fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&Ident>,
        x: &Expr,
        clauses: &[CaseClause],
    ) {
        let m = self.mark();
        let label = self.f.pending_label.take();
        if let Some(init) = init {
            self.stmt(init);
        }
        let xv = self.fresh(x);
        // One register per clause for its variable (the asserted value in one-type clauses).
        let vars: Vec<Option<(goroscope_types::objects::ObjectId, Reg)>> = clauses
            .iter()
            .map(|c| {
                let obj = bind.and(self.info().implicits.get(c.id.index()).copied().flatten());
                obj.map(|o| (o, self.alloc()))
            })
            .collect();
        let ok = self.alloc();
        let scratch = self.alloc();
        let mut entries: Vec<Vec<u32>> = vec![Vec::new(); clauses.len()];
        let mut asserted = vec![false; clauses.len()];
        for (ci, clause) in clauses.iter().enumerate() {
            let list = clause.list.as_deref().unwrap_or(&[]);
            for t in list {
                self.set_pos(t.span);
                if self.is_nil_case(t) {
                    self.emit(Instr::IsNil { dst: ok, src: xv });
                } else {
                    let ty = self.ty(t.id);
                    let desc = self.c.desc(ty);
                    let single = list.len() == 1;
                    let dst = match vars[ci] {
                        Some((_, r)) if single => {
                            asserted[ci] = true;
                            r
                        }
                        _ => scratch,
                    };
                    self.emit(Instr::TypeAssertOk {
                        dst,
                        ok,
                        src: xv,
                        ty: desc,
                    });
                }
                let j = self.emit(Instr::JumpIfTrue {
                    cond: ok,
                    target: 0,
                });
                entries[ci].push(j);
            }
        }
        self.f.pending_label = label;
        self.clause_bodies(clauses, entries, |l, ci| {
            if let Some((obj, r)) = vars[ci] {
                if !asserted[ci] {
                    l.emit(Instr::Move { dst: r, src: xv });
                }
                l.declare_var(obj, r);
            }
        });
        self.release(m);
    }

    fn is_nil_case(&mut self, t: &Expr) -> bool {
        let inner = crate::expr::strip_parens(t);
        if let ExprKind::Ident(id) = &inner.kind
            && let Some(o) = self.info().ident(id.id)
        {
            return matches!(self.info().object(o).kind, ObjKind::Nil);
        }
        self.info()
            .expr(t.id)
            .is_some_and(|tv| tv.ty == TypeId::UNTYPED_NIL)
    }
}
