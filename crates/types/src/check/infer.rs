//! Generic functions: type argument inference by unification, constraint
//! satisfaction, explicit instantiation `f[T]`, and substitution.

use goroscope_syntax::Span;
use goroscope_syntax::ast::{Expr, ExprKind};

use super::{Checker, OpMode, Operand};
use crate::lookup::missing_method;
use crate::objects::ObjectId;
use crate::printer::expr_string;
use crate::types::{ChanDir, Field, Interface, Signature, Type, TypeId};

impl<'a> Checker<'a> {
    /// Infers the type arguments of a call of a generic function (`explicit` holds
    /// those written as `f[A, ...]`). Reports failures and returns `None`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn infer(
        &mut self,
        e: &Expr,
        fname: &str,
        tparams: &[TypeId],
        sig: &Signature,
        explicit: &[TypeId],
        args: &[(Operand, &Expr)],
        dots: bool,
    ) -> Option<Vec<TypeId>> {
        let mut bound: Vec<Option<TypeId>> = tparams
            .iter()
            .enumerate()
            .map(|(i, _)| explicit.get(i).copied())
            .collect();
        let np = sig.params.len();
        let param_of = |i: usize, types: &crate::types::TypeTable| -> Option<TypeId> {
            if sig.variadic && !dots && i + 1 >= np {
                match types.get(*sig.params.last()?) {
                    Type::Slice(el) => Some(*el),
                    _ => None,
                }
            } else {
                sig.params.get(i).copied()
            }
        };
        // Typed arguments first.
        for (i, (x, ae)) in args.iter().enumerate() {
            let Some(p) = param_of(i, &self.info.types) else {
                continue;
            };
            if x.is_invalid() || self.info.types.is_untyped(x.ty) {
                continue;
            }
            if !self.unify(p, x.ty, tparams, &mut bound) {
                let (xs, ps) = (self.info.types.msg(x.ty), self.info.types.msg(p));
                let a = expr_string(ae);
                self.error(
                    ae.span,
                    format!("in call to {fname}, type {xs} of {a} does not match {ps}"),
                );
                return None;
            }
        }
        // Untyped constants bind a still-free type parameter to the largest default type.
        for (k, tp) in tparams.iter().enumerate() {
            if bound[k].is_some() {
                continue;
            }
            let mut best: Option<TypeId> = None;
            for (i, (x, _)) in args.iter().enumerate() {
                if param_of(i, &self.info.types) == Some(*tp)
                    && !x.is_invalid()
                    && self.info.types.is_untyped(x.ty)
                    && !x.is_nil()
                {
                    let kind = self.info.types.basic_kind(x.ty);
                    let better = match (best.and_then(|b| self.info.types.basic_kind(b)), kind) {
                        (Some(b), Some(k)) => k > b,
                        _ => true,
                    };
                    if better {
                        best = Some(x.ty);
                    }
                }
            }
            bound[k] = best.map(|b| self.info.types.default_type(b));
        }
        let mut targs = Vec::new();
        for (k, b) in bound.iter().enumerate() {
            match b {
                Some(t) => targs.push(*t),
                None => {
                    let name = self
                        .info
                        .types
                        .type_param(tparams[k])
                        .map(|p| p.name.clone())
                        .unwrap_or_default();
                    self.error(
                        lparen(e),
                        format!("in call to {fname}, cannot infer {name}"),
                    );
                    return None;
                }
            }
        }
        if !self.satisfies_all(lparen(e), tparams, &targs) {
            return None;
        }
        Some(targs)
    }

    /// Unifies parameter type `p` with argument type `a`, binding type parameters.
    fn unify(
        &self,
        p: TypeId,
        a: TypeId,
        tparams: &[TypeId],
        bound: &mut Vec<Option<TypeId>>,
    ) -> bool {
        self.unify_depth(p, a, tparams, bound, 0)
    }

    fn unify_depth(
        &self,
        p: TypeId,
        a: TypeId,
        tparams: &[TypeId],
        bound: &mut Vec<Option<TypeId>>,
        depth: u32,
    ) -> bool {
        if depth > 32 {
            return false;
        }
        let d = depth + 1;
        if let Some(k) = tparams.iter().position(|&t| t == p) {
            return match bound[k] {
                None => {
                    bound[k] = Some(a);
                    true
                }
                Some(b) => b == a,
            };
        }
        if p == a {
            return true;
        }
        let types = &self.info.types;
        // A defined argument type matches a type literal by its underlying type.
        if types.named(a).is_some() && types.named(p).is_none() {
            let u = types.underlying(a);
            return u != a && self.unify_depth(p, u, tparams, bound, d);
        }
        match (types.get(p).clone(), types.get(a).clone()) {
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                self.unify_depth(x, y, tparams, bound, d)
            }
            (Type::Array { elem: x, len: n }, Type::Array { elem: y, len: m }) => {
                n == m && self.unify_depth(x, y, tparams, bound, d)
            }
            (Type::Map { key: k1, elem: e1 }, Type::Map { key: k2, elem: e2 }) => {
                self.unify_depth(k1, k2, tparams, bound, d)
                    && self.unify_depth(e1, e2, tparams, bound, d)
            }
            (Type::Chan { dir: pd, elem: x }, Type::Chan { dir: ad, elem: y }) => {
                (pd == ad || ad == ChanDir::Both) && self.unify_depth(x, y, tparams, bound, d)
            }
            (Type::Signature(s1), Type::Signature(s2)) => {
                s1.variadic == s2.variadic
                    && s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(&s2.params)
                        .all(|(x, y)| self.unify_depth(*x, *y, tparams, bound, d))
                    && s1
                        .results
                        .iter()
                        .zip(&s2.results)
                        .all(|(x, y)| self.unify_depth(*x, *y, tparams, bound, d))
            }
            (Type::Struct { fields: f1 }, Type::Struct { fields: f2 }) => {
                f1.len() == f2.len()
                    && f1.iter().zip(&f2).all(|(x, y)| {
                        x.name == y.name
                            && x.embedded == y.embedded
                            && self.unify_depth(x.ty, y.ty, tparams, bound, d)
                    })
            }
            _ => false,
        }
    }

    /// Checks every type argument against its constraint, reporting the first failure.
    fn satisfies_all(&mut self, at: Span, tparams: &[TypeId], targs: &[TypeId]) -> bool {
        for (tp, ta) in tparams.iter().zip(targs) {
            let Some(c) = self.info.types.type_param(*tp).map(|p| p.constraint) else {
                continue;
            };
            let c = self.subst(c, tparams, targs);
            if let Some(why) = self.unsatisfied(*ta, c) {
                self.error(at, why);
                return false;
            }
        }
        true
    }

    /// Why `t` does not satisfy constraint `c`, in Go's words.
    fn unsatisfied(&self, t: TypeId, c: TypeId) -> Option<String> {
        let types = &self.info.types;
        let iface = types.interface_of(c)?.clone();
        let (ts, cs) = (types.msg(t), types.msg(c));
        if let Some(terms) = &iface.terms {
            let covers = |tilde: bool, ty: TypeId| {
                terms.iter().any(|term| {
                    if term.tilde {
                        types.underlying(ty) == types.underlying(term.ty)
                    } else {
                        !tilde && ty == term.ty
                    }
                })
            };
            // A type parameter satisfies the union when every term of its own
            // constraint is covered; any other type when it is in the union.
            let ok = match types
                .type_param(t)
                .and_then(|p| types.interface_of(p.constraint))
            {
                Some(own) => own
                    .terms
                    .as_ref()
                    .is_some_and(|ts| ts.iter().all(|term| covers(term.tilde, term.ty))),
                None => covers(false, t),
            };
            if !ok {
                let hint = terms
                    .iter()
                    .find(|term| !term.tilde && types.underlying(t) == term.ty);
                if types.is_type_param(t) {
                    return Some(format!("{ts} does not satisfy {cs}"));
                }
                return Some(match hint {
                    Some(term) => format!(
                        "{ts} does not satisfy {cs} (possibly missing ~ for {} in {cs})",
                        types.msg(term.ty)
                    ),
                    None => format!(
                        "{ts} does not satisfy {cs} ({ts} missing in {})",
                        union_string(types, terms)
                    ),
                });
            }
        }
        if iface.comparable && !types.comparable(t) {
            return Some(format!("{ts} does not satisfy comparable"));
        }
        if !iface.methods.is_empty()
            && let Some(why) = missing_method(&self.info, t, c)
        {
            return Some(format!("{ts} does not satisfy {cs} {why}"));
        }
        None
    }

    /// `f[A, B]`: explicit instantiation of generic function `f`.
    pub(crate) fn explicit_instance(&mut self, e: &Expr, f: ObjectId, indices: &[Expr]) -> Operand {
        let tparams = self.info.objects[f.index()]
            .func_info()
            .map(|fi| fi.type_params.clone())
            .unwrap_or_default();
        let mut targs = Vec::new();
        for i in indices {
            let t = self.type_expr(i);
            if t == TypeId::INVALID {
                return Operand::invalid();
            }
            targs.push(t);
        }
        if targs.len() > tparams.len() {
            self.error(
                indices[tparams.len()].span,
                format!(
                    "got {} type arguments but want {}",
                    targs.len(),
                    tparams.len()
                ),
            );
            return Operand::invalid();
        }
        if let Some(slot) = self.info.instances.get_mut(e.id.index()) {
            *slot = Some(targs.clone());
        }
        let fty = self.info.objects[f.index()].ty;
        if targs.len() < tparams.len() {
            // Partial: the call infers the rest.
            return Operand::value(fty);
        }
        if !self.satisfies_all(e.span, &tparams, &targs) {
            return Operand::invalid();
        }
        let inst = self.subst(fty, &tparams, &targs);
        Operand {
            mode: OpMode::Value,
            ty: inst,
            val: None,
        }
    }

    /// `t` with type parameters replaced by type arguments.
    pub(crate) fn subst(&mut self, t: TypeId, tparams: &[TypeId], targs: &[TypeId]) -> TypeId {
        self.subst_depth(t, tparams, targs, 0)
    }

    fn subst_depth(
        &mut self,
        t: TypeId,
        tparams: &[TypeId],
        targs: &[TypeId],
        depth: u32,
    ) -> TypeId {
        if depth > 32 {
            return t;
        }
        let d = depth + 1;
        if let Some(k) = tparams.iter().position(|&p| p == t) {
            return targs.get(k).copied().unwrap_or(t);
        }
        let ty = self.info.types.get(t).clone();
        let s = |c: &mut Self, x: TypeId| c.subst_depth(x, tparams, targs, d);
        let new = match ty {
            Type::Basic(_) | Type::Named(_) | Type::TypeParam(_) => return t,
            Type::Pointer(x) => Type::Pointer(s(self, x)),
            Type::Slice(x) => Type::Slice(s(self, x)),
            Type::Array { elem, len } => Type::Array {
                elem: s(self, elem),
                len,
            },
            Type::Map { key, elem } => Type::Map {
                key: s(self, key),
                elem: s(self, elem),
            },
            Type::Chan { dir, elem } => Type::Chan {
                dir,
                elem: s(self, elem),
            },
            Type::Struct { fields } => Type::Struct {
                fields: fields
                    .into_iter()
                    .map(|f| Field {
                        ty: s(self, f.ty),
                        ..f
                    })
                    .collect(),
            },
            Type::Signature(sig) => Type::Signature(Signature {
                params: sig.params.iter().map(|&p| s(self, p)).collect(),
                results: sig.results.iter().map(|&r| s(self, r)).collect(),
                variadic: sig.variadic,
            }),
            Type::Interface(i) => Type::Interface(Interface {
                methods: i
                    .methods
                    .iter()
                    .map(|(n, m)| (n.clone(), s(self, *m)))
                    .collect(),
                terms: i.terms.clone(),
                comparable: i.comparable,
            }),
            Type::Tuple(ts) => Type::Tuple(ts.iter().map(|&x| s(self, x)).collect()),
        };
        self.info.types.intern(new)
    }
}

fn union_string(types: &crate::types::TypeTable, terms: &[crate::types::Term]) -> String {
    terms
        .iter()
        .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, types.msg(t.ty)))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Where Go reports inference and instantiation errors of a call: its `(`.
fn lparen(call: &Expr) -> Span {
    match &call.kind {
        ExprKind::Call { func, .. } => Span::at(func.span.end),
        _ => call.span,
    }
}
