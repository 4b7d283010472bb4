//! Assignability, implicit conversion of untyped values, and the value lists of
//! assignments, declarations and returns (`a, b := f()`, `v, ok := m[k]`).

use goroscope_syntax::ast::{Expr, ExprKind, UnaryOp};

use super::{Checker, OpMode, Operand};
use crate::constant::Unrepresentable;
use crate::lookup::missing_method;
use crate::types::{BasicKind, Type, TypeId};

/// Where a value is assigned, as Go names it in `cannot use x as T value in CONTEXT`.
/// The argument form is rendered only when a message needs it.
#[derive(Clone, Copy)]
pub(crate) enum Ctx<'e> {
    Text(&'static str),
    /// `argument to f`, naming the callee expression.
    Arg(&'e Expr),
}

impl From<&'static str> for Ctx<'_> {
    fn from(s: &'static str) -> Self {
        Ctx::Text(s)
    }
}

impl std::fmt::Display for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ctx::Text(s) => f.write_str(s),
            Ctx::Arg(func) => write!(f, "argument to {}", crate::printer::expr_string(func)),
        }
    }
}

/// Why an untyped value cannot take a type.
pub(crate) enum UntypedError {
    Mismatch,
    Value(Unrepresentable),
}

impl<'a> Checker<'a> {
    /// Whether `x` may be assigned to type `t`; on failure, Go's reason if it has one
    /// (the text after `: ` in `cannot use ...`).
    pub(crate) fn assignable(&self, x: &Operand, t: TypeId) -> Result<(), Option<String>> {
        let types = &self.info.types;
        let v = x.ty;
        if v == t || v == TypeId::INVALID || t == TypeId::INVALID {
            return Ok(());
        }
        let (vu, tu) = (types.underlying(v), types.underlying(t));
        // A type whose declaration failed was reported at the declaration.
        if tu == TypeId::INVALID && !types.is_type_param(t) {
            return Ok(());
        }
        let tparam = types.is_type_param(v) || types.is_type_param(t);
        if vu == tu && !tparam && (!types.is_named(v) || !types.is_named(t)) {
            return Ok(());
        }
        // An interface that is not a type parameter: a type parameter implements it
        // when its constraint's methods do (every type in its type set has them).
        if types.is_interface(t) {
            if x.is_nil() {
                return Ok(());
            }
            return match missing_method(&self.info, v, t) {
                None => Ok(()),
                // Go gives no reason for a type parameter (it goes on to try each
                // type of the type set, which fails without one).
                Some(_) if types.is_type_param(v) => Err(None),
                Some(why) => Err(Some(format!(
                    "{} does not implement {} {why}",
                    types.msg(v),
                    types.msg(t)
                ))),
            };
        }
        if types.is_interface(v) && !types.is_type_param(v) && !types.is_interface(t) {
            let mut why = None;
            if missing_method(&self.info, t, v).is_none() {
                why = Some("need type assertion".to_string());
            }
            return Err(why);
        }
        if let (
            Type::Chan {
                dir: crate::types::ChanDir::Both,
                elem: ve,
            },
            Type::Chan { elem: te, .. },
        ) = (types.get(vu), types.get(tu))
            && ve == te
            && (!types.is_named(v) || !types.is_named(t))
        {
            return Ok(());
        }
        if x.is_nil() && types.has_nil(t) {
            return Ok(());
        }
        Err(None)
    }

    /// Checks that `x` (the value of `e`) can be assigned to `t` in `context`
    /// (`assignment`, `argument to f`, `return statement` ...), giving untyped values
    /// their type and recording a conversion to an interface type.
    pub(crate) fn assignment<'c>(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        t: TypeId,
        context: impl Into<Ctx<'c>>,
    ) -> bool {
        let context = context.into();
        if x.is_invalid() || t == TypeId::INVALID {
            return false;
        }
        if !self.single_value(x, e) {
            return false;
        }
        if self.info.types.is_untyped(x.ty) {
            let target = if self.info.types.is_interface(t) && !x.is_nil() {
                self.info.types.default_type(x.ty)
            } else {
                t
            };
            if let Err(err) = self.convert_untyped(x, e, target) {
                let d = x.describe(e, &self.info.types);
                let ts = self.info.types.msg(t);
                let mut msg = if x.is_nil() {
                    format!("cannot use nil as {ts} value in {context}")
                } else {
                    format!("cannot use {d} as {ts} value in {context}")
                };
                match err {
                    UntypedError::Value(Unrepresentable::Truncated) => msg.push_str(" (truncated)"),
                    UntypedError::Value(Unrepresentable::Overflows) => msg.push_str(" (overflows)"),
                    _ => {}
                }
                self.error(e.span, msg);
                x.mode = OpMode::Invalid;
                return false;
            }
        }
        match self.assignable(x, t) {
            Ok(()) => {
                self.note_interface_conversion(x, e, t);
                true
            }
            Err(why) => {
                let d = x.describe(e, &self.info.types);
                let ts = self.info.types.msg(t);
                let msg = match why {
                    Some(w) => format!("cannot use {d} as {ts} value in {context}: {w}"),
                    None => format!("cannot use {d} as {ts} value in {context}"),
                };
                self.error(e.span, msg);
                false
            }
        }
    }

    /// Records that the value of `e` becomes an interface value of type `t`.
    pub(crate) fn note_interface_conversion(&mut self, x: &Operand, e: &Expr, t: TypeId) {
        if self.info.types.is_interface(t)
            && !self.info.types.is_interface(x.ty)
            && !x.is_nil()
            && let Some(slot) = self.info.conversions.get_mut(e.id.index())
        {
            *slot = Some(t);
        }
    }

    /// Reports operands that are not a single value (`f()` without results, a type, a
    /// builtin name, a multi-value call).
    pub(crate) fn single_value(&mut self, x: &mut Operand, e: &Expr) -> bool {
        let msg = match x.mode {
            OpMode::Invalid => return false,
            OpMode::NoValue => format!(
                "{} (no value) used as value",
                crate::printer::expr_string(e)
            ),
            OpMode::Type => format!(
                "{} (type) is not an expression",
                crate::printer::expr_string(e)
            ),
            OpMode::Builtin(_) => format!(
                "{} (built-in) must be called",
                crate::printer::expr_string(e)
            ),
            _ => {
                if matches!(self.info.types.get(x.ty), Type::Tuple(_)) {
                    let d = x.describe(e, &self.info.types);
                    format!("multiple-value {d} in single-value context")
                } else {
                    return true;
                }
            }
        };
        self.error(e.span, msg);
        x.mode = OpMode::Invalid;
        false
    }

    /// Gives the untyped value `x` the type `target` if it can take it.
    pub(crate) fn convert_untyped(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: TypeId,
    ) -> Result<(), UntypedError> {
        let types = &self.info.types;
        // A type whose declaration failed (`type R float32`) takes any value silently.
        if x.is_invalid() || !types.is_untyped(x.ty) || types.underlying(target) == TypeId::INVALID
        {
            return Ok(());
        }
        if types.is_untyped(target) {
            // Both untyped: numeric kinds combine to the "larger" one.
            let (a, b) = (types.basic_kind(x.ty), types.basic_kind(target));
            if let (Some(a), Some(b)) = (a, b) {
                if a.is_numeric() && b.is_numeric() {
                    let k = if a > b { a } else { b };
                    x.ty = crate::types::TypeTable::basic(k);
                    return Ok(());
                }
                if a == b {
                    return Ok(());
                }
            }
            return Err(UntypedError::Mismatch);
        }
        if let Some(set) = types.type_set(target) {
            // A type parameter: the value must suit every type in its type set.
            if x.is_nil() {
                return Err(UntypedError::Mismatch);
            }
            for t in set {
                let mut probe = x.clone();
                self.convert_untyped(&mut probe, e, t)?;
            }
            x.ty = target;
            self.update_type(e, target);
            return Ok(());
        }
        if types.is_type_param(target) {
            return Err(UntypedError::Mismatch);
        }
        match types.under(target).clone() {
            Type::Basic(k) => {
                if x.is_nil() {
                    return Err(UntypedError::Mismatch);
                }
                if let (Some(v), OpMode::Constant) = (&x.val, x.mode) {
                    let nv = v.represent(k).map_err(UntypedError::Value)?;
                    x.val = Some(nv);
                } else {
                    let xk = types.basic_kind(x.ty).unwrap_or(BasicKind::Invalid);
                    let ok = match xk {
                        BasicKind::UntypedBool => k.is_boolean(),
                        BasicKind::UntypedInt | BasicKind::UntypedRune => k.is_numeric(),
                        BasicKind::UntypedFloat => k.is_numeric(),
                        BasicKind::UntypedString => k.is_string(),
                        _ => false,
                    };
                    if !ok {
                        return Err(UntypedError::Mismatch);
                    }
                }
            }
            Type::Interface(_) => {
                if !x.is_nil() {
                    let d = types.default_type(x.ty);
                    x.ty = d;
                    self.update_type(e, d);
                    return Ok(());
                }
            }
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map { .. }
            | Type::Chan { .. }
            | Type::Signature(_) => {
                if !x.is_nil() {
                    return Err(UntypedError::Mismatch);
                }
            }
            _ => return Err(UntypedError::Mismatch),
        }
        x.ty = target;
        self.update_type(e, target);
        Ok(())
    }

    /// Records the final type of an untyped expression, and of the untyped operands
    /// it was computed from.
    pub(crate) fn update_type(&mut self, e: &Expr, t: TypeId) {
        let Some(Some(tv)) = self.info.exprs.get_mut(e.id.index()) else {
            return;
        };
        if !self.info.types.is_untyped(tv.ty) {
            return;
        }
        tv.ty = t;
        if tv.value.is_some() {
            return;
        }
        match &e.kind {
            ExprKind::Paren(x) => self.update_type(x, t),
            ExprKind::Unary { op, x } if *op != UnaryOp::Recv && *op != UnaryOp::Addr => {
                self.update_type(x, t)
            }
            ExprKind::Binary { op, x, y, .. } => {
                use goroscope_syntax::ast::BinaryOp::*;
                match op {
                    Eq | Ne | Lt | Le | Gt | Ge => {}
                    Shl | Shr => {
                        if !self.info.types.is_integer(t) && !self.info.types.is_untyped(t) {
                            let (xs, ts) = (crate::printer::expr_string(x), self.info.types.msg(t));
                            let msg = format!(
                                "invalid operation: shifted operand {xs} (type {ts}) must be integer"
                            );
                            self.error(x.span, msg);
                        }
                        self.update_type(x, t)
                    }
                    _ => {
                        self.update_type(x, t);
                        self.update_type(y, t);
                    }
                }
            }
            _ => {}
        }
    }

    /// Evaluates `rhs` for `targets.len()` variables whose declared types are
    /// `targets` (`None`: take the value's type). Returns each variable's type.
    pub(crate) fn init_values<'c>(
        &mut self,
        targets: &[Option<TypeId>],
        rhs: &[Expr],
        context: impl Into<Ctx<'c>>,
    ) -> Vec<TypeId> {
        let context = context.into();
        let n = targets.len();
        if n == rhs.len() {
            let mut out = Vec::new();
            for (t, e) in targets.iter().zip(rhs) {
                let mut x = self.raw_expr(e, false);
                if matches!(self.info.types.get(x.ty), Type::Tuple(ts) if ts.len() != 1)
                    && x.mode != OpMode::NoValue
                {
                    self.values_of(&x, e, 1);
                    out.push(TypeId::INVALID);
                    continue;
                }
                out.push(self.init_one(&mut x, e, *t, context));
            }
            return out;
        }
        if rhs.len() == 1 && n > 1 {
            let e = &rhs[0];
            let x = self.raw_expr(e, false);
            let elems = match self.values_of(&x, e, n) {
                Some(v) => v,
                None => return vec![TypeId::INVALID; n],
            };
            let mut out = Vec::new();
            for (t, et) in targets.iter().zip(elems) {
                let mut xi = Operand::value(et);
                out.push(match t {
                    Some(t) => {
                        if self.info.types.is_untyped(et) {
                            xi.ty = self.info.types.default_type(et);
                        }
                        self.assignment(&mut xi, e, *t, context);
                        *t
                    }
                    None => self.info.types.default_type(et),
                });
            }
            return out;
        }
        for e in rhs {
            self.raw_expr(e, false);
        }
        if let Some(e) = rhs.first() {
            self.assign_mismatch(n, rhs.len(), e);
        }
        vec![TypeId::INVALID; n]
    }

    fn init_one(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: Option<TypeId>,
        context: Ctx<'_>,
    ) -> TypeId {
        match target {
            Some(t) => {
                self.assignment(x, e, t, context);
                t
            }
            None => {
                if !self.single_value(x, e) {
                    return TypeId::INVALID;
                }
                if x.is_nil() {
                    self.error(e.span, format!("use of untyped nil in {context}"));
                    return TypeId::INVALID;
                }
                let d = self.info.types.default_type(x.ty);
                if d != x.ty && self.convert_untyped(x, e, d).is_err() {
                    let desc = x.describe(e, &self.info.types);
                    let ds = self.info.types.msg(d);
                    let msg = format!("cannot use {desc} as {ds} value in {context} (overflows)");
                    self.error(e.span, msg);
                    return TypeId::INVALID;
                }
                x.ty
            }
        }
    }

    /// The types of the `n` values a multi-valued expression provides: a call's
    /// results, or a comma-ok form's value and `bool`. Reports a count mismatch.
    pub(crate) fn values_of(&mut self, x: &Operand, e: &Expr, n: usize) -> Option<Vec<TypeId>> {
        if x.is_invalid() {
            return None;
        }
        if let Type::Tuple(ts) = self.info.types.get(x.ty).clone() {
            if ts.len() == n {
                return Some(ts);
            }
            let s = crate::printer::expr_string(match &e.kind {
                ExprKind::Call { func, .. } => func,
                _ => e,
            });
            let v = if ts.len() == 1 { "value" } else { "values" };
            let vars = if n == 1 { "variable" } else { "variables" };
            self.error(
                e.span,
                format!(
                    "assignment mismatch: {n} {vars} but {s} returns {} {v}",
                    ts.len()
                ),
            );
            return None;
        }
        if n == 2 && matches!(x.mode, OpMode::CommaOk | OpMode::MapIndex) {
            if let Some(slot) = self.info.comma_ok.get_mut(e.id.index()) {
                *slot = true;
            }
            return Some(vec![x.ty, TypeId::UNTYPED_BOOL]);
        }
        if x.mode == OpMode::NoValue {
            let s = crate::printer::expr_string(e);
            self.error(e.span, format!("{s} (no value) used as value"));
            return None;
        }
        self.assign_mismatch(n, 1, e);
        None
    }

    pub(crate) fn assign_mismatch(&mut self, n: usize, m: usize, at: &Expr) {
        let vs = if n == 1 { "variable" } else { "variables" };
        let ws = if m == 1 { "value" } else { "values" };
        self.error(
            at.span,
            format!("assignment mismatch: {n} {vs} but {m} {ws}"),
        );
    }
}
