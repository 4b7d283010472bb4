//! Expressions: names, literals, composite literals, selectors, index and slice
//! expressions, type assertions, unary and binary operators with constant folding.

use goroscope_syntax::ast::{BasicLit, BinaryOp, Element, Expr, ExprKind, Ident, UnaryOp};
use goroscope_syntax::literal::{float_value, int_value};

use super::assign::UntypedError;
use super::{Checker, OpMode, Operand};
use crate::constant::{ArithOp, ConstError, Rat, Unrepresentable, Value};
use crate::info::Selection;
use crate::lookup::{Found, lookup, missing_method};
use crate::objects::{ObjKind, ObjectId};
use crate::printer::expr_string;
use crate::types::{BasicKind, ChanDir, Qualifier, Type, TypeId};
use crate::universe::unsupported_predeclared;

impl<'a> Checker<'a> {
    /// A single value (reports no-value, type and multi-value operands).
    pub(crate) fn expr(&mut self, e: &Expr) -> Operand {
        let mut x = self.raw_expr(e, false);
        if !self.single_value(&mut x, e) {
            return Operand::invalid();
        }
        x
    }

    /// Evaluates and records `e`; a type is acceptable only with `allow_type`.
    pub(crate) fn raw_expr(&mut self, e: &Expr, allow_type: bool) -> Operand {
        let x = self.raw_expr_inner(e);
        if x.mode == OpMode::Type && !allow_type {
            let s = expr_string(e);
            self.error(e.span, format!("{s} (type) is not an expression"));
            self.record(e, &x);
            return Operand::invalid();
        }
        self.record(e, &x);
        x
    }

    fn raw_expr_inner(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Bad => Operand::invalid(),
            ExprKind::Ident(id) => self.ident(id, true),
            ExprKind::BasicLit(l) => self.basic_lit(e, l),
            ExprKind::CompositeLit { ty, elts } => self.composite_lit(e, ty.as_deref(), elts, None),
            ExprKind::FuncLit { sig, body } => Operand::value(self.func_lit(e, sig, body)),
            ExprKind::Paren(x) => {
                let mut o = self.raw_expr(x, true);
                if let Some(&r) = self.exact.get(&x.id) {
                    self.exact.insert(e.id, r);
                }
                // A parenthesised comma-ok expression still yields one value.
                if o.mode == OpMode::CommaOk {
                    o.mode = OpMode::Value;
                }
                o
            }
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, indices } => self.index(e, x, indices),
            ExprKind::Slice { x, low, high, max } => {
                self.slice_expr(e, x, low.as_deref(), high.as_deref(), max.as_deref())
            }
            ExprKind::TypeAssert { x, ty } => self.type_assert(e, x, ty.as_deref()),
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => {
                let xo = self.raw_expr(x, true);
                match xo.mode {
                    OpMode::Invalid => xo,
                    OpMode::Type => Operand {
                        mode: OpMode::Type,
                        ty: self.info.types.pointer(xo.ty),
                        val: None,
                    },
                    _ => {
                        if xo.is_nil() {
                            self.error(e.span, "invalid operation: cannot indirect nil");
                            return Operand::invalid();
                        }
                        match self.info.types.under(xo.ty).clone() {
                            Type::Pointer(elem) => Operand {
                                mode: OpMode::Variable,
                                ty: elem,
                                val: None,
                            },
                            _ => {
                                let d = xo.describe(x, &self.info.types);
                                self.error(
                                    e.span,
                                    format!("invalid operation: cannot indirect {d}"),
                                );
                                Operand::invalid()
                            }
                        }
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y, .. } => self.binary(e, *op, x, y),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::StructType { .. }
            | ExprKind::InterfaceType { .. } => {
                let t = self.type_expr(e);
                if t == TypeId::INVALID {
                    Operand::invalid()
                } else {
                    Operand {
                        mode: OpMode::Type,
                        ty: t,
                        val: None,
                    }
                }
            }
        }
    }

    /// A name in expression position. `counts_as_use` is false for the target of an
    /// assignment.
    pub(crate) fn ident(&mut self, id: &Ident, counts_as_use: bool) -> Operand {
        if id.name == "_" {
            self.error(id.span, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(o) = self.lookup(&id.name) else {
            let msg = match unsupported_predeclared(&id.name) {
                Some(m) => m.to_string(),
                None => format!("undefined: {}", id.name),
            };
            self.error(id.span, msg);
            return Operand::invalid();
        };
        self.record_ident(id, o);
        self.resolve(o);
        self.use_object(o, counts_as_use);
        self.note_ref(o);
        let obj = &self.info.objects[o.index()];
        let ty = obj.ty;
        match &obj.kind {
            ObjKind::Var(_) => {
                // Also a variable of a type whose declaration failed (`type R float32`):
                // that error was reported once, at the type.
                if self.info.types.underlying(ty) == TypeId::INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: OpMode::Variable,
                    ty,
                    val: None,
                }
            }
            ObjKind::Const(v) => {
                if obj.pkg.is_none() && obj.name == "iota" {
                    return match self.iota {
                        Some(i) => Operand::constant(TypeId::UNTYPED_INT, Value::Int(i)),
                        None => {
                            self.error(id.span, "cannot use iota outside constant declaration");
                            Operand::invalid()
                        }
                    };
                }
                if ty == TypeId::INVALID {
                    return Operand::invalid();
                }
                let v = v.clone();
                if let Some(&r) = self.const_exact.get(&o) {
                    self.exact.insert(id.id, r);
                }
                Operand::constant(ty, v)
            }
            ObjKind::TypeName { .. } => {
                if obj.pkg.is_none() {
                    let name = obj.name.clone();
                    self.spelled.saw(&name);
                }
                if ty == TypeId::INVALID {
                    return Operand::invalid();
                }
                Operand {
                    mode: OpMode::Type,
                    ty,
                    val: None,
                }
            }
            ObjKind::Func(_) => {
                if ty == TypeId::INVALID {
                    return Operand::invalid();
                }
                Operand::value(ty)
            }
            ObjKind::Package(_) => {
                let n = id.name.clone();
                self.error(id.span, format!("use of package {n} without selector"));
                Operand::invalid()
            }
            ObjKind::Builtin(b) => Operand {
                mode: OpMode::Builtin(*b),
                ty: TypeId::INVALID,
                val: None,
            },
            ObjKind::Nil => Operand::value(TypeId::UNTYPED_NIL),
            ObjKind::Label => {
                let n = id.name.clone();
                self.error(id.span, format!("undefined: {n}"));
                Operand::invalid()
            }
        }
    }

    fn basic_lit(&mut self, e: &Expr, l: &BasicLit) -> Operand {
        match l {
            BasicLit::Int(text) => match int_value(text).and_then(|v| i128::try_from(v).ok()) {
                Some(v) => Operand::constant(TypeId::UNTYPED_INT, Value::Int(v)),
                None => {
                    self.error(
                        e.span,
                        format!("integer constant {text} is too large for Goroscope"),
                    );
                    Operand::invalid()
                }
            },
            BasicLit::Float(text) => match float_value(text) {
                Some(v) if v.is_finite() => {
                    let v = match Rat::parse(text) {
                        Some(r) => {
                            self.exact.insert(e.id, r);
                            r.to_f64()
                        }
                        None => v,
                    };
                    Operand::constant(TypeId::UNTYPED_FLOAT, Value::Float(v))
                }
                _ => {
                    self.error(e.span, format!("malformed constant: {text}"));
                    Operand::invalid()
                }
            },
            BasicLit::Imag(_) => {
                self.error(e.span, "complex numbers are not supported by Goroscope");
                Operand::invalid()
            }
            BasicLit::Rune(c) => Operand::constant(TypeId::UNTYPED_RUNE, Value::Int(*c as i128)),
            BasicLit::String { value, .. } => {
                Operand::constant(TypeId::UNTYPED_STRING, Value::String(value.clone()))
            }
        }
    }

    // ----- composite literals -----

    /// `T{...}`; `hint` is the type of an elided literal (`{1, 2}` inside `[]P{...}`).
    pub(crate) fn composite_lit(
        &mut self,
        e: &Expr,
        ty: Option<&Expr>,
        elts: &[Element],
        hint: Option<TypeId>,
    ) -> Operand {
        let mut open_len = false;
        let t = match ty {
            Some(te) => match &te.kind {
                ExprKind::ArrayType {
                    len: goroscope_syntax::ast::ArrayLen::Ellipsis(_),
                    elem,
                } => {
                    open_len = true;
                    let et = self.type_expr(elem);
                    if et == TypeId::INVALID {
                        et
                    } else {
                        self.info.types.intern(Type::Array { elem: et, len: 0 })
                    }
                }
                _ => self.type_expr(te),
            },
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(e.span, "invalid composite literal type: missing type");
                    TypeId::INVALID
                }
            },
        };
        if t == TypeId::INVALID {
            for el in elts {
                if let Some(k) = &el.key
                    && !matches!(k.kind, ExprKind::Ident(_))
                {
                    self.raw_expr(k, false);
                }
                self.elem_value(&el.value, None);
            }
            return Operand::invalid();
        }
        // An elided `&T{...}` inside a literal of pointers.
        let (base, result) = match (ty, self.info.types.under(t).clone()) {
            (None, Type::Pointer(elem)) => (elem, t),
            _ => (t, t),
        };
        let ts = self.info.types.msg(base);
        let result = match self
            .info
            .types
            .core_type(base)
            .map(|c| self.info.types.get(c).clone())
        {
            Some(Type::Struct { fields }) => {
                self.struct_lit(e, elts, &fields, &ts);
                result
            }
            Some(Type::Array { elem, len }) => {
                let n = self.indexed_elems(elts, elem, if open_len { None } else { Some(len) });
                if open_len {
                    let t = self.info.types.intern(Type::Array { elem, len: n });
                    if let Some(te) = ty {
                        self.record(
                            te,
                            &Operand {
                                mode: OpMode::Type,
                                ty: t,
                                val: None,
                            },
                        );
                    }
                    t
                } else {
                    result
                }
            }
            Some(Type::Slice(elem)) => {
                self.indexed_elems(elts, elem, None);
                result
            }
            Some(Type::Map { key, elem }) => {
                self.map_elems(elts, key, elem);
                result
            }
            _ => {
                self.error(e.span, format!("invalid composite literal type {ts}"));
                for el in elts {
                    self.elem_value(&el.value, None);
                }
                return Operand::invalid();
            }
        };
        Operand::value(result)
    }

    /// Evaluates a literal element, giving an elided composite literal its type.
    fn elem_value(&mut self, v: &Expr, hint: Option<TypeId>) -> Operand {
        match &v.kind {
            ExprKind::CompositeLit { ty: None, elts } => {
                let x = self.composite_lit(v, None, elts, hint);
                self.record(v, &x);
                x
            }
            _ => self.expr(v),
        }
    }

    fn struct_lit(&mut self, e: &Expr, elts: &[Element], fields: &[crate::types::Field], ts: &str) {
        if elts.is_empty() {
            return;
        }
        let keyed = elts[0].key.is_some();
        let mut seen: Vec<usize> = Vec::new();
        let mut reported_count = false;
        for (i, el) in elts.iter().enumerate() {
            if el.key.is_some() != keyed {
                self.error(
                    el.span,
                    "mixture of field:value and value elements in struct literal",
                );
                self.elem_value(&el.value, None);
                continue;
            }
            let field = if let Some(k) = &el.key {
                let ExprKind::Ident(kid) = &k.kind else {
                    let s = expr_string(k);
                    self.error(k.span, format!("invalid field name {s} in struct literal"));
                    self.elem_value(&el.value, None);
                    continue;
                };
                match fields.iter().position(|f| f.name == kid.name) {
                    Some(fi) => {
                        if seen.contains(&fi) {
                            self.error(
                                k.span,
                                format!("duplicate field name {} in struct literal", kid.name),
                            );
                        }
                        seen.push(fi);
                        Some(fi)
                    }
                    None => {
                        self.error(
                            k.span,
                            format!("unknown field {} in struct literal of type {ts}", kid.name),
                        );
                        None
                    }
                }
            } else if i < fields.len() {
                if fields[i].name.starts_with('#') {
                    self.error(
                        el.value.span,
                        format!(
                            "implicit assignment to unexported field in struct literal of type {ts}"
                        ),
                    );
                    None
                } else {
                    Some(i)
                }
            } else {
                if !reported_count {
                    self.error(
                        el.value.span,
                        format!("too many values in struct literal of type {ts}"),
                    );
                    reported_count = true;
                }
                None
            };
            let ft = field.map(|f| fields[f].ty);
            let mut x = self.elem_value(&el.value, ft);
            if let Some(ft) = ft {
                self.assignment(&mut x, &el.value, ft, "struct literal");
            }
        }
        if !keyed && elts.len() < fields.len() {
            let at = goroscope_syntax::Span::at(e.span.end.saturating_sub(1));
            self.error(at, format!("too few values in struct literal of type {ts}"));
        }
    }

    /// Elements of an array or slice literal; returns the literal's length.
    fn indexed_elems(&mut self, elts: &[Element], elem: TypeId, len: Option<u64>) -> u64 {
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: Vec<u64> = Vec::new();
        for el in elts {
            if let Some(k) = &el.key {
                let x = self.expr(k);
                match (&x.val, x.mode) {
                    (Some(v), OpMode::Constant) if v.as_int().is_some_and(|i| i >= 0) => {
                        index = v.as_int().unwrap_or(0) as u64;
                        self.update_type(k, TypeId::INT);
                    }
                    _ => {
                        if !x.is_invalid() {
                            let s = expr_string(k);
                            self.error(k.span, format!("index {s} must be integer constant"));
                        }
                    }
                }
            }
            if let Some(n) = len
                && index >= n
            {
                self.error(
                    el.value.span,
                    format!("index {index} is out of bounds (>= {n})"),
                );
            }
            if seen.contains(&index) {
                self.error(
                    el.span,
                    format!("duplicate index {index} in array or slice literal"),
                );
            }
            seen.push(index);
            let mut x = self.elem_value(&el.value, Some(elem));
            self.assignment(&mut x, &el.value, elem, "array or slice literal");
            index += 1;
            max = max.max(index);
        }
        max
    }

    fn map_elems(&mut self, elts: &[Element], key: TypeId, elem: TypeId) {
        let mut seen: Vec<Value> = Vec::new();
        for el in elts {
            match &el.key {
                Some(k) => {
                    let mut kx = self.elem_value(k, Some(key));
                    if self.assignment(&mut kx, k, key, "map literal")
                        && let Some(v) = &kx.val
                    {
                        if seen.contains(v) {
                            let s = expr_string(k);
                            self.error(k.span, format!("duplicate key {s} in map literal"));
                        }
                        seen.push(v.clone());
                    }
                }
                None => self.error(el.value.span, "missing key in map literal"),
            }
            let mut x = self.elem_value(&el.value, Some(elem));
            self.assignment(&mut x, &el.value, elem, "map literal");
        }
    }

    // ----- selectors -----

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) -> Operand {
        if let ExprKind::Ident(pid) = &x.kind
            && let Some(o) = self.lookup(&pid.name)
            && let ObjKind::Package(path) = self.info.objects[o.index()].kind.clone()
        {
            self.record_ident(pid, o);
            self.use_object(o, true);
            return self.qualified(e, &pid.name, &path, sel);
        }
        let xo = self.raw_expr(x, true);
        if xo.is_invalid() {
            return Operand::invalid();
        }
        let name = &sel.name;
        if xo.mode == OpMode::Type {
            return self.method_expr(e, x, xo.ty, sel);
        }
        let mut xo = xo;
        if !self.single_value(&mut xo, x) {
            return Operand::invalid();
        }
        match lookup(&self.info, xo.ty, name) {
            Found::Field { path, ty, indirect } => {
                self.set_selection(e, Selection::Field { path, indirect });
                let mode = if xo.mode == OpMode::Variable || indirect {
                    OpMode::Variable
                } else {
                    OpMode::Value
                };
                Operand {
                    mode,
                    ty,
                    val: None,
                }
            }
            Found::Method {
                func,
                path,
                indirect,
            } => {
                let ptr_recv = self.info.objects[func.index()]
                    .func_info()
                    .and_then(|f| f.recv)
                    .is_some_and(|r| r.pointer);
                let recv_is_ptr = self.receiver_is_pointer(xo.ty, &path);
                let mut addr = false;
                if ptr_recv && !recv_is_ptr {
                    if xo.mode != OpMode::Variable && !indirect {
                        let ts = self.info.types.msg(xo.ty);
                        self.error(
                            sel.span,
                            format!("cannot call pointer method {name} on {ts}"),
                        );
                        return Operand::invalid();
                    }
                    addr = true;
                    if let Some(v) = self.root_var(x) {
                        self.mark_addr_taken(v);
                    }
                }
                let deref = !ptr_recv && recv_is_ptr;
                self.record_ident(sel, func);
                self.note_ref(func);
                self.set_selection(
                    e,
                    Selection::Method {
                        func,
                        path,
                        addr,
                        deref,
                    },
                );
                Operand::value(self.info.objects[func.index()].ty)
            }
            Found::InterfaceMethod {
                name,
                index,
                sig,
                path,
            } => {
                self.set_selection(e, Selection::InterfaceMethod { name, index, path });
                Operand::value(sig)
            }
            Found::NotFound => {
                let xs = expr_string(x);
                let ts = self.info.types.message_string(xo.ty, Qualifier::QuotedPath);
                let ptr_to_iface = matches!(self.info.types.get(xo.ty), Type::Pointer(b) if self.info.types.is_interface(*b));
                let msg = if ptr_to_iface {
                    format!(
                        "{xs}.{name} undefined (type {ts} is pointer to interface, not interface)"
                    )
                } else {
                    let hint = self.case_hint(xo.ty, name);
                    format!("{xs}.{name} undefined (type {ts} has no field or method {name}{hint})")
                };
                self.error(sel.span, msg);
                Operand::invalid()
            }
            Found::Ambiguous => {
                let xs = expr_string(x);
                self.error(sel.span, format!("ambiguous selector {xs}.{name}"));
                Operand::invalid()
            }
        }
    }

    /// Go's hint for a selector that differs from a field or method only in the case
    /// of its first letter: `, but does have method Lock`.
    fn case_hint(&self, t: TypeId, name: &str) -> String {
        let mut chars = name.chars();
        let Some(first) = chars.next() else {
            return String::new();
        };
        let rest: String = chars.collect();
        let flipped = if first.is_uppercase() {
            format!("{}{rest}", first.to_lowercase())
        } else {
            format!("{}{rest}", first.to_uppercase())
        };
        match lookup(&self.info, t, &flipped) {
            Found::Field { .. } => format!(", but does have field {flipped}"),
            Found::Method { .. } | Found::InterfaceMethod { .. } => {
                format!(", but does have method {flipped}")
            }
            _ => String::new(),
        }
    }

    fn set_selection(&mut self, e: &Expr, s: Selection) {
        if let Some(slot) = self.info.selections.get_mut(e.id.index()) {
            *slot = Some(s);
        }
    }

    /// Whether the receiver reached by following `path` from a value of type `t` is a
    /// pointer.
    fn receiver_is_pointer(&self, t: TypeId, path: &[usize]) -> bool {
        let mut cur = t;
        for &i in path {
            let base = match self.info.types.get(cur) {
                Type::Pointer(b) => *b,
                _ => cur,
            };
            match self.info.types.under(base) {
                Type::Struct { fields } => match fields.get(i) {
                    Some(f) => cur = f.ty,
                    None => return false,
                },
                _ => return false,
            }
        }
        matches!(self.info.types.get(cur), Type::Pointer(_))
    }

    /// The local variable whose storage `e` designates (`v`, `v.f`, `v[i]` of an
    /// array, `(v)`), if any: taking `&e` takes the variable's address.
    pub(crate) fn root_var(&self, e: &Expr) -> Option<ObjectId> {
        match &e.kind {
            ExprKind::Ident(id) => {
                let o = self.info.ident(id.id)?;
                matches!(self.info.objects[o.index()].kind, ObjKind::Var(_)).then_some(o)
            }
            ExprKind::Paren(x) => self.root_var(x),
            ExprKind::Selector { x, .. } => match self.info.selection(e.id) {
                Some(Selection::Field {
                    indirect: false, ..
                }) => self.root_var(x),
                _ => None,
            },
            ExprKind::Index { x, .. } => {
                let t = self.info.expr(x.id)?.ty;
                matches!(self.info.types.under(t), Type::Array { .. })
                    .then(|| self.root_var(x))
                    .flatten()
            }
            _ => None,
        }
    }

    /// `pkg.Name`.
    fn qualified(&mut self, e: &Expr, pkg_name: &str, path: &str, sel: &Ident) -> Operand {
        let universe = &self.universe;
        let Some(pkg) = self.stdlib.load(path, &mut self.info, universe) else {
            // An unsupported import, reported where it is imported.
            return Operand::invalid();
        };
        let member = pkg.members.get(&sel.name).copied();
        let exported = sel.name.starts_with(|c: char| c.is_uppercase());
        let Some(m) = member.filter(|_| exported) else {
            let msg = if !exported && member.is_some() {
                format!("name {} not exported by package {pkg_name}", sel.name)
            } else {
                // Go points at a member that differs only in case.
                let near = pkg.members.keys().find(|k| {
                    k.eq_ignore_ascii_case(&sel.name) && k.starts_with(|c: char| c.is_uppercase())
                });
                let name = &sel.name;
                match (near, crate::stdlib::decls::unsupported_member(path, name)) {
                    (_, Some("")) => format!("{pkg_name}.{name} is not supported by Goroscope"),
                    (_, Some(hint)) => {
                        format!("{pkg_name}.{name} is not supported by Goroscope ({hint})")
                    }
                    (Some(k), None) => format!("undefined: {pkg_name}.{name} (but have {k})"),
                    (None, None) => format!("undefined: {pkg_name}.{name}"),
                }
            };
            self.error(sel.span, msg);
            return Operand::invalid();
        };
        self.record_ident(sel, m);
        self.set_selection(e, Selection::Qualified(m));
        let obj = &self.info.objects[m.index()];
        match &obj.kind {
            ObjKind::Const(v) => Operand::constant(obj.ty, v.clone()),
            ObjKind::Var(_) => Operand {
                mode: OpMode::Variable,
                ty: obj.ty,
                val: None,
            },
            ObjKind::TypeName { .. } => Operand {
                mode: OpMode::Type,
                ty: obj.ty,
                val: None,
            },
            _ => Operand::value(obj.ty),
        }
    }

    /// `T.m` / `(*T).m`: a function taking the receiver first.
    fn method_expr(&mut self, e: &Expr, x: &Expr, t: TypeId, sel: &Ident) -> Operand {
        let name = &sel.name;
        let ts = self.info.types.msg(t);
        let (recv_sig, selection) = match lookup(&self.info, t, name) {
            Found::Method { func, indirect, .. } => {
                let ptr_recv = self.info.objects[func.index()]
                    .func_info()
                    .and_then(|f| f.recv)
                    .is_some_and(|r| r.pointer);
                if ptr_recv && !indirect {
                    let xs = expr_string(x);
                    self.error(e.span, format!("invalid method expression {xs}.{name} (needs pointer receiver (*{xs}).{name})"));
                    return Operand::invalid();
                }
                self.record_ident(sel, func);
                self.note_ref(func);
                (
                    self.info.objects[func.index()].ty,
                    Selection::MethodExpr { func, recv: t },
                )
            }
            Found::InterfaceMethod { sig, .. } if self.info.types.is_interface(t) => (
                sig,
                Selection::InterfaceMethodExpr {
                    name: name.clone(),
                    recv: t,
                },
            ),
            _ => {
                let xs = expr_string(x);
                self.error(
                    sel.span,
                    format!("{xs}.{name} undefined (type {ts} has no method {name})"),
                );
                return Operand::invalid();
            }
        };
        let Some(sig) = self.info.types.signature_of(recv_sig).cloned() else {
            return Operand::invalid();
        };
        let mut params = vec![t];
        params.extend(sig.params);
        let ft = self.info.types.signature(params, sig.results, sig.variadic);
        self.set_selection(e, selection);
        Operand::value(ft)
    }

    // ----- index, slice, assertion -----

    fn index(&mut self, e: &Expr, x: &Expr, indices: &[Expr]) -> Operand {
        let xo = self.raw_expr(x, true);
        if xo.is_invalid() {
            for i in indices {
                self.raw_expr(i, true);
            }
            return Operand::invalid();
        }
        if xo.mode == OpMode::Type {
            self.error(e.span, "generic types are not supported by Goroscope");
            return Operand::invalid();
        }
        if let Some(f) = self.generic_func(x) {
            return self.explicit_instance(e, f, indices);
        }
        let mut xo = xo;
        if !self.single_value(&mut xo, x) {
            return Operand::invalid();
        }
        let Some(ie) = indices.first() else {
            return Operand::invalid();
        };
        if indices.len() > 1 {
            self.error(indices[1].span, "unexpected comma; expecting ]");
        }
        let core = self.info.types.core_type(xo.ty).unwrap_or(TypeId::INVALID);
        match self.info.types.get(core).clone() {
            Type::Basic(k) if k.is_string() => {
                let len = match &xo.val {
                    Some(Value::String(s)) => Some(s.len() as u64),
                    _ => None,
                };
                self.index_value(ie, len);
                Operand::value(TypeId::UINT8)
            }
            Type::Array { elem, len } => {
                self.index_value(ie, Some(len));
                let mode = if xo.mode == OpMode::Variable {
                    OpMode::Variable
                } else {
                    OpMode::Value
                };
                Operand {
                    mode,
                    ty: elem,
                    val: None,
                }
            }
            Type::Pointer(p) => match self.info.types.under(p).clone() {
                Type::Array { elem, len } => {
                    self.index_value(ie, Some(len));
                    Operand {
                        mode: OpMode::Variable,
                        ty: elem,
                        val: None,
                    }
                }
                _ => self.cannot_index(e, x, &xo),
            },
            Type::Slice(elem) => {
                self.index_value(ie, None);
                Operand {
                    mode: OpMode::Variable,
                    ty: elem,
                    val: None,
                }
            }
            Type::Map { key, elem } => {
                let mut k = self.elem_value(ie, Some(key));
                self.assignment(&mut k, ie, key, "map index");
                Operand {
                    mode: OpMode::MapIndex,
                    ty: elem,
                    val: None,
                }
            }
            _ => self.cannot_index(e, x, &xo),
        }
    }

    fn cannot_index(&mut self, e: &Expr, x: &Expr, xo: &Operand) -> Operand {
        let d = xo.describe(x, &self.info.types);
        self.error(e.span, format!("invalid operation: cannot index {d}"));
        Operand::invalid()
    }

    /// Checks an index (or slice bound) `e`; returns its constant value if constant.
    pub(crate) fn index_value(&mut self, e: &Expr, len: Option<u64>) -> Option<i128> {
        let mut x = self.expr(e);
        if x.is_invalid() {
            return None;
        }
        if self.info.types.is_untyped(x.ty) && self.convert_untyped(&mut x, e, TypeId::INT).is_err()
            || !self.info.types.is_integer(x.ty)
        {
            let d = x.describe(e, &self.info.types);
            let msg = if x.is_const() && self.info.types.is_numeric(x.ty) {
                format!("invalid argument: index {d} truncated to int")
            } else {
                format!("invalid argument: index {d} must be integer")
            };
            self.error(e.span, msg);
            return None;
        }
        let v = x.val.as_ref().and_then(Value::as_int)?;
        if v < 0 {
            let d = x.describe(e, &self.info.types);
            self.error(
                e.span,
                format!("invalid argument: index {d} must not be negative"),
            );
            return None;
        }
        if let Some(n) = len
            && v as u128 >= n as u128
        {
            let s = expr_string(e);
            self.error(
                e.span,
                format!("invalid argument: index {s} out of bounds [0:{n}]"),
            );
            return None;
        }
        Some(v)
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        low: Option<&Expr>,
        high: Option<&Expr>,
        max: Option<&Expr>,
    ) -> Operand {
        let xo = self.expr(x);
        if xo.is_invalid() {
            for i in [low, high, max].into_iter().flatten() {
                self.expr(i);
            }
            return Operand::invalid();
        }
        let core = self.info.types.core_type(xo.ty).unwrap_or(TypeId::INVALID);
        let (result, cap) = match self.info.types.get(core).clone() {
            Type::Basic(k) if k.is_string() => {
                if max.is_some() {
                    self.error(e.span, "invalid operation: 3-index slice of string");
                }
                let t = if self.info.types.is_untyped(xo.ty) {
                    TypeId::STRING
                } else {
                    xo.ty
                };
                let n = match &xo.val {
                    Some(Value::String(s)) => Some(s.len() as u64 + 1),
                    _ => None,
                };
                (t, n)
            }
            Type::Array { elem, len } => {
                if xo.mode != OpMode::Variable {
                    let d = xo.describe(x, &self.info.types);
                    self.error(
                        e.span,
                        format!("invalid operation: {} (slice of unaddressable value)", d),
                    );
                    return Operand::invalid();
                }
                if let Some(v) = self.root_var(x) {
                    self.mark_addr_taken(v);
                }
                (self.info.types.slice(elem), Some(len + 1))
            }
            Type::Pointer(p) => match self.info.types.under(p).clone() {
                Type::Array { elem, len } => (self.info.types.slice(elem), Some(len + 1)),
                _ => return self.cannot_slice(e, x, &xo),
            },
            Type::Slice(_) => (xo.ty, None),
            _ => return self.cannot_slice(e, x, &xo),
        };
        let mut prev: Option<i128> = None;
        for b in [low, high, max].into_iter().flatten() {
            let v = self.index_value(b, cap);
            if let (Some(p), Some(v)) = (prev, v)
                && v < p
            {
                self.error(b.span, format!("invalid slice indices: {v} < {p}"));
            }
            if v.is_some() {
                prev = v;
            }
        }
        Operand::value(result)
    }

    fn cannot_slice(&mut self, e: &Expr, x: &Expr, xo: &Operand) -> Operand {
        let d = xo.describe(x, &self.info.types);
        self.error(e.span, format!("cannot slice {d}"));
        Operand::invalid()
    }

    fn type_assert(&mut self, e: &Expr, x: &Expr, ty: Option<&Expr>) -> Operand {
        let xo = self.expr(x);
        let Some(te) = ty else {
            self.error(
                e.span,
                "invalid syntax tree: use of .(type) outside type switch",
            );
            return Operand::invalid();
        };
        if xo.is_invalid() {
            self.type_expr(te);
            return Operand::invalid();
        }
        if !self.info.types.is_interface(xo.ty) {
            let d = xo.describe(x, &self.info.types);
            let msg = if self.info.types.is_type_param(xo.ty) {
                format!("invalid operation: cannot use type assertion on type parameter value {d}")
            } else {
                format!("invalid operation: {d} is not an interface")
            };
            self.error(x.span, msg);
            self.type_expr(te);
            return Operand::invalid();
        }
        let t = self.type_expr(te);
        if t == TypeId::INVALID {
            return Operand::invalid();
        }
        if !self.info.types.is_interface(t)
            && let Some(why) = missing_method(&self.info, t, xo.ty)
        {
            let es = expr_string(e);
            let (ts, is) = (self.info.types.msg(t), self.info.types.msg(xo.ty));
            self.error(
                e.span,
                format!("impossible type assertion: {es}\n\t{ts} does not implement {is} {why}"),
            );
            return Operand::invalid();
        }
        Operand {
            mode: OpMode::CommaOk,
            ty: t,
            val: None,
        }
    }

    // ----- operators -----

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr) -> Operand {
        match op {
            UnaryOp::Addr => {
                let inner = strip_parens(x);
                if let ExprKind::CompositeLit { ty, elts } = &inner.kind {
                    let xo = self.composite_lit(inner, ty.as_deref(), elts, None);
                    self.record(inner, &xo);
                    if x.id != inner.id {
                        self.record(x, &xo);
                    }
                    if xo.is_invalid() {
                        return xo;
                    }
                    return Operand::value(self.info.types.pointer(xo.ty));
                }
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return xo;
                }
                if xo.mode != OpMode::Variable {
                    let d = xo.describe(x, &self.info.types);
                    self.error(
                        x.span,
                        format!("invalid operation: cannot take address of {d}"),
                    );
                    return Operand::invalid();
                }
                if let Some(v) = self.root_var(x) {
                    self.mark_addr_taken(v);
                }
                Operand::value(self.info.types.pointer(xo.ty))
            }
            UnaryOp::Recv => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return xo;
                }
                let core = self.info.types.core_type(xo.ty).unwrap_or(TypeId::INVALID);
                match self.info.types.get(core).clone() {
                    Type::Chan {
                        dir: ChanDir::Send, ..
                    } => {
                        let d = xo.describe(x, &self.info.types);
                        let ts = self.info.types.msg(xo.ty);
                        self.error(
                            x.span,
                            format!(
                                "invalid operation: cannot receive from send-only channel {ts} {d}"
                            ),
                        );
                        Operand::invalid()
                    }
                    Type::Chan { elem, .. } => Operand {
                        mode: OpMode::CommaOk,
                        ty: elem,
                        val: None,
                    },
                    _ => {
                        let d = xo.describe(x, &self.info.types);
                        let ts = self.info.types.msg(xo.ty);
                        self.error(
                            x.span,
                            format!("invalid operation: cannot receive from non-channel {ts} {d}"),
                        );
                        Operand::invalid()
                    }
                }
            }
            UnaryOp::Tilde => {
                self.error(e.span, "invalid use of ~ outside a type constraint");
                Operand::invalid()
            }
            UnaryOp::Pos | UnaryOp::Neg | UnaryOp::Not | UnaryOp::BitNot => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return xo;
                }
                let types = &self.info.types;
                let ok = match op {
                    UnaryOp::Not => types.is_boolean(xo.ty),
                    UnaryOp::BitNot => types.is_integer(xo.ty),
                    _ => types.is_numeric(xo.ty),
                };
                if !ok {
                    let d = xo.describe(x, types);
                    self.error(
                        x.span,
                        format!(
                            "invalid operation: operator {} not defined on {d}",
                            op.as_str()
                        ),
                    );
                    return Operand::invalid();
                }
                let Some(v) = xo.val.clone().filter(|_| xo.is_const()) else {
                    return Operand::value(xo.ty);
                };
                if let Some(r) = self
                    .exact_of(x, &xo)
                    .filter(|_| matches!(op, UnaryOp::Pos | UnaryOp::Neg))
                {
                    let r = if op == UnaryOp::Neg {
                        r.checked_neg()
                    } else {
                        Some(r)
                    };
                    if let Some(r) = r.filter(|_| xo.ty == TypeId::UNTYPED_FLOAT) {
                        self.exact.insert(e.id, r);
                        return Operand::constant(xo.ty, Value::Float(r.to_f64()));
                    }
                }
                let r = match op {
                    UnaryOp::Pos => Ok(v),
                    UnaryOp::Neg => v.neg(),
                    UnaryOp::Not => Ok(Value::Bool(!v.as_bool().unwrap_or(false))),
                    _ => {
                        let bits = types
                            .basic_kind(xo.ty)
                            .filter(|k| k.is_unsigned())
                            .and_then(BasicKind::int_bits);
                        v.bit_not(bits)
                    }
                };
                self.const_result(e, xo.ty, r)
            }
        }
    }

    /// The exact value of an untyped numeric constant operand, when known.
    fn exact_of(&self, e: &Expr, x: &Operand) -> Option<Rat> {
        if !x.is_const() || !self.info.types.is_untyped(x.ty) {
            return None;
        }
        match x.val.as_ref()? {
            Value::Int(i) => Some(Rat::int(*i)),
            Value::Float(_) => self.exact.get(&e.id).copied(),
            _ => None,
        }
    }

    /// A folded constant of type `t`, checked against `t`'s range if typed.
    fn const_result(&mut self, e: &Expr, t: TypeId, r: Result<Value, ConstError>) -> Operand {
        match r {
            Ok(v) => {
                let x = Operand::constant(t, v.clone());
                if let Some(k) = self.info.types.basic_kind(t).filter(|k| !k.is_untyped())
                    && !self.info.types.is_type_param(t)
                {
                    match v.represent(k) {
                        Ok(v) => return Operand::constant(t, v),
                        Err(_) => {
                            let d = x.describe(e, &self.info.types);
                            let ts = self.info.types.msg(t);
                            self.error(e.span, format!("{d} overflows {ts}"));
                            return Operand::invalid();
                        }
                    }
                }
                x
            }
            Err(ConstError::DivByZero) => {
                self.error(e.span, "invalid operation: division by zero");
                Operand::invalid()
            }
            Err(ConstError::Overflow) => {
                self.error(e.span, "constant overflow");
                Operand::invalid()
            }
            Err(ConstError::Invalid) => Operand::value(t),
        }
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, x: &Expr, y: &Expr) -> Operand {
        let xo = self.expr(x);
        let yo = self.expr(y);
        if xo.is_invalid() || yo.is_invalid() {
            return Operand::invalid();
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, x, xo, y, yo);
        }
        self.binary_operands(&expr_string(e), e, op, x, xo, y, yo)
    }

    /// `x op y` on evaluated operands; `es` is the operation as quoted in messages
    /// (`a + b`, or `a += b` for an assignment operation) and `e` positions a folded
    /// constant.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn binary_operands(
        &mut self,
        es: &str,
        e: &Expr,
        op: BinaryOp,
        x: &Expr,
        mut xo: Operand,
        y: &Expr,
        mut yo: Operand,
    ) -> Operand {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, x, xo, y, yo);
        }
        let nils = (xo.is_nil(), yo.is_nil());
        // Go reports a mismatch of a comparison at its second operand (only that
        // one shows the mismatch), of other operations at the expression's start.
        let comparison = matches!(
            op,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        );
        let at = if comparison { y.span } else { x.span };
        let matched = self.match_types(&mut xo, x, &mut yo, y);
        if matched == Match::Reported {
            return Operand::invalid();
        }
        if matched == Match::Mismatch {
            let (a, b) = (self.info.types.msg(xo.ty), self.info.types.msg(yo.ty));
            self.error(
                at,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return Operand::invalid();
        }
        if matches!(
            op,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        ) {
            return self.comparison(es, op, x, &xo, y, &yo, nils);
        }
        if xo.ty != yo.ty {
            let (a, b) = (self.info.types.msg(xo.ty), self.info.types.msg(yo.ty));
            self.error(
                x.span,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return Operand::invalid();
        }
        let types = &self.info.types;
        let ok = match op {
            BinaryOp::Add => types.is_ordered(xo.ty),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => types.is_numeric(xo.ty),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                types.is_integer(xo.ty)
            }
            BinaryOp::LogAnd | BinaryOp::LogOr => types.is_boolean(xo.ty),
            _ => false,
        };
        if !ok {
            let d = xo.describe(x, types);
            self.error(
                x.span,
                format!(
                    "invalid operation: operator {} not defined on {d}",
                    op.as_str()
                ),
            );
            return Operand::invalid();
        }
        let int_div = types.is_integer(xo.ty);
        if matches!(op, BinaryOp::Div | BinaryOp::Rem)
            && yo.is_const()
            && (int_div || xo.is_const())
            && yo.val.as_ref().is_some_and(Value::is_zero)
        {
            self.error(y.span, "invalid operation: division by zero");
            return Operand::invalid();
        }
        let (Some(a), Some(b)) = (
            xo.val.clone().filter(|_| xo.is_const()),
            yo.val.clone().filter(|_| yo.is_const()),
        ) else {
            return Operand::value(xo.ty);
        };
        // Untyped float arithmetic is exact, rounded to f64 only for the value.
        if xo.ty == TypeId::UNTYPED_FLOAT
            && let (Some(ra), Some(rb)) = (self.exact_of(x, &xo), self.exact_of(y, &yo))
        {
            let r = match op {
                BinaryOp::Add => ra.checked_add(rb),
                BinaryOp::Sub => ra.checked_sub(rb),
                BinaryOp::Mul => ra.checked_mul(rb),
                BinaryOp::Div => ra.checked_div(rb),
                _ => None,
            };
            if let Some(r) = r {
                self.exact.insert(e.id, r);
                return Operand::constant(xo.ty, Value::Float(r.to_f64()));
            }
        }
        let r = match op {
            BinaryOp::LogAnd => Ok(Value::Bool(
                a.as_bool().unwrap_or(false) && b.as_bool().unwrap_or(false),
            )),
            BinaryOp::LogOr => Ok(Value::Bool(
                a.as_bool().unwrap_or(false) || b.as_bool().unwrap_or(false),
            )),
            _ => {
                let aop = match op {
                    BinaryOp::Add => ArithOp::Add,
                    BinaryOp::Sub => ArithOp::Sub,
                    BinaryOp::Mul => ArithOp::Mul,
                    BinaryOp::Div => ArithOp::Div,
                    BinaryOp::Rem => ArithOp::Rem,
                    BinaryOp::And => ArithOp::And,
                    BinaryOp::Or => ArithOp::Or,
                    BinaryOp::Xor => ArithOp::Xor,
                    _ => ArithOp::AndNot,
                };
                a.binary(aop, &b, int_div)
            }
        };
        let r = r.map(|v| match (v, self.info.types.basic_kind(xo.ty)) {
            // Untyped integer kinds stay integral; untyped float results stay float.
            (Value::Int(i), Some(k)) if k.is_float() => Value::Float(i as f64),
            (v, _) => v,
        });
        self.const_result(e, xo.ty, r)
    }

    /// Brings two operands to a common type: an untyped one takes the other's type.
    fn match_types(&mut self, xo: &mut Operand, x: &Expr, yo: &mut Operand, y: &Expr) -> Match {
        let (xu, yu) = (
            self.info.types.is_untyped(xo.ty),
            self.info.types.is_untyped(yo.ty),
        );
        if xu && !yu {
            return self.match_untyped(xo, x, yo.ty);
        }
        if yu && !xu {
            return self.match_untyped(yo, y, xo.ty);
        }
        if xu && yu {
            if xo.is_nil() || yo.is_nil() {
                return if xo.is_nil() && yo.is_nil() {
                    Match::Ok
                } else {
                    Match::Mismatch
                };
            }
            let t = yo.ty;
            if self.convert_untyped(xo, x, t).is_err() {
                return Match::Mismatch;
            }
            let t = xo.ty;
            if self.convert_untyped(yo, y, t).is_err() {
                return Match::Mismatch;
            }
        }
        Match::Ok
    }

    /// Gives the untyped operand `u` (expression `ue`) the other operand's type `t`.
    fn match_untyped(&mut self, u: &mut Operand, ue: &Expr, t: TypeId) -> Match {
        if self.info.types.is_interface(t) && !u.is_nil() {
            // Against an interface the value keeps its untyped type for the
            // operation's checks (Go says `mismatched types any and untyped int`);
            // its value is of the default type.
            let d = self.info.types.default_type(u.ty);
            self.update_type(ue, d);
            return Match::Ok;
        }
        match self.convert_untyped(u, ue, t) {
            Ok(()) => Match::Ok,
            Err(UntypedError::Mismatch | UntypedError::Value(Unrepresentable::Mismatch)) => {
                Match::Mismatch
            }
            Err(UntypedError::Value(why)) => {
                // A constant that does not fit: Go names the underlying basic type.
                let d = u.describe(ue, &self.info.types);
                let basic = match self.info.types.basic_kind(t) {
                    Some(k) => k.name().to_string(),
                    None => self.info.types.msg(t),
                };
                let msg = if why == Unrepresentable::Truncated {
                    format!("{d} truncated to {basic}")
                } else {
                    format!("{d} overflows {basic}")
                };
                self.error(ue.span, msg);
                Match::Reported
            }
        }
    }

    /// `x op y` for comparison operators; `nils` says which operand was a literal
    /// `nil` before it took the other operand's type.
    #[allow(clippy::too_many_arguments)]
    fn comparison(
        &mut self,
        es: &str,
        op: BinaryOp,
        x: &Expr,
        xo: &Operand,
        y: &Expr,
        yo: &Operand,
        nils: (bool, bool),
    ) -> Operand {
        let types = &self.info.types;
        let assignable = self.assignable(xo, yo.ty).is_ok() || self.assignable(yo, xo.ty).is_ok();
        if !assignable {
            let (a, b) = (types.msg(xo.ty), types.msg(yo.ty));
            self.error(
                y.span,
                format!("invalid operation: {es} (mismatched types {a} and {b})"),
            );
            return Operand::invalid();
        }
        let ordered = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        if ordered {
            for (o, oe) in [(xo, x), (yo, y)] {
                if !types.is_ordered(o.ty) {
                    let d = o.describe(oe, types);
                    self.error(
                        x.span,
                        format!(
                            "invalid operation: {es} (operator {} not defined on {d})",
                            op.as_str()
                        ),
                    );
                    return Operand::invalid();
                }
            }
        } else if !nils.0 && !nils.1 {
            for o in [xo, yo] {
                if !types.comparable(o.ty) {
                    let what = incomparable_cause(types, o.ty);
                    self.error(x.span, format!("invalid operation: {es} ({what})"));
                    return Operand::invalid();
                }
            }
        } else if nils.0 && nils.1 {
            self.error(
                x.span,
                format!(
                    "invalid operation: {es} (operator {} not defined on nil)",
                    op.as_str()
                ),
            );
            return Operand::invalid();
        }
        // A concrete operand compared with an interface is converted to it.
        let (xt, yt) = (xo.ty, yo.ty);
        self.note_interface_conversion(xo, x, yt);
        self.note_interface_conversion(yo, y, xt);
        if let (Some(a), Some(b), true, true) = (&xo.val, &yo.val, xo.is_const(), yo.is_const()) {
            let exact = match (self.exact_of(x, xo), self.exact_of(y, yo)) {
                (Some(ra), Some(rb)) => ra.partial_cmp(&rb),
                _ => None,
            };
            if let Some(ord) = exact.or_else(|| a.compare(b)) {
                use std::cmp::Ordering::*;
                let r = match op {
                    BinaryOp::Eq => ord == Equal,
                    BinaryOp::Ne => ord != Equal,
                    BinaryOp::Lt => ord == Less,
                    BinaryOp::Le => ord != Greater,
                    BinaryOp::Gt => ord == Greater,
                    _ => ord != Less,
                };
                return Operand::constant(TypeId::UNTYPED_BOOL, Value::Bool(r));
            }
        }
        Operand::value(TypeId::UNTYPED_BOOL)
    }

    fn shift(
        &mut self,
        e: &Expr,
        op: BinaryOp,
        x: &Expr,
        mut xo: Operand,
        y: &Expr,
        mut yo: Operand,
    ) -> Operand {
        // The count: an integer (an untyped constant must be a non-negative integer).
        if self.info.types.is_untyped(yo.ty) {
            if let (Some(v), true) = (&yo.val, yo.is_const()) {
                let d = yo.describe(y, &self.info.types);
                match v.as_int() {
                    Some(n) if n >= 0 => {
                        yo.val = Some(Value::Int(n));
                        self.update_type(y, TypeId::UINT);
                    }
                    Some(_) => {
                        let msg = format!("invalid operation: negative shift count {d}");
                        self.error(y.span, msg);
                        return Operand::invalid();
                    }
                    None if matches!(v, Value::Float(_)) => {
                        self.error(y.span, format!("{d} truncated to uint"));
                        return Operand::invalid();
                    }
                    None => {
                        self.error(y.span, format!("invalid shift count {d}"));
                        return Operand::invalid();
                    }
                }
            } else if self.convert_untyped(&mut yo, y, TypeId::UINT).is_err() {
                let d = yo.describe(y, &self.info.types);
                self.error(y.span, format!("invalid shift count {d}"));
                return Operand::invalid();
            }
        } else if !self.info.types.is_integer(yo.ty) {
            let d = yo.describe(y, &self.info.types);
            self.error(
                y.span,
                format!("invalid operation: shift count {d} must be integer"),
            );
            return Operand::invalid();
        } else if let Some(n) = yo
            .val
            .as_ref()
            .and_then(Value::as_int)
            .filter(|_| yo.is_const())
            && n < 0
        {
            let d = yo.describe(y, &self.info.types);
            self.error(
                y.span,
                format!("invalid operation: negative shift count {d}"),
            );
            return Operand::invalid();
        }
        // The shifted operand: an integer, or an untyped constant with an integer value.
        let lhs_kind = xo.ty;
        if xo.is_const() && self.info.types.is_untyped(xo.ty) {
            match xo.val.as_ref().and_then(Value::as_int) {
                Some(i)
                    if xo
                        .val
                        .as_ref()
                        .is_some_and(|v| !matches!(v, Value::Float(f) if f.fract() != 0.0)) =>
                {
                    xo.val = Some(Value::Int(i));
                    if !matches!(
                        self.info.types.basic_kind(xo.ty),
                        Some(BasicKind::UntypedInt | BasicKind::UntypedRune)
                    ) {
                        xo.ty = TypeId::UNTYPED_INT;
                    }
                }
                _ => {
                    let d = xo.describe(x, &self.info.types);
                    self.error(
                        x.span,
                        format!("invalid operation: shifted operand {d} must be integer"),
                    );
                    return Operand::invalid();
                }
            }
        } else if !self.info.types.is_integer(xo.ty) {
            let d = xo.describe(x, &self.info.types);
            self.error(
                x.span,
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return Operand::invalid();
        }
        if let (Some(a), Some(n), true, true) = (
            &xo.val,
            yo.val.as_ref().and_then(Value::as_int),
            xo.is_const(),
            yo.is_const(),
        ) {
            let r = a.shift(op == BinaryOp::Shl, n.min(u64::MAX as i128) as u64);
            return self.const_result(e, xo.ty, r);
        }
        // A non-constant shift of an untyped constant: the operand takes the type the
        // context gives the whole shift (checked to be an integer in `update_type`),
        // or its own default type (`1.0 << n` is a float64 shift, an error).
        if self.info.types.is_untyped(lhs_kind) {
            return Operand::value(lhs_kind);
        }
        Operand::value(xo.ty)
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

/// Why values of type `t` cannot be compared, in Go's words.
fn incomparable_cause(types: &crate::types::TypeTable, t: TypeId) -> String {
    if types.is_type_param(t) {
        return "incomparable types in type set".to_string();
    }
    match types.under(t) {
        Type::Slice(_) => "slice can only be compared to nil".to_string(),
        Type::Map { .. } => "map can only be compared to nil".to_string(),
        Type::Signature(_) => "func can only be compared to nil".to_string(),
        Type::Struct { fields } => match fields.iter().find(|f| !types.comparable(f.ty)) {
            Some(f) => format!("struct containing {} cannot be compared", types.msg(f.ty)),
            None => format!("{} cannot be compared", types.msg(t)),
        },
        _ => format!("{} cannot be compared", types.msg(t)),
    }
}

/// How [`Checker::match_types`] went.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Match {
    Ok,
    /// The operands' types cannot be brought together.
    Mismatch,
    /// A constant did not fit the other operand's type; already reported.
    Reported,
}
