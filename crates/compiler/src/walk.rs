//! A read-only walk over the syntax tree, for the analyses that run before lowering
//! (which variables need boxes, whether a body defers, what an initialiser refers to).

use goroscope_syntax::ast::*;

/// Callbacks of a walk; returning false skips the node's children.
pub trait Visitor {
    fn expr(&mut self, _e: &Expr) -> bool {
        true
    }
    fn stmt(&mut self, _s: &Stmt) -> bool {
        true
    }
}

pub fn walk_block(v: &mut impl Visitor, b: &Block) {
    for s in &b.stmts {
        walk_stmt(v, s);
    }
}

pub fn walk_decl(v: &mut impl Visitor, d: &Decl) {
    match d {
        Decl::Const(g) => {
            for s in &g.specs {
                s.ty.iter().chain(&s.values).for_each(|e| walk_expr(v, e));
            }
        }
        Decl::Var(g) => {
            for s in &g.specs {
                s.ty.iter().chain(&s.values).for_each(|e| walk_expr(v, e));
            }
        }
        Decl::Type(_) | Decl::Bad(_) => {}
        Decl::Func(f) => {
            if let Some(b) = &f.body {
                walk_block(v, b);
            }
        }
    }
}

fn walk_opt_stmt(v: &mut impl Visitor, s: &Option<Box<Stmt>>) {
    if let Some(s) = s {
        walk_stmt(v, s);
    }
}

pub fn walk_stmt(v: &mut impl Visitor, s: &Stmt) {
    if !v.stmt(s) {
        return;
    }
    match &s.kind {
        StmtKind::Bad | StmtKind::Empty | StmtKind::Branch { .. } => {}
        StmtKind::Decl(d) => walk_decl(v, d),
        StmtKind::Labeled { stmt, .. } => walk_stmt(v, stmt),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(v, e),
        StmtKind::Send { ch, value } => {
            walk_expr(v, ch);
            walk_expr(v, value);
        }
        StmtKind::IncDec { x, .. } => walk_expr(v, x),
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).for_each(|e| walk_expr(v, e)),
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr(v, e)),
        StmtKind::Block(b) => walk_block(v, b),
        StmtKind::If(i) => walk_if(v, i),
        StmtKind::Switch { init, tag, clauses } => {
            walk_opt_stmt(v, init);
            tag.iter().for_each(|e| walk_expr(v, e));
            walk_clauses(v, clauses);
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            walk_opt_stmt(v, init);
            walk_expr(v, x);
            walk_clauses(v, clauses);
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                walk_opt_stmt(v, &c.comm);
                c.body.iter().for_each(|s| walk_stmt(v, s));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            walk_opt_stmt(v, init);
            cond.iter().for_each(|e| walk_expr(v, e));
            walk_opt_stmt(v, post);
            walk_block(v, body);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|e| walk_expr(v, e));
            walk_expr(v, x);
            walk_block(v, body);
        }
    }
}

fn walk_if(v: &mut impl Visitor, i: &IfStmt) {
    walk_opt_stmt(v, &i.init);
    walk_expr(v, &i.cond);
    walk_block(v, &i.then);
    walk_opt_stmt(v, &i.els);
}

fn walk_clauses(v: &mut impl Visitor, clauses: &[CaseClause]) {
    for c in clauses {
        c.list.iter().flatten().for_each(|e| walk_expr(v, e));
        c.body.iter().for_each(|s| walk_stmt(v, s));
    }
}

pub fn walk_expr(v: &mut impl Visitor, e: &Expr) {
    if !v.expr(e) {
        return;
    }
    match &e.kind {
        ExprKind::Bad | ExprKind::Ident(_) | ExprKind::BasicLit(_) => {}
        ExprKind::CompositeLit { ty, elts } => {
            ty.iter().for_each(|t| walk_expr(v, t));
            for el in elts {
                el.key.iter().for_each(|k| walk_expr(v, k));
                walk_expr(v, &el.value);
            }
        }
        ExprKind::FuncLit { body, .. } => walk_block(v, body),
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Unary { x, .. } => walk_expr(v, x),
        ExprKind::Selector { x, .. } => walk_expr(v, x),
        ExprKind::Index { x, indices } => {
            walk_expr(v, x);
            indices.iter().for_each(|i| walk_expr(v, i));
        }
        ExprKind::Slice { x, low, high, max } => {
            walk_expr(v, x);
            [low, high, max]
                .into_iter()
                .flatten()
                .for_each(|i| walk_expr(v, i));
        }
        ExprKind::TypeAssert { x, .. } => walk_expr(v, x),
        ExprKind::Call { func, args, .. } => {
            walk_expr(v, func);
            args.iter().for_each(|a| walk_expr(v, a));
        }
        ExprKind::Binary { x, y, .. } => {
            walk_expr(v, x);
            walk_expr(v, y);
        }
        ExprKind::ArrayType { .. }
        | ExprKind::SliceType { .. }
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::StructType { .. }
        | ExprKind::InterfaceType { .. } => {}
    }
}
