//! The checker's driver: scopes, package-level declarations (resolved lazily, in any
//! order, as Go allows), function bodies, and the final unused-name reports.
//!
//! Passes, in order: imports; collect package-level objects (types get their
//! `Named` id at once, methods attach to their receiver type); resolve type
//! declarations; resolve function signatures; resolve constants and variables
//! (dependencies first, found on demand); check function bodies; report unused
//! imports and variables.

mod assign;
mod builtin;
mod call;
mod decl;
mod expr;
mod infer;
mod initorder;
mod operand;
mod spelling;
mod stmt;
mod terminate;
mod typexpr;

use std::collections::BTreeSet;

use crate::fxhash::FxHashMap as HashMap;

use goroscope_syntax::Diagnostic;
use goroscope_syntax::Span;
use goroscope_syntax::ast::{
    ConstSpec, Decl, Expr, File, FuncDecl, Ident, NodeId, TypeSpec, VarSpec,
};

use crate::info::{Info, Mode, TypeAndValue};
use crate::objects::{ObjKind, Object, ObjectId, VarInfo, VarRole};
use crate::stdlib::{self, Stdlib};
use crate::types::TypeId;
use crate::universe::Universe;

pub(crate) use operand::{OpMode, Operand};

/// A package-level declaration not resolved yet.
#[derive(Clone, Copy)]
enum PkgDecl<'a> {
    /// `index`-th name of a const spec; `ty`/`value` come from the spec itself or,
    /// for implicit repetition, from the last spec with values.
    Const {
        index: usize,
        ty: Option<&'a Expr>,
        value: Option<&'a Expr>,
        iota: u32,
    },
    Var(&'a VarSpec),
    Type(&'a TypeSpec),
    Func(&'a FuncDecl),
}

#[derive(Clone, Copy)]
enum DeclState<'a> {
    Pending(PkgDecl<'a>),
    Active,
}

/// A break/continue target: an enclosing `for`, `switch` or `select`.
struct Target {
    label: Option<String>,
    is_loop: bool,
}

/// State of the function (declaration or literal) whose body is being checked.
struct FuncCtx {
    /// Identifies the function for capture analysis; 0 is the package level.
    id: u32,
    /// The literal's node id (`None` for declared functions).
    lit: Option<NodeId>,
    results: Vec<TypeId>,
    named_results: Vec<ObjectId>,
    /// Labels of this function body: object and whether a branch used it.
    labels: HashMap<String, (ObjectId, bool)>,
    targets: Vec<Target>,
}

struct ImportUse {
    path: String,
    alias: Option<String>,
    span: Span,
    used: bool,
}

/// Side data per object used only while checking.
#[derive(Clone, Copy, Default)]
struct ObjExtra {
    used: bool,
    /// Declaring function id (see [`FuncCtx::id`]).
    func: u32,
    /// Index in `imports` for package objects.
    import: Option<usize>,
}

pub(crate) struct Checker<'a> {
    file: &'a File,
    pub info: Info,
    universe: Universe,
    stdlib: Stdlib,
    diags: Vec<Diagnostic>,
    pkg_scope: HashMap<String, ObjectId>,
    file_scope: HashMap<String, ObjectId>,
    scopes: Vec<HashMap<String, ObjectId>>,
    extra: Vec<ObjExtra>,
    decls: HashMap<ObjectId, DeclState<'a>>,
    imports: Vec<ImportUse>,
    funcs: Vec<FuncCtx>,
    next_func: u32,
    /// Local variables, for the "declared and not used" report.
    locals: Vec<ObjectId>,
    /// The value of `iota` inside a constant declaration.
    iota: Option<i128>,
    /// Type parameter objects of each generic function, put in scope for its body.
    func_tparams: HashMap<ObjectId, Vec<ObjectId>>,
    /// The package-level declaration whose references are being collected.
    cur_decl: Option<ObjectId>,
    /// Package-level variables and functions each declaration refers to.
    refs: HashMap<ObjectId, BTreeSet<ObjectId>>,
    /// Package-level initialisers with the declaration their references belong to.
    var_inits: Vec<(ObjectId, crate::info::Initializer)>,
    /// Exact values of untyped float constant expressions (by node) and constants.
    exact: HashMap<NodeId, crate::constant::Rat>,
    const_exact: HashMap<ObjectId, crate::constant::Rat>,
    /// The names the program used for types with two names.
    spelled: spelling::Spelled,
    /// An interface type being resolved embedded a type still being declared.
    embeds_unresolved: bool,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a File) -> Checker<'a> {
        let mut info = Info::new(file.node_count as usize);
        let universe = Universe::new(&mut info);
        Checker {
            file,
            info,
            universe,
            stdlib: Stdlib::default(),
            diags: Vec::new(),
            pkg_scope: HashMap::default(),
            file_scope: HashMap::default(),
            scopes: Vec::new(),
            extra: Vec::new(),
            decls: HashMap::default(),
            imports: Vec::new(),
            funcs: Vec::new(),
            next_func: 1,
            locals: Vec::new(),
            iota: None,
            func_tparams: HashMap::default(),
            cur_decl: None,
            refs: HashMap::default(),
            var_inits: Vec::new(),
            exact: HashMap::default(),
            const_exact: HashMap::default(),
            spelled: spelling::Spelled::default(),
            embeds_unresolved: false,
        }
    }

    pub fn run(mut self) -> (Info, Vec<Diagnostic>) {
        let file = self.file;
        if file.package.name != "main" && !file.package.name.is_empty() {
            self.error(
                file.package.span,
                format!(
                    "package {} is not a main package (Goroscope runs package main)",
                    file.package.name
                ),
            );
        }
        self.collect_imports();
        self.collect_decls();
        // Types first, then signatures, then constants and variables; each resolves
        // what it depends on when it meets it.
        let mut order: Vec<(ObjectId, u8)> = self
            .decls
            .iter()
            .map(|(&o, d)| {
                let rank = match d {
                    DeclState::Pending(PkgDecl::Type(_)) => 0,
                    DeclState::Pending(PkgDecl::Func(_)) => 1,
                    _ => 2,
                };
                (o, rank)
            })
            .collect();
        order.sort_by_key(|&(o, rank)| (rank, self.info.objects[o.index()].span.start, o));
        for (o, _) in order {
            self.resolve(o);
        }
        for d in &file.decls {
            if let Decl::Func(f) = d {
                self.func_body(f);
            }
        }
        self.order_inits();
        self.report_unused_locals(0);
        self.report_unused();
        self.finalize_untyped();
        // Like cmd/compile: the first ten errors in the order they were found (so a
        // flood of hard errors hides the unused-name reports that come last), then
        // sorted by position.
        let mut diags: Vec<Diagnostic> = Vec::new();
        for mut d in self.diags {
            d.message = self.spelled.respell(&d.message);
            if !diags.contains(&d) {
                diags.push(d);
            }
        }
        let too_many = diags.len() > 10;
        diags.truncate(10);
        diags.sort_by_key(|d| d.span.start);
        if too_many {
            let at = diags.last().map_or(Span::default(), |d| d.span);
            diags.push(Diagnostic::new(at, "too many errors"));
        }
        (self.info, diags)
    }

    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    // ----- objects and scopes -----

    pub(crate) fn new_object(
        &mut self,
        name: &str,
        kind: ObjKind,
        ty: TypeId,
        span: Span,
    ) -> ObjectId {
        let id = ObjectId(self.info.objects.len() as u32);
        self.info.objects.push(Object {
            name: name.to_string(),
            kind,
            ty,
            span,
            pkg: Some("main".to_string()),
        });
        id
    }

    fn extra(&mut self, o: ObjectId) -> &mut ObjExtra {
        if self.extra.len() <= o.index() {
            self.extra.resize(o.index() + 1, ObjExtra::default());
        }
        &mut self.extra[o.index()]
    }

    pub(crate) fn is_used(&self, o: ObjectId) -> bool {
        self.extra.get(o.index()).is_some_and(|e| e.used)
    }

    pub(crate) fn cur_func(&self) -> u32 {
        self.funcs.last().map_or(0, |f| f.id)
    }

    /// Declares a local variable in the innermost scope and records it on `ident`.
    pub(crate) fn declare_var(&mut self, ident: &Ident, ty: TypeId, role: VarRole) -> ObjectId {
        let kind = ObjKind::Var(VarInfo {
            role,
            addr_taken: false,
            captured: false,
        });
        let o = self.new_object(&ident.name, kind, ty, ident.span);
        let f = self.cur_func();
        self.extra(o).func = f;
        self.record_ident(ident, o);
        if role == VarRole::Local && ident.name != "_" {
            self.locals.push(o);
        }
        self.declare(ident, o);
        o
    }

    /// Puts `o` in the innermost scope under `ident`'s name (`_` declares nothing).
    pub(crate) fn declare(&mut self, ident: &Ident, o: ObjectId) {
        if ident.name == "_" {
            return;
        }
        if let Some(scope) = self.scopes.last_mut() {
            if let Some(&prev) = scope.get(&ident.name) {
                let prev_span = self.info.objects[prev.index()].span;
                if prev_span != ident.span {
                    self.error(
                        ident.span,
                        format!("{} redeclared in this block", ident.name),
                    );
                    // The second declaration is not in scope: do not call it unused.
                    self.extra(o).used = true;
                    return;
                }
            }
            scope.insert(ident.name.clone(), o);
        }
    }

    pub(crate) fn open_scope(&mut self) {
        self.scopes.push(HashMap::default());
    }

    pub(crate) fn close_scope(&mut self) {
        self.scopes.pop();
    }

    pub(crate) fn lookup_local_scope(&self, name: &str) -> Option<ObjectId> {
        self.scopes.last().and_then(|s| s.get(name).copied())
    }

    /// Resolves `name` from the innermost scope outwards: blocks, file (imports),
    /// package, universe.
    pub(crate) fn lookup(&self, name: &str) -> Option<ObjectId> {
        for s in self.scopes.iter().rev() {
            if let Some(&o) = s.get(name) {
                return Some(o);
            }
        }
        self.file_scope
            .get(name)
            .or_else(|| self.pkg_scope.get(name))
            .copied()
            .or_else(|| self.universe.lookup(name))
    }

    pub(crate) fn record_ident(&mut self, ident: &Ident, o: ObjectId) {
        if let Some(slot) = self.info.idents.get_mut(ident.id.index()) {
            *slot = Some(o);
        }
    }

    pub(crate) fn record(&mut self, e: &Expr, x: &Operand) {
        let mode = match x.mode {
            OpMode::Invalid => return,
            OpMode::NoValue => Mode::NoValue,
            OpMode::Builtin(_) => Mode::Builtin,
            OpMode::Type => Mode::Type,
            OpMode::Constant => Mode::Constant,
            OpMode::Variable => Mode::Variable,
            OpMode::MapIndex => Mode::MapIndex,
            OpMode::Value => Mode::Value,
            OpMode::CommaOk => Mode::CommaOk,
        };
        if let Some(slot) = self.info.exprs.get_mut(e.id.index()) {
            *slot = Some(TypeAndValue {
                mode,
                ty: x.ty,
                value: x.val.clone(),
            });
        }
    }

    /// Notes a reference to `o` from the current function: sets `used` when the
    /// reference reads it (`counts_as_use`; assigning to a variable does not), and
    /// records a capture in every function literal between it and the declaration.
    pub(crate) fn use_object(&mut self, o: ObjectId, counts_as_use: bool) {
        if counts_as_use {
            self.extra(o).used = true;
        }
        if let Some(i) = self.extra.get(o.index()).and_then(|e| e.import)
            && let Some(imp) = self.imports.get_mut(i)
        {
            imp.used = true;
        }
        let is_local_var = matches!(&self.info.objects[o.index()].kind, ObjKind::Var(v) if v.role != VarRole::Global);
        if !is_local_var {
            return;
        }
        let decl_func = self.extra(o).func;
        let mut captured = false;
        for f in self.funcs.iter().rev() {
            if f.id == decl_func {
                break;
            }
            if let Some(lit) = f.lit {
                captured = true;
                if let Some(slot) = self.info.captures.get_mut(lit.index()) {
                    let list = slot.get_or_insert_with(Vec::new);
                    if !list.contains(&o) {
                        list.push(o);
                    }
                }
            }
        }
        if captured && let ObjKind::Var(v) = &mut self.info.objects[o.index()].kind {
            v.captured = true;
        }
    }

    pub(crate) fn mark_addr_taken(&mut self, o: ObjectId) {
        if let ObjKind::Var(v) = &mut self.info.objects[o.index()].kind {
            v.addr_taken = true;
        }
    }

    // ----- package level -----

    fn collect_imports(&mut self) {
        let file = self.file;
        for decl in &file.imports {
            for spec in &decl.specs {
                if spec.path == "unsafe" {
                    self.error(
                        spec.path_span,
                        "package unsafe is not supported by Goroscope",
                    );
                    continue;
                }
                let universe = &self.universe;
                if self
                    .stdlib
                    .load(&spec.path, &mut self.info, universe)
                    .is_none()
                {
                    self.error(spec.path_span, stdlib::unsupported_import(&spec.path));
                    // Still declare the name, so its uses add no "undefined" noise.
                    let name = spec
                        .alias
                        .as_ref()
                        .map_or(stdlib::default_name(&spec.path), |a| a.name.as_str())
                        .to_string();
                    let kind = ObjKind::Package(spec.path.clone());
                    let o = self.new_object(&name, kind, TypeId::INVALID, spec.path_span);
                    self.file_scope.entry(name).or_insert(o);
                    continue;
                }
                let name = match &spec.alias {
                    Some(a) if a.name == "." => {
                        self.error(a.span, "dot imports are not supported by Goroscope");
                        continue;
                    }
                    Some(a) if a.name == "_" => continue,
                    Some(a) => a.name.clone(),
                    None => stdlib::default_name(&spec.path).to_string(),
                };
                let o = self.new_object(
                    &name,
                    ObjKind::Package(spec.path.clone()),
                    TypeId::INVALID,
                    spec.path_span,
                );
                self.info.objects[o.index()].pkg = None;
                if let Some(a) = &spec.alias {
                    self.record_ident(a, o);
                }
                if self.file_scope.contains_key(&name) {
                    self.error(spec.path_span, format!("{name} redeclared in this block"));
                    continue;
                }
                self.imports.push(ImportUse {
                    path: spec.path.clone(),
                    alias: spec.alias.as_ref().map(|a| a.name.clone()),
                    span: spec.span,
                    used: false,
                });
                let idx = self.imports.len() - 1;
                self.extra(o).import = Some(idx);
                self.file_scope.insert(name, o);
            }
        }
    }

    fn declare_pkg(
        &mut self,
        ident: &Ident,
        kind: ObjKind,
        ty: TypeId,
        decl: PkgDecl<'a>,
    ) -> ObjectId {
        let o = self.new_object(&ident.name, kind, ty, ident.span);
        self.record_ident(ident, o);
        self.decls.insert(o, DeclState::Pending(decl));
        if ident.name == "_" {
            return o;
        }
        if let PkgDecl::Func(f) = decl
            && ident.name == "init"
        {
            // Init functions are not declared in any scope: there may be several, and
            // no code can refer to them (`undefined: init`).
            self.init_func_shape(f);
            return o;
        }
        if (ident.name == "init" || ident.name == "main") && !matches!(decl, PkgDecl::Func(_)) {
            let name = &ident.name;
            self.error(ident.span, format!("cannot declare {name} - must be func"));
        }
        if self.pkg_scope.contains_key(&ident.name) {
            self.error(
                ident.span,
                format!("{} redeclared in this block", ident.name),
            );
        } else if self.file_scope.contains_key(&ident.name) {
            self.error(
                ident.span,
                format!("{} already declared through import of package", ident.name),
            );
        } else {
            self.pkg_scope.insert(ident.name.clone(), o);
        }
        o
    }

    fn collect_decls(&mut self) {
        let file = self.file;
        let mut methods = Vec::new();
        let mut has_main = false;
        for d in &file.decls {
            match d {
                Decl::Const(g) => {
                    let mut last: (Option<&'a Expr>, &'a [Expr]) = (None, &[]);
                    for spec in &g.specs {
                        if spec.ty.is_some() || !spec.values.is_empty() {
                            last = (spec.ty.as_ref(), &spec.values);
                        }
                        self.const_spec_shape(spec, last.1);
                        for (i, name) in spec.names.iter().enumerate() {
                            let decl = PkgDecl::Const {
                                index: i,
                                ty: last.0,
                                value: last.1.get(i),
                                iota: spec.iota,
                            };
                            self.declare_pkg(
                                name,
                                ObjKind::Const(crate::constant::Value::Int(0)),
                                TypeId::INVALID,
                                decl,
                            );
                        }
                    }
                }
                Decl::Var(g) => {
                    for spec in &g.specs {
                        for name in &spec.names {
                            let kind = ObjKind::Var(VarInfo {
                                role: VarRole::Global,
                                addr_taken: false,
                                captured: false,
                            });
                            self.declare_pkg(name, kind, TypeId::INVALID, PkgDecl::Var(spec));
                        }
                    }
                }
                Decl::Type(g) => {
                    for spec in &g.specs {
                        let kind = ObjKind::TypeName { alias: spec.alias };
                        let o = self.declare_pkg(
                            &spec.name,
                            kind,
                            TypeId::INVALID,
                            PkgDecl::Type(spec),
                        );
                        if !spec.alias {
                            let named =
                                self.info
                                    .types
                                    .new_named(&spec.name.name, Some("main"), Some(o));
                            self.info.objects[o.index()].ty = named;
                        }
                    }
                }
                Decl::Func(f) => {
                    if f.recv.is_some() {
                        methods.push(f);
                        continue;
                    }
                    if f.name.name == "main" {
                        has_main = true;
                        if !f.sig.params.is_empty() || !f.sig.results.is_empty() {
                            self.error(
                                f.name.span,
                                "func main must have no arguments and no return values",
                            );
                        }
                    }
                    let kind = ObjKind::Func(crate::objects::FuncInfo {
                        native: None,
                        recv: None,
                        type_params: vec![],
                    });
                    self.declare_pkg(&f.name, kind, TypeId::INVALID, PkgDecl::Func(f));
                }
                Decl::Bad(_) => {}
            }
        }
        for f in methods {
            self.collect_method(f);
        }
        if !has_main && !file.decls.is_empty() {
            self.error(
                Span::at(file.span.end),
                "function main is undeclared in the main package",
            );
        }
    }

    /// Go's errors for an init function's signature: no parameters, results or type
    /// parameters.
    fn init_func_shape(&mut self, f: &FuncDecl) {
        if !f.sig.params.is_empty() || !f.sig.results.is_empty() {
            self.error(
                f.name.span,
                "func init must have no arguments and no return values",
            );
        }
        if let Some(first) = f.type_params.first() {
            let at = first.names.first().map_or(first.span, |n| n.span);
            self.error(at, "func init must have no type parameters");
        }
    }

    /// Go's arity errors for a constant spec, found at collection time.
    fn const_spec_shape(&mut self, spec: &ConstSpec, values: &[Expr]) {
        if values.is_empty() && spec.ty.is_none() && spec.iota == 0 {
            if let Some(n) = spec.names.first() {
                self.error(n.span, "missing init expr for const declaration");
            }
        } else if values.len() < spec.names.len() {
            if let Some(n) = spec.names.get(values.len()) {
                self.error(n.span, "missing init expr for const declaration");
            }
        } else if values.len() > spec.names.len()
            && let Some(v) = values.get(spec.names.len())
            && (spec.ty.is_some() || !spec.values.is_empty())
        {
            self.error(v.span, "extra init expr");
        }
    }

    /// Ensures a package-level object's declaration has been checked.
    pub(crate) fn resolve(&mut self, o: ObjectId) {
        match self.decls.get(&o).copied() {
            None => {}
            Some(DeclState::Active) => {
                // Types and functions may refer to themselves; variable cycles are
                // reported with the initialisation order.
                let obj = &self.info.objects[o.index()];
                if !matches!(
                    obj.kind,
                    ObjKind::TypeName { alias: false } | ObjKind::Func(_) | ObjKind::Var(_)
                ) {
                    let (span, name) = (obj.span, obj.name.clone());
                    self.error(span, format!("initialization cycle for {name}"));
                    self.decls.remove(&o);
                }
            }
            Some(DeclState::Pending(d)) => {
                self.decls.insert(o, DeclState::Active);
                // Package-level declarations see only package-level names.
                let scopes = std::mem::take(&mut self.scopes);
                let funcs = std::mem::take(&mut self.funcs);
                let iota = self.iota.take();
                match d {
                    PkgDecl::Const {
                        index,
                        ty,
                        value,
                        iota,
                    } => self.pkg_const(o, index, ty, value, iota),
                    PkgDecl::Var(spec) => self.pkg_var(spec),
                    PkgDecl::Type(spec) => self.type_decl(o, spec),
                    PkgDecl::Func(f) => self.func_decl_sig(o, f),
                }
                self.scopes = scopes;
                self.funcs = funcs;
                self.iota = iota;
                self.decls.remove(&o);
            }
        }
    }

    fn report_unused(&mut self) {
        let imports = std::mem::take(&mut self.imports);
        for imp in &imports {
            if !imp.used {
                let msg = match &imp.alias {
                    Some(a) if a != stdlib::default_name(&imp.path) => {
                        format!("\"{}\" imported as {a} and not used", imp.path)
                    }
                    _ => format!("\"{}\" imported and not used", imp.path),
                };
                self.error(imp.span, msg);
            }
        }
    }

    /// Reports the unused local variables declared since `locals[from]`, in source
    /// order (Go does so at the end of each function body).
    pub(crate) fn report_unused_locals(&mut self, from: usize) {
        let mut locals: Vec<ObjectId> = self.locals.drain(from.min(self.locals.len())..).collect();
        locals.sort_by_key(|o| self.info.objects[o.index()].span.start);
        for o in locals {
            if !self.is_used(o) {
                let obj = &self.info.objects[o.index()];
                let (span, msg) = (obj.span, format!("declared and not used: {}", obj.name));
                self.error(span, msg);
            }
        }
    }

    /// Untyped values that never met a typed context take their default type.
    fn finalize_untyped(&mut self) {
        for tv in self.info.exprs.iter_mut().flatten() {
            if tv.ty != TypeId::UNTYPED_NIL && self.info.types.is_untyped(tv.ty) {
                tv.ty = self.info.types.default_type(tv.ty);
            }
        }
    }
}
