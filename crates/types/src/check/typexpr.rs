//! Type expressions: `[]T`, `map[K]V`, `struct{...}`, `interface{...}`, signatures,
//! and names of types. Every type expression is recorded with mode `Type`.

use goroscope_syntax::ast::{self, ArrayLen, Expr, ExprKind, FuncType, InterfaceElem, UnaryOp};

use super::{Checker, OpMode, Operand};
use crate::objects::{ObjKind, ObjectId, VarRole};
use crate::types::{ChanDir, Field, Interface, Term, Type, TypeId};

/// The longest array type a program may declare: the machine allocates arrays whole,
/// so a value of `[1 << 40]int` must be refused before it is run.
const MAX_ARRAY_LEN: i128 = 1 << 24;

impl<'a> Checker<'a> {
    /// The type `e` denotes, or `INVALID` after reporting why it is not a type.
    pub(crate) fn type_expr(&mut self, e: &Expr) -> TypeId {
        let t = self.type_expr_inner(e);
        if t != TypeId::INVALID {
            self.record(
                e,
                &Operand {
                    mode: OpMode::Type,
                    ty: t,
                    val: None,
                },
            );
        }
        t
    }

    fn type_expr_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Bad => TypeId::INVALID,
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.raw_expr(e, true);
                match x.mode {
                    OpMode::Type => x.ty,
                    OpMode::Invalid => TypeId::INVALID,
                    _ => {
                        let name = crate::printer::expr_string(e);
                        let what = self.object_kind_word(e);
                        self.error(e.span, format!("{name}{what} is not a type"));
                        TypeId::INVALID
                    }
                }
            }
            ExprKind::Paren(x) => self.type_expr(x),
            ExprKind::Star(x) => {
                let t = self.type_expr(x);
                if t == TypeId::INVALID {
                    t
                } else {
                    self.info.types.pointer(t)
                }
            }
            ExprKind::SliceType { elem } => {
                let t = self.type_expr(elem);
                if t == TypeId::INVALID {
                    t
                } else {
                    self.info.types.slice(t)
                }
            }
            ExprKind::ArrayType { len, elem } => {
                let n = match len {
                    ArrayLen::Expr(l) => self.array_length(l),
                    ArrayLen::Ellipsis(sp) => {
                        self.error(
                            *sp,
                            "invalid use of [...] array (outside a composite literal)",
                        );
                        None
                    }
                };
                let t = self.type_expr(elem);
                match n {
                    Some(len) if t != TypeId::INVALID => {
                        self.info.types.intern(Type::Array { elem: t, len })
                    }
                    _ => TypeId::INVALID,
                }
            }
            ExprKind::MapType { key, value } => {
                let k = self.type_expr(key);
                let v = self.type_expr(value);
                if k == TypeId::INVALID || v == TypeId::INVALID {
                    return TypeId::INVALID;
                }
                if !self.info.types.is_type_param(k) && !self.info.types.comparable(k) {
                    let ks = self.info.types.msg(k);
                    self.error(key.span, format!("invalid map key type {ks}"));
                    return TypeId::INVALID;
                }
                self.info.types.intern(Type::Map { key: k, elem: v })
            }
            ExprKind::ChanType { dir, elem } => {
                let t = self.type_expr(elem);
                let dir = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                if t == TypeId::INVALID {
                    t
                } else {
                    self.info.types.intern(Type::Chan { dir, elem: t })
                }
            }
            ExprKind::FuncType(sig) => self.signature(sig, None).0,
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::InterfaceType { elems } => self.interface_type(elems),
            ExprKind::Index { .. } => {
                self.error(e.span, "generic types are not supported by Goroscope");
                TypeId::INVALID
            }
            _ => {
                let s = crate::printer::expr_string(e);
                self.error(e.span, format!("{s} is not a type"));
                TypeId::INVALID
            }
        }
    }

    /// ` (local variable)`, ` (constant)`... for a name used as a type, as Go words it.
    fn object_kind_word(&self, e: &Expr) -> &'static str {
        let id = match &e.kind {
            ExprKind::Ident(i) => i.id,
            ExprKind::Selector { sel, .. } => sel.id,
            _ => return "",
        };
        let Some(o) = self.info.ident(id) else {
            return "";
        };
        match &self.info.objects[o.index()].kind {
            ObjKind::Var(v) if v.role == VarRole::Global => " (package-level variable)",
            ObjKind::Var(_) => " (local variable)",
            ObjKind::Const(_) => " (constant)",
            ObjKind::Func(_) => " (function)",
            _ => "",
        }
    }

    /// A constant, non-negative array length.
    fn array_length(&mut self, l: &Expr) -> Option<u64> {
        let x = self.expr(l);
        if x.is_invalid() {
            return None;
        }
        let s = crate::printer::expr_string(l);
        match (&x.val, x.mode) {
            (Some(v), OpMode::Constant)
                if self.info.types.is_integer(x.ty) || self.info.types.is_untyped(x.ty) =>
            {
                match v.as_int() {
                    Some(n) if (0..=MAX_ARRAY_LEN).contains(&n) => {
                        self.update_type(l, TypeId::INT);
                        Some(n as u64)
                    }
                    Some(n) if n > MAX_ARRAY_LEN => {
                        let msg = format!(
                            "array length {s} is too large for Goroscope (at most {MAX_ARRAY_LEN})"
                        );
                        self.error(l.span, msg);
                        None
                    }
                    Some(_) => {
                        self.error(l.span, format!("invalid array length {s}"));
                        None
                    }
                    None => {
                        self.error(l.span, format!("array length {s} must be integer"));
                        None
                    }
                }
            }
            _ => {
                let d = x.describe(l, &self.info.types);
                self.error(l.span, format!("array length {d} must be constant"));
                None
            }
        }
    }

    fn struct_type(&mut self, fields: &[ast::Field]) -> TypeId {
        let mut out: Vec<Field> = Vec::new();
        for f in fields {
            let t = self.type_expr(&f.ty);
            if f.names.is_empty() {
                // Embedded field: named after its type name, `T` or `*T` or `pkg.T`.
                let base = match &f.ty.kind {
                    ExprKind::Star(x) => x,
                    _ => &f.ty,
                };
                let name = match &base.kind {
                    ExprKind::Ident(i) => i.name.clone(),
                    ExprKind::Selector { sel, .. } => sel.name.clone(),
                    _ => {
                        self.error(f.ty.span, "embedded field type must be a type name");
                        continue;
                    }
                };
                if t != TypeId::INVALID {
                    let under_ptr = match self.info.types.get(t) {
                        Type::Pointer(e) => {
                            self.info.types.is_interface(*e)
                                || matches!(self.info.types.under(*e), Type::Pointer(_))
                        }
                        _ => false,
                    };
                    if under_ptr {
                        self.error(
                            f.ty.span,
                            "embedded field type cannot be a pointer to an interface",
                        );
                    }
                }
                if out.iter().any(|o| o.name == name) {
                    self.error(f.ty.span, format!("{name} redeclared"));
                }
                out.push(Field {
                    name,
                    ty: t,
                    embedded: true,
                });
            } else {
                for n in &f.names {
                    if n.name != "_" && out.iter().any(|o| o.name == n.name) {
                        self.error(n.span, format!("{} redeclared", n.name));
                    }
                    let kind = ObjKind::Var(crate::objects::VarInfo {
                        role: VarRole::Field,
                        addr_taken: false,
                        captured: false,
                    });
                    let o = self.new_object(&n.name, kind, t, n.span);
                    self.record_ident(n, o);
                    out.push(Field {
                        name: n.name.clone(),
                        ty: t,
                        embedded: false,
                    });
                }
            }
        }
        if out.iter().any(|f| f.ty == TypeId::INVALID) {
            return TypeId::INVALID;
        }
        self.info.types.intern(Type::Struct { fields: out })
    }

    pub(crate) fn interface_type(&mut self, elems: &[InterfaceElem]) -> TypeId {
        if elems.is_empty() {
            self.spelled.empty_interface = true;
        }
        let mut methods: Vec<(String, TypeId)> = Vec::new();
        let mut terms: Option<Vec<Term>> = None;
        let mut comparable = false;
        for el in elems {
            match el {
                InterfaceElem::Method { name, sig, .. } => {
                    let (t, _) = self.signature(sig, None);
                    if methods.iter().any(|(n, _)| *n == name.name) {
                        self.error(name.span, format!("duplicate method {}", name.name));
                        continue;
                    }
                    methods.push((name.name.clone(), t));
                }
                InterfaceElem::Type(e) => {
                    let is_union = matches!(
                        &e.kind,
                        ExprKind::Binary {
                            op: ast::BinaryOp::Or,
                            ..
                        } | ExprKind::Unary {
                            op: UnaryOp::Tilde,
                            ..
                        }
                    );
                    if !is_union {
                        let t = self.type_expr(e);
                        if t == TypeId::INVALID {
                            continue;
                        }
                        // An interface still being declared embeds itself.
                        if self.info.types.named(t).is_some()
                            && self.info.types.underlying(t) == TypeId::INVALID
                        {
                            self.embeds_unresolved = true;
                            continue;
                        }
                        if let Some(i) = self.info.types.interface_of(t).cloned() {
                            for m in i.methods {
                                if !methods.iter().any(|(n, _)| *n == m.0) {
                                    methods.push(m);
                                }
                            }
                            comparable |= i.comparable;
                            if let Some(ts) = i.terms {
                                terms = Some(intersect(terms, ts));
                            }
                            continue;
                        }
                        terms = Some(intersect(
                            terms,
                            vec![Term {
                                tilde: false,
                                ty: t,
                            }],
                        ));
                    } else {
                        let ts = self.union_terms(e);
                        terms = Some(intersect(terms, ts));
                    }
                }
            }
        }
        methods.sort_by(|a, b| a.0.cmp(&b.0));
        self.info.types.intern(Type::Interface(Interface {
            methods,
            terms,
            comparable,
        }))
    }

    /// The terms of a union `A | ~B | C`.
    pub(crate) fn union_terms(&mut self, e: &Expr) -> Vec<Term> {
        match &e.kind {
            ExprKind::Binary {
                op: ast::BinaryOp::Or,
                x,
                y,
                ..
            } => {
                let mut ts = self.union_terms(x);
                ts.extend(self.union_terms(y));
                ts
            }
            ExprKind::Unary {
                op: UnaryOp::Tilde,
                x,
            } => {
                let t = self.type_expr(x);
                if t == TypeId::INVALID {
                    return vec![];
                }
                if self.info.types.underlying(t) != t {
                    let s = self.info.types.msg(t);
                    self.error(
                        e.span,
                        format!(
                            "invalid use of ~ ({s} is not the underlying type of {s})",
                            s = s
                        ),
                    );
                }
                vec![Term { tilde: true, ty: t }]
            }
            _ => {
                let t = self.type_expr(e);
                if t == TypeId::INVALID {
                    return vec![];
                }
                if self.info.types.is_interface(t) {
                    self.error(
                        e.span,
                        "interfaces in type unions are not supported by Goroscope",
                    );
                    return vec![];
                }
                vec![Term {
                    tilde: false,
                    ty: t,
                }]
            }
        }
    }

    /// A function signature; declares parameters in the current scope when
    /// `declare` is given (the role to use for results is implied).
    /// Returns the signature type and the objects of named results.
    pub(crate) fn signature(
        &mut self,
        sig: &FuncType,
        declare: Option<()>,
    ) -> (TypeId, Vec<ObjectId>) {
        let mut params = Vec::new();
        let mut variadic = false;
        for (i, p) in sig.params.iter().enumerate() {
            let mut t = self.type_expr(&p.ty);
            if p.variadic {
                if i + 1 != sig.params.len() || p.names.len() > 1 {
                    self.error(p.span, "can only use ... with final parameter in list");
                } else {
                    variadic = true;
                }
                if t != TypeId::INVALID {
                    t = self.info.types.slice(t);
                }
            }
            let n = p.names.len().max(1);
            for k in 0..n {
                params.push(t);
                if declare.is_some()
                    && let Some(name) = p.names.get(k)
                {
                    self.declare_var(name, t, VarRole::Param);
                }
            }
        }
        let mut results = Vec::new();
        let mut named = Vec::new();
        for r in &sig.results {
            if r.variadic {
                self.error(r.span, "can only use ... with final parameter in list");
            }
            let t = self.type_expr(&r.ty);
            let n = r.names.len().max(1);
            for k in 0..n {
                results.push(t);
                if declare.is_some()
                    && let Some(name) = r.names.get(k)
                {
                    let o = self.declare_var(name, t, VarRole::Result);
                    named.push(o);
                }
            }
        }
        let t = self.info.types.signature(params, results, variadic);
        let names = |groups: &[goroscope_syntax::ast::Param]| -> Vec<String> {
            groups
                .iter()
                .flat_map(|g| g.names.iter().map(|n| n.name.clone()))
                .collect()
        };
        // Unnamed declarations count too: names print only while all agree.
        self.info
            .types
            .note_param_names(t, names(&sig.params), names(&sig.results));
        (t, named)
    }
}

/// The intersection of two unions (`None` is "all types").
fn intersect(a: Option<Vec<Term>>, b: Vec<Term>) -> Vec<Term> {
    match a {
        None => b,
        Some(a) => a
            .into_iter()
            .filter(|t| b.iter().any(|u| u.ty == t.ty))
            .collect(),
    }
}
