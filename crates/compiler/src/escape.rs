//! Which local variables live in heap cells: those whose address is taken — `&x`,
//! `&x.f`, `&a[i]` on an array variable, slicing an array variable, or calling a
//! pointer-receiver method on an addressable value — and those a closure captures that
//! are written after their declaration (or are named results, which `return` writes).
//! The checker's `VarInfo::addr_taken` is honoured too; this pass recomputes the same
//! facts from the tree so lowering never meets an address-taken variable that sits in a
//! register.
//!
//! A captured variable that is never written after its declaration stays in a register
//! and the closure captures its value: nobody can tell a copy from the variable when
//! neither ever changes, and reading it costs no cell.

use std::collections::HashSet;

use goroscope_syntax::ast::{AssignOp, Expr, ExprKind, File, Stmt, StmtKind, UnaryOp};
use goroscope_types::Info;
use goroscope_types::info::Selection;
use goroscope_types::objects::{ObjectId, VarRole};
use goroscope_types::types::{Type, TypeId};

use crate::walk::{Visitor, walk_decl};

/// The set of boxed variables of `file`.
pub fn boxed_vars(file: &File, info: &Info) -> HashSet<ObjectId> {
    let mut v = Escape {
        info,
        boxed: HashSet::new(),
        captured: HashSet::new(),
        written: HashSet::new(),
    };
    for d in &file.decls {
        walk_decl(&mut v, d);
    }
    for (i, o) in info.objects.iter().enumerate() {
        if o.var_info()
            .is_some_and(|vi| vi.role != VarRole::Global && vi.addr_taken)
        {
            v.boxed.insert(ObjectId(i as u32));
        }
    }
    for &c in &v.captured {
        let result = info
            .object(c)
            .var_info()
            .is_some_and(|vi| vi.role == VarRole::Result);
        if result || v.written.contains(&c) {
            v.boxed.insert(c);
        }
    }
    v.boxed
}

struct Escape<'a> {
    info: &'a Info,
    boxed: HashSet<ObjectId>,
    /// Variables some function literal captures.
    captured: HashSet<ObjectId>,
    /// Variables written after their declaration (assigned, incremented, redeclared by
    /// `:=`, or the target of a range with `=`).
    written: HashSet<ObjectId>,
}

impl Escape<'_> {
    fn ty(&self, e: &Expr) -> TypeId {
        self.info.expr(e.id).map_or(TypeId::INVALID, |t| t.ty)
    }

    /// The local variable whose storage `e` denotes without passing through a pointer.
    fn root(&self, e: &Expr) -> Option<ObjectId> {
        match &e.kind {
            ExprKind::Ident(id) => {
                let obj = self.info.ident(id.id)?;
                let vi = self.info.object(obj).var_info()?;
                (vi.role != VarRole::Global).then_some(obj)
            }
            ExprKind::Paren(x) => self.root(x),
            ExprKind::Selector { x, .. } => match self.info.selection(e.id)? {
                Selection::Field { path, .. } if !self.path_derefs(self.ty(x), path) => {
                    self.root(x)
                }
                _ => None,
            },
            ExprKind::Index { x, .. } => {
                matches!(self.info.types.under(self.ty(x)), Type::Array { .. })
                    .then(|| self.root(x))
                    .flatten()
            }
            _ => None,
        }
    }

    /// Whether following a field path from a value of type `t` dereferences a pointer.
    fn path_derefs(&self, t: TypeId, path: &[usize]) -> bool {
        let mut cur = t;
        for &i in path {
            match self.info.types.under(cur) {
                Type::Pointer(_) => return true,
                Type::Struct { fields } => match fields.get(i) {
                    Some(f) => cur = f.ty,
                    None => return true,
                },
                _ => return true,
            }
        }
        false
    }

    fn mark_root(&mut self, e: &Expr) {
        if let Some(o) = self.root(e) {
            self.boxed.insert(o);
        }
    }

    fn mark_written(&mut self, e: &Expr) {
        if let Some(o) = self.root(e) {
            self.written.insert(o);
        }
    }

    /// A left-hand side of `:=`: a write unless this identifier declares the variable.
    fn mark_redeclared(&mut self, e: &Expr) {
        if let ExprKind::Ident(id) = &e.kind
            && let Some(o) = self.info.ident(id.id)
            && self.info.object(o).span == id.span
        {
            return;
        }
        self.mark_written(e);
    }
}

impl Visitor for Escape<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, op, .. } => {
                for e in lhs {
                    match op {
                        AssignOp::Define => self.mark_redeclared(e),
                        AssignOp::Assign | AssignOp::Op(_) => self.mark_written(e),
                    }
                }
            }
            StmtKind::IncDec { x, .. } => self.mark_written(x),
            StmtKind::Range {
                key,
                value,
                define: false,
                ..
            } => {
                for e in key.iter().chain(value) {
                    self.mark_written(e);
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => self.mark_root(x),
            ExprKind::Slice { x, .. }
                if matches!(self.info.types.under(self.ty(x)), Type::Array { .. }) =>
            {
                self.mark_root(x)
            }
            ExprKind::Selector { x, .. } => {
                if let Some(Selection::Method { func, path, .. }) = self.info.selection(e.id) {
                    let ptr_recv = self
                        .info
                        .object(*func)
                        .func_info()
                        .and_then(|f| f.recv)
                        .is_some_and(|r| r.pointer);
                    let xt = self.ty(x);
                    if ptr_recv && !self.path_derefs(xt, path) && !self.ends_in_pointer(xt, path) {
                        self.mark_root(x);
                    }
                }
            }
            ExprKind::FuncLit { .. } => {
                if let Some(caps) = self
                    .info
                    .captures
                    .get(e.id.index())
                    .and_then(Option::as_ref)
                {
                    self.captured.extend(caps.iter().copied());
                }
            }
            _ => {}
        }
        true
    }
}

impl Escape<'_> {
    /// Whether the value reached by `path` from `t` is itself a pointer.
    fn ends_in_pointer(&self, t: TypeId, path: &[usize]) -> bool {
        let mut cur = t;
        for &i in path {
            cur = match self.info.types.under(cur) {
                Type::Struct { fields } => fields.get(i).map_or(TypeId::INVALID, |f| f.ty),
                _ => return true,
            };
        }
        matches!(self.info.types.under(cur), Type::Pointer(_))
    }
}
