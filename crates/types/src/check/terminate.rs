//! Terminating statements (the spec's section of that name): a function with results
//! must end in one, or Go reports `missing return`.

use goroscope_syntax::ast::{BranchKind, Expr, ExprKind, Stmt, StmtKind};

use super::Checker;
use crate::objects::{Builtin, ObjKind};

impl<'a> Checker<'a> {
    /// Whether a statement list ends in a terminating statement.
    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        stmts
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty))
            .is_some_and(|s| self.is_terminating(s, None))
    }

    fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => true,
            StmtKind::Expr(e) => self.is_panic_call(e),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If(i) => match &i.els {
                Some(els) => {
                    self.is_terminating_list(&i.then.stmts) && self.is_terminating(els, None)
                }
                None => false,
            },
            StmtKind::For {
                cond: None, body, ..
            } => !has_break(&body.stmts, label, true),
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(stmt, Some(&l.name)),
            StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
                let fallthrough_ok = matches!(s.kind, StmtKind::Switch { .. });
                clauses.iter().any(|c| c.list.is_none())
                    && clauses.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body)
                                || (fallthrough_ok && ends_in_fallthrough(&c.body)))
                    })
            }
            StmtKind::Select { clauses } => clauses
                .iter()
                .all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)),
            _ => false,
        }
    }

    fn is_panic_call(&self, e: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &e.kind else {
            return false;
        };
        let ExprKind::Ident(id) = &func.kind else {
            return false;
        };
        self.info.ident(id.id).is_some_and(|o| {
            matches!(
                self.info.objects[o.index()].kind,
                ObjKind::Builtin(Builtin::Panic)
            )
        })
    }
}

fn ends_in_fallthrough(stmts: &[Stmt]) -> bool {
    match stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
        .map(|s| &s.kind)
    {
        Some(StmtKind::Branch {
            kind: BranchKind::Fallthrough,
            ..
        }) => true,
        Some(StmtKind::Labeled { stmt, .. }) => matches!(
            stmt.kind,
            StmtKind::Branch {
                kind: BranchKind::Fallthrough,
                ..
            }
        ),
        _ => false,
    }
}

/// Whether `stmts` contain a `break` leaving the statement they belong to: an
/// unlabelled one not nested in another breakable statement (`implicit`), or one
/// naming `label`.
fn has_break(stmts: &[Stmt], label: Option<&str>, implicit: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, implicit))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Branch {
            kind: BranchKind::Break,
            label: l,
        } => match l {
            None => implicit,
            Some(l) => Some(l.name.as_str()) == label,
        },
        StmtKind::Block(b) => has_break(&b.stmts, label, implicit),
        StmtKind::Labeled { stmt, .. } => stmt_has_break(stmt, label, implicit),
        StmtKind::If(i) => {
            has_break(&i.then.stmts, label, implicit)
                || i.els
                    .as_ref()
                    .is_some_and(|e| stmt_has_break(e, label, implicit))
        }
        StmtKind::Switch { clauses, .. } | StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select { clauses } => clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        _ => false,
    }
}
