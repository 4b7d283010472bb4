//! Expressions: operators with Go's precedence, primary expressions (selectors,
//! index/slice, assertions, calls, composite literals), operands and literals.

use super::Parser;
use crate::ast::{BasicLit, ChanDir, Element, Expr, ExprKind, UnaryOp};
use crate::literal;
use crate::span::Span;
use crate::token::Tok;

impl Parser<'_> {
    pub(super) fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    /// `expr { "," expr }`.
    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(Tok::Comma) {
            list.push(self.expr());
        }
        list
    }

    /// Parses operators binding tighter than `prec`, starting from `x` if given.
    /// Left-associative chains are built in a loop, so long chains do not recurse.
    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        let mut links = 0;
        while let Some(op) = self.tok().binary_op() {
            let op_prec = op.precedence();
            if op_prec <= prec || !self.enter(1) {
                break;
            }
            links += 1;
            let op_span = self.cur().span;
            self.next();
            let y = self.binary_expr(None, op_prec);
            let span = x.span.to(y.span);
            x = self.mk(span, ExprKind::Binary { op, op_span, x: Box::new(x), y: Box::new(y) });
        }
        self.leave(links);
        x
    }

    pub(super) fn unary_expr(&mut self) -> Expr {
        if !self.enter(1) {
            return self.bad_expr();
        }
        let x = self.unary_expr_inner();
        self.leave(1);
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        let start = self.start();
        let op = match self.tok() {
            Tok::Add => UnaryOp::Pos,
            Tok::Sub => UnaryOp::Neg,
            Tok::Not => UnaryOp::Not,
            Tok::Xor => UnaryOp::BitNot,
            Tok::And => UnaryOp::Addr,
            Tok::Tilde => UnaryOp::Tilde,
            Tok::Star => {
                self.next();
                let x = self.unary_expr();
                let span = self.span_from(start);
                return self.mk(span, ExprKind::Star(Box::new(x)));
            }
            Tok::Arrow => {
                self.next();
                let mut x = self.unary_expr();
                let span = self.span_from(start);
                if matches!(x.kind, ExprKind::ChanType { .. }) {
                    // `<-chan T` is a receive-only channel type, not a receive.
                    self.reassociate_recv_chan(&mut x);
                    x.span = span;
                    return x;
                }
                return self.mk(span, ExprKind::Unary { op: UnaryOp::Recv, x: Box::new(x) });
            }
            _ => return self.primary_expr(None),
        };
        self.next();
        let x = self.unary_expr();
        let span = self.span_from(start);
        self.mk(span, ExprKind::Unary { op, x: Box::new(x) })
    }

    /// `<-` followed by a channel type: `<-(chan E)` becomes `<-chan E`, and
    /// `<-(chan<- E)` becomes `<-chan (<-E)` (E being a channel type again).
    fn reassociate_recv_chan(&mut self, x: &mut Expr) {
        let mut dir = ChanDir::Send;
        let mut t = x;
        while dir == ChanDir::Send {
            let ExprKind::ChanType { dir: d, elem } = &mut t.kind else { break };
            dir = *d;
            if dir == ChanDir::Recv {
                self.syntax_error("unexpected <-, expected chan");
            }
            *d = ChanDir::Recv;
            t = elem;
        }
        if dir == ChanDir::Send {
            self.syntax_error("unexpected <-, expected chan");
        }
    }

    /// PrimaryExpr: an operand followed by selectors, indices, slices, assertions,
    /// calls and composite literal bodies.
    pub(super) fn primary_expr(&mut self, x: Option<Expr>) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        let mut links = 0;
        while matches!(self.tok(), Tok::Dot | Tok::LBrack | Tok::LParen | Tok::LBrace) && self.enter(1) {
            links += 1;
            let start = x.span.start;
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Ident => {
                            let sel = self.name();
                            let span = self.span_from(start);
                            x = self.mk(span, ExprKind::Selector { x: Box::new(x), sel });
                        }
                        Tok::LParen => {
                            self.next();
                            let ty = if self.got(Tok::Type) { None } else { Some(Box::new(self.type_())) };
                            self.want(Tok::RParen);
                            let span = self.span_from(start);
                            x = self.mk(span, ExprKind::TypeAssert { x: Box::new(x), ty });
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::RParen]);
                        }
                    }
                }
                Tok::LBrack => x = self.index_or_slice(x),
                Tok::LParen => {
                    self.next();
                    let (args, ellipsis) = self.arg_list();
                    let span = self.span_from(start);
                    x = self.mk(span, ExprKind::Call { func: Box::new(x), args, ellipsis });
                }
                Tok::LBrace => {
                    let inner = unparen(&x);
                    let complit_ok = match &inner.kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !is_value(inner),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit(Some(x));
                }
                _ => break,
            }
        }
        self.leave(links);
        x
    }

    /// After `x`: `[i]`, `[T1, T2]`, `[lo:hi]` or `[lo:hi:max]`.
    fn index_or_slice(&mut self, x: Expr) -> Expr {
        let start = x.span.start;
        self.next(); // [
        let mut low = None;
        if self.tok() != Tok::Colon {
            let mut indices = Vec::new();
            let mut comma = false;
            if self.tok() == Tok::RBrack {
                self.syntax_error("expected operand");
                indices.push(self.bad_expr());
            } else {
                self.xnest += 1;
                indices.push(self.expr());
                while self.got(Tok::Comma) {
                    comma = true;
                    if self.tok() == Tok::RBrack {
                        break;
                    }
                    indices.push(self.expr());
                }
                self.xnest -= 1;
            }
            if comma || self.tok() == Tok::RBrack {
                self.want(Tok::RBrack);
                let span = self.span_from(start);
                return self.mk(span, ExprKind::Index { x: Box::new(x), indices });
            }
            low = indices.pop().map(Box::new);
        }
        if !self.got(Tok::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Tok::Comma, Tok::Colon, Tok::RBrack]);
            self.got(Tok::Colon);
        }
        self.xnest += 1;
        let mut high = None;
        let mut max = None;
        if self.tok() != Tok::Colon && self.tok() != Tok::RBrack {
            high = Some(Box::new(self.expr()));
        }
        if self.tok() == Tok::Colon {
            if high.is_none() {
                self.error_at(Span::at(self.start()), "middle index required in 3-index slice".to_string());
                high = Some(Box::new(self.bad_expr()));
            }
            self.next();
            if self.tok() != Tok::RBrack {
                max = Some(Box::new(self.expr()));
            } else {
                self.error_at(Span::at(self.start()), "final index required in 3-index slice".to_string());
                max = Some(Box::new(self.bad_expr()));
            }
        }
        self.xnest -= 1;
        self.want(Tok::RBrack);
        let span = self.span_from(start);
        self.mk(span, ExprKind::Slice { x: Box::new(x), low, high, max })
    }

    /// Call arguments after `(`, through `)`; the last may be followed by `...`.
    fn arg_list(&mut self) -> (Vec<Expr>, Option<Span>) {
        let mut args = Vec::new();
        let mut ellipsis = None;
        self.xnest += 1;
        self.list("argument list", Tok::Comma, Tok::RParen, |p| {
            args.push(p.expr());
            if p.tok() == Tok::Ellipsis {
                ellipsis = Some(p.cur().span);
                p.next();
            }
            ellipsis.is_some()
        });
        self.xnest -= 1;
        (args, ellipsis)
    }

    fn operand(&mut self) -> Expr {
        let start = self.start();
        match self.tok() {
            Tok::Ident => {
                let ident = self.name();
                Self::ident_expr(ident)
            }
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::String => {
                let lit = self.basic_lit();
                let span = self.span_from(start);
                self.mk(span, ExprKind::BasicLit(lit))
            }
            Tok::LParen => {
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::RParen);
                let span = self.span_from(start);
                self.mk(span, ExprKind::Paren(Box::new(x)))
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type(start, Some("function type"));
                if self.tok() == Tok::LBrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    let span = self.span_from(start);
                    return self.mk(span, ExprKind::FuncLit { sig, body });
                }
                let span = sig.span;
                self.mk(span, ExprKind::FuncType(sig))
            }
            Tok::LBrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::RParen, Tok::RBrack, Tok::RBrace]);
                x
            }
        }
    }

    /// The current literal token, decoded; escape errors are reported in place.
    pub(super) fn basic_lit(&mut self) -> BasicLit {
        let token = self.cur();
        let text = self.text();
        self.next();
        let report = |p: &mut Self, errors: Vec<literal::LiteralError>| {
            for (at, msg) in errors {
                p.error_at(Span::at(token.span.start + at as u32), msg);
            }
        };
        match token.kind {
            Tok::Int => BasicLit::Int(text.to_string()),
            Tok::Float => BasicLit::Float(text.to_string()),
            Tok::Imag => BasicLit::Imag(text.to_string()),
            Tok::Rune => {
                let (value, errors) = literal::unquote_rune(text);
                report(self, errors);
                BasicLit::Rune(value)
            }
            _ => {
                let (value, errors) = literal::unquote_string(text);
                report(self, errors);
                BasicLit::String { value, raw: text.starts_with('`') }
            }
        }
    }

    /// `{ elements }` with an optional literal type already parsed.
    pub(super) fn complit(&mut self, ty: Option<Expr>) -> Expr {
        let start = ty.as_ref().map_or(self.start(), |t| t.span.start);
        if !self.enter(1) {
            self.advance(&[]);
            let span = self.span_from(start);
            return self.mk(span, ExprKind::Bad);
        }
        let mut elts = Vec::new();
        self.xnest += 1;
        self.want(Tok::LBrace);
        self.list("composite literal", Tok::Comma, Tok::RBrace, |p| {
            let first = p.bare_complit_expr();
            let element = if p.tok() == Tok::Colon {
                p.next();
                let value = p.bare_complit_expr();
                Element { span: first.span.to(value.span), key: Some(first), value }
            } else {
                Element { span: first.span, key: None, value: first }
            };
            elts.push(element);
            false
        });
        self.xnest -= 1;
        self.leave(1);
        let span = self.span_from(start);
        self.mk(span, ExprKind::CompositeLit { ty: ty.map(Box::new), elts })
    }

    /// An element of a composite literal: an expression or an elided literal `{...}`.
    fn bare_complit_expr(&mut self) -> Expr {
        if self.tok() == Tok::LBrace { self.complit(None) } else { self.expr() }
    }
}

/// `x` without any enclosing parentheses.
pub(super) fn unparen(mut x: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// Whether `x` syntactically must be a value (and not a type).
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. }
        | ExprKind::Unary { .. }
        | ExprKind::Binary { .. } => true,
        ExprKind::Paren(inner) => is_value(inner),
        ExprKind::Index { x, indices } => is_value(x) || indices.iter().any(is_value),
        _ => false,
    }
}
