//! Calls of the predeclared functions: `len cap append copy delete close new make
//! panic recover print println min max clear`.

use goroscope_syntax::Span;
use goroscope_syntax::ast::{Expr, ExprKind};

use super::{Checker, OpMode, Operand};
use crate::constant::Value;
use crate::info::{CallInfo, CallKind};
use crate::objects::Builtin;
use crate::printer::expr_string;
use crate::types::{ChanDir, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn builtin(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: Option<Span>,
    ) -> Operand {
        self.set_call(
            e,
            CallInfo {
                kind: CallKind::Builtin(b),
                sig: TypeId::INVALID,
                pack_variadic: false,
                spread_tuple: false,
                type_args: vec![],
            },
        );
        let name = b.name();
        if let (Some(d), false) = (ellipsis, b == Builtin::Append) {
            self.error(
                d,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            for a in args {
                self.raw_expr(a, true);
            }
            return Operand::invalid();
        }
        let (min, max) = match b {
            Builtin::Len
            | Builtin::Cap
            | Builtin::Close
            | Builtin::New
            | Builtin::Panic
            | Builtin::Clear => (1, Some(1)),
            Builtin::Copy | Builtin::Delete => (2, Some(2)),
            Builtin::Recover => (0, Some(0)),
            Builtin::Make => (1, Some(3)),
            Builtin::Append => (1, None),
            Builtin::Min | Builtin::Max => (1, None),
            Builtin::Print | Builtin::Println => (0, None),
        };
        if args.len() < min || max.is_some_and(|m| args.len() > m) {
            for a in args {
                self.raw_expr(a, true);
            }
            let call = expr_string(e);
            let (what, at, exp) = if args.len() < min {
                ("not enough", e.span, min)
            } else {
                ("too many", e.span, max.unwrap_or(0))
            };
            self.error(
                at,
                format!(
                    "invalid operation: {what} arguments for {call} (expected {exp}, found {})",
                    args.len()
                ),
            );
            return Operand::invalid();
        }
        match b {
            Builtin::Len | Builtin::Cap => self.len_cap(b, &args[0]),
            Builtin::Append => self.append(e, args, ellipsis.is_some()),
            Builtin::Copy => {
                let dst = self.expr(&args[0]);
                let src = self.expr(&args[1]);
                if dst.is_invalid() || src.is_invalid() {
                    return Operand::value(TypeId::INT);
                }
                let de = self.slice_elem(dst.ty);
                let se = if self.info.types.is_string(src.ty) {
                    Some(TypeId::UINT8)
                } else {
                    self.slice_elem(src.ty)
                };
                match (de, se) {
                    (Some(a), Some(b)) if a == b => {
                        if self.info.types.is_untyped(src.ty) {
                            self.update_type(&args[1], TypeId::STRING);
                        }
                        Operand::value(TypeId::INT)
                    }
                    _ => {
                        let (ds, ss) = (
                            dst.describe(&args[0], &self.info.types),
                            src.describe(&args[1], &self.info.types),
                        );
                        self.error(e.span, format!("invalid argument: copy expects slice arguments; found {ds} and {ss}"));
                        Operand::invalid()
                    }
                }
            }
            Builtin::Delete => {
                let m = self.expr(&args[0]);
                if m.is_invalid() {
                    self.expr(&args[1]);
                    return Operand::invalid();
                }
                let core = self.info.types.core_type(m.ty).unwrap_or(TypeId::INVALID);
                let Type::Map { key, .. } = self.info.types.get(core).clone() else {
                    let d = m.describe(&args[0], &self.info.types);
                    self.error(args[0].span, format!("invalid argument: {d} is not a map"));
                    self.expr(&args[1]);
                    return Operand::invalid();
                };
                let mut k = self.expr(&args[1]);
                self.assignment(&mut k, &args[1], key, "argument to delete");
                no_value()
            }
            Builtin::Close => {
                let c = self.expr(&args[0]);
                if c.is_invalid() {
                    return Operand::invalid();
                }
                let core = self.info.types.core_type(c.ty).unwrap_or(TypeId::INVALID);
                match self.info.types.get(core) {
                    Type::Chan {
                        dir: ChanDir::Recv, ..
                    } => {
                        let d = c.describe(&args[0], &self.info.types);
                        self.error(
                            args[0].span,
                            format!("invalid operation: cannot close receive-only channel {d}"),
                        );
                        Operand::invalid()
                    }
                    Type::Chan { .. } => no_value(),
                    _ => {
                        let d = c.describe(&args[0], &self.info.types);
                        self.error(
                            args[0].span,
                            format!("invalid operation: cannot close non-channel {d}"),
                        );
                        Operand::invalid()
                    }
                }
            }
            Builtin::New => {
                let t = self.type_expr(&args[0]);
                if t == TypeId::INVALID {
                    Operand::invalid()
                } else {
                    Operand::value(self.info.types.pointer(t))
                }
            }
            Builtin::Make => self.make(e, args),
            Builtin::Panic => {
                let mut x = self.expr(&args[0]);
                self.assignment(
                    &mut x,
                    &args[0],
                    TypeId::EMPTY_INTERFACE,
                    "argument to panic",
                );
                no_value()
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if x.is_nil() {
                        self.error(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    let d = self.info.types.default_type(x.ty);
                    let _ = self.convert_untyped(&mut x, a, d);
                }
                no_value()
            }
            Builtin::Recover => Operand::value(TypeId::EMPTY_INTERFACE),
            Builtin::Min | Builtin::Max => self.min_max(e, b, args),
            Builtin::Clear => {
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return Operand::invalid();
                }
                let core = self.info.types.core_type(x.ty).unwrap_or(TypeId::INVALID);
                if !matches!(self.info.types.get(core), Type::Map { .. } | Type::Slice(_)) {
                    let d = x.describe(&args[0], &self.info.types);
                    self.error(
                        args[0].span,
                        format!("invalid argument: {d} must be a map or slice"),
                    );
                    return Operand::invalid();
                }
                no_value()
            }
        }
    }

    fn slice_elem(&self, t: TypeId) -> Option<TypeId> {
        let core = self.info.types.core_type(t)?;
        match self.info.types.get(core) {
            Type::Slice(e) => Some(*e),
            _ => None,
        }
    }

    fn len_cap(&mut self, b: Builtin, a: &Expr) -> Operand {
        let mut x = self.expr(a);
        if x.is_invalid() {
            return Operand::invalid();
        }
        let core = self.info.types.core_type(x.ty).unwrap_or(TypeId::INVALID);
        let ok = match self.info.types.get(core).clone() {
            Type::Basic(k) if k.is_string() && b == Builtin::Len => {
                if let (Some(Value::String(s)), true) = (&x.val, x.is_const()) {
                    let n = s.len() as i128;
                    if self.info.types.is_untyped(x.ty) {
                        let _ = self.convert_untyped(&mut x, a, TypeId::STRING);
                    }
                    return Operand::constant(TypeId::INT, Value::Int(n));
                }
                true
            }
            Type::Array { len, .. } => {
                if is_plain_operand(a) {
                    return Operand::constant(TypeId::INT, Value::Int(len as i128));
                }
                true
            }
            Type::Pointer(p) => matches!(self.info.types.under(p), Type::Array { .. }),
            Type::Slice(_) | Type::Chan { .. } => true,
            Type::Map { .. } => b == Builtin::Len,
            _ => false,
        };
        if !ok {
            let d = x.describe(a, &self.info.types);
            self.error(
                a.span,
                format!("invalid argument: {d} for built-in {}", b.name()),
            );
            return Operand::invalid();
        }
        Operand::value(TypeId::INT)
    }

    fn append(&mut self, e: &Expr, args: &[Expr], dots: bool) -> Operand {
        let s = self.expr(&args[0]);
        if s.is_invalid() {
            for a in &args[1..] {
                self.expr(a);
            }
            return Operand::invalid();
        }
        if s.is_nil() {
            self.error(
                args[0].span,
                "first argument to append must be a typed slice; have untyped nil",
            );
            return Operand::invalid();
        }
        let Some(elem) = self.slice_elem(s.ty) else {
            let d = s.describe(&args[0], &self.info.types);
            self.error(
                args[0].span,
                format!("invalid append: argument must be a slice; have {d}"),
            );
            for a in &args[1..] {
                self.expr(a);
            }
            return Operand::invalid();
        };
        if dots {
            if args.len() != 2 {
                let call = expr_string(e);
                self.error(
                    e.span,
                    format!("invalid operation: can only use ... with final argument in {call}"),
                );
                return Operand::invalid();
            }
            let mut x = self.expr(&args[1]);
            if x.is_invalid() {
                return Operand::value(s.ty);
            }
            if elem == TypeId::UINT8 && self.info.types.is_string(x.ty) {
                let _ = self.convert_untyped(&mut x, &args[1], TypeId::STRING);
                return Operand::value(s.ty);
            }
            let st = self.info.types.slice(elem);
            self.assignment(&mut x, &args[1], st, "argument to append");
            return Operand::value(s.ty);
        }
        for a in &args[1..] {
            let mut x = self.expr(a);
            self.assignment(&mut x, a, elem, "argument to append");
        }
        Operand::value(s.ty)
    }

    fn make(&mut self, e: &Expr, args: &[Expr]) -> Operand {
        let t = self.type_expr(&args[0]);
        if t == TypeId::INVALID {
            for a in &args[1..] {
                self.expr(a);
            }
            return Operand::invalid();
        }
        let ts = self.info.types.msg(t);
        let core = self.info.types.core_type(t).unwrap_or(TypeId::INVALID);
        let (min, max) = match self.info.types.get(core) {
            Type::Slice(_) => (2, 3),
            Type::Map { .. } | Type::Chan { .. } => (1, 2),
            _ => {
                self.error(
                    args[0].span,
                    format!(
                        "invalid argument: cannot make {ts}; type must be slice, map, or channel"
                    ),
                );
                return Operand::invalid();
            }
        };
        if args.len() < min || args.len() > max {
            let expects = if min == 2 { "2 or 3" } else { "1 or 2" };
            let call = expr_string(e);
            self.error(
                e.span,
                format!(
                    "invalid operation: {call} expects {expects} arguments; found {}",
                    args.len()
                ),
            );
            return Operand::invalid();
        }
        let mut sizes = Vec::new();
        for a in &args[1..] {
            sizes.push(self.size_arg(a));
        }
        if let [Some(l), Some(c)] = sizes.as_slice()
            && l > c
        {
            self.error(
                args[1].span,
                "invalid argument: length and capacity swapped",
            );
        }
        Operand::value(t)
    }

    /// A length or capacity argument of `make`: a non-negative integer.
    fn size_arg(&mut self, a: &Expr) -> Option<i128> {
        let mut x = self.expr(a);
        if x.is_invalid() {
            return None;
        }
        if self.info.types.is_untyped(x.ty) {
            if self.convert_untyped(&mut x, a, TypeId::INT).is_err() {
                let d = x.describe(a, &self.info.types);
                self.error(a.span, format!("cannot convert {d} to type int"));
                return None;
            }
        } else if !self.info.types.is_integer(x.ty) {
            let d = x.describe(a, &self.info.types);
            self.error(a.span, format!("cannot convert {d} to type int"));
            return None;
        }
        let v = x
            .val
            .as_ref()
            .and_then(Value::as_int)
            .filter(|_| x.is_const())?;
        if v < 0 {
            let d = x.describe(a, &self.info.types);
            self.error(
                a.span,
                format!("invalid argument: index {d} must not be negative"),
            );
            return None;
        }
        Some(v)
    }

    fn min_max(&mut self, e: &Expr, b: Builtin, args: &[Expr]) -> Operand {
        let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
        if ops.iter().any(Operand::is_invalid) {
            return Operand::invalid();
        }
        // All operands take one common type, as in a chain of binary operations.
        let mut acc = ops[0].clone();
        for i in 1..ops.len() {
            let (ae, be) = (&args[0], &args[i]);
            let mut y = ops[i].clone();
            let ok = if self.info.types.is_untyped(acc.ty) && !self.info.types.is_untyped(y.ty) {
                let t = y.ty;
                self.convert_untyped(&mut acc, ae, t).is_ok()
            } else if self.info.types.is_untyped(y.ty) {
                let t = acc.ty;
                self.convert_untyped(&mut y, be, t).is_ok()
            } else {
                acc.ty == y.ty
            };
            if !ok || (acc.ty != y.ty && !self.info.types.is_untyped(acc.ty)) {
                let (a, bt) = (self.info.types.msg(acc.ty), self.info.types.msg(y.ty));
                let call = expr_string(e);
                self.error(be.span, format!("invalid argument: mismatched types {a} (previous argument) and {bt} (type of {}) in {call}", expr_string(be)));
                return Operand::invalid();
            }
            ops[i] = y;
        }
        let t = ops
            .iter()
            .map(|o| o.ty)
            .find(|&t| !self.info.types.is_untyped(t))
            .unwrap_or(acc.ty);
        if !self.info.types.is_ordered(t) {
            let d = ops[0].describe(&args[0], &self.info.types);
            self.error(
                args[0].span,
                format!("invalid argument: {d} cannot be ordered"),
            );
            return Operand::invalid();
        }
        for (o, a) in ops.iter_mut().zip(args) {
            let _ = self.convert_untyped(o, a, t);
        }
        if ops.iter().all(Operand::is_const) {
            let mut best = ops[0].val.clone();
            for o in &ops[1..] {
                if let (Some(cur), Some(v)) = (&best, &o.val) {
                    let better = match cur.compare(v) {
                        Some(std::cmp::Ordering::Greater) => b == Builtin::Min,
                        Some(std::cmp::Ordering::Less) => b == Builtin::Max,
                        _ => false,
                    };
                    if better {
                        best = Some(v.clone());
                    }
                }
            }
            if let Some(v) = best {
                return Operand::constant(t, v);
            }
        }
        Operand::value(t)
    }
}

fn no_value() -> Operand {
    Operand {
        mode: OpMode::NoValue,
        ty: TypeId::EMPTY_TUPLE,
        val: None,
    }
}

/// An operand without calls or receives (`a`, `s.arr`, `(a)`): `len` of such an
/// array is a constant.
fn is_plain_operand(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) => true,
        ExprKind::Paren(x) | ExprKind::Selector { x, .. } => is_plain_operand(x),
        _ => false,
    }
}
