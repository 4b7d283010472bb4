//! A stable, indented text dump of a syntax tree, one node per line, for golden tests
//! and debugging: `Kind detail #id @start..end`.
//!
//! Expressions, identifiers and case clauses show their `#id`; every node shows its
//! span. The format is only for humans and tests; nothing parses it back.

use std::fmt::Write;

use crate::ast::*;
use crate::span::Span;

/// Renders `file` as an indented tree.
pub fn dump(file: &File) -> String {
    let mut d = Dumper { out: String::new(), depth: 0 };
    d.file(file);
    d.out
}

struct Dumper {
    out: String,
    depth: usize,
}

impl Dumper {
    fn line(&mut self, text: &str, span: Span) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        let _ = writeln!(self.out, "{text} @{}..{}", span.start, span.end);
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth -= 1;
    }

    fn ident(&mut self, role: &str, ident: &Ident) {
        self.line(&format!("{role} {} #{}", ident.name, ident.id.0), ident.span);
    }

    fn file(&mut self, file: &File) {
        self.line(&format!("File package={} #{}", file.package.name, file.package.id.0), file.span);
        self.nested(|d| {
            for imp in &file.imports {
                d.line(if imp.grouped { "ImportDecl grouped" } else { "ImportDecl" }, imp.span);
                d.nested(|d| {
                    for spec in &imp.specs {
                        let alias = spec.alias.as_ref().map_or(String::new(), |a| format!(" {} #{}", a.name, a.id.0));
                        d.line(&format!("Import{alias} {:?}", spec.path), spec.span);
                    }
                });
            }
            for decl in &file.decls {
                d.decl(decl);
            }
        });
    }

    fn decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Bad(span) => self.line("BadDecl", *span),
            Decl::Const(g) => self.gen_decl("ConstDecl", g, |d, s| {
                d.line(&format!("ConstSpec iota={}", s.iota), s.span);
                d.nested(|d| d.names_type_values(&s.names, s.ty.as_ref(), &s.values));
            }),
            Decl::Var(g) => self.gen_decl("VarDecl", g, |d, s| {
                d.line("VarSpec", s.span);
                d.nested(|d| d.names_type_values(&s.names, s.ty.as_ref(), &s.values));
            }),
            Decl::Type(g) => self.gen_decl("TypeDecl", g, |d, s| {
                d.line(if s.alias { "TypeSpec alias" } else { "TypeSpec" }, s.span);
                d.nested(|d| {
                    d.ident("Name", &s.name);
                    d.params("TypeParams", &s.type_params);
                    d.expr(&s.ty);
                });
            }),
            Decl::Func(f) => {
                self.line("FuncDecl", f.span);
                self.nested(|d| {
                    if let Some(recv) = &f.recv {
                        d.params("Recv", std::slice::from_ref(recv));
                    }
                    d.ident("Name", &f.name);
                    d.params("TypeParams", &f.type_params);
                    d.sig(&f.sig);
                    if let Some(body) = &f.body {
                        d.block(body);
                    }
                });
            }
        }
    }

    fn gen_decl<S>(&mut self, name: &str, g: &GenDecl<S>, mut spec: impl FnMut(&mut Self, &S)) {
        self.line(&format!("{name}{}", if g.grouped { " grouped" } else { "" }), g.span);
        self.nested(|d| {
            for s in &g.specs {
                spec(d, s);
            }
        });
    }

    fn names_type_values(&mut self, names: &[Ident], ty: Option<&Expr>, values: &[Expr]) {
        for n in names {
            self.ident("Name", n);
        }
        if let Some(ty) = ty {
            self.labelled("Type", ty);
        }
        for v in values {
            self.labelled("Value", v);
        }
    }

    fn labelled(&mut self, label: &str, x: &Expr) {
        self.line(label, x.span);
        self.nested(|d| d.expr(x));
    }

    fn params(&mut self, label: &str, params: &[Param]) {
        if params.is_empty() {
            return;
        }
        let span = params[0].span.to(params[params.len() - 1].span);
        self.line(label, span);
        self.nested(|d| {
            for p in params {
                d.line(if p.variadic { "Param variadic" } else { "Param" }, p.span);
                d.nested(|d| {
                    for n in &p.names {
                        d.ident("Name", n);
                    }
                    d.expr(&p.ty);
                });
            }
        });
    }

    fn sig(&mut self, sig: &FuncType) {
        self.line("Signature", sig.span);
        self.nested(|d| {
            d.params("Params", &sig.params);
            d.params("Results", &sig.results);
        });
    }

    fn block(&mut self, block: &Block) {
        self.line("Block", block.span);
        self.nested(|d| {
            for s in &block.stmts {
                d.stmt(s);
            }
        });
    }

    fn opt_stmt(&mut self, label: &str, s: Option<&Stmt>) {
        if let Some(s) = s {
            self.line(label, s.span);
            self.nested(|d| d.stmt(s));
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let span = s.span;
        match &s.kind {
            StmtKind::Bad => self.line("BadStmt", span),
            StmtKind::Empty => self.line("EmptyStmt", span),
            StmtKind::Decl(decl) => {
                self.line("DeclStmt", span);
                self.nested(|d| d.decl(decl));
            }
            StmtKind::Labeled { label, stmt } => {
                self.line("LabeledStmt", span);
                self.nested(|d| {
                    d.ident("Label", label);
                    d.stmt(stmt);
                });
            }
            StmtKind::Expr(x) => {
                self.line("ExprStmt", span);
                self.nested(|d| d.expr(x));
            }
            StmtKind::Send { ch, value } => {
                self.line("SendStmt", span);
                self.nested(|d| {
                    d.expr(ch);
                    d.expr(value);
                });
            }
            StmtKind::IncDec { x, inc } => {
                self.line(if *inc { "IncStmt" } else { "DecStmt" }, span);
                self.nested(|d| d.expr(x));
            }
            StmtKind::Assign { lhs, op, rhs, .. } => {
                let op = match op {
                    AssignOp::Assign => "=".to_string(),
                    AssignOp::Define => ":=".to_string(),
                    AssignOp::Op(op) => format!("{}=", op.as_str()),
                };
                self.line(&format!("AssignStmt {op}"), span);
                self.nested(|d| {
                    for x in lhs {
                        d.labelled("Lhs", x);
                    }
                    for x in rhs {
                        d.labelled("Rhs", x);
                    }
                });
            }
            StmtKind::Go(x) | StmtKind::Defer(x) => {
                self.line(if matches!(s.kind, StmtKind::Go(_)) { "GoStmt" } else { "DeferStmt" }, span);
                self.nested(|d| d.expr(x));
            }
            StmtKind::Return(results) => {
                self.line("ReturnStmt", span);
                self.nested(|d| {
                    for x in results {
                        d.expr(x);
                    }
                });
            }
            StmtKind::Branch { kind, label } => {
                self.line(&format!("BranchStmt {kind:?}"), span);
                if let Some(label) = label {
                    self.nested(|d| d.ident("Label", label));
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                self.line("IfStmt", span);
                self.nested(|d| {
                    d.opt_stmt("Init", i.init.as_deref());
                    d.labelled("Cond", &i.cond);
                    d.block(&i.then);
                    d.opt_stmt("Else", i.els.as_deref());
                });
            }
            StmtKind::Switch { init, tag, clauses } => {
                self.line("SwitchStmt", span);
                self.nested(|d| {
                    d.opt_stmt("Init", init.as_deref());
                    if let Some(tag) = tag {
                        d.labelled("Tag", tag);
                    }
                    d.clauses(clauses);
                });
            }
            StmtKind::TypeSwitch { init, bind, x, clauses } => {
                self.line("TypeSwitchStmt", span);
                self.nested(|d| {
                    d.opt_stmt("Init", init.as_deref());
                    if let Some(bind) = bind {
                        d.ident("Bind", bind);
                    }
                    d.labelled("Guard", x);
                    d.clauses(clauses);
                });
            }
            StmtKind::Select { clauses } => {
                self.line("SelectStmt", span);
                self.nested(|d| {
                    for c in clauses {
                        d.line(if c.comm.is_some() { "CommClause" } else { "CommClause default" }, c.span);
                        d.nested(|d| {
                            d.opt_stmt("Comm", c.comm.as_deref());
                            for s in &c.body {
                                d.stmt(s);
                            }
                        });
                    }
                });
            }
            StmtKind::For { init, cond, post, body } => {
                self.line("ForStmt", span);
                self.nested(|d| {
                    d.opt_stmt("Init", init.as_deref());
                    if let Some(cond) = cond {
                        d.labelled("Cond", cond);
                    }
                    d.opt_stmt("Post", post.as_deref());
                    d.block(body);
                });
            }
            StmtKind::Range { key, value, define, x, body } => {
                self.line(if *define { "RangeStmt :=" } else { "RangeStmt" }, span);
                self.nested(|d| {
                    if let Some(key) = key {
                        d.labelled("Key", key);
                    }
                    if let Some(value) = value {
                        d.labelled("Value", value);
                    }
                    d.labelled("X", x);
                    d.block(body);
                });
            }
        }
    }

    fn clauses(&mut self, clauses: &[CaseClause]) {
        for c in clauses {
            let head = if c.list.is_some() { "CaseClause" } else { "CaseClause default" };
            self.line(&format!("{head} #{}", c.id.0), c.span);
            self.nested(|d| {
                for x in c.list.iter().flatten() {
                    d.labelled("Case", x);
                }
                for s in &c.body {
                    d.stmt(s);
                }
            });
        }
    }

    fn expr(&mut self, x: &Expr) {
        let id = x.id.0;
        let span = x.span;
        match &x.kind {
            ExprKind::Bad => self.line(&format!("BadExpr #{id}"), span),
            ExprKind::Ident(ident) => self.line(&format!("Ident {} #{id}", ident.name), span),
            ExprKind::BasicLit(lit) => {
                let text = match lit {
                    BasicLit::Int(t) => format!("Int {t}"),
                    BasicLit::Float(t) => format!("Float {t}"),
                    BasicLit::Imag(t) => format!("Imag {t}"),
                    BasicLit::Rune(r) => format!("Rune {r}"),
                    BasicLit::String { value, raw } => {
                        format!("String{} {:?}", if *raw { " raw" } else { "" }, String::from_utf8_lossy(value))
                    }
                };
                self.line(&format!("{text} #{id}"), span);
            }
            ExprKind::CompositeLit { ty, elts } => {
                self.line(&format!("CompositeLit #{id}"), span);
                self.nested(|d| {
                    if let Some(ty) = ty {
                        d.labelled("Type", ty);
                    }
                    for e in elts {
                        match &e.key {
                            Some(key) => {
                                d.line("KeyValue", e.span);
                                d.nested(|d| {
                                    d.expr(key);
                                    d.expr(&e.value);
                                });
                            }
                            None => d.expr(&e.value),
                        }
                    }
                });
            }
            ExprKind::FuncLit { sig, body } => {
                self.line(&format!("FuncLit #{id}"), span);
                self.nested(|d| {
                    d.sig(sig);
                    d.block(body);
                });
            }
            ExprKind::Paren(inner) => self.unary_node(&format!("Paren #{id}"), span, inner),
            ExprKind::Selector { x, sel } => {
                self.line(&format!("Selector #{id}"), span);
                self.nested(|d| {
                    d.expr(x);
                    d.ident("Sel", sel);
                });
            }
            ExprKind::Index { x, indices } => {
                self.line(&format!("Index #{id}"), span);
                self.nested(|d| {
                    d.expr(x);
                    for i in indices {
                        d.expr(i);
                    }
                });
            }
            ExprKind::Slice { x, low, high, max } => {
                self.line(&format!("Slice{} #{id}", if max.is_some() { " full" } else { "" }), span);
                self.nested(|d| {
                    d.expr(x);
                    for (label, part) in [("Low", low), ("High", high), ("Max", max)] {
                        if let Some(part) = part {
                            d.labelled(label, part);
                        }
                    }
                });
            }
            ExprKind::TypeAssert { x, ty } => {
                self.line(&format!("TypeAssert{} #{id}", if ty.is_none() { " (type)" } else { "" }), span);
                self.nested(|d| {
                    d.expr(x);
                    if let Some(ty) = ty {
                        d.expr(ty);
                    }
                });
            }
            ExprKind::Call { func, args, ellipsis } => {
                self.line(&format!("Call{} #{id}", if ellipsis.is_some() { " ..." } else { "" }), span);
                self.nested(|d| {
                    d.expr(func);
                    for a in args {
                        d.expr(a);
                    }
                });
            }
            ExprKind::Star(inner) => self.unary_node(&format!("Star #{id}"), span, inner),
            ExprKind::Unary { op, x } => self.unary_node(&format!("Unary {} #{id}", op.as_str()), span, x),
            ExprKind::Binary { op, x, y, .. } => {
                self.line(&format!("Binary {} #{id}", op.as_str()), span);
                self.nested(|d| {
                    d.expr(x);
                    d.expr(y);
                });
            }
            ExprKind::ArrayType { len, elem } => {
                self.line(&format!("ArrayType #{id}"), span);
                self.nested(|d| {
                    match len {
                        ArrayLen::Expr(len) => d.labelled("Len", len),
                        ArrayLen::Ellipsis(s) => d.line("Len ...", *s),
                    }
                    d.expr(elem);
                });
            }
            ExprKind::SliceType { elem } => self.unary_node(&format!("SliceType #{id}"), span, elem),
            ExprKind::MapType { key, value } => {
                self.line(&format!("MapType #{id}"), span);
                self.nested(|d| {
                    d.expr(key);
                    d.expr(value);
                });
            }
            ExprKind::ChanType { dir, elem } => self.unary_node(&format!("ChanType {dir:?} #{id}"), span, elem),
            ExprKind::FuncType(sig) => {
                self.line(&format!("FuncType #{id}"), span);
                self.nested(|d| d.sig(sig));
            }
            ExprKind::StructType { fields } => {
                self.line(&format!("StructType #{id}"), span);
                self.nested(|d| {
                    for f in fields {
                        let tag = f.tag.as_ref().map_or(String::new(), |t| format!(" tag={t:?}"));
                        d.line(&format!("Field{}{tag}", if f.names.is_empty() { " embedded" } else { "" }), f.span);
                        d.nested(|d| {
                            for n in &f.names {
                                d.ident("Name", n);
                            }
                            d.expr(&f.ty);
                        });
                    }
                });
            }
            ExprKind::InterfaceType { elems } => {
                self.line(&format!("InterfaceType #{id}"), span);
                self.nested(|d| {
                    for e in elems {
                        match e {
                            InterfaceElem::Method { span, name, sig } => {
                                d.line("Method", *span);
                                d.nested(|d| {
                                    d.ident("Name", name);
                                    d.sig(sig);
                                });
                            }
                            InterfaceElem::Type(t) => d.labelled("Embedded", t),
                        }
                    }
                });
            }
        }
    }

    fn unary_node(&mut self, head: &str, span: Span, inner: &Expr) {
        self.line(head, span);
        self.nested(|d| d.expr(inner));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dump_shows_kinds_ids_and_spans() {
        let src = "package main\n\nvar x = -1\n";
        let parsed = crate::parse_file(src);
        let text = super::dump(&parsed.file);
        assert!(text.contains("Unary - #"), "{text}");
        assert!(text.contains("Int 1 #"), "{text}");
        assert!(text.starts_with("File package=main #0 @0..25\n"), "{text}");
    }
}
