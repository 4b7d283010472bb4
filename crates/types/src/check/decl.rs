//! Declarations: package-level and local constants, variables and types, function
//! signatures (type parameters included), methods, and function bodies.

use crate::fxhash::FxHashMap as HashMap;

use goroscope_syntax::Span;
use goroscope_syntax::ast::{
    Block, ConstSpec, Expr, ExprKind, FuncDecl, FuncType, Ident, Param, TypeSpec, VarSpec,
};

use super::{Checker, FuncCtx, OpMode, PkgDecl};
use crate::constant::Value;
use crate::info::Initializer;
use crate::objects::{FuncInfo, ObjKind, ObjectId, Receiver, VarRole};
use crate::types::{Interface, Term, Type, TypeId};

impl<'a> Checker<'a> {
    // ----- constants -----

    pub(super) fn pkg_const(
        &mut self,
        o: ObjectId,
        _index: usize,
        ty: Option<&Expr>,
        value: Option<&Expr>,
        iota: u32,
    ) {
        let (t, v) = self.const_value(ty, value, iota);
        let obj = &mut self.info.objects[o.index()];
        obj.ty = t;
        obj.kind = ObjKind::Const(v.unwrap_or(Value::Int(0)));
        self.keep_exact(o, t, value);
    }

    /// Remembers the exact value of an untyped float constant declared as `value`.
    fn keep_exact(&mut self, o: ObjectId, t: TypeId, value: Option<&Expr>) {
        if t == TypeId::UNTYPED_FLOAT
            && let Some(&r) = value.and_then(|v| self.exact.get(&v.id))
        {
            self.const_exact.insert(o, r);
        }
    }

    /// Type and value of one constant with declared type `ty` and initialiser `value`.
    fn const_value(
        &mut self,
        ty: Option<&Expr>,
        value: Option<&Expr>,
        iota: u32,
    ) -> (TypeId, Option<Value>) {
        let saved = self.iota.replace(iota as i128);
        let declared = ty.map(|t| self.type_expr(t));
        if let (Some(t), Some(te)) = (declared, ty)
            && t != TypeId::INVALID
            && !self.info.types.is_const_type(t)
        {
            let s = self.info.types.msg(t);
            self.error(te.span, format!("invalid constant type {s}"));
            self.iota = saved;
            return (TypeId::INVALID, None);
        }
        let Some(value) = value else {
            self.iota = saved;
            return (TypeId::INVALID, None);
        };
        let mut x = self.expr(value);
        self.iota = saved;
        if x.is_invalid() {
            return (TypeId::INVALID, None);
        }
        if x.mode != OpMode::Constant {
            let d = x.describe(value, &self.info.types);
            self.error(value.span, format!("{d} is not constant"));
            return (TypeId::INVALID, None);
        }
        if let Some(t) = declared {
            if t == TypeId::INVALID {
                return (t, None);
            }
            if !self.assignment(&mut x, value, t, "constant declaration") {
                return (TypeId::INVALID, None);
            }
        }
        (x.ty, x.val)
    }

    /// A local `const` declaration group.
    pub(crate) fn local_consts(&mut self, specs: &[ConstSpec]) {
        let mut last: (Option<&Expr>, &[Expr]) = (None, &[]);
        for spec in specs {
            if spec.ty.is_some() || !spec.values.is_empty() {
                last = (spec.ty.as_ref(), &spec.values);
            }
            self.const_spec_shape(spec, last.1);
            let mut objs = Vec::new();
            for (i, name) in spec.names.iter().enumerate() {
                let (t, v) = self.const_value(last.0, last.1.get(i), spec.iota);
                let o = self.new_object(
                    &name.name,
                    ObjKind::Const(v.unwrap_or(Value::Int(0))),
                    t,
                    name.span,
                );
                self.record_ident(name, o);
                self.keep_exact(o, t, last.1.get(i));
                objs.push((name, o));
            }
            // Constants are in scope after their spec (`const x = x` refers outward).
            for (name, o) in objs {
                self.declare(name, o);
            }
        }
    }

    // ----- variables -----

    pub(super) fn pkg_var(&mut self, spec: &VarSpec) {
        let objs: Vec<Option<ObjectId>> =
            spec.names.iter().map(|n| self.info.ident(n.id)).collect();
        for o in objs.iter().flatten() {
            self.decls.insert(*o, super::DeclState::Active);
        }
        // References made by the initialisers are this spec's dependencies.
        let key = objs.first().copied().flatten();
        let saved = std::mem::replace(&mut self.cur_decl, key);
        let types = self.var_spec_types(spec);
        for (o, t) in objs.iter().zip(types) {
            if let Some(o) = o {
                self.info.objects[o.index()].ty = t;
                self.decls.remove(o);
            }
        }
        if let Some(first) = spec.values.first() {
            let lhs: Vec<ObjectId> = objs.iter().flatten().copied().collect();
            if spec.values.len() == spec.names.len() {
                for (o, v) in lhs.iter().zip(&spec.values) {
                    let init = Initializer {
                        lhs: vec![*o],
                        rhs: v.id,
                    };
                    self.var_inits.push((key.unwrap_or(*o), init));
                }
            } else if let Some(k) = key {
                self.var_inits.push((k, Initializer { lhs, rhs: first.id }));
            }
        }
        self.cur_decl = saved;
    }

    /// The types of the variables of one `var` spec, after checking its initialisers.
    fn var_spec_types(&mut self, spec: &VarSpec) -> Vec<TypeId> {
        let declared = spec.ty.as_ref().map(|t| self.type_expr(t));
        if spec.values.is_empty() {
            return vec![declared.unwrap_or(TypeId::INVALID); spec.names.len()];
        }
        let targets = vec![declared; spec.names.len()];
        self.init_values(&targets, &spec.values, "variable declaration")
    }

    /// A local `var` declaration group.
    pub(crate) fn local_vars(&mut self, specs: &[VarSpec]) {
        for spec in specs {
            let types = self.var_spec_types(spec);
            for (name, t) in spec.names.iter().zip(types) {
                self.declare_var(name, t, VarRole::Local);
            }
        }
    }

    // ----- types -----

    pub(super) fn type_decl(&mut self, o: ObjectId, spec: &TypeSpec) {
        if !spec.type_params.is_empty() {
            self.error(
                spec.name.span,
                "generic types are not supported by Goroscope",
            );
            return;
        }
        if spec.alias {
            let t = self.type_expr(&spec.ty);
            self.info.objects[o.index()].ty = t;
            return;
        }
        let named = self.info.objects[o.index()].ty;
        let embedded_before = std::mem::take(&mut self.embeds_unresolved);
        let under = self.type_expr(&spec.ty);
        let self_embedding = std::mem::replace(&mut self.embeds_unresolved, embedded_before);
        if self_embedding {
            let name = &spec.name.name;
            self.error(
                spec.name.span,
                format!("invalid recursive type: {name} refers to itself"),
            );
            return;
        }
        if under == TypeId::INVALID {
            return;
        }
        if self.info.types.named(under).is_some()
            && self.info.types.underlying(under) == TypeId::INVALID
        {
            let name = &spec.name.name;
            let msg = if under == named {
                format!("invalid recursive type: {name} refers to itself")
            } else {
                format!("invalid recursive type {name}")
            };
            self.error(spec.name.span, msg);
            return;
        }
        self.info.types.set_underlying(named, under);
        // A type may not contain itself by value (through fields and array elements).
        if let Some(direct) = contains_itself(&self.info.types, named) {
            let name = &spec.name.name;
            let msg = if direct {
                format!("invalid recursive type: {name} refers to itself")
            } else {
                format!("invalid recursive type {name}")
            };
            self.error(spec.name.span, msg);
            self.info.types.set_underlying(named, TypeId::INVALID);
            return;
        }
        // A struct field may not share a name with a method.
        if let Type::Struct { fields } = self.info.types.under(named).clone() {
            let methods = self
                .info
                .types
                .named(named)
                .map(|n| n.methods.clone())
                .unwrap_or_default();
            for m in methods {
                let (mname, mspan) = (
                    self.info.objects[m.index()].name.clone(),
                    self.info.objects[m.index()].span,
                );
                if fields.iter().any(|f| f.name == mname) {
                    self.error(
                        mspan,
                        format!("field and method with the same name {mname}"),
                    );
                }
            }
        }
    }

    /// A local `type` declaration (no methods can be attached to it).
    pub(crate) fn local_types(&mut self, specs: &[TypeSpec]) {
        for spec in specs {
            let kind = ObjKind::TypeName { alias: spec.alias };
            let o = self.new_object(&spec.name.name, kind, TypeId::INVALID, spec.name.span);
            self.record_ident(&spec.name, o);
            if !spec.alias {
                let named = self
                    .info
                    .types
                    .new_named(&spec.name.name, Some("main"), Some(o));
                self.info.objects[o.index()].ty = named;
            }
            // The name is in scope inside its own declaration (`type node struct{ next *node }`).
            self.declare(&spec.name, o);
            self.type_decl(o, spec);
        }
    }

    // ----- functions -----

    pub(super) fn collect_method(&mut self, f: &'a FuncDecl) {
        let Some(recv) = &f.recv else { return };
        let (base_expr, pointer) = match &recv.ty.kind {
            ExprKind::Star(x) => (strip_parens(x), true),
            ExprKind::Paren(_) => (strip_parens(&recv.ty), false),
            _ => (&recv.ty, false),
        };
        let base = match &base_expr.kind {
            ExprKind::Ident(id) => match self.pkg_scope.get(&id.name).copied() {
                Some(o)
                    if matches!(
                        self.info.objects[o.index()].kind,
                        ObjKind::TypeName { alias: false }
                    ) =>
                {
                    self.record_ident(id, o);
                    self.info.objects[o.index()].ty
                }
                Some(_) => {
                    self.error(id.span, format!("{} is not a type", id.name));
                    return;
                }
                None => {
                    if self.universe.lookup(&id.name).is_some() {
                        self.error(
                            id.span,
                            format!("cannot define new methods on non-local type {}", id.name),
                        );
                    } else {
                        self.error(id.span, format!("undefined: {}", id.name));
                    }
                    return;
                }
            },
            ExprKind::Index { .. } => {
                self.error(
                    base_expr.span,
                    "generic types are not supported by Goroscope",
                );
                return;
            }
            _ => {
                self.error(recv.ty.span, "invalid receiver type");
                return;
            }
        };
        let kind = ObjKind::Func(FuncInfo {
            native: None,
            recv: Some(Receiver { base, pointer }),
            type_params: vec![],
        });
        let o = self.new_object(&f.name.name, kind, TypeId::INVALID, f.name.span);
        self.record_ident(&f.name, o);
        self.decls
            .insert(o, super::DeclState::Pending(PkgDecl::Func(f)));
        if f.name.name == "_" {
            return;
        }
        let dup = self.info.types.named(base).is_some_and(|n| {
            n.methods
                .iter()
                .any(|&m| self.info.objects[m.index()].name == f.name.name)
        });
        if dup {
            let tn = self.info.types.msg(base);
            self.error(
                f.name.span,
                format!("method {tn}.{} already declared", f.name.name),
            );
            return;
        }
        if let Some(n) = self.info.types.named_mut(base) {
            n.methods.push(o);
        }
    }

    pub(super) fn func_decl_sig(&mut self, o: ObjectId, f: &FuncDecl) {
        if let Some(recv) = &f.recv {
            if !f.type_params.is_empty() {
                self.error(f.name.span, "methods cannot have type parameters");
            }
            let base = self.info.objects[o.index()]
                .func_info()
                .and_then(|fi| fi.recv)
                .map(|r| r.base);
            if let Some(b) = base {
                if self.info.types.underlying(b) == TypeId::INVALID {
                    // Resolve the receiver's declaration first (it may come later).
                    if let Some(tn) = self.info.types.named(b).and_then(|n| n.obj) {
                        self.resolve(tn);
                    }
                }
                let u = self.info.types.under(b);
                if matches!(u, Type::Pointer(_) | Type::Interface(_)) {
                    let s = self.info.types.msg(b);
                    self.error(
                        recv.ty.span,
                        format!("invalid receiver type {s} (pointer or interface type)"),
                    );
                }
            }
        }
        self.open_scope();
        let tparams = self.declare_type_params(&f.type_params);
        let (sig, _) = self.signature(&f.sig, None);
        self.close_scope();
        self.info.objects[o.index()].ty = sig;
        if let ObjKind::Func(fi) = &mut self.info.objects[o.index()].kind {
            fi.type_params = tparams.iter().map(|&(_, t)| t).collect();
        }
        self.func_tparams
            .insert(o, tparams.into_iter().map(|(o, _)| o).collect());
    }

    /// Declares type parameters in the current scope; returns their TypeName objects
    /// and types.
    fn declare_type_params(&mut self, groups: &[Param]) -> Vec<(ObjectId, TypeId)> {
        let mut out = Vec::new();
        for g in groups {
            for n in &g.names {
                let t = self
                    .info
                    .types
                    .new_type_param(&n.name, out.len(), TypeId::EMPTY_INTERFACE);
                let o = self.new_object(&n.name, ObjKind::TypeName { alias: false }, t, n.span);
                self.record_ident(n, o);
                self.declare(n, o);
                out.push((o, t));
            }
        }
        let mut k = 0;
        for g in groups {
            let c = self.constraint(&g.ty);
            for _ in &g.names {
                if let Some(&(_, t)) = out.get(k) {
                    self.info.types.set_type_param_constraint(t, c);
                }
                k += 1;
            }
        }
        out
    }

    /// A type constraint: an interface, or a bare union / type standing for
    /// `interface{ union }`.
    fn constraint(&mut self, e: &Expr) -> TypeId {
        let is_union = matches!(&e.kind, ExprKind::Binary { .. } | ExprKind::Unary { .. });
        if is_union {
            let terms = self.union_terms(e);
            return self.info.types.intern(Type::Interface(Interface {
                methods: vec![],
                terms: Some(terms),
                comparable: false,
            }));
        }
        let t = self.type_expr(e);
        if t == TypeId::INVALID || self.info.types.is_interface(t) {
            return if t == TypeId::INVALID {
                TypeId::EMPTY_INTERFACE
            } else {
                t
            };
        }
        self.info.types.intern(Type::Interface(Interface {
            methods: vec![],
            terms: Some(vec![Term {
                tilde: false,
                ty: t,
            }]),
            comparable: false,
        }))
    }

    pub(super) fn func_body(&mut self, f: &FuncDecl) {
        let Some(o) = self.info.ident(f.name.id) else {
            return;
        };
        let Some(body) = &f.body else {
            self.error(f.name.span, "missing function body");
            return;
        };
        let tparams = self.func_tparams.get(&o).cloned().unwrap_or_default();
        self.open_scope();
        for tp in tparams {
            let name = self.info.objects[tp.index()].name.clone();
            if let Some(s) = self.scopes.last_mut() {
                s.insert(name, tp);
            }
        }
        let id = self.next_func;
        self.next_func += 1;
        self.funcs.push(FuncCtx {
            id,
            lit: None,
            results: vec![],
            named_results: vec![],
            labels: HashMap::default(),
            targets: vec![],
        });
        if let Some(recv) = &f.recv {
            let t = self.type_expr(&recv.ty);
            if let Some(n) = recv.names.first() {
                self.declare_var(n, t, VarRole::Receiver);
            }
        }
        self.cur_decl = Some(o);
        let first_local = self.locals.len();
        self.body(&f.sig, body);
        self.report_unused_locals(first_local);
        self.cur_decl = None;
        self.close_scope();
    }

    /// Checks a function literal's body; returns its signature type.
    pub(crate) fn func_lit(&mut self, e: &Expr, sig: &FuncType, body: &Block) -> TypeId {
        self.open_scope();
        let id = self.next_func;
        self.next_func += 1;
        self.funcs.push(FuncCtx {
            id,
            lit: Some(e.id),
            results: vec![],
            named_results: vec![],
            labels: HashMap::default(),
            targets: vec![],
        });
        if let Some(slot) = self.info.captures.get_mut(e.id.index()) {
            slot.get_or_insert_with(Vec::new);
        }
        let t = self.body(sig, body);
        self.close_scope();
        t
    }

    /// Declares parameters, checks the statements, reports a missing return and
    /// unused labels, and pops the function context pushed by the caller.
    fn body(&mut self, sig: &FuncType, body: &Block) -> TypeId {
        let (t, named) = self.signature(sig, Some(()));
        let results = self
            .info
            .types
            .signature_of(t)
            .map(|s| s.results.clone())
            .unwrap_or_default();
        if let Some(ctx) = self.funcs.last_mut() {
            ctx.results = results.clone();
            ctx.named_results = named;
        }
        // The body block shares the parameters' scope.
        for s in &body.stmts {
            self.stmt(s);
        }
        if !results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(Span::at(body.span.end.saturating_sub(1)), "missing return");
        }
        if let Some(ctx) = self.funcs.pop() {
            let mut labels: Vec<_> = ctx
                .labels
                .into_values()
                .filter(|(_, used)| !used)
                .map(|(o, _)| o)
                .collect();
            labels.sort();
            for l in labels {
                let obj = &self.info.objects[l.index()];
                let (span, msg) = (obj.span, format!("label {} defined and not used", obj.name));
                self.error(span, msg);
            }
        }
        t
    }

    /// Declares a statement label in the current function.
    pub(crate) fn declare_label(&mut self, label: &Ident) -> ObjectId {
        let o = self.new_object(&label.name, ObjKind::Label, TypeId::INVALID, label.span);
        self.record_ident(label, o);
        let dup = self
            .funcs
            .last()
            .is_some_and(|f| f.labels.contains_key(&label.name));
        if dup {
            self.error(label.span, format!("label {} already defined", label.name));
        } else if let Some(f) = self.funcs.last_mut()
            && label.name != "_"
        {
            f.labels.insert(label.name.clone(), (o, false));
        }
        o
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

/// Whether `named` contains a value of its own type: `Some(true)` when directly
/// (`type T struct{ t T }`), `Some(false)` through other types.
fn contains_itself(types: &crate::types::TypeTable, named: TypeId) -> Option<bool> {
    let mut stack: Vec<(TypeId, bool)> = vec![(named, true)];
    let mut seen: Vec<TypeId> = Vec::new();
    let mut first = true;
    while let Some((t, direct)) = stack.pop() {
        if !first && t == named {
            return Some(direct);
        }
        first = false;
        if seen.contains(&t) {
            continue;
        }
        seen.push(t);
        // Stepping into another defined type makes the path indirect.
        let through_other = direct && (t == named || types.named(t).is_none());
        match types.under(t) {
            Type::Struct { fields } => {
                for f in fields {
                    stack.push((f.ty, through_other));
                }
            }
            Type::Array { elem, .. } => stack.push((*elem, through_other)),
            _ => {}
        }
    }
    None
}
