//! Statements other than loops, switches and selects: blocks (registers of their
//! variables released at the end), declarations, expression statements, sends, `if`,
//! `break`/`continue` (jumps patched by the enclosing [`Breakable`]), `go`/`defer`.

use goroscope_syntax::ast::{Block, BranchKind, Decl, Expr, ExprKind, IfStmt, Stmt, StmtKind};
use goroscope_types::types::TypeId;

use crate::bytecode::{Instr, Reg};
use crate::lower::{Breakable, Lower};

impl<'a> Lower<'a> {
    pub fn block(&mut self, b: &Block) {
        self.stmts(&b.stmts);
    }

    /// A statement list in its own scope.
    pub fn stmts(&mut self, ss: &[Stmt]) {
        let m = self.mark();
        for s in ss {
            self.stmt(s);
        }
        self.release(m);
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.set_pos(s.span);
        let m = self.mark();
        match &s.kind {
            StmtKind::Bad => self.error(s.span, "invalid statement"),
            StmtKind::Empty => {}
            StmtKind::Decl(d) => {
                self.local_decl(d);
                return;
            }
            StmtKind::Labeled { label, stmt } => {
                self.f.pending_label = Some(label.name.clone());
                self.stmt(stmt);
                self.f.pending_label = None;
            }
            StmtKind::Expr(e) => {
                self.expr_stmt(e);
            }
            StmtKind::Send { ch, value } => {
                let ct = self.ty(ch.id);
                let elem = self.c.elem(ct);
                let c = self.expr(ch);
                let v = self.fresh_as(value, elem);
                self.emit(Instr::Send { ch: c, src: v });
            }
            StmtKind::IncDec { x, inc } => self.inc_dec(x, *inc),
            StmtKind::Assign { lhs, op, rhs, .. } => {
                if self.assign_stmt(lhs, *op, rhs) {
                    return;
                }
            }
            StmtKind::Go(call) => self.go_defer(call, true),
            StmtKind::Defer(call) => self.go_defer(call, false),
            StmtKind::Return(es) => self.return_stmt(es),
            StmtKind::Branch { kind, label } => {
                self.branch(s, *kind, label.as_ref().map(|l| l.name.as_str()))
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::Switch { init, tag, clauses } => {
                self.switch_stmt(init.as_deref(), tag.as_ref(), clauses)
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, clauses),
            StmtKind::Select { clauses } => self.select_stmt(clauses),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(key.as_ref(), value.as_ref(), *define, x, body),
        }
        self.release(m);
    }

    fn expr_stmt(&mut self, e: &Expr) {
        match &crate::expr::strip_parens(e).kind {
            ExprKind::Call { .. } => {
                self.call(e);
            }
            _ => {
                self.expr(e);
            }
        }
    }

    /// A local `var` declaration (constants and types need no code). Its variables keep
    /// their registers: `top` ends above them.
    fn local_decl(&mut self, d: &Decl) {
        let Decl::Var(g) = d else { return };
        for spec in &g.specs {
            let objs: Vec<_> = spec.names.iter().map(|n| self.info().ident(n.id)).collect();
            let tys: Vec<TypeId> = objs
                .iter()
                .map(|o| o.map_or(TypeId::INVALID, |o| self.obj_ty(o)))
                .collect();
            let base = if spec.values.is_empty() {
                let base = self.alloc_n(tys.len());
                for (i, &t) in tys.iter().enumerate() {
                    self.zero(t, Reg(base.0 + i as u16));
                }
                base
            } else {
                self.label_chans_of_vars(&spec.values, &objs);
                self.rhs_values(&tys, &spec.values)
            };
            for (i, o) in objs.iter().enumerate() {
                if let Some(o) = o {
                    self.declare_var(*o, Reg(base.0 + i as u16));
                }
            }
            self.release(base.0 + objs.len() as u16);
        }
    }

    fn if_stmt(&mut self, i: &IfStmt) {
        let m = self.mark();
        if let Some(init) = &i.init {
            self.stmt(init);
        }
        self.set_pos(i.cond.span);
        let jf = self.jump_if_false(&i.cond);
        self.block(&i.then);
        let jend = match &i.els {
            Some(_) => self.jump_if_reachable(),
            None => None,
        };
        for j in jf {
            self.patch_here(j);
        }
        if let Some(els) = &i.els {
            self.stmt(els);
        }
        if let Some(j) = jend {
            self.patch_here(j);
        }
        self.release(m);
    }

    /// Opens a loop, switch or select for `break`/`continue`, taking a pending label.
    pub fn push_breakable(&mut self, is_loop: bool) {
        let label = self.f.pending_label.take();
        self.f.breakables.push(Breakable {
            label,
            is_loop,
            ..Breakable::default()
        });
    }

    /// Closes the innermost breakable: breaks go to `end`, continues to `cont`.
    pub fn pop_breakable(&mut self, cont: u32, end: u32) {
        if let Some(b) = self.f.breakables.pop() {
            for pc in b.breaks {
                self.patch(pc, end);
            }
            for pc in b.continues {
                self.patch(pc, cont);
            }
        }
    }

    fn branch(&mut self, s: &Stmt, kind: BranchKind, label: Option<&str>) {
        let is_continue = match kind {
            BranchKind::Break => false,
            BranchKind::Continue => true,
            BranchKind::Goto => return self.unsupported(s.span, "goto"),
            BranchKind::Fallthrough => {
                return self.error(s.span, "fallthrough statement out of place");
            }
        };
        let target = self.f.breakables.iter().rposition(|b| match label {
            Some(l) => b.label.as_deref() == Some(l),
            None => b.is_loop || !is_continue,
        });
        let Some(t) = target else {
            return self.error(
                s.span,
                if is_continue {
                    "continue is not in a loop"
                } else {
                    "break is not in a loop, switch, or select"
                },
            );
        };
        let pc = self.jump();
        let b = &mut self.f.breakables[t];
        if is_continue {
            b.continues.push(pc);
        } else {
            b.breaks.push(pc);
        }
    }
}
