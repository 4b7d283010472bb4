//! The source file and declarations: package clause, imports, `const`/`var`/`type`
//! groups (with each const spec's iota), functions and methods.

use super::Parser;
use crate::ast::{ConstSpec, Decl, Expr, ExprKind, File, FuncDecl, GenDecl, Ident, ImportDecl, ImportSpec, TypeSpec, VarSpec};
use crate::ast::{BasicLit, BinaryOp, Block, NodeId};
use crate::span::Span;
use crate::token::Tok;

const DECL_START: &[Tok] = &[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func];

impl Parser<'_> {
    /// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
    pub(super) fn file(&mut self) -> File {
        let start = self.start();
        let mut file = File {
            span: Span::new(start, self.src.len() as u32),
            package: Ident { id: NodeId(0), name: String::new(), span: Span::at(start) },
            imports: Vec::new(),
            decls: Vec::new(),
            node_count: 0,
        };
        if !self.got(Tok::Package) {
            self.syntax_error("package statement must be first");
            file.package = Ident { id: self.new_id(), name: "_".to_string(), span: Span::at(start) };
            file.node_count = self.next_id;
            return file;
        }
        file.package = self.name();
        self.want(Tok::Semi);
        let here = self.start();
        if self.diags.iter().any(|d| d.span.start < here) {
            // Like gc: don't bother continuing if the package clause has errors.
            file.node_count = self.next_id;
            return file;
        }

        let mut only_imports_so_far = true;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && !only_imports_so_far {
                self.syntax_error("imports must appear before other declarations");
            }
            only_imports_so_far &= self.tok() == Tok::Import;
            let start = self.start();
            match self.tok() {
                Tok::Import => {
                    self.next();
                    let (grouped, specs) = self.group(|p, _| p.import_spec());
                    file.imports.push(ImportDecl { span: self.span_from(start), grouped, specs });
                }
                Tok::Const | Tok::Var | Tok::Type => {
                    let decl = self.gen_decl();
                    file.decls.push(decl);
                }
                Tok::Func => {
                    self.next();
                    let decl = self.func_decl(start);
                    file.decls.push(Decl::Func(Box::new(decl)));
                }
                _ => {
                    let after_bodiless_func =
                        matches!(file.decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                    if self.tok() == Tok::LBrace && after_bodiless_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(DECL_START);
                    continue;
                }
            }
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(DECL_START);
            }
        }
        file.node_count = self.next_id;
        file
    }

    /// `f` or `( { f ";" } )`; `f` receives the spec's index in the group.
    fn group<S>(&mut self, mut f: impl FnMut(&mut Self, u32) -> S) -> (bool, Vec<S>) {
        let mut specs = Vec::new();
        if self.got(Tok::LParen) {
            self.list("grouped declaration", Tok::Semi, Tok::RParen, |p| {
                let index = specs.len() as u32;
                specs.push(f(p, index));
                false
            });
            (true, specs)
        } else {
            specs.push(f(self, 0));
            (false, specs)
        }
    }

    /// A `const`, `var` or `type` declaration, at its keyword.
    pub(super) fn gen_decl(&mut self) -> Decl {
        let start = self.start();
        let keyword = self.tok();
        self.next();
        match keyword {
            Tok::Const => {
                let (grouped, specs) = self.group(Self::const_spec);
                Decl::Const(GenDecl { span: self.span_from(start), grouped, specs })
            }
            Tok::Var => {
                let (grouped, specs) = self.group(|p, _| p.var_spec());
                Decl::Var(GenDecl { span: self.span_from(start), grouped, specs })
            }
            _ => {
                let (grouped, specs) = self.group(|p, _| p.type_spec());
                Decl::Type(GenDecl { span: self.span_from(start), grouped, specs })
            }
        }
    }

    /// ImportSpec = [ "." | PackageName ] ImportPath .
    fn import_spec(&mut self) -> ImportSpec {
        let start = self.start();
        let alias = match self.tok() {
            Tok::Ident => Some(self.name()),
            Tok::Dot => {
                let ident = Ident { id: self.new_id(), name: ".".to_string(), span: self.cur().span };
                self.next();
                Some(ident)
            }
            _ => None,
        };
        let path_span = self.cur().span;
        let mut path = String::new();
        if self.tok() == Tok::String {
            if let BasicLit::String { value, .. } = self.basic_lit() {
                path = String::from_utf8_lossy(&value).into_owned();
            }
        } else if self.tok().is_literal() {
            self.syntax_error_at(Span::at(path_span.start), "import path must be a string");
            self.next();
        } else {
            self.syntax_error("missing import path");
            self.advance(&[Tok::Semi, Tok::RParen]);
        }
        ImportSpec { span: self.span_from(start), alias, path, path_span }
    }

    /// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
    fn const_spec(&mut self, iota: u32) -> ConstSpec {
        let start = self.start();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if !matches!(self.tok(), Tok::Eof | Tok::Semi | Tok::RParen) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        ConstSpec { span: self.span_from(start), names, ty, values, iota }
    }

    /// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
    fn var_spec(&mut self) -> VarSpec {
        let start = self.start();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        VarSpec { span: self.span_from(start), names, ty, values }
    }

    /// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
    fn type_spec(&mut self) -> TypeSpec {
        let start = self.start();
        let name = self.name();
        let mut type_params = Vec::new();
        let mut alias = false;
        let ty;
        if self.tok() == Tok::LBrack {
            // An array or slice type, or a type parameter list.
            let lbrack = self.start();
            self.next();
            match self.tok() {
                Tok::Ident => {
                    let first = self.name();
                    let mut x = Self::ident_expr(first);
                    if self.tok() != Tok::LBrack {
                        self.xnest += 1;
                        let primary = self.primary_expr(Some(x));
                        x = self.binary_expr(Some(primary), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    match self.extract_name(x, force) {
                        Ok((pname, ptype)) if ptype.is_some() || self.tok() != Tok::RBrack => {
                            type_params = self.param_list(Some((pname, ptype)), Tok::RBrack, true);
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        Ok((pname, _)) => ty = Some(self.array_type(lbrack, Some(Self::ident_expr(pname)))),
                        Err(x) => ty = Some(self.array_type(lbrack, Some(x))),
                    }
                }
                Tok::RBrack => {
                    self.next();
                    let elem = self.type_();
                    let span = self.span_from(lbrack);
                    ty = Some(self.mk(span, ExprKind::SliceType { elem: Box::new(elem) }));
                }
                _ => ty = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(ty) => ty,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::RParen]);
                bad
            }
        };
        TypeSpec { span: self.span_from(start), name, type_params, alias, ty }
    }

    /// Splits `x` into a type parameter name and its constraint if `x` can be read
    /// as `name constraint` (`P *C`, `P []E`, `P ~int | string`); `force` accepts
    /// splits that could also be ordinary expressions. `Err(x)` gives `x` back.
    fn extract_name(&mut self, x: Expr, force: bool) -> Result<(Ident, Option<Expr>), Expr> {
        match x.kind {
            ExprKind::Ident(name) => Ok((name, None)),
            ExprKind::Binary { op: BinaryOp::Mul, op_span, x: lhs, y } if matches!(lhs.kind, ExprKind::Ident(_)) && (force || is_type_elem(&y)) => {
                let ExprKind::Ident(name) = lhs.kind else { unreachable!("checked above") };
                let span = Span::new(op_span.start, y.span.end);
                Ok((name, Some(Expr { id: x.id, span, kind: ExprKind::Star(y) })))
            }
            ExprKind::Binary { op: BinaryOp::Or, op_span, x: lhs, y } => {
                let force_lhs = force || is_type_elem(&y);
                match self.extract_name(*lhs, force_lhs) {
                    Ok((name, Some(lhs))) => {
                        let span = lhs.span.to(y.span);
                        Ok((name, Some(Expr { id: x.id, span, kind: ExprKind::Binary { op: BinaryOp::Or, op_span, x: Box::new(lhs), y } })))
                    }
                    Ok((name, None)) => {
                        let lhs = Self::ident_expr(name);
                        Err(Expr { id: x.id, span: x.span, kind: ExprKind::Binary { op: BinaryOp::Or, op_span, x: Box::new(lhs), y } })
                    }
                    Err(lhs) => Err(Expr { id: x.id, span: x.span, kind: ExprKind::Binary { op: BinaryOp::Or, op_span, x: Box::new(lhs), y } }),
                }
            }
            ExprKind::Call { func, mut args, ellipsis }
                if matches!(func.kind, ExprKind::Ident(_)) && args.len() == 1 && ellipsis.is_none() && (force || is_type_elem(&args[0])) =>
            {
                let ExprKind::Ident(name) = func.kind else { unreachable!("checked above") };
                Ok((name, args.pop()))
            }
            kind => Err(Expr { id: x.id, span: x.span, kind }),
        }
    }

    /// After `func` (at `start`): `[(recv)] Name [TypeParams] Signature [Body]`.
    fn func_decl(&mut self, start: u32) -> FuncDecl {
        let mut recv = None;
        let mut context = None;
        if self.got(Tok::LParen) {
            context = Some("method");
            let at = Span::at(self.start());
            let mut groups = self.param_list(None, Tok::RParen, false);
            let count: usize = groups.iter().map(|g| g.names.len().max(1)).sum();
            match count {
                0 => self.error_at(at, "method has no receiver".to_string()),
                1 => {}
                _ => self.error_at(at, "method has multiple receivers".to_string()),
            }
            if !groups.is_empty() {
                recv = Some(groups.swap_remove(0));
            }
        }
        let (name, type_params, sig) = if self.tok() == Tok::Ident {
            let name = self.name();
            let (type_params, sig) = self.func_type(start, context);
            (name, type_params, sig)
        } else {
            let name = Ident { id: self.new_id(), name: "_".to_string(), span: Span::at(self.start()) };
            let sig = crate::ast::FuncType { span: Span::at(self.start()), params: Vec::new(), results: Vec::new() };
            self.syntax_error(if context.is_some() { "expected name" } else { "expected name or (" });
            self.advance(&[Tok::LBrace, Tok::Semi]);
            (name, Vec::new(), sig)
        };
        let body = if self.tok() == Tok::LBrace { Some(self.func_body()) } else { None };
        FuncDecl { span: self.span_from(start), recv, name, type_params, sig, body }
    }

    pub(super) fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let outer = self.xnest;
        self.xnest = 0;
        let body = self.block("");
        self.xnest = outer;
        self.fnest -= 1;
        body
    }
}

/// Whether `x` is (syntactically) a type element and could not be a value.
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType { .. }
        | ExprKind::SliceType { .. }
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => true,
        ExprKind::Unary { op, x } => *op == crate::ast::UnaryOp::Tilde || is_type_elem(x),
        ExprKind::Star(x) => is_type_elem(x),
        ExprKind::Binary { x, y, .. } => is_type_elem(x) || is_type_elem(y),
        ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}
