//! Package initialisation order, as the Go spec defines it: repeatedly initialise the
//! earliest variable in declaration order that has no dependencies on uninitialised
//! variables, where a variable depends on every package variable its initialiser
//! refers to, directly or through the functions and methods it refers to.

use std::collections::{BTreeSet, HashMap};

use goroscope_syntax::ast::{Decl, Expr, ExprKind, File, FuncDecl};
use goroscope_types::Info;
use goroscope_types::info::Selection;
use goroscope_types::objects::{ObjKind, ObjectId, VarRole};

use crate::walk::{Visitor, walk_block, walk_expr};

/// One package-level initialisation: variables and their initialiser expressions (one
/// per variable, or one multi-valued expression for all).
pub struct InitItem<'a> {
    pub lhs: Vec<Option<ObjectId>>,
    pub rhs: &'a [Expr],
}

/// The initialisations of `file` in execution order.
pub fn init_order<'a>(
    file: &'a File,
    info: &Info,
    decls: &HashMap<ObjectId, &'a FuncDecl>,
) -> Vec<InitItem<'a>> {
    let mut items = Vec::new();
    for d in &file.decls {
        let Decl::Var(g) = d else { continue };
        for spec in &g.specs {
            if spec.values.is_empty() {
                continue;
            }
            let lhs = spec.names.iter().map(|n| info.ident(n.id)).collect();
            items.push(InitItem {
                lhs,
                rhs: &spec.values,
            });
        }
    }
    let mut deps_memo: HashMap<ObjectId, BTreeSet<ObjectId>> = HashMap::new();
    let deps: Vec<BTreeSet<ObjectId>> = items
        .iter()
        .map(|it| {
            let mut r = Refs {
                info,
                found: BTreeSet::new(),
            };
            it.rhs.iter().for_each(|e| walk_expr(&mut r, e));
            transitive_vars(r.found, info, decls, &mut deps_memo)
        })
        .collect();
    let pending_vars: BTreeSet<ObjectId> = items
        .iter()
        .flat_map(|it| it.lhs.iter().flatten().copied())
        .collect();
    let mut initialised: BTreeSet<ObjectId> = BTreeSet::new();
    let mut order = Vec::new();
    let mut remaining: Vec<usize> = (0..items.len()).collect();
    while !remaining.is_empty() {
        let ready = remaining
            .iter()
            .position(|&i| {
                deps[i].iter().all(|d| {
                    !pending_vars.contains(d)
                        || initialised.contains(d)
                        || items[i].lhs.contains(&Some(*d))
                })
            })
            .unwrap_or(0);
        let i = remaining.remove(ready);
        initialised.extend(items[i].lhs.iter().flatten().copied());
        order.push(i);
    }
    let mut slots: Vec<Option<InitItem>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The package variables reachable from `refs` through function bodies.
fn transitive_vars(
    refs: BTreeSet<ObjectId>,
    info: &Info,
    decls: &HashMap<ObjectId, &FuncDecl>,
    memo: &mut HashMap<ObjectId, BTreeSet<ObjectId>>,
) -> BTreeSet<ObjectId> {
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<ObjectId> = refs.into_iter().collect();
    while let Some(o) = stack.pop() {
        if !seen.insert(o) {
            continue;
        }
        match &info.object(o).kind {
            ObjKind::Var(_) => {
                out.insert(o);
            }
            ObjKind::Func(_) => {
                let found = memo.entry(o).or_insert_with(|| {
                    let mut r = Refs {
                        info,
                        found: BTreeSet::new(),
                    };
                    if let Some(body) = decls.get(&o).and_then(|d| d.body.as_ref()) {
                        walk_block(&mut r, body);
                    }
                    r.found
                });
                stack.extend(found.iter().copied());
            }
            _ => {}
        }
    }
    out
}

/// Collects the package-level variables and the functions/methods an expression names.
struct Refs<'a> {
    info: &'a Info,
    found: BTreeSet<ObjectId>,
}

impl Visitor for Refs<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(id) => {
                if let Some(o) = self.info.ident(id.id) {
                    let obj = self.info.object(o);
                    let global = obj.var_info().is_some_and(|v| v.role == VarRole::Global);
                    let func = matches!(obj.kind, ObjKind::Func(_));
                    if (global || func) && obj.pkg.as_deref() == Some("main") {
                        self.found.insert(o);
                    }
                }
            }
            ExprKind::Selector { .. } => match self.info.selection(e.id) {
                Some(Selection::Method { func, .. }) | Some(Selection::MethodExpr { func, .. }) => {
                    self.found.insert(*func);
                }
                _ => {}
            },
            _ => {}
        }
        true
    }
}
