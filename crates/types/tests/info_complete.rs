//! The contract with the compiler: for every corpus program that checks cleanly,
//! every expression has a type, every call a `CallInfo`, every selector a
//! `Selection` and every name an object.

use std::fs;
use std::path::Path;

use goroscope_syntax::ast::*;
use goroscope_types::{Info, ObjKind};

struct Walker<'a> {
    info: &'a Info,
    missing: Vec<String>,
}

impl Walker<'_> {
    fn miss(&mut self, what: &str, e: &Expr) {
        self.missing
            .push(format!("{what} at byte {}", e.span.start));
    }

    fn expr(&mut self, e: &Expr) {
        let info = self.info;
        let is_pkg = |id: &Ident| {
            info.ident(id.id)
                .is_some_and(|o| matches!(info.object(o).kind, ObjKind::Package(_)))
        };
        match &e.kind {
            ExprKind::Ident(id) if id.name == "_" || is_pkg(id) => {}
            _ => {
                if info.expr(e.id).is_none() {
                    self.miss("type", e);
                }
            }
        }
        match &e.kind {
            ExprKind::Bad | ExprKind::BasicLit(_) => {}
            ExprKind::Ident(id) => {
                if id.name != "_" && info.ident(id.id).is_none() {
                    self.miss("object", e);
                }
            }
            ExprKind::CompositeLit { ty, elts } => {
                if let Some(t) = ty {
                    self.expr(t);
                }
                let is_struct = info.expr(e.id).is_some_and(|tv| {
                    let t = match info.types.under(tv.ty) {
                        goroscope_types::Type::Pointer(p) => *p,
                        _ => tv.ty,
                    };
                    matches!(info.types.under(t), goroscope_types::Type::Struct { .. })
                });
                for el in elts {
                    if let Some(k) = &el.key
                        && !is_struct
                    {
                        self.expr(k);
                    }
                    self.expr(&el.value);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.sig(sig);
                self.block(body);
                if info.captures.get(e.id.index()).is_none_or(Option::is_none) {
                    self.miss("captures", e);
                }
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::SliceType { elem: x } => {
                self.expr(x)
            }
            ExprKind::Unary { x, .. } => self.expr(x),
            ExprKind::Selector { x, .. } => {
                self.expr(x);
                if info.selection(e.id).is_none() {
                    self.miss("selection", e);
                }
            }
            ExprKind::Index { x, indices } => {
                self.expr(x);
                for i in indices {
                    self.expr(i);
                }
            }
            ExprKind::Slice { x, low, high, max } => {
                self.expr(x);
                for b in [low, high, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::TypeAssert { x, ty } => {
                self.expr(x);
                if let Some(t) = ty {
                    self.expr(t);
                }
            }
            ExprKind::Call { func, args, .. } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                if info.call(e.id).is_none() {
                    self.miss("call", e);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::ArrayType { len, elem } => {
                if let ArrayLen::Expr(l) = len {
                    self.expr(l);
                }
                self.expr(elem);
            }
            ExprKind::MapType { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::ChanType { elem, .. } => self.expr(elem),
            ExprKind::FuncType(sig) => self.sig(sig),
            ExprKind::StructType { fields } => {
                for f in fields {
                    self.expr(&f.ty);
                }
            }
            ExprKind::InterfaceType { elems } => {
                for el in elems {
                    match el {
                        InterfaceElem::Method { sig, .. } => self.sig(sig),
                        InterfaceElem::Type(t) => self.union(t),
                    }
                }
            }
        }
    }

    /// A type-set union is not an expression; its terms are types.
    fn union(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Or,
                x,
                y,
                ..
            } => {
                self.union(x);
                self.union(y);
            }
            ExprKind::Unary {
                op: UnaryOp::Tilde,
                x,
            } => self.expr(x),
            _ => self.expr(e),
        }
    }

    fn sig(&mut self, sig: &FuncType) {
        for p in sig.params.iter().chain(&sig.results) {
            self.expr(&p.ty);
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => self.expr(x),
            StmtKind::Assign { lhs, rhs, .. } => {
                for e in lhs.iter().chain(rhs) {
                    self.expr(e);
                }
            }
            StmtKind::Return(rs) => {
                for r in rs {
                    self.expr(r);
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                if let Some(init) = &i.init {
                    self.stmt(init);
                }
                self.expr(&i.cond);
                self.block(&i.then);
                if let Some(e) = &i.els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses } => {
                if let Some(init) = init {
                    self.stmt(init);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    for e in c.list.iter().flatten() {
                        self.expr(e);
                    }
                    for s in &c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::TypeSwitch {
                init,
                x,
                clauses,
                bind,
            } => {
                if let Some(init) = init {
                    self.stmt(init);
                }
                self.expr(x);
                for c in clauses {
                    for e in c.list.iter().flatten() {
                        self.expr(e);
                    }
                    if bind.as_ref().is_some_and(|b| b.name != "_")
                        && self.info.implicits[c.id.index()].is_none()
                    {
                        self.missing.push(format!(
                            "type switch clause variable at byte {}",
                            c.span.start
                        ));
                    }
                    for s in &c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    for s in &c.body {
                        self.stmt(s);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(init) = init {
                    self.stmt(init);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    self.expr(e);
                }
                self.expr(x);
                self.block(body);
            }
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Const(g) => {
                for s in &g.specs {
                    for e in s.ty.iter().chain(&s.values) {
                        self.expr(e);
                    }
                }
            }
            Decl::Var(g) => {
                for s in &g.specs {
                    for e in s.ty.iter().chain(&s.values) {
                        self.expr(e);
                    }
                }
            }
            Decl::Type(g) => {
                for s in &g.specs {
                    self.expr(&s.ty);
                }
            }
            Decl::Func(f) => {
                if let Some(r) = &f.recv {
                    self.expr(&r.ty);
                }
                self.sig(&f.sig);
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
            Decl::Bad(_) => {}
        }
    }
}

#[test]
fn corpus_info_is_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut problems = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .expect("corpus")
        .flatten()
        .map(|d| d.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|f| f.path())
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".go") || name.starts_with("compile_") {
                continue;
            }
            let src = fs::read_to_string(&f).expect("read");
            let parsed = goroscope_syntax::parse_file(&src);
            let checked = goroscope_types::check(&parsed.file);
            assert!(checked.diagnostics.is_empty(), "{name} has diagnostics");
            let mut w = Walker {
                info: &checked.info,
                missing: Vec::new(),
            };
            for d in &parsed.file.decls {
                w.decl(d);
            }
            let lines = goroscope_syntax::LineIndex::new(&src);
            for m in w.missing.iter().take(5) {
                let at: u32 = m
                    .rsplit(' ')
                    .next()
                    .and_then(|b| b.parse().ok())
                    .unwrap_or(0);
                let (l, c) = lines.line_col(at);
                problems.push(format!("{name}:{l}:{c}: missing {m}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
