//! Calls: function and method calls (generic ones included), conversions `T(x)`,
//! argument passing with variadic packing and multi-value spreading.

use goroscope_syntax::Span;
use goroscope_syntax::ast::{Expr, ExprKind};

use super::assign::Ctx;
use super::{Checker, OpMode, Operand};
use crate::constant::{Unrepresentable, Value};
use crate::info::{CallInfo, CallKind, Selection};
use crate::objects::{ObjKind, ObjectId};
use crate::printer::expr_string;
use crate::types::{Signature, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr) -> Operand {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            return Operand::invalid();
        };
        let fo = self.raw_expr(func, true);
        match fo.mode {
            OpMode::Invalid => {
                for a in args {
                    self.raw_expr(a, true);
                }
                Operand::invalid()
            }
            OpMode::Type => self.conversion(e, fo.ty, args, *ellipsis),
            OpMode::Builtin(b) => self.builtin(e, b, args, *ellipsis),
            _ => {
                let core = self.info.types.core_type(fo.ty).unwrap_or(TypeId::INVALID);
                let Some(sig) = self.info.types.signature_of(core).cloned() else {
                    let d = fo.describe(func, &self.info.types);
                    let ts = self.info.types.msg(fo.ty);
                    self.error(
                        e.span,
                        format!("invalid operation: cannot call {d}: {ts} is not a function"),
                    );
                    for a in args {
                        self.raw_expr(a, true);
                    }
                    return Operand::invalid();
                };
                self.func_call(e, func, fo.ty, sig, args, *ellipsis)
            }
        }
    }

    fn func_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        fty: TypeId,
        sig: Signature,
        args: &[Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        // Arguments: one multi-valued call spread over the parameters, or one each.
        let mut spread = false;
        let mut ops: Vec<(Operand, &Expr)> = Vec::new();
        if args.len() == 1 && ellipsis.is_none() {
            let x = self.raw_expr(&args[0], false);
            match self.info.types.get(x.ty).clone() {
                Type::Tuple(ts) if ts.len() >= 2 && x.mode != OpMode::Invalid => {
                    spread = true;
                    for t in ts {
                        ops.push((Operand::value(t), &args[0]));
                    }
                }
                _ => {
                    let mut x = x;
                    if self.single_value(&mut x, &args[0]) {
                        ops.push((x, &args[0]));
                    } else {
                        ops.push((Operand::invalid(), &args[0]));
                    }
                }
            }
        } else {
            for a in args {
                ops.push((self.expr(a), a));
            }
        }

        // Generic functions: infer the type arguments and instantiate.
        let mut sig = sig;
        let mut type_args = Vec::new();
        let callee = self.callee_object(func);
        if let Some(f) = self.generic_func(func) {
            let tparams = self.info.objects[f.index()]
                .func_info()
                .map(|fi| fi.type_params.clone())
                .unwrap_or_default();
            let explicit = match &strip_parens(func).kind {
                ExprKind::Index { .. } => self
                    .info
                    .instances
                    .get(func.id.index())
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
                _ => vec![],
            };
            if explicit.len() == tparams.len() {
                type_args = explicit;
            } else {
                match self.infer(
                    e,
                    &expr_string(func),
                    &tparams,
                    &sig,
                    &explicit,
                    &ops,
                    ellipsis.is_some(),
                ) {
                    Some(targs) => type_args = targs,
                    None => return Operand::invalid(),
                }
            }
            let inst = self.subst(fty, &tparams, &type_args);
            if let Some(s) = self.info.types.signature_of(inst).cloned() {
                sig = s;
            }
            if let Some(id) = ident_id(func)
                && let Some(slot) = self.info.instances.get_mut(id)
            {
                *slot = Some(type_args.clone());
            }
            if let Some(slot) = self
                .info
                .exprs
                .get_mut(func.id.index())
                .and_then(Option::as_mut)
            {
                slot.ty = inst;
            }
        }

        let pack = self.check_args(e, func, &sig, &ops, ellipsis, spread);
        let kind = match callee {
            Some(o) => CallKind::Func(o),
            None => match self.info.selection(strip_parens(func).id) {
                Some(Selection::Method { .. } | Selection::InterfaceMethod { .. }) => {
                    CallKind::Method
                }
                _ => CallKind::Value,
            },
        };
        let sig_ty =
            self.info
                .types
                .signature(sig.params.clone(), sig.results.clone(), sig.variadic);
        self.set_call(
            e,
            CallInfo {
                kind,
                sig: sig_ty,
                pack_variadic: pack,
                spread_tuple: spread,
                type_args,
            },
        );
        match sig.results.len() {
            0 => Operand {
                mode: OpMode::NoValue,
                ty: TypeId::EMPTY_TUPLE,
                val: None,
            },
            1 => Operand::value(sig.results[0]),
            _ => Operand::value(self.info.types.tuple(sig.results.clone())),
        }
    }

    pub(crate) fn set_call(&mut self, e: &Expr, c: CallInfo) {
        if let Some(slot) = self.info.calls.get_mut(e.id.index()) {
            *slot = Some(c);
        }
    }

    /// The declared function a callee expression names directly (`f`, `pkg.F`, `f[T]`).
    fn callee_object(&self, func: &Expr) -> Option<ObjectId> {
        let f = strip_parens(func);
        let o = match &f.kind {
            ExprKind::Ident(id) => self.info.ident(id.id)?,
            ExprKind::Selector { .. } => match self.info.selection(f.id)? {
                Selection::Qualified(o) => *o,
                _ => return None,
            },
            ExprKind::Index { x, .. } => return self.callee_object(x),
            _ => return None,
        };
        let obj = &self.info.objects[o.index()];
        (matches!(obj.kind, ObjKind::Func(_))
            && obj.func_info().is_some_and(|fi| fi.recv.is_none()))
        .then_some(o)
    }

    /// The generic function a callee expression names, if any.
    pub(crate) fn generic_func(&self, func: &Expr) -> Option<ObjectId> {
        let f = strip_parens(func);
        let o = match &f.kind {
            ExprKind::Ident(id) => self.info.ident(id.id)?,
            ExprKind::Index { x, .. } => return self.generic_func(x),
            _ => return None,
        };
        self.info.objects[o.index()]
            .func_info()
            .filter(|fi| !fi.type_params.is_empty())
            .map(|_| o)
    }

    /// Checks argument count and types; returns whether variadic packing applies.
    fn check_args(
        &mut self,
        e: &Expr,
        func: &Expr,
        sig: &Signature,
        ops: &[(Operand, &Expr)],
        ellipsis: Option<Span>,
        spread: bool,
    ) -> bool {
        let np = sig.params.len();
        let n = ops.len();
        let context = Ctx::Arg(func);
        let fname = || expr_string(func);
        if let Some(dots) = ellipsis {
            if !sig.variadic {
                self.error(
                    dots,
                    format!("have (...) but function is not variadic: {}", fname()),
                );
                return false;
            }
            if n != np {
                self.arg_count_error(e, &fname(), sig, ops, n < np, ellipsis.is_some());
                return false;
            }
            for (i, (x, ae)) in ops.iter().enumerate() {
                let mut x = x.clone();
                self.assignment(&mut x, ae, sig.params[i], context);
            }
            return false;
        }
        let min = if sig.variadic { np - 1 } else { np };
        if n < min || (!sig.variadic && n > np) {
            self.arg_count_error(e, &fname(), sig, ops, n < min, ellipsis.is_some());
            return false;
        }
        let elem = sig
            .variadic
            .then(|| match self.info.types.get(sig.params[np - 1]) {
                Type::Slice(el) => *el,
                _ => TypeId::INVALID,
            });
        for (i, (x, ae)) in ops.iter().enumerate() {
            let t = if i < min {
                sig.params[i]
            } else {
                elem.unwrap_or(TypeId::INVALID)
            };
            let mut x = x.clone();
            if spread {
                // Tuple elements are typed; only assignability matters.
                if let Err(why) = self.assignable(&x, t) {
                    let (xs, ts) = (self.info.types.msg(x.ty), self.info.types.msg(t));
                    let call = expr_string(ae);
                    let w = why.map(|w| format!(": {w}")).unwrap_or_default();
                    self.error(
                        ae.span,
                        format!(
                            "cannot use {call} (value of type {xs}) as {ts} value in {context}{w}"
                        ),
                    );
                }
                continue;
            }
            self.assignment(&mut x, ae, t, context);
        }
        sig.variadic
    }

    fn arg_count_error(
        &mut self,
        e: &Expr,
        fname: &str,
        sig: &Signature,
        ops: &[(Operand, &Expr)],
        not_enough: bool,
        dots: bool,
    ) {
        let mut have: Vec<String> = ops
            .iter()
            .map(|(x, _)| {
                let t = &self.info.types;
                if x.is_invalid() {
                    "unknown type".to_string()
                } else if t.is_untyped(x.ty) {
                    if t.is_numeric(x.ty) {
                        "number".to_string()
                    } else {
                        t.msg(x.ty).replace("untyped ", "")
                    }
                } else {
                    t.msg(x.ty)
                }
            })
            .collect();
        if let (true, Some(last)) = (dots, have.last_mut()) {
            last.push_str("...");
        }
        let want: Vec<String> = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if sig.variadic && i + 1 == sig.params.len() {
                    match self.info.types.get(*p) {
                        Type::Slice(el) => format!("...{}", self.info.types.msg(*el)),
                        _ => self.info.types.msg(*p),
                    }
                } else {
                    self.info.types.msg(*p)
                }
            })
            .collect();
        let (what, at) = if not_enough {
            let at = match ops.last() {
                Some((_, ae)) => ae.span,
                None => e.span,
            };
            ("not enough", at)
        } else {
            (
                "too many",
                ops.get(sig.params.len()).map_or(e.span, |(_, ae)| ae.span),
            )
        };
        self.error(
            at,
            format!(
                "{what} arguments in call to {fname}\n\thave ({})\n\twant ({})",
                have.join(", "),
                want.join(", ")
            ),
        );
    }

    // ----- conversions -----

    fn conversion(
        &mut self,
        e: &Expr,
        t: TypeId,
        args: &[Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        // The target as written: Go keeps the names `byte` and `rune` in messages.
        let ts = match &e.kind {
            ExprKind::Call { func, .. } => expr_string(strip_parens(func)),
            _ => self.info.types.msg(t),
        };
        if args.len() != 1 {
            for a in args {
                self.expr(a);
            }
            let msg = if args.is_empty() {
                format!("missing argument in conversion to {ts}")
            } else {
                format!("too many arguments in conversion to {ts}")
            };
            self.error(
                if args.is_empty() {
                    e.span
                } else {
                    args[1].span
                },
                msg,
            );
            return Operand::invalid();
        }
        if let Some(d) = ellipsis {
            self.error(d, format!("invalid use of ... in conversion to {ts}"));
        }
        let a = &args[0];
        let mut x = self.expr(a);
        if x.is_invalid() {
            return Operand::invalid();
        }
        self.set_call(
            e,
            CallInfo {
                kind: CallKind::Conversion(t),
                sig: TypeId::INVALID,
                pack_variadic: false,
                spread_tuple: false,
                type_args: vec![],
            },
        );
        let types = &self.info.types;
        // Constant conversions stay constant.
        if x.is_const() && types.is_const_type(t) {
            let k = types
                .basic_kind(t)
                .unwrap_or(crate::types::BasicKind::Invalid);
            let v = x.val.clone().unwrap_or(Value::Int(0));
            let converted = if k.is_string() && types.is_integer(x.ty) {
                let c = v
                    .as_int()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                Ok(Value::String(c.to_string().into_bytes()))
            } else if (k.is_numeric() && types.is_numeric(x.ty))
                || (k.is_string() && types.is_string(x.ty))
                || (k.is_boolean() && types.is_boolean(x.ty))
            {
                v.represent(k)
            } else {
                Err(Unrepresentable::Mismatch)
            };
            return match converted {
                Ok(v) => {
                    if types.is_untyped(x.ty) {
                        let d = types.default_type(x.ty);
                        let target = if types.is_numeric(x.ty) && k.is_numeric() {
                            t
                        } else {
                            d
                        };
                        self.update_type(a, target);
                    }
                    Operand::constant(t, v)
                }
                Err(why) => {
                    let d = x.describe(a, types);
                    let msg = match why {
                        Unrepresentable::Overflows if types.is_integer(x.ty) && k.is_integer() => {
                            format!("constant {v} overflows {ts}")
                        }
                        _ => format!("cannot convert {d} to type {ts}"),
                    };
                    self.error(a.span, msg);
                    Operand::invalid()
                }
            };
        }
        if types.is_untyped(x.ty) {
            // Untyped nil takes the target type; other untyped values take the target
            // type if they can, else their default type.
            let target = if x.is_nil() || types.is_const_type(t) || types.is_type_param(t) {
                t
            } else {
                types.default_type(x.ty)
            };
            if self.convert_untyped(&mut x, a, target).is_err() && !x.is_nil() {
                let d = self.info.types.default_type(x.ty);
                let _ = self.convert_untyped(&mut x, a, d);
            }
        }
        if !self.convertible(&x, t) {
            let d = x.describe(a, &self.info.types);
            self.error(a.span, format!("cannot convert {d} to type {ts}"));
            return Operand::invalid();
        }
        self.note_interface_conversion(&x, a, t);
        Operand::value(t)
    }

    /// Go's conversion rules for non-constant values.
    fn convertible(&self, x: &Operand, t: TypeId) -> bool {
        if self.assignable(x, t).is_ok() {
            return true;
        }
        let types = &self.info.types;
        let v = x.ty;
        // Type parameters: every pair of types in the type sets must convert.
        if let Some(set) = types.type_set(v) {
            return set.iter().all(|&s| self.convertible(&Operand::value(s), t));
        }
        if let Some(set) = types.type_set(t) {
            return set.iter().all(|&s| self.convertible(x, s));
        }
        let (vu, tu) = (types.underlying(v), types.underlying(t));
        if vu == tu {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) = (types.get(v), types.get(t))
            && types.underlying(*a) == types.underlying(*b)
        {
            return true;
        }
        if types.is_numeric(v) && types.is_numeric(t) {
            return true;
        }
        let byte_or_rune_slice = |u: TypeId| match types.get(u) {
            Type::Slice(e) => matches!(types.underlying(*e), TypeId::UINT8 | TypeId::INT32),
            _ => false,
        };
        if types.is_string(t) && (types.is_integer(v) || byte_or_rune_slice(vu)) {
            return true;
        }
        if types.is_string(v) && byte_or_rune_slice(tu) {
            return true;
        }
        false
    }
}

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

/// The NodeId index of the identifier naming a function in `f`, `f[T]`, `(f)`.
fn ident_id(func: &Expr) -> Option<usize> {
    match &strip_parens(func).kind {
        ExprKind::Ident(id) => Some(id.id.index()),
        ExprKind::Index { x, .. } => ident_id(x),
        _ => None,
    }
}
