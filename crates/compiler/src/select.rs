//! `select`: channel operands and values to send are evaluated in source order into
//! registers, one [`SelectTable`] describes the cases, and `Select` jumps straight to the
//! chosen body, which first binds the received value (`v, ok := <-ch` or `x = <-ch`).

use goroscope_syntax::ast::{AssignOp, CommClause, Expr, ExprKind, StmtKind, UnaryOp};

use crate::bytecode::{Instr, Reg, SelectCase, SelectOp, SelectTable};
use crate::lower::Lower;

/// What a receive case does with the received value.
enum Bind<'e> {
    Nothing,
    Define(&'e [Expr]),
    Assign(&'e [Expr]),
}

impl<'a> Lower<'a> {
    pub fn select_stmt(&mut self, clauses: &[CommClause]) {
        let m = self.mark();
        let mut ops = Vec::new();
        let mut binds = Vec::new();
        for c in clauses {
            let Some(comm) = &c.comm else {
                ops.push(None);
                binds.push(Bind::Nothing);
                continue;
            };
            self.set_pos(comm.span);
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let ct = self.ty(ch.id);
                    let elem = self.c.elem(ct);
                    let chr = self.fresh(ch);
                    let val = self.fresh_as(value, elem);
                    ops.push(Some(SelectOp::Send { ch: chr, val }));
                    binds.push(Bind::Nothing);
                }
                StmtKind::Expr(e) => {
                    let Some(ch) = recv_operand(e) else {
                        self.error(
                            comm.span,
                            "select case must be receive, send or assign recv",
                        );
                        continue;
                    };
                    let chr = self.fresh(ch);
                    ops.push(Some(SelectOp::Recv {
                        ch: chr,
                        val: None,
                        ok: None,
                    }));
                    binds.push(Bind::Nothing);
                }
                StmtKind::Assign { lhs, op, rhs, .. } => {
                    let Some(ch) = rhs.first().and_then(recv_operand) else {
                        self.error(
                            comm.span,
                            "select case must be receive, send or assign recv",
                        );
                        continue;
                    };
                    let chr = self.fresh(ch);
                    let val = Some(self.alloc());
                    let ok = (lhs.len() > 1).then(|| self.alloc());
                    ops.push(Some(SelectOp::Recv { ch: chr, val, ok }));
                    binds.push(if *op == AssignOp::Define {
                        Bind::Define(lhs)
                    } else {
                        Bind::Assign(lhs)
                    });
                }
                _ => {
                    self.error(
                        comm.span,
                        "select case must be receive, send or assign recv",
                    );
                    continue;
                }
            }
        }
        let table = self.f.proto.select_tables.len() as u32;
        self.f.proto.select_tables.push(SelectTable {
            cases: Vec::new(),
            default: None,
        });
        self.emit(Instr::Select { table });
        self.push_breakable(false);
        let mut cases = Vec::new();
        let mut default = None;
        let mut ends = Vec::new();
        for ((c, op), bind) in clauses.iter().zip(ops).zip(binds) {
            let target = self.here();
            match op {
                Some(op) => cases.push(SelectCase { op, target }),
                None => default = Some(target),
            }
            let mm = self.mark();
            self.set_pos(c.span);
            if let Some(SelectOp::Recv { val, ok, .. }) = op {
                self.bind_received(&bind, val, ok);
            }
            self.stmts(&c.body);
            self.release(mm);
            ends.extend(self.jump_if_reachable());
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        self.pop_breakable(end, end);
        if let Some(t) = self.f.proto.select_tables.get_mut(table as usize) {
            t.cases = cases;
            t.default = default;
        }
        self.release(m);
    }

    fn bind_received(&mut self, bind: &Bind, val: Option<Reg>, ok: Option<Reg>) {
        let regs = [val, ok];
        match bind {
            Bind::Nothing => {}
            Bind::Define(lhs) => {
                for (e, r) in lhs.iter().zip(regs) {
                    let (ExprKind::Ident(id), Some(r)) = (&e.kind, r) else {
                        continue;
                    };
                    if id.name == "_" {
                        continue;
                    }
                    if let Some(o) = self.info().ident(id.id) {
                        self.declare_var(o, r);
                    }
                }
            }
            Bind::Assign(lhs) => {
                for (e, r) in lhs.iter().zip(regs) {
                    let Some(r) = r else { continue };
                    let p = self.place(e);
                    self.store_place(&p, r);
                }
            }
        }
    }
}

/// The channel operand of a receive expression `<-ch`.
fn recv_operand(e: &Expr) -> Option<&Expr> {
    match &crate::expr::strip_parens(e).kind {
        ExprKind::Unary {
            op: UnaryOp::Recv,
            x,
        } => Some(x),
        _ => None,
    }
}
