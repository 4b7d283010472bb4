//! The recursive-descent parser: tokens to [`ast::File`], never failing.
//!
//! Structure follows Go's own parser (cmd/compile/internal/syntax): one token of
//! lookahead, errors worded like gc's, and recovery by skipping to a follow set
//! ([`Parser::advance`]). Submodules: `decl` (file, declarations), `expr`
//! (expressions), `types` (type expressions, parameter and field lists), `stmt`.
//!
//! Termination invariant: every loop over a list either consumes a token per
//! iteration or stops; `advance` with an empty follow set consumes exactly one
//! non-EOF token. Nesting is bounded by [`MAX_DEPTH`] so hostile input cannot
//! overflow the stack.

mod decl;
mod expr;
mod stmt;
mod types;

use std::collections::BTreeSet;

use crate::ast::{self, Expr, ExprKind, Ident, NodeId};
use crate::diagnostic::Diagnostic;
use crate::lexer;
use crate::span::{LineIndex, Span};
use crate::token::{SemiKind, Tok, Token};

/// Bound on nesting, in units: each nested expression or type level, and each link
/// of a left-deep chain (`a.b.c`, `a + b + c`), costs one unit; a nested statement
/// costs [`STMT_DEPTH`] units because its parse frames are much larger. Keeping
/// the tree shallow also bounds the recursion of every later pass (and of `Drop`).
const MAX_DEPTH: u32 = 200;

/// Depth units charged per nested statement.
pub(super) const STMT_DEPTH: u32 = 4;

/// gc stops after this many errors.
const MAX_ERRORS: usize = 10;

/// Keywords that start a statement: recovery inside a function body never skips them.
const STOPSET: &[Tok] = &[
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
];

pub(crate) fn parse(src: &str) -> (ast::File, Vec<Diagnostic>) {
    let mut lex_diags = Vec::new();
    let toks = lexer::tokenize(src, &mut lex_diags);
    let lines = LineIndex::new(src);
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        prev_end: 0,
        next_id: 0,
        diags: lex_diags,
        lines,
        syntax_error_lines: BTreeSet::new(),
        xnest: 0,
        fnest: 0,
        depth: 0,
    };
    let file = p.file();
    let mut diags = p.diags;
    diags.sort_by_key(|d| d.span.start);
    diags.truncate(MAX_ERRORS);
    (file, diags)
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    /// Ends with `Eof`; `pos` never moves past it.
    toks: Vec<Token>,
    pos: usize,
    /// End offset of the last consumed token.
    prev_end: u32,
    next_id: u32,
    diags: Vec<Diagnostic>,
    lines: LineIndex,
    /// Lines that already have a syntax error: like gc, report at most one per line
    /// (other errors, such as malformed literals, are not limited).
    syntax_error_lines: BTreeSet<u32>,
    /// Expression nesting level; negative inside a control clause header, where
    /// `name {` starts a block rather than a composite literal.
    xnest: i32,
    /// Function body nesting level (statement keywords stop error recovery inside).
    fnest: u32,
    depth: u32,
}

impl<'a> Parser<'a> {
    // ----- tokens -----

    fn tok(&self) -> Tok {
        self.toks[self.pos].kind
    }

    fn cur(&self) -> Token {
        self.toks[self.pos]
    }

    fn peek(&self, ahead: usize) -> Tok {
        self.toks.get(self.pos + ahead).map_or(Tok::Eof, |t| t.kind)
    }

    fn start(&self) -> u32 {
        self.toks[self.pos].span.start
    }

    fn text(&self) -> &'a str {
        self.toks[self.pos].span.text(self.src)
    }

    /// Span from `start` to the end of the last consumed token.
    fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    fn next(&mut self) {
        if self.tok() != Tok::Eof {
            self.prev_end = self.toks[self.pos].span.end;
            self.pos += 1;
        }
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.describe()));
            self.advance(&[]);
        }
    }

    /// Like `got(Assign)`, but also accepts `:=` with an error.
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    /// Skips tokens until one in `follow` (or EOF, or inside a function a statement
    /// keyword). With an empty `follow`, consumes exactly one token (unless at EOF).
    fn advance(&mut self, follow: &[Tok]) {
        if follow.is_empty() {
            self.next();
            return;
        }
        loop {
            let t = self.tok();
            if t == Tok::Eof || follow.contains(&t) || (self.fnest > 0 && STOPSET.contains(&t)) {
                return;
            }
            self.next();
        }
    }

    // ----- errors -----

    fn error_at(&mut self, span: Span, message: String) {
        if self.diags.len() >= 4 * MAX_ERRORS {
            return;
        }
        if message.starts_with("syntax error") {
            let line = self.lines.line_col(span.start).0;
            if !self.syntax_error_lines.insert(line) {
                return;
            }
        }
        self.diags.push(Diagnostic::new(span, message));
    }

    /// Reports a syntax error at the current token, in gc's phrasing: messages
    /// starting with `in `, `at `, `after ` or `expected ` are prefixed with
    /// `unexpected TOKEN`.
    fn syntax_error(&mut self, msg: &str) {
        let span = Span::at(self.start());
        self.syntax_error_at(span, msg);
    }

    fn syntax_error_at(&mut self, span: Span, msg: &str) {
        if self.tok() == Tok::Eof && !self.diags.is_empty() {
            return; // avoid meaningless follow-up errors
        }
        let full = if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!("syntax error: unexpected {} {msg}", self.describe_current())
        } else if msg.starts_with("expected ") {
            format!("syntax error: unexpected {}, {msg}", self.describe_current())
        } else {
            format!("syntax error: {msg}")
        };
        self.error_at(span, full);
    }

    fn describe_current(&self) -> String {
        let t = self.cur();
        match t.kind {
            Tok::Ident => format!("name {}", self.text()),
            Tok::Semi => match t.semi {
                SemiKind::Written => "semicolon".to_string(),
                SemiKind::Newline => "newline".to_string(),
                SemiKind::Eof => "EOF".to_string(),
            },
            k if k.is_literal() => format!("literal {}", self.text()),
            k => k.describe(),
        }
    }

    // ----- nodes -----

    fn new_id(&mut self) -> NodeId {
        let id = NodeId(self.next_id);
        self.next_id += 1;
        id
    }

    fn mk(&mut self, span: Span, kind: ExprKind) -> Expr {
        Expr { id: self.new_id(), span, kind }
    }

    fn bad_expr(&mut self) -> Expr {
        let at = Span::at(self.start());
        self.mk(at, ExprKind::Bad)
    }

    /// An identifier used as an expression: shares the identifier's id and span.
    fn ident_expr(ident: Ident) -> Expr {
        Expr { id: ident.id, span: ident.span, kind: ExprKind::Ident(ident) }
    }

    /// Parses a name; on anything else reports `expected name`, consumes one token
    /// and returns `_`.
    fn name(&mut self) -> Ident {
        if self.tok() == Tok::Ident {
            let ident = Ident { id: self.new_id(), name: self.text().to_string(), span: self.cur().span };
            self.next();
            return ident;
        }
        let ident = Ident { id: self.new_id(), name: "_".to_string(), span: Span::at(self.start()) };
        self.syntax_error("expected name");
        self.advance(&[]);
        ident
    }

    /// `first { "," name }`.
    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut names = vec![first];
        while self.got(Tok::Comma) {
            names.push(self.name());
        }
        names
    }

    /// `[ f { sep f } [sep] ] close`: calls `f` for each element until `close` (or
    /// EOF); `f` returning true ends the list. Returns the span of `close`.
    fn list(&mut self, context: &str, sep: Tok, close: Tok, mut f: impl FnMut(&mut Self) -> bool) -> Span {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                let msg = format!("in {context}; possibly missing {} or {}", sep.describe(), close.describe());
                self.syntax_error(&msg);
                self.advance(&[Tok::RParen, Tok::RBrack, Tok::RBrace]);
                if self.tok() != close {
                    return Span::at(self.start());
                }
            }
        }
        let close_span = Span::at(self.start());
        self.want(close);
        close_span
    }

    /// Enters `units` of nesting; false (with an error) when input nests too deeply.
    fn enter(&mut self, units: u32) -> bool {
        if self.depth + units > MAX_DEPTH {
            self.syntax_error("nesting too deep");
            return false;
        }
        self.depth += units;
        true
    }

    fn leave(&mut self, units: u32) {
        self.depth -= units;
    }
}
