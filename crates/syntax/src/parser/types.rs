//! Type expressions, function signatures, parameter lists, struct and interface
//! bodies, and type set unions (`~int | string`).

use super::Parser;
use crate::ast::{ArrayLen, BinaryOp, ChanDir, Expr, ExprKind, Field, FuncType, Ident, InterfaceElem, Param, UnaryOp};
use crate::span::Span;
use crate::token::Tok;

/// One entry of a parameter list before names and types are distributed:
/// `name`, `Type`, `name Type` or `name ...Type`.
struct RawParam {
    span: Span,
    name: Option<Ident>,
    ty: Option<Expr>,
    variadic: bool,
}

impl Parser<'_> {
    /// A type; reports `expected type` and returns a bad expression if there is none.
    pub(super) fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[Tok::Comma, Tok::Colon, Tok::Semi, Tok::RParen, Tok::RBrack, Tok::RBrace]);
                t
            }
        }
    }

    pub(super) fn type_or_nil(&mut self) -> Option<Expr> {
        if !self.enter(1) {
            return Some(self.bad_expr());
        }
        let t = self.type_or_nil_inner();
        self.leave(1);
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<Expr> {
        let start = self.start();
        let kind = match self.tok() {
            Tok::Star => {
                self.next();
                ExprKind::Star(Box::new(self.type_()))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                ExprKind::ChanType { dir: ChanDir::Recv, elem: Box::new(self.chan_elem()) }
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type(start, Some("function type"));
                ExprKind::FuncType(sig)
            }
            Tok::LBrack => {
                self.next();
                if self.got(Tok::RBrack) {
                    ExprKind::SliceType { elem: Box::new(self.type_()) }
                } else {
                    return Some(self.array_type(start, None));
                }
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                ExprKind::ChanType { dir, elem: Box::new(self.chan_elem()) }
            }
            Tok::Map => {
                self.next();
                self.want(Tok::LBrack);
                let key = self.type_();
                self.want(Tok::RBrack);
                let value = self.type_();
                ExprKind::MapType { key: Box::new(key), value: Box::new(value) }
            }
            Tok::Struct => ExprKind::StructType { fields: self.struct_body() },
            Tok::Interface => ExprKind::InterfaceType { elems: self.interface_body() },
            Tok::Ident => return Some(self.qualified_name(None)),
            Tok::LParen => {
                self.next();
                let t = self.type_();
                self.want(Tok::RParen);
                ExprKind::Paren(Box::new(t))
            }
            _ => return None,
        };
        let span = self.span_from(start);
        Some(self.mk(span, kind))
    }

    /// `Name`, `pkg.Name`, optionally instantiated: `Name[T1, T2]`.
    pub(super) fn qualified_name(&mut self, first: Option<Ident>) -> Expr {
        let first = match first {
            Some(name) => name,
            None => self.name(),
        };
        let start = first.span.start;
        let mut x = Self::ident_expr(first);
        if self.got(Tok::Dot) {
            let sel = self.name();
            let span = self.span_from(start);
            x = self.mk(span, ExprKind::Selector { x: Box::new(x), sel });
        }
        if self.tok() == Tok::LBrack {
            x = self.type_instance(x);
        }
        x
    }

    /// `typ[T1, T2]`.
    fn type_instance(&mut self, typ: Expr) -> Expr {
        let start = typ.span.start;
        self.want(Tok::LBrack);
        let mut indices = Vec::new();
        if self.tok() == Tok::RBrack {
            self.syntax_error("expected type argument list");
            indices.push(self.bad_expr());
        } else {
            self.xnest += 1;
            indices.push(self.type_());
            while self.got(Tok::Comma) && self.tok() != Tok::RBrack {
                indices.push(self.type_());
            }
            self.xnest -= 1;
        }
        self.want(Tok::RBrack);
        let span = self.span_from(start);
        self.mk(span, ExprKind::Index { x: Box::new(typ), indices })
    }

    /// After `[` (at `start`): `N]T` or `...]T`; `len` is an already parsed length.
    pub(super) fn array_type(&mut self, start: u32, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(len) => ArrayLen::Expr(Box::new(len)),
            None if self.tok() == Tok::Ellipsis => {
                let span = self.cur().span;
                self.next();
                ArrayLen::Ellipsis(span)
            }
            None => {
                self.xnest += 1;
                let len = self.expr();
                self.xnest -= 1;
                ArrayLen::Expr(Box::new(len))
            }
        };
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::RBrack);
        let elem = self.type_();
        let span = self.span_from(start);
        self.mk(span, ExprKind::ArrayType { len, elem: Box::new(elem) })
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    /// After `func` (which started at `start`): `[TypeParams](Params) Results`.
    /// `context` names where type parameters are not permitted (`None`: they are).
    pub(super) fn func_type(&mut self, start: u32, context: Option<&str>) -> (Vec<Param>, FuncType) {
        let mut type_params = Vec::new();
        if self.tok() == Tok::LBrack {
            let at = Span::at(self.start());
            self.next();
            if let Some(context) = context {
                self.syntax_error_at(at, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::RBrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                type_params = self.param_list(None, Tok::RBrack, true);
            }
        }
        self.want(Tok::LParen);
        let params = self.param_list(None, Tok::RParen, false);
        let results = self.func_result();
        let span = self.span_from(start);
        (type_params, FuncType { span, params, results })
    }

    fn func_result(&mut self) -> Vec<Param> {
        if self.got(Tok::LParen) {
            return self.param_list(None, Tok::RParen, false);
        }
        match self.type_or_nil() {
            Some(ty) => vec![Param { span: ty.span, names: Vec::new(), ty, variadic: false }],
            None => Vec::new(),
        }
    }

    /// A parameter list after its opening `(` or `[`, through `close`. `first` is an
    /// already parsed first entry (name and maybe type) from a type declaration.
    /// In the result either every group has names or none has; `require_names` is
    /// set for type parameter lists.
    pub(super) fn param_list(&mut self, first: Option<(Ident, Option<Expr>)>, close: Tok, require_names: bool) -> Vec<Param> {
        let mut raw: Vec<RawParam> = Vec::new();
        if let Some((name, Some(ty))) = &first
            && self.tok() == close {
                // `[P C]`: the whole list was parsed by the caller.
                let entry = RawParam { span: name.span.to(ty.span), name: Some(name.clone()), ty: Some(ty.clone()), variadic: false };
                self.next();
                return self.group_params(vec![entry], require_names, Span::at(self.prev_end));
            }
        let mut pending = first;
        let end = self.list("parameter list", Tok::Comma, close, |p| {
            let entry = match pending.take() {
                Some((name, Some(ty))) => Some(RawParam { span: name.span.to(ty.span), name: Some(name), ty: Some(ty), variadic: false }),
                Some((name, None)) => p.param_decl(close, Some(name)),
                None => p.param_decl(close, None),
            };
            raw.extend(entry);
            false
        });
        self.group_params(raw, require_names, end)
    }

    /// ParameterDecl = [ name ] [ "..." ] Type, with type set terms when `close` is `]`.
    /// `first` is an already parsed leading name.
    fn param_decl(&mut self, close: Tok, first: Option<Ident>) -> Option<RawParam> {
        let type_sets_ok = close == Tok::RBrack;
        let start = first.as_ref().map_or(self.start(), |n| n.span.start);
        if first.is_none() && type_sets_ok && self.tok() == Tok::Tilde {
            let ty = self.embedded_elem(None);
            return Some(RawParam { span: ty.span, name: None, ty: Some(ty), variadic: false });
        }
        let mut name = None;
        if first.is_some() || self.tok() == Tok::Ident {
            let ident = match first {
                Some(ident) => ident,
                None => self.name(),
            };
            match self.tok() {
                Tok::LBrack => {
                    // `name [N]E` / `name []E`, or the instantiated type `name[T]`.
                    let (ty, is_instance) = self.array_or_type_args(ident.span.start);
                    let (name, mut ty) = if is_instance {
                        (None, self.attach_instance(ident, ty))
                    } else {
                        (Some(ident), ty)
                    };
                    if type_sets_ok && self.tok() == Tok::Or {
                        ty = self.embedded_elem(Some(ty));
                    }
                    return Some(RawParam { span: self.span_from(start), name, ty: Some(ty), variadic: false });
                }
                Tok::Dot => {
                    let mut ty = self.qualified_name(Some(ident));
                    if type_sets_ok && self.tok() == Tok::Or {
                        ty = self.embedded_elem(Some(ty));
                    }
                    return Some(RawParam { span: self.span_from(start), name: None, ty: Some(ty), variadic: false });
                }
                Tok::Or if type_sets_ok => {
                    let ty = self.embedded_elem(Some(Self::ident_expr(ident)));
                    return Some(RawParam { span: self.span_from(start), name: None, ty: Some(ty), variadic: false });
                }
                _ => name = Some(ident),
            }
        }
        if self.tok() == Tok::Ellipsis {
            self.next();
            let ty = match self.type_or_nil() {
                Some(t) => t,
                None => {
                    let t = self.bad_expr();
                    self.syntax_error("... is missing type");
                    t
                }
            };
            return Some(RawParam { span: self.span_from(start), name, ty: Some(ty), variadic: true });
        }
        let ty = if type_sets_ok && self.tok() == Tok::Tilde {
            Some(self.embedded_elem(None))
        } else {
            let ty = self.type_or_nil();
            match ty {
                Some(t) if type_sets_ok && self.tok() == Tok::Or => Some(self.embedded_elem(Some(t))),
                ty => ty,
            }
        };
        if name.is_none() && ty.is_none() {
            self.syntax_error(&format!("expected {}", close.describe()));
            self.advance(&[Tok::Comma, close]);
            return None;
        }
        Some(RawParam { span: self.span_from(start), name, ty, variadic: false })
    }

    /// Distributes types over names (`a, b int` is one group) and checks that names
    /// are used consistently; `end` is the position of the closing token.
    fn group_params(&mut self, raw: Vec<RawParam>, require_names: bool, end: Span) -> Vec<Param> {
        let named = raw.iter().filter(|r| r.name.is_some() && r.ty.is_some()).count();
        let typed = raw.iter().filter(|r| r.ty.is_some()).count();
        if named == 0 && !require_names {
            // All unnamed: lone names are type names.
            let mut params = Vec::with_capacity(raw.len());
            for r in raw {
                let ty = match (r.ty, r.name) {
                    (Some(ty), _) => ty,
                    (None, Some(name)) => Self::ident_expr(name),
                    (None, None) => self.mk(r.span, ExprKind::Bad),
                };
                params.push(Param { span: r.span, names: Vec::new(), ty, variadic: r.variadic });
            }
            return params;
        }
        if named != raw.len() {
            // Sweep right to left: names take the type to their right; a type without
            // a name, or a name with no type to its right, is an error (report the
            // leftmost).
            let mut error_at = None;
            let mut typed_to_the_right = false;
            for r in raw.iter().rev() {
                if let Some(ty) = &r.ty {
                    typed_to_the_right = true;
                    if r.name.is_none() {
                        error_at = Some(Span::at(ty.span.start));
                    }
                } else if !typed_to_the_right {
                    error_at = Some(Span::at(r.span.start));
                }
            }
            if let Some(mut at) = error_at {
                let msg = if !require_names {
                    "mixed named and unnamed parameters"
                } else if named == typed {
                    at = end;
                    "missing type constraint"
                } else if raw.len() == 1 {
                    "missing type parameter name or invalid array length"
                } else {
                    "missing type parameter name"
                };
                self.syntax_error_at(at, msg);
            }
        }
        let mut groups = Vec::new();
        let mut names: Vec<Ident> = Vec::new();
        let mut group_start: Option<u32> = None;
        for r in raw {
            group_start.get_or_insert(r.span.start);
            names.extend(r.name);
            if let Some(ty) = r.ty {
                let span = Span::new(group_start.take().unwrap_or(r.span.start), r.span.end);
                groups.push(Param { span, names: std::mem::take(&mut names), ty, variadic: r.variadic });
            }
        }
        if !names.is_empty() {
            // Trailing names without a type (already reported).
            let start = group_start.unwrap_or(end.start);
            let ty = self.mk(Span::at(end.start), ExprKind::Bad);
            groups.push(Param { span: Span::new(start, end.start), names, ty, variadic: false });
        }
        groups
    }

    /// After a name, at `[`: `[]E` or `[N]E` (an array or slice type for a named
    /// field or parameter) or `[T1, T2]` (type arguments). Returns the parsed type
    /// and whether it is a type argument list (then `x` of the `Index` is a
    /// placeholder to be replaced by [`Parser::attach_instance`]).
    fn array_or_type_args(&mut self, name_start: u32) -> (Expr, bool) {
        let start = self.start();
        self.want(Tok::LBrack);
        if self.got(Tok::RBrack) {
            let elem = self.type_();
            let span = self.span_from(start);
            return (self.mk(span, ExprKind::SliceType { elem: Box::new(elem) }), false);
        }
        let mut list = Vec::new();
        let mut comma = false;
        self.xnest += 1;
        list.push(self.expr());
        while self.got(Tok::Comma) {
            comma = true;
            if self.tok() == Tok::RBrack {
                break;
            }
            list.push(self.expr());
        }
        self.xnest -= 1;
        self.want(Tok::RBrack);
        if !comma && list.len() == 1
            && let Some(elem) = self.type_or_nil() {
                let len = ArrayLen::Expr(Box::new(list.remove(0)));
                let span = self.span_from(start);
                return (self.mk(span, ExprKind::ArrayType { len, elem: Box::new(elem) }), false);
            }
        let placeholder = self.mk(Span::at(name_start), ExprKind::Bad);
        let span = self.span_from(name_start);
        (self.mk(span, ExprKind::Index { x: Box::new(placeholder), indices: list }), true)
    }

    /// Puts `name` in place of the placeholder operand of an instantiation.
    fn attach_instance(&mut self, name: Ident, mut instance: Expr) -> Expr {
        if let ExprKind::Index { x, .. } = &mut instance.kind {
            **x = Self::ident_expr(name);
        }
        instance
    }

    /// `struct { fields }`, at `struct`.
    fn struct_body(&mut self) -> Vec<Field> {
        self.want(Tok::Struct);
        self.want(Tok::LBrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::RBrace, |p| {
            p.field_decl(&mut fields);
            false
        });
        fields
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let start = self.start();
        match self.tok() {
            Tok::Ident => {
                let name = self.name();
                if matches!(self.tok(), Tok::Dot | Tok::String | Tok::Semi | Tok::RBrace) {
                    // Embedded type `T` or `pkg.T`.
                    let ty = self.qualified_name(Some(name));
                    let tag = self.field_tag();
                    fields.push(Field { span: self.span_from(start), names: Vec::new(), ty, tag });
                    return;
                }
                let names = self.name_list(name);
                let ty = if names.len() == 1 && self.tok() == Tok::LBrack {
                    let (ty, is_instance) = self.array_or_type_args(start);
                    if is_instance {
                        let name = names.into_iter().next().expect("one name");
                        let ty = self.attach_instance(name, ty);
                        let tag = self.field_tag();
                        fields.push(Field { span: self.span_from(start), names: Vec::new(), ty, tag });
                        return;
                    }
                    ty
                } else {
                    self.type_()
                };
                let tag = self.field_tag();
                fields.push(Field { span: self.span_from(start), names, ty, tag });
            }
            Tok::Star => {
                self.next();
                if self.tok() == Tok::LParen {
                    self.syntax_error("cannot parenthesize embedded type");
                }
                let inner = self.qualified_name(None);
                let span = self.span_from(start);
                let ty = self.mk(span, ExprKind::Star(Box::new(inner)));
                let tag = self.field_tag();
                fields.push(Field { span: self.span_from(start), names: Vec::new(), ty, tag });
            }
            Tok::LParen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.advance(&[Tok::Semi, Tok::RBrace]);
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::RBrace]);
            }
        }
    }

    fn field_tag(&mut self) -> Option<String> {
        if self.tok() != Tok::String {
            return None;
        }
        match self.basic_lit() {
            crate::ast::BasicLit::String { value, .. } => Some(String::from_utf8_lossy(&value).into_owned()),
            _ => None,
        }
    }

    /// `interface { elems }`, at `interface`.
    fn interface_body(&mut self) -> Vec<InterfaceElem> {
        self.want(Tok::Interface);
        self.want(Tok::LBrace);
        let mut elems = Vec::new();
        self.list("interface type", Tok::Semi, Tok::RBrace, |p| {
            let start = p.start();
            if p.tok() == Tok::Ident && p.peek(1) == Tok::LParen {
                let name = p.name();
                let (_, sig) = p.func_type(name.span.start, Some("interface method"));
                elems.push(InterfaceElem::Method { span: p.span_from(start), name, sig });
            } else {
                elems.push(InterfaceElem::Type(p.embedded_elem(None)));
            }
            false
        });
        elems
    }

    /// `term { "|" term }`, starting from an already parsed first term if given.
    fn embedded_elem(&mut self, first: Option<Expr>) -> Expr {
        let mut x = match first {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.tok() == Tok::Or {
            let op_span = self.cur().span;
            self.next();
            let y = self.embedded_term();
            let span = x.span.to(y.span);
            x = self.mk(span, ExprKind::Binary { op: BinaryOp::Or, op_span, x: Box::new(x), y: Box::new(y) });
        }
        x
    }

    /// `[ "~" ] Type`.
    fn embedded_term(&mut self) -> Expr {
        let start = self.start();
        if self.got(Tok::Tilde) {
            let t = self.type_();
            let span = self.span_from(start);
            return self.mk(span, ExprKind::Unary { op: UnaryOp::Tilde, x: Box::new(t) });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[Tok::Or, Tok::Semi, Tok::RParen, Tok::RBrack, Tok::RBrace]);
                t
            }
        }
    }
}

