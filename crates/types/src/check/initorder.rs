//! Package initialisation order, as the spec's "Package initialization" defines it:
//! repeatedly initialise the earliest-declared variable whose initialiser does not
//! depend on an uninitialised variable. Dependencies are references to package-level
//! variables, followed transitively through the functions and methods referenced.

use std::collections::BTreeSet;

use crate::fxhash::FxHashMap as HashMap;

use super::Checker;
use crate::info::Initializer;
use crate::objects::{ObjKind, ObjectId, VarRole};

impl<'a> Checker<'a> {
    /// Notes that the declaration being checked refers to `o`.
    pub(crate) fn note_ref(&mut self, o: ObjectId) {
        let Some(cur) = self.cur_decl else { return };
        let obj = &self.info.objects[o.index()];
        let relevant = obj.pkg.as_deref() == Some("main")
            && match &obj.kind {
                ObjKind::Var(v) => v.role == VarRole::Global,
                ObjKind::Func(_) => true,
                _ => false,
            };
        if relevant {
            self.refs.entry(cur).or_default().insert(o);
        }
    }

    /// Orders the collected package-level initialisers into `info.init_order`.
    pub(super) fn order_inits(&mut self) {
        let mut pending = std::mem::take(&mut self.var_inits);
        pending.sort_by_key(|(_, init)| {
            init.lhs
                .first()
                .map(|o| self.info.objects[o.index()].span.start)
        });
        let mut owner: HashMap<ObjectId, usize> = HashMap::default();
        for (i, (_, init)) in pending.iter().enumerate() {
            for &v in &init.lhs {
                owner.insert(v, i);
            }
        }
        let deps: Vec<BTreeSet<ObjectId>> =
            pending.iter().map(|(key, _)| self.var_deps(*key)).collect();
        let mut done = vec![false; pending.len()];
        let mut order = Vec::new();
        while order.len() < pending.len() {
            let ready = (0..pending.len()).find(|&i| {
                !done[i]
                    && deps[i]
                        .iter()
                        .all(|v| owner.get(v).is_none_or(|&j| j == i || done[j]))
            });
            let i = match ready {
                Some(i) => i,
                None => {
                    // A cycle: report it once, then keep declaration order.
                    let i = (0..pending.len()).find(|&i| !done[i]).unwrap_or(0);
                    if let Some(&v) = pending[i].1.lhs.first() {
                        let obj = &self.info.objects[v.index()];
                        let (span, msg) =
                            (obj.span, format!("initialization cycle for {}", obj.name));
                        self.error(span, msg);
                    }
                    i
                }
            };
            done[i] = true;
            order.push(i);
        }
        self.info.init_order = order
            .into_iter()
            .map(|i| pending[i].1.clone())
            .collect::<Vec<Initializer>>();
    }

    /// The package-level variables `key`'s declaration depends on, through functions.
    fn var_deps(&self, key: ObjectId) -> BTreeSet<ObjectId> {
        let mut vars = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack = vec![key];
        while let Some(o) = stack.pop() {
            if !seen.insert(o) {
                continue;
            }
            for &r in self.refs.get(&o).into_iter().flatten() {
                match self.info.objects[r.index()].kind {
                    ObjKind::Var(_) => {
                        vars.insert(r);
                    }
                    _ => stack.push(r),
                }
            }
        }
        vars
    }
}
