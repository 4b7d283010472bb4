//! Statements: simple statements, blocks, control flow headers (`if`, `for`,
//! `switch`, `select`), clauses, branches and labels.

use super::{Parser, STMT_DEPTH};
use crate::ast::{AssignOp, Block, BranchKind, CaseClause, CommClause, Expr, ExprKind, IfStmt, Stmt, StmtKind};
use crate::printer::expr_string;
use crate::span::Span;
use crate::token::{SemiKind, Tok};

/// A simple statement, or a range clause (only in a `for` header).
enum Simple {
    Stmt(Stmt),
    Range { span: Span, key: Option<Expr>, value: Option<Expr>, define: bool, x: Expr },
}

/// What follows `switch [init;]`: a type switch guard `[bind :=] x.(type)`, or a tag.
enum SwitchGuard {
    Type { bind: Option<crate::ast::Ident>, x: Expr },
    Tag(Box<Stmt>),
}

/// What a control clause header holds before it is interpreted.
struct Header {
    init: Option<Stmt>,
    /// The condition (or switch tag / type switch guard) as a statement.
    cond: Option<Stmt>,
    post: Option<Stmt>,
    range: Option<Simple>,
}

impl Parser<'_> {
    /// `{ StatementList }`; `context` names what the block belongs to, for the
    /// error when `{` is missing.
    pub(super) fn block(&mut self, context: &str) -> Block {
        let start = self.start();
        if !self.got(Tok::LBrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Ident, Tok::RBrace]);
            if self.got(Tok::RBrace) {
                return Block { span: self.span_from(start), stmts: Vec::new() };
            }
        }
        let stmts = self.stmt_list();
        self.want(Tok::RBrace);
        Block { span: self.span_from(start), stmts }
    }

    /// StatementList = { Statement ";" } ; stops before `}`, `case`, `default`.
    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(self.tok(), Tok::Eof | Tok::RBrace | Tok::Case | Tok::Default) {
            let Some(stmt) = self.stmt_or_none() else { break };
            list.push(stmt);
            // ";" is optional before "}"
            if !self.got(Tok::Semi) && self.tok() != Tok::RBrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::RBrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        list
    }

    fn stmt_or_none(&mut self) -> Option<Stmt> {
        if !self.enter(STMT_DEPTH) {
            self.advance(&[]);
            return Some(Stmt { span: Span::at(self.prev_end), kind: StmtKind::Bad });
        }
        let stmt = self.stmt_inner();
        self.leave(STMT_DEPTH);
        stmt
    }

    fn stmt_inner(&mut self) -> Option<Stmt> {
        let start = self.start();
        let kind = match self.tok() {
            Tok::Ident => {
                let lhs = self.expr_list();
                if lhs.len() == 1 && self.tok() == Tok::Colon
                    && let ExprKind::Ident(label) = &lhs[0].kind {
                        return Some(self.labeled_stmt(label.clone()));
                    }
                return Some(self.simple_stmt_only(Some(lhs)));
            }
            Tok::Var | Tok::Const | Tok::Type => StmtKind::Decl(self.gen_decl()),
            Tok::LBrace => StmtKind::Block(self.block("")),
            Tok::Add
            | Tok::Sub
            | Tok::Star
            | Tok::And
            | Tok::Xor
            | Tok::Not
            | Tok::Int
            | Tok::Float
            | Tok::Imag
            | Tok::Rune
            | Tok::String
            | Tok::Func
            | Tok::LParen
            | Tok::LBrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => return Some(self.simple_stmt_only(None)),
            Tok::For => return Some(self.for_stmt()),
            Tok::Switch => return Some(self.switch_stmt()),
            Tok::Select => return Some(self.select_stmt()),
            Tok::If => return Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                StmtKind::Branch { kind: BranchKind::Fallthrough, label: None }
            }
            Tok::Break | Tok::Continue => {
                let kind = if self.tok() == Tok::Break { BranchKind::Break } else { BranchKind::Continue };
                self.next();
                let label = if self.tok() == Tok::Ident { Some(self.name()) } else { None };
                StmtKind::Branch { kind, label }
            }
            Tok::Goto => {
                self.next();
                StmtKind::Branch { kind: BranchKind::Goto, label: Some(self.name()) }
            }
            Tok::Go | Tok::Defer => {
                let keyword = self.tok();
                self.next();
                let x = self.primary_expr(None);
                let x = match x.kind {
                    ExprKind::Paren(inner) => {
                        let word = if keyword == Tok::Go { "go" } else { "defer" };
                        self.error_at(x.span, format!("expression in {word} must not be parenthesized"));
                        *inner
                    }
                    kind => Expr { kind, ..x },
                };
                if keyword == Tok::Go { StmtKind::Go(x) } else { StmtKind::Defer(x) }
            }
            Tok::Return => {
                self.next();
                let results =
                    if matches!(self.tok(), Tok::Semi | Tok::RBrace) { Vec::new() } else { self.expr_list() };
                StmtKind::Return(results)
            }
            Tok::Semi => return Some(Stmt { span: Span::at(start), kind: StmtKind::Empty }),
            _ => return None,
        };
        Some(Stmt { span: self.span_from(start), kind })
    }

    fn labeled_stmt(&mut self, label: crate::ast::Ident) -> Stmt {
        let start = label.span.start;
        let colon = Span::at(self.start());
        self.want(Tok::Colon);
        let stmt = if self.tok() == Tok::RBrace {
            // A label right before `}` labels an empty statement.
            Stmt { span: Span::at(self.start()), kind: StmtKind::Empty }
        } else if let Some(stmt) = self.stmt_or_none() {
            stmt
        } else {
            self.syntax_error_at(colon, "missing statement after label");
            Stmt { span: Span::at(self.start()), kind: StmtKind::Bad }
        };
        Stmt { span: self.span_from(start), kind: StmtKind::Labeled { label, stmt: Box::new(stmt) } }
    }

    /// A simple statement where a range clause is not permitted.
    fn simple_stmt_only(&mut self, lhs: Option<Vec<Expr>>) -> Stmt {
        match self.simple_stmt(lhs, None) {
            Simple::Stmt(s) => s,
            Simple::Range { span, .. } => Stmt { span, kind: StmtKind::Bad },
        }
    }

    /// SimpleStmt = ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl,
    /// plus range clauses when `keyword` is `for`.
    fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> Simple {
        let start = lhs.as_ref().and_then(|l| l.first()).map_or(self.start(), |x| x.span.start);
        if keyword == Some(Tok::For) && self.tok() == Tok::Range {
            return self.range_clause(start, Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(lhs) => lhs,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && !matches!(self.tok(), Tok::Assign | Tok::Define) {
            let x = lhs.pop().expect("one expression");
            let op_span = self.cur().span;
            let kind = match self.tok() {
                Tok::AssignOp(op) => {
                    self.next();
                    let rhs = self.expr();
                    StmtKind::Assign { lhs: vec![x], op: AssignOp::Op(op), op_span, rhs: vec![rhs] }
                }
                Tok::Inc | Tok::Dec => {
                    let inc = self.tok() == Tok::Inc;
                    self.next();
                    StmtKind::IncDec { x, inc }
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    StmtKind::Send { ch: x, value }
                }
                _ => StmtKind::Expr(x),
            };
            return Simple::Stmt(Stmt { span: self.span_from(start), kind });
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let op = if self.tok() == Tok::Define { AssignOp::Define } else { AssignOp::Assign };
                let op_span = self.cur().span;
                self.next();
                if keyword == Some(Tok::For) && self.tok() == Tok::Range {
                    return self.range_clause(start, lhs, op == AssignOp::Define);
                }
                let rhs = self.expr_list();
                Simple::Stmt(Stmt { span: self.span_from(start), kind: StmtKind::Assign { lhs, op, op_span, rhs } })
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::RBrace]);
                let x = lhs.swap_remove(0);
                Simple::Stmt(Stmt { span: self.span_from(start), kind: StmtKind::Expr(x) })
            }
        }
    }

    /// At `range`: `range x`, with the already parsed iteration variables.
    fn range_clause(&mut self, start: u32, lhs: Vec<Expr>, define: bool) -> Simple {
        self.next(); // range
        let x = self.expr();
        let mut vars = lhs.into_iter();
        let key = vars.next();
        let value = vars.next();
        if let Some(extra) = vars.next() {
            self.error_at(extra.span, "range clause permits at most two iteration variables".to_string());
        }
        Simple::Range { span: self.span_from(start), key, value, define, x }
    }

    /// The header of `if`, `for` or `switch` after its keyword, up to `{`.
    fn header(&mut self, keyword: Tok) -> Header {
        let mut h = Header { init: None, cond: None, post: None, range: None };
        if self.tok() == Tok::LBrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;
        let keyword_name = match keyword {
            Tok::If => "if",
            Tok::For => "for",
            _ => "switch",
        };

        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!("var declaration not allowed in {keyword_name} initializer"));
            }
            match self.simple_stmt(None, Some(keyword)) {
                range @ Simple::Range { .. } => {
                    h.range = Some(range);
                    self.xnest = outer;
                    return h;
                }
                Simple::Stmt(s) => h.init = Some(s),
            }
        }

        let mut semi = None;
        if self.tok() != Tok::LBrace {
            if self.tok() == Tok::Semi {
                semi = Some(self.cur());
                self.next();
            } else {
                self.want(Tok::LBrace);
                if self.tok() != Tok::LBrace {
                    self.advance(&[Tok::LBrace, Tok::RBrace]);
                }
            }
            if keyword == Tok::For {
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::LBrace {
                        self.syntax_error("expected for loop condition");
                        self.xnest = outer;
                        return h;
                    }
                    h.cond = Some(self.simple_stmt_only(None));
                }
                self.want(Tok::Semi);
                if self.tok() != Tok::LBrace {
                    let post = self.simple_stmt_only(None);
                    if let StmtKind::Assign { op: AssignOp::Define, op_span, .. } = post.kind {
                        self.syntax_error_at(Span::at(op_span.start), "cannot declare in post statement of for loop");
                    }
                    h.post = Some(post);
                }
            } else if self.tok() != Tok::LBrace {
                h.cond = Some(self.simple_stmt_only(None));
            }
        } else {
            h.cond = h.init.take();
        }

        if keyword == Tok::If && h.cond.is_none()
            && let Some(semi) = semi {
                let msg = match semi.semi {
                    SemiKind::Written => "missing condition in if statement".to_string(),
                    SemiKind::Newline => "unexpected newline, expected { after if clause".to_string(),
                    SemiKind::Eof => "unexpected EOF, expected { after if clause".to_string(),
                };
                self.syntax_error_at(Span::at(semi.span.start), &msg);
            }
        self.xnest = outer;
        h
    }

    /// The condition of an `if` or `for`, which must be an expression.
    fn cond_expr(&mut self, cond: Stmt) -> Expr {
        match cond.kind {
            StmtKind::Expr(x) => x,
            StmtKind::Assign { lhs, op: AssignOp::Assign, rhs, op_span } => {
                let side = |list: &[Expr], src: &str| {
                    let text = list.iter().map(|x| expr_string(src, x)).collect::<Vec<_>>().join(", ");
                    if list.len() == 1 && matches!(list[0].kind, ExprKind::Binary { .. }) { format!("({text})") } else { text }
                };
                let msg = format!("cannot use assignment {} = {} as value", side(&lhs, self.src), side(&rhs, self.src));
                // gc positions an assignment at its operator.
                self.syntax_error_at(Span::at(op_span.start), &msg);
                self.mk(cond.span, ExprKind::Bad)
            }
            kind => {
                let at = match kind {
                    StmtKind::Assign { op_span, .. } => op_span.start,
                    _ => cond.span.start,
                };
                let text = cond.span.text(self.src).to_string();
                self.syntax_error_at(Span::at(at), &format!("cannot use {text} as value"));
                self.mk(cond.span, ExprKind::Bad)
            }
        }
    }

    fn if_stmt(&mut self) -> Stmt {
        let start = self.start();
        self.next(); // if
        let h = self.header(Tok::If);
        let cond = match h.cond {
            Some(cond) => self.cond_expr(cond),
            None => self.bad_expr(),
        };
        let then = self.block("if clause");
        let els = if self.got(Tok::Else) {
            match self.tok() {
                Tok::If if self.enter(STMT_DEPTH) => {
                    let els = self.if_stmt();
                    self.leave(STMT_DEPTH);
                    Some(Box::new(els))
                }
                Tok::If => {
                    self.advance(&[Tok::RBrace]);
                    None
                }
                Tok::LBrace => {
                    let block = self.block("");
                    Some(Box::new(Stmt { span: block.span, kind: StmtKind::Block(block) }))
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Ident, Tok::RBrace]);
                    None
                }
            }
        } else {
            None
        };
        let init = h.init.map(Box::new);
        Stmt { span: self.span_from(start), kind: StmtKind::If(IfStmt { init, cond, then, els }) }
    }

    fn for_stmt(&mut self) -> Stmt {
        let start = self.start();
        self.next(); // for
        let h = self.header(Tok::For);
        if let Some(Simple::Range { key, value, define, x, .. }) = h.range {
            let body = self.block("for clause");
            return Stmt { span: self.span_from(start), kind: StmtKind::Range { key, value, define, x, body } };
        }
        let cond = h.cond.map(|c| self.cond_expr(c));
        let body = self.block("for clause");
        let kind = StmtKind::For { init: h.init.map(Box::new), cond, post: h.post.map(Box::new), body };
        Stmt { span: self.span_from(start), kind }
    }

    fn switch_stmt(&mut self) -> Stmt {
        let start = self.start();
        self.next(); // switch
        let h = self.header(Tok::Switch);
        let init = h.init.map(Box::new);
        let guard = h.cond.map(|cond| match cond.kind {
            StmtKind::Expr(Expr { kind: ExprKind::TypeAssert { x, ty: None }, .. }) => SwitchGuard::Type { bind: None, x: *x },
            StmtKind::Assign { mut lhs, op: AssignOp::Define, mut rhs, .. }
                if lhs.len() == 1
                    && rhs.len() == 1
                    && matches!(lhs[0].kind, ExprKind::Ident(_))
                    && matches!(rhs[0].kind, ExprKind::TypeAssert { ty: None, .. }) =>
            {
                let (Some(Expr { kind: ExprKind::Ident(bind), .. }), Some(Expr { kind: ExprKind::TypeAssert { x, .. }, .. })) =
                    (lhs.pop(), rhs.pop())
                else {
                    unreachable!("shapes checked by the guard")
                };
                SwitchGuard::Type { bind: Some(bind), x: *x }
            }
            kind => SwitchGuard::Tag(Box::new(Stmt { span: cond.span, kind })),
        });

        if !self.got(Tok::LBrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::RBrace]);
        }
        let mut clauses = Vec::new();
        while !matches!(self.tok(), Tok::Eof | Tok::RBrace) {
            clauses.push(self.case_clause());
        }
        self.want(Tok::RBrace);
        let kind = match guard {
            Some(SwitchGuard::Type { bind, x }) => StmtKind::TypeSwitch { init, bind, x, clauses },
            Some(SwitchGuard::Tag(tag)) => {
                let tag = self.cond_expr(*tag);
                StmtKind::Switch { init, tag: Some(tag), clauses }
            }
            None => StmtKind::Switch { init, tag: None, clauses },
        };
        Stmt { span: self.span_from(start), kind }
    }

    fn case_clause(&mut self) -> CaseClause {
        let start = self.start();
        let list = match self.tok() {
            Tok::Case => {
                self.next();
                Some(self.expr_list())
            }
            Tok::Default => {
                self.next();
                None
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace]);
                None
            }
        };
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause { id: self.new_id(), span: self.span_from(start), list, body }
    }

    fn select_stmt(&mut self) -> Stmt {
        let start = self.start();
        self.next(); // select
        if !self.got(Tok::LBrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::RBrace]);
        }
        let mut clauses = Vec::new();
        while !matches!(self.tok(), Tok::Eof | Tok::RBrace) {
            clauses.push(self.comm_clause());
        }
        self.want(Tok::RBrace);
        Stmt { span: self.span_from(start), kind: StmtKind::Select { clauses } }
    }

    fn comm_clause(&mut self) -> CommClause {
        let start = self.start();
        let comm = match self.tok() {
            Tok::Case => {
                self.next();
                Some(Box::new(self.simple_stmt_only(None)))
            }
            Tok::Default => {
                self.next();
                None
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace]);
                None
            }
        };
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CommClause { span: self.span_from(start), comm, body }
    }
}
