//! Which local variables live in heap cells: those a closure captures and those whose
//! address is taken — `&x`, `&x.f`, `&a[i]` on an array variable, slicing an array
//! variable, or calling a pointer-receiver method on an addressable value. The checker's
//! `VarInfo::needs_box` is honoured too; this pass recomputes the same facts from the
//! tree so lowering never meets an address-taken variable that sits in a register.

use std::collections::HashSet;

use goroscope_syntax::ast::{Expr, ExprKind, File, UnaryOp};
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
    };
    for d in &file.decls {
        walk_decl(&mut v, d);
    }
    for (i, o) in info.objects.iter().enumerate() {
        if o.var_info().is_some_and(|vi| vi.needs_box()) {
            v.boxed.insert(ObjectId(i as u32));
        }
    }
    v.boxed
}

struct Escape<'a> {
    info: &'a Info,
    boxed: HashSet<ObjectId>,
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
}

impl Visitor for Escape<'_> {
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
                    self.boxed.extend(caps.iter().copied());
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
