//! Expressions: every expression is lowered into a destination register (`expr_to`), or
//! into whatever register already holds it (`expr`: a register variable is read in
//! place). Conversions to interface types happen where a value is *used* (`expr_as`), so
//! the caller, who knows the target type, decides.

use goroscope_syntax::ast::{BasicLit, BinaryOp, Expr, ExprKind, UnaryOp};
use goroscope_types::constant::Value;
use goroscope_types::info::Selection;
use goroscope_types::objects::{ObjKind, ObjectId, VarRole};
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Callee, Instr, IntKind, Reg};
use crate::lower::{Lower, VarLoc};
use crate::typedesc::Class;

/// Where a name's value lives.
#[derive(Clone, Copy, Debug)]
pub enum VarRef {
    Local(VarLoc),
    Global(crate::bytecode::GlobalId),
}

impl<'a> Lower<'a> {
    /// The value of `e` in some register: a register variable's own register, or a fresh
    /// one at the top (then `top` is just above it).
    pub fn expr(&mut self, e: &Expr) -> Reg {
        if let Some(r) = self.reg_var(e) {
            return r;
        }
        let r = self.alloc();
        self.expr_to(e, r);
        self.release(r.0 + 1);
        r
    }

    /// The value of `e` in a fresh register (a copy even for register variables).
    pub fn fresh(&mut self, e: &Expr) -> Reg {
        let r = self.alloc();
        self.expr_to(e, r);
        self.release(r.0 + 1);
        r
    }

    /// The value of `e` converted to `target` (boxed into an interface when `target` is
    /// one and `e` is not) in register `dst`.
    pub fn expr_as(&mut self, e: &Expr, target: TypeId, dst: Reg) {
        let mut from = self.ty(e.id);
        // A constant recorded with an interface type is boxed with its default type.
        if self.c.is_interface(from) {
            match self.info().expr(e.id).and_then(|tv| tv.value.as_ref()) {
                Some(Value::Bool(_)) => from = TypeId::BOOL,
                Some(Value::String(_)) => from = TypeId::STRING,
                Some(Value::Int(_)) => from = TypeId::INT,
                Some(Value::Float(_)) => from = TypeId::FLOAT64,
                None => {}
            }
        }
        self.expr_to(e, dst);
        self.coerce(dst, from, target);
    }

    /// A fresh register holding `e` converted to `target`.
    pub fn fresh_as(&mut self, e: &Expr, target: TypeId) -> Reg {
        let r = self.alloc();
        self.expr_as(e, target, r);
        self.release(r.0 + 1);
        r
    }

    /// Converts the value in `r` (of type `from`) to `to` in place: boxing into an
    /// interface is the only representation change.
    pub fn coerce(&mut self, r: Reg, from: TypeId, to: TypeId) {
        if from == to || to == TypeId::INVALID || from == TypeId::UNTYPED_NIL {
            return;
        }
        if self.c.is_interface(to) && !self.c.is_interface(from) {
            let ty = self.c.desc(from);
            self.c.iface_types.insert(ty);
            self.emit(Instr::MakeIface { dst: r, src: r, ty });
        }
    }

    /// The register of an unboxed local variable `e` names, if it is one.
    pub fn reg_var(&mut self, e: &Expr) -> Option<Reg> {
        match &e.kind {
            ExprKind::Paren(x) => self.reg_var(x),
            ExprKind::Ident(id) if !self.is_const(e) => {
                let obj = self.info().ident(id.id)?;
                match self.f.vars.get(&obj) {
                    Some(VarLoc::Reg(r)) => Some(*r),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn is_const(&self, e: &Expr) -> bool {
        self.info().expr(e.id).is_some_and(|tv| tv.value.is_some())
    }

    /// Lowers `e` into `dst`.
    pub fn expr_to(&mut self, e: &Expr, dst: Reg) {
        let tv = self.info().expr(e.id);
        if let Some(v) = tv.and_then(|tv| tv.value.clone()) {
            let t = self.ty(e.id);
            self.load_const(&v, t, dst);
            return;
        }
        match &e.kind {
            ExprKind::Bad => self.error(e.span, "invalid expression"),
            ExprKind::Ident(id) => match self.info().ident(id.id) {
                Some(obj) => self.load_obj(obj, id.id, dst, e),
                None => self.error(e.span, format!("undefined: {}", id.name)),
            },
            ExprKind::BasicLit(lit) => self.basic_lit(lit, e, dst),
            ExprKind::CompositeLit { elts, .. } => {
                let t = self.ty(e.id);
                self.composite(e, t, elts, dst);
            }
            ExprKind::FuncLit { sig, body } => self.func_lit(e, sig, body, dst),
            ExprKind::Paren(x) => self.expr_to(x, dst),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel, dst),
            ExprKind::Index { x, indices } => self.index(e, x, indices, dst),
            ExprKind::Slice { x, low, high, max } => {
                self.slice_expr(x, low.as_deref(), high.as_deref(), max.as_deref(), dst)
            }
            ExprKind::TypeAssert { x, ty: Some(_) } => {
                let src = self.expr(x);
                let xt = self.ty(x.id);
                let t = self.ty(e.id);
                let ty = self.c.desc(t);
                let src_ty = self.c.desc(xt);
                self.emit(Instr::TypeAssert {
                    dst,
                    src,
                    ty,
                    src_ty,
                });
            }
            ExprKind::TypeAssert { ty: None, .. } => {
                self.error(e.span, "use of .(type) outside type switch")
            }
            ExprKind::Call { .. } => {
                let m = self.mark();
                // A fresh topmost destination can be the call's base: the results land in it.
                if dst.0 + 1 == m {
                    self.release(dst.0);
                }
                let (base, n) = self.call(e);
                if n > 0 && base != dst {
                    self.emit(Instr::Move { dst, src: base });
                }
                self.release(m.max(dst.0 + 1));
            }
            ExprKind::Star(x) => {
                let p = self.expr(x);
                self.emit(Instr::Load { dst, ptr: p });
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x, dst),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y, dst),
            _ => self.error(e.span, "type expression used as a value"),
        }
    }

    /// A constant of type `t` (the value is already exact; only its representation is chosen here).
    pub fn load_const(&mut self, v: &Value, t: TypeId, dst: Reg) {
        let t = self.c.types.default_type(t);
        match self.c.class(t) {
            Class::Float => {
                let f = v.as_f64().unwrap_or(0.0);
                let k = self.c.const_float(f);
                self.emit(Instr::LoadConst { dst, k });
            }
            Class::Int(kind) => {
                let i = v.as_int().unwrap_or(0);
                let i = kind.wrap(i as i64);
                self.load_int(dst, i);
            }
            _ => match v {
                Value::Bool(b) => {
                    self.emit(Instr::LoadBool { dst, v: *b });
                }
                Value::String(s) => {
                    let k = self.c.const_str(s);
                    self.emit(Instr::LoadConst { dst, k });
                }
                Value::Int(_) | Value::Float(_) => {
                    // A numeric constant converted to an interface: its default type.
                    let dt = if matches!(v, Value::Int(_)) {
                        TypeId::INT
                    } else {
                        TypeId::FLOAT64
                    };
                    self.load_const(v, dt, dst);
                }
            },
        }
    }

    pub fn load_int(&mut self, dst: Reg, i: i64) {
        match i32::try_from(i) {
            Ok(imm) => {
                self.emit(Instr::LoadInt { dst, imm });
            }
            Err(_) => {
                let k = self.c.const_int(i);
                self.emit(Instr::LoadConst { dst, k });
            }
        }
    }

    fn basic_lit(&mut self, lit: &BasicLit, e: &Expr, dst: Reg) {
        // Literals are constants; the checker records their values. This is reached
        // only if it did not.
        match lit {
            BasicLit::String { value, .. } => {
                let k = self.c.const_str(value);
                self.emit(Instr::LoadConst { dst, k });
            }
            BasicLit::Imag(_) => self.unsupported(e.span, "complex numbers"),
            _ => self.error(e.span, "literal without a constant value"),
        }
    }

    /// Where a variable object lives, if it is a variable of this program.
    pub fn var_ref(&mut self, obj: ObjectId) -> Option<VarRef> {
        if let Some(l) = self.f.vars.get(&obj) {
            return Some(VarRef::Local(*l));
        }
        self.c.global_index.get(&obj).map(|g| VarRef::Global(*g))
    }

    pub fn read_var(&mut self, v: VarRef, dst: Reg) {
        match v {
            VarRef::Local(VarLoc::Reg(r)) => {
                if r != dst {
                    self.emit(Instr::Move { dst, src: r });
                }
            }
            VarRef::Local(VarLoc::Boxed(r)) => {
                self.emit(Instr::Load { dst, ptr: r });
            }
            VarRef::Local(VarLoc::Upval(idx)) => {
                self.emit(Instr::GetUpval { dst, idx });
            }
            VarRef::Local(VarLoc::Captured(idx)) => {
                self.emit(Instr::LoadCapture { dst, idx });
            }
            VarRef::Global(g) => {
                self.emit(Instr::LoadGlobal { dst, g });
            }
        }
    }

    /// The value an identifier (or qualified identifier) denotes.
    fn load_obj(
        &mut self,
        obj: ObjectId,
        use_id: goroscope_syntax::ast::NodeId,
        dst: Reg,
        e: &Expr,
    ) {
        let o = self.info().object(obj);
        match &o.kind {
            ObjKind::Nil => {
                self.emit(Instr::LoadNil { dst });
            }
            ObjKind::Var(vi) => {
                if vi.role == VarRole::Global && o.pkg.as_deref().is_some_and(|p| p != "main") {
                    let key = format!("{}.{}", o.pkg.clone().unwrap_or_default(), o.name);
                    let native = self.c.native(&key);
                    let base = self.alloc();
                    self.emit(Instr::CallNative {
                        native,
                        base,
                        nargs: 0,
                    });
                    self.emit(Instr::Move { dst, src: base });
                    return;
                }
                match self.var_ref(obj) {
                    Some(v) => self.read_var(v, dst),
                    None => self.error(
                        e.span,
                        format!("internal error: variable {} has no storage", o.name),
                    ),
                }
            }
            ObjKind::Func(fi) => {
                let callee = match &fi.native {
                    Some(key) => Callee::Native(self.c.native(key)),
                    None => {
                        let args = self
                            .info()
                            .instances
                            .get(use_id.index())
                            .cloned()
                            .flatten()
                            .unwrap_or_default();
                        let args: Vec<TypeId> = args.into_iter().map(|t| self.subst(t)).collect();
                        Callee::Func(self.func_id(obj, args))
                    }
                };
                self.emit(Instr::MakeFunc { dst, callee });
            }
            ObjKind::Const(v) => {
                let v = v.clone();
                let t = self.ty(e.id);
                self.load_const(&v, t, dst);
            }
            _ => self.error(e.span, format!("{} is not an expression", o.name)),
        }
    }

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &goroscope_syntax::ast::Ident, dst: Reg) {
        let Some(selection) = self
            .info()
            .selection(e.id)
            .cloned()
            .map(|s| self.resolve_method(x, s))
        else {
            match self.info().ident(sel.id) {
                Some(obj) => self.load_obj(obj, sel.id, dst, e),
                None => self.error(e.span, format!("undefined: {}", sel.name)),
            }
            return;
        };
        match selection {
            Selection::Qualified(obj) => self.load_obj(obj, sel.id, dst, e),
            Selection::Field { path, .. } => {
                let m = self.mark();
                self.follow_path(x, &path, Some(dst));
                self.release(m.max(dst.0 + 1));
            }
            Selection::Method { func, path, .. } => {
                let recv = self.method_recv(x, &path, func);
                let callee = self.method_callee(func);
                self.emit(Instr::BindMethod { dst, recv, callee });
            }
            Selection::InterfaceMethod { name, path, .. } => {
                let recv = self.follow_path_value(x, &path);
                let method = self.c.symbol(&name);
                self.emit(Instr::BindIfaceMethod { dst, recv, method });
            }
            Selection::MethodExpr { func, recv } => {
                let recv = self.subst(recv);
                let callee = self.method_expr_callee(func, recv, &sel.name);
                self.emit(Instr::MakeFunc { dst, callee });
            }
            Selection::InterfaceMethodExpr { name, recv } => {
                let recv = self.subst(recv);
                let id = self.wrapper(recv, &name);
                self.emit(Instr::MakeFunc {
                    dst,
                    callee: Callee::Func(id),
                });
            }
        }
    }

    /// The value reached from `x` through embedded fields `path` (auto-dereferencing).
    pub fn follow_path_value(&mut self, x: &Expr, path: &[usize]) -> Reg {
        self.follow_path(x, path, None)
    }

    /// The value of `x` followed through the field indices `path`, dereferencing
    /// pointers on the way; the last step writes to `dst` if given.
    fn follow_path(&mut self, x: &Expr, path: &[usize], dst: Option<Reg>) -> Reg {
        let mut v = self.expr(x);
        let mut t = self.ty(x.id);
        if path.is_empty()
            && let Some(d) = dst.filter(|&d| d != v)
        {
            self.emit(Instr::Move { dst: d, src: v });
            return d;
        }
        for (n, &i) in path.iter().enumerate() {
            let next = match dst {
                Some(d) if n + 1 == path.len() => d,
                _ => self.alloc(),
            };
            let field = i as u16;
            if self.c.is_pointer(t) {
                self.emit(Instr::LoadField {
                    dst: next,
                    ptr: v,
                    field,
                });
            } else {
                self.emit(Instr::GetField {
                    dst: next,
                    src: v,
                    field,
                });
            }
            t = self.c.struct_field(t, i);
            t = self.subst(t);
            v = next;
        }
        v
    }

    fn index(&mut self, e: &Expr, x: &Expr, indices: &[Expr], dst: Reg) {
        if let Some(args) = self.info().instances.get(e.id.index()).cloned().flatten() {
            // Explicit instantiation `f[int]` used as a value.
            let obj = match &x.kind {
                ExprKind::Ident(id) => self.info().ident(id.id),
                ExprKind::Selector { sel, .. } => self.info().ident(sel.id),
                _ => None,
            };
            if let Some(obj) = obj {
                let args: Vec<TypeId> = args.into_iter().map(|t| self.subst(t)).collect();
                let id = self.func_id(obj, args);
                self.emit(Instr::MakeFunc {
                    dst,
                    callee: Callee::Func(id),
                });
                return;
            }
        }
        let [i] = indices else {
            self.error(e.span, "unexpected index list");
            return;
        };
        let xt = self.ty(x.id);
        match self.c.types.under(xt).clone() {
            Type::Map { key, .. } => {
                let map = self.expr(x);
                let k = self.fresh_as(i, key);
                let ty = self.c.desc(xt);
                self.emit(Instr::MapGet {
                    dst,
                    map,
                    key: k,
                    ty,
                });
            }
            Type::Slice(_) => {
                let slice = self.expr(x);
                let idx = self.expr(i);
                self.emit(Instr::IndexSlice { dst, slice, idx });
            }
            Type::Array { .. } => {
                let arr = self.expr(x);
                let idx = self.expr(i);
                self.emit(Instr::IndexArray { dst, arr, idx });
            }
            Type::Pointer(_) => {
                let p = self.expr(x);
                let idx = self.expr(i);
                let arr = self.alloc();
                self.emit(Instr::Load { dst: arr, ptr: p });
                self.emit(Instr::IndexArray { dst, arr, idx });
            }
            Type::Basic(_) => {
                let s = self.expr(x);
                let idx = self.expr(i);
                self.emit(Instr::IndexStr { dst, s, idx });
            }
            _ => self.error(e.span, "cannot index this expression"),
        }
    }

    fn slice_expr(
        &mut self,
        x: &Expr,
        low: Option<&Expr>,
        high: Option<&Expr>,
        max: Option<&Expr>,
        dst: Reg,
    ) {
        let xt = self.ty(x.id);
        let under = self.c.types.under(xt).clone();
        let (src, array_len) = match under {
            Type::Array { len, .. } => (self.addr_of(x), Some(len)),
            Type::Pointer(p) => {
                let len = match self.c.types.under(p) {
                    Type::Array { len, .. } => *len,
                    _ => 0,
                };
                (self.expr(x), Some(len))
            }
            _ => (self.expr(x), None),
        };
        let lo = match low {
            Some(l) => self.expr(l),
            None => {
                let r = self.alloc();
                self.emit(Instr::LoadInt { dst: r, imm: 0 });
                r
            }
        };
        let hi = match high {
            Some(h) => self.expr(h),
            None => {
                let r = self.alloc();
                match array_len {
                    Some(n) => self.load_int(r, n as i64),
                    None => {
                        self.emit(Instr::Len { dst: r, src });
                    }
                }
                r
            }
        };
        if array_len.is_some() {
            match max {
                Some(m) => {
                    // Slice the whole array, then apply the three-index form to that slice.
                    let whole = self.alloc();
                    let zero = self.alloc();
                    let n = self.alloc();
                    self.emit(Instr::LoadInt { dst: zero, imm: 0 });
                    self.load_int(n, array_len.unwrap_or(0) as i64);
                    self.emit(Instr::SliceArray {
                        dst: whole,
                        ptr: src,
                        lo: zero,
                        hi: n,
                    });
                    let mx = self.expr(m);
                    self.emit(Instr::Slice3 {
                        dst,
                        src: whole,
                        lo,
                        hi,
                        max: mx,
                    });
                }
                None => {
                    self.emit(Instr::SliceArray {
                        dst,
                        ptr: src,
                        lo,
                        hi,
                    });
                }
            }
            return;
        }
        match max {
            Some(m) => {
                let mx = self.expr(m);
                self.emit(Instr::Slice3 {
                    dst,
                    src,
                    lo,
                    hi,
                    max: mx,
                });
            }
            None => {
                self.emit(Instr::Slice { dst, src, lo, hi });
            }
        }
    }

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr, dst: Reg) {
        let t = self.ty(e.id);
        match op {
            UnaryOp::Pos => self.expr_to(x, dst),
            UnaryOp::Neg => {
                let a = self.expr(x);
                match self.c.class(t) {
                    Class::Float => {
                        self.emit(Instr::NegFloat { dst, a });
                    }
                    Class::Int(k) => {
                        self.emit(Instr::NegInt { dst, a });
                        self.wrap(dst, k);
                    }
                    _ => self.error(e.span, "invalid operand for unary -"),
                }
            }
            UnaryOp::Not => {
                let src = self.expr(x);
                self.emit(Instr::Not { dst, src });
            }
            UnaryOp::BitNot => {
                let a = self.expr(x);
                self.emit(Instr::ComplInt { dst, a });
                if let Class::Int(k) = self.c.class(t)
                    && !k.is_signed()
                {
                    self.wrap(dst, k);
                }
            }
            UnaryOp::Addr => {
                let inner = strip_parens(x);
                if let ExprKind::CompositeLit { elts, .. } = &inner.kind {
                    let lt = self.ty(inner.id);
                    let v = self.alloc();
                    self.composite(inner, lt, elts, v);
                    self.emit(Instr::NewCell { dst, src: v });
                    self.release(v.0);
                    self.cover(dst.0);
                } else {
                    let p = self.addr_of(x);
                    if p != dst {
                        self.emit(Instr::Move { dst, src: p });
                    }
                }
            }
            UnaryOp::Recv => {
                let ch = self.expr(x);
                self.emit(Instr::Recv { dst, ch });
            }
            UnaryOp::Tilde => self.error(e.span, "~ outside a constraint"),
        }
    }

    /// Wraps an integer result to a narrow kind (64-bit kinds wrap by themselves).
    pub fn wrap(&mut self, r: Reg, k: IntKind) {
        if k.bits() < 64 {
            self.emit(Instr::Wrap {
                dst: r,
                src: r,
                kind: k,
            });
        }
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, x: &Expr, y: &Expr, dst: Reg) {
        match op {
            BinaryOp::LogAnd | BinaryOp::LogOr => {
                self.expr_to(x, dst);
                let j = if op == BinaryOp::LogAnd {
                    self.emit(Instr::JumpIfFalse {
                        cond: dst,
                        target: 0,
                    })
                } else {
                    self.emit(Instr::JumpIfTrue {
                        cond: dst,
                        target: 0,
                    })
                };
                self.expr_to(y, dst);
                self.patch_here(j);
            }
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => self.compare(op, x, y, dst),
            _ => {
                let t = self.ty(e.id);
                if let Some(i) = self.arith_imm(op, t, x, y, dst) {
                    self.emit(i);
                    if op != BinaryOp::And
                        && let Class::Int(k) = self.c.class(t)
                    {
                        self.wrap(dst, k);
                    }
                    return;
                }
                let (a, b) = self.operands(x, y);
                self.arith(e, op, t, a, b, dst);
            }
        }
    }

    /// The value of a constant integer expression when it fits in an instruction's
    /// 32-bit immediate.
    pub fn small_int(&self, e: &Expr) -> Option<i32> {
        let tv = self.info().expr(e.id)?;
        let v = tv.value.as_ref()?.as_int()?;
        i32::try_from(v).ok()
    }

    /// `x op c` on integers with a constant right operand `c` as one immediate
    /// instruction (`+`, `-`, `*`, `&`), so the constant is not loaded into a register
    /// each time; `None` when the operation has no immediate form. Evaluates `x` into
    /// a register on success.
    fn arith_imm(
        &mut self,
        op: BinaryOp,
        t: TypeId,
        x: &Expr,
        y: &Expr,
        dst: Reg,
    ) -> Option<Instr> {
        if !matches!(self.c.class(t), Class::Int(_)) {
            return None;
        }
        let c = self.small_int(y)?;
        let make = match op {
            BinaryOp::Add => |dst, a, imm| Instr::AddIntImm { dst, a, imm },
            BinaryOp::Sub if c != i32::MIN => |dst, a, imm| Instr::AddIntImm { dst, a, imm },
            BinaryOp::Mul => |dst, a, imm| Instr::MulIntImm { dst, a, imm },
            BinaryOp::And => |dst, a, imm| Instr::AndIntImm { dst, a, imm },
            _ => return None,
        };
        let imm = if op == BinaryOp::Sub { -c } else { c };
        let a = self.expr(x);
        Some(make(dst, a, imm))
    }

    /// The registers of two operands, a plain left operand read after a right operand
    /// with effects (gc's order: `n + inc()` sees `n` after `inc`).
    fn operands(&mut self, x: &Expr, y: &Expr) -> (Reg, Reg) {
        if !self.has_effects(x) && self.has_effects(y) {
            let b = self.expr(y);
            let a = self.expr(x);
            (a, b)
        } else {
            let a = self.expr(x);
            let b = self.expr(y);
            (a, b)
        }
    }

    /// `dst := a op b` for an arithmetic operator on values of type `t`.
    pub fn arith(&mut self, e: &Expr, op: BinaryOp, t: TypeId, a: Reg, b: Reg, dst: Reg) {
        match self.c.class(t) {
            Class::Str if op == BinaryOp::Add => {
                self.emit(Instr::ConcatStr { dst, a, b });
            }
            Class::Float => {
                let i = match op {
                    BinaryOp::Add => Instr::AddFloat { dst, a, b },
                    BinaryOp::Sub => Instr::SubFloat { dst, a, b },
                    BinaryOp::Mul => Instr::MulFloat { dst, a, b },
                    BinaryOp::Div => Instr::DivFloat { dst, a, b },
                    _ => {
                        return self.error(
                            e.span,
                            format!("operator {} not defined on float64", op.as_str()),
                        );
                    }
                };
                self.emit(i);
            }
            Class::Int(k) => {
                let signed = k.is_signed();
                let i = match op {
                    BinaryOp::Add => Instr::AddInt { dst, a, b },
                    BinaryOp::Sub => Instr::SubInt { dst, a, b },
                    BinaryOp::Mul => Instr::MulInt { dst, a, b },
                    BinaryOp::Div if signed => Instr::DivInt { dst, a, b },
                    BinaryOp::Div => Instr::DivUint { dst, a, b },
                    BinaryOp::Rem if signed => Instr::RemInt { dst, a, b },
                    BinaryOp::Rem => Instr::RemUint { dst, a, b },
                    BinaryOp::And => Instr::AndInt { dst, a, b },
                    BinaryOp::Or => Instr::OrInt { dst, a, b },
                    BinaryOp::Xor => Instr::XorInt { dst, a, b },
                    BinaryOp::AndNot => Instr::AndNotInt { dst, a, b },
                    BinaryOp::Shl => Instr::Shl { dst, a, b },
                    BinaryOp::Shr if signed => Instr::ShrInt { dst, a, b },
                    BinaryOp::Shr => Instr::ShrUint { dst, a, b },
                    _ => return self.error(e.span, "invalid integer operator"),
                };
                self.emit(i);
                let needs_wrap = !matches!(
                    op,
                    BinaryOp::And
                        | BinaryOp::Or
                        | BinaryOp::Xor
                        | BinaryOp::AndNot
                        | BinaryOp::Shr
                        | BinaryOp::Rem
                );
                if needs_wrap {
                    self.wrap(dst, k);
                }
            }
            _ => self.error(
                e.span,
                format!("operator {} not supported on this type", op.as_str()),
            ),
        }
    }

    fn compare(&mut self, op: BinaryOp, x: &Expr, y: &Expr, dst: Reg) {
        let xt = self.ty(x.id);
        let yt = self.ty(y.id);
        let x_nil = xt == TypeId::UNTYPED_NIL || self.is_nil(x);
        let y_nil = yt == TypeId::UNTYPED_NIL || self.is_nil(y);
        if x_nil || y_nil {
            let other = if x_nil { y } else { x };
            let src = self.expr(other);
            self.emit(Instr::IsNil { dst, src });
            if op == BinaryOp::Ne {
                self.emit(Instr::Not { dst, src: dst });
            }
            return;
        }
        // Mixed interface/concrete comparison: box the concrete side.
        let (t, a, b) = if self.c.is_interface(xt) != self.c.is_interface(yt) {
            let it = if self.c.is_interface(xt) { xt } else { yt };
            let a = self.fresh_as(x, it);
            let b = self.fresh_as(y, it);
            (it, a, b)
        } else {
            let (a, b) = self.operands(x, y);
            (xt, a, b)
        };
        self.compare_regs(op, t, a, b, dst);
    }

    /// `dst := a op b` for a comparison of values of type `t`.
    pub fn compare_regs(&mut self, op: BinaryOp, t: TypeId, a: Reg, b: Reg, dst: Reg) {
        use BinaryOp::*;
        let class = self.c.class(t);
        // Gt/Ge swap the operands.
        let (op, a, b) = match op {
            Gt => (Lt, b, a),
            Ge => (Le, b, a),
            o => (o, a, b),
        };
        let (i, negate) = match (class, op) {
            (Class::Int(_) | Class::Bool, Eq) => (Instr::EqInt { dst, a, b }, false),
            (Class::Int(_) | Class::Bool, Ne) => (Instr::NeInt { dst, a, b }, false),
            (Class::Int(k), Lt) if !k.is_signed() => (Instr::LtUint { dst, a, b }, false),
            (Class::Int(k), Le) if !k.is_signed() => (Instr::LeUint { dst, a, b }, false),
            (Class::Int(_), Lt) => (Instr::LtInt { dst, a, b }, false),
            (Class::Int(_), Le) => (Instr::LeInt { dst, a, b }, false),
            (Class::Float, Eq) => (Instr::EqFloat { dst, a, b }, false),
            (Class::Float, Ne) => (Instr::EqFloat { dst, a, b }, true),
            (Class::Float, Lt) => (Instr::LtFloat { dst, a, b }, false),
            (Class::Float, Le) => (Instr::LeFloat { dst, a, b }, false),
            (Class::Str, Eq) => (Instr::EqStr { dst, a, b }, false),
            (Class::Str, Ne) => (Instr::EqStr { dst, a, b }, true),
            (Class::Str, Lt) => (Instr::LtStr { dst, a, b }, false),
            (Class::Str, Le) => (Instr::LeStr { dst, a, b }, false),
            (_, Ne) => (Instr::Ne { dst, a, b }, false),
            _ => (Instr::Eq { dst, a, b }, false),
        };
        self.emit(i);
        if negate {
            self.emit(Instr::Not { dst, src: dst });
        }
    }

    fn is_nil(&self, e: &Expr) -> bool {
        match &strip_parens(e).kind {
            ExprKind::Ident(id) => self
                .info()
                .ident(id.id)
                .is_some_and(|o| matches!(self.info().object(o).kind, ObjKind::Nil)),
            _ => false,
        }
    }
}

/// `e` without surrounding parentheses.
pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
