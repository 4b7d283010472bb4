//! Statements: blocks and scopes, assignments and `:=`, control flow (if, for,
//! range, switch, type switch, select), labels and branches, go/defer, return.

use goroscope_syntax::Span;
use goroscope_syntax::ast::{
    AssignOp, Block, BranchKind, CaseClause, CommClause, Decl, Expr, ExprKind, Ident, Stmt,
    StmtKind, UnaryOp,
};

use super::call::strip_parens;
use super::{Checker, OpMode, Operand, Target};
use crate::constant::Value;
use crate::info::CallKind;
use crate::lookup::missing_method;
use crate::objects::{Builtin, ObjKind, ObjectId, VarRole};
use crate::printer::expr_string;
use crate::types::{ChanDir, Type, TypeId};

impl<'a> Checker<'a> {
    pub(crate) fn block(&mut self, b: &Block) {
        self.open_scope();
        for s in &b.stmts {
            self.stmt(s);
        }
        self.close_scope();
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) {
        self.stmt_labeled(s, None);
    }

    fn stmt_labeled(&mut self, s: &Stmt, label: Option<&Ident>) {
        match &s.kind {
            StmtKind::Bad | StmtKind::Empty => {}
            StmtKind::Decl(d) => match d {
                Decl::Const(g) => self.local_consts(&g.specs),
                Decl::Var(g) => self.local_vars(&g.specs),
                Decl::Type(g) => self.local_types(&g.specs),
                Decl::Func(f) => self.error(f.name.span, "function declaration inside a function"),
                Decl::Bad(_) => {}
            },
            StmtKind::Labeled { label, stmt } => {
                self.declare_label(label);
                self.stmt_labeled(stmt, Some(label));
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => self.send(s.span, ch, value),
            StmtKind::IncDec { x, inc } => {
                let xo = self.expr(x);
                if xo.is_invalid() {
                    return;
                }
                if !self.info.types.is_numeric(xo.ty) {
                    let (es, ts) = (expr_string(x), self.info.types.msg(xo.ty));
                    let op = if *inc { "++" } else { "--" };
                    self.error(
                        x.span,
                        format!("invalid operation: {es}{op} (non-numeric type {ts})"),
                    );
                    return;
                }
                self.check_assignable_target(x, &xo);
            }
            StmtKind::Assign {
                lhs,
                op,
                op_span,
                rhs,
            } => match op {
                AssignOp::Define => self.short_var_decl(lhs, rhs, *op_span),
                AssignOp::Assign => self.assign(lhs, rhs),
                AssignOp::Op(bop) => {
                    let (Some(x), Some(y)) = (lhs.first(), rhs.first()) else {
                        return;
                    };
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error(
                            *op_span,
                            format!(
                                "assignment operation {}= requires single-valued expressions",
                                bop.as_str()
                            ),
                        );
                        return;
                    }
                    let xo = self.expr(x);
                    let yo = self.expr(y);
                    if xo.is_invalid() || yo.is_invalid() {
                        return;
                    }
                    let es = format!("{} {}= {}", expr_string(x), bop.as_str(), expr_string(y));
                    let r = self.binary_operands(&es, x, *bop, x, xo.clone(), y, yo);
                    if !r.is_invalid() {
                        self.check_assignable_target(x, &xo);
                    }
                }
            },
            StmtKind::Go(e) => self.go_defer(e, "go"),
            StmtKind::Defer(e) => self.go_defer(e, "defer"),
            StmtKind::Return(results) => self.return_stmt(s.span, results),
            StmtKind::Branch { kind, label } => self.branch(s.span, *kind, label.as_ref()),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                self.open_scope();
                if let Some(init) = &i.init {
                    self.stmt(init);
                }
                self.condition(&i.cond, "if");
                self.block(&i.then);
                if let Some(els) = &i.els {
                    self.stmt(els);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, clauses } => {
                self.switch(label, init.as_deref(), tag.as_ref(), clauses)
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => self.type_switch(label, init.as_deref(), bind.as_ref(), x, clauses),
            StmtKind::Select { clauses } => self.select(label, clauses),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init);
                }
                if let Some(c) = cond {
                    self.condition(c, "for");
                }
                if let Some(post) = post {
                    if let StmtKind::Assign {
                        op: AssignOp::Define,
                        op_span,
                        ..
                    } = &post.kind
                    {
                        self.error(*op_span, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(post);
                    }
                }
                self.loop_body(label, true, body);
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(label, key.as_ref(), value.as_ref(), *define, x, body),
        }
    }

    fn loop_body(&mut self, label: Option<&Ident>, is_loop: bool, body: &Block) {
        self.push_target(label, is_loop);
        self.block(body);
        self.pop_target();
    }

    fn push_target(&mut self, label: Option<&Ident>, is_loop: bool) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.push(Target {
                label: label.map(|l| l.name.clone()),
                is_loop,
            });
        }
    }

    fn pop_target(&mut self) {
        if let Some(f) = self.funcs.last_mut() {
            f.targets.pop();
        }
    }

    fn condition(&mut self, c: &Expr, what: &str) {
        let mut x = self.expr(c);
        if x.is_invalid() {
            return;
        }
        if !self.info.types.is_boolean(x.ty) {
            self.error(c.span, format!("non-boolean condition in {what} statement"));
            return;
        }
        let _ = self.convert_untyped(&mut x, c, TypeId::BOOL);
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let x = self.raw_expr(e, true);
        if x.is_invalid() && x.mode == OpMode::Invalid {
            return;
        }
        let inner = strip_parens(e);
        let used = match &inner.kind {
            ExprKind::Call { .. } => match self.info.call(inner.id).map(|c| c.kind.clone()) {
                Some(CallKind::Conversion(_)) => false,
                Some(CallKind::Builtin(b)) => matches!(
                    b,
                    Builtin::Copy
                        | Builtin::Delete
                        | Builtin::Panic
                        | Builtin::Print
                        | Builtin::Println
                        | Builtin::Recover
                        | Builtin::Close
                        | Builtin::Clear
                ),
                _ => true,
            },
            ExprKind::Unary {
                op: UnaryOp::Recv, ..
            } => true,
            _ => false,
        };
        if !used {
            let d = x.describe(e, &self.info.types);
            self.error(e.span, format!("{d} is not used"));
        }
    }

    fn send(&mut self, at: Span, ch: &Expr, value: &Expr) {
        let c = self.expr(ch);
        let mut v = self.expr(value);
        if c.is_invalid() || v.is_invalid() {
            return;
        }
        let core = self.info.types.core_type(c.ty).unwrap_or(TypeId::INVALID);
        match self.info.types.get(core).clone() {
            Type::Chan {
                dir: ChanDir::Recv, ..
            } => {
                let d = c.describe(ch, &self.info.types);
                let ts = self.info.types.msg(c.ty);
                self.error(
                    at,
                    format!("invalid operation: cannot send to receive-only channel {ts} {d}"),
                );
            }
            Type::Chan { elem, .. } => {
                self.assignment(&mut v, value, elem, "send");
            }
            _ => {
                let d = c.describe(ch, &self.info.types);
                let ts = self.info.types.msg(c.ty);
                self.error(
                    at,
                    format!("invalid operation: cannot send to non-channel {ts} {d}"),
                );
            }
        }
    }

    /// Reports a target of `=`, `op=` or `++` that is neither addressable nor a map
    /// index expression.
    fn check_assignable_target(&mut self, e: &Expr, x: &Operand) -> bool {
        if matches!(x.mode, OpMode::Variable | OpMode::MapIndex) {
            return true;
        }
        if x.is_invalid() {
            return false;
        }
        let d = x.describe(e, &self.info.types);
        let es = expr_string(e);
        let msg = match x.mode {
            OpMode::Value | OpMode::CommaOk
                if !matches!(strip_parens(e).kind, ExprKind::Selector { .. })
                    || x.val.is_some() =>
            {
                format!("cannot assign to {es} (neither addressable nor a map index expression)")
            }
            OpMode::Constant => {
                format!("cannot assign to {es} (neither addressable nor a map index expression)")
            }
            _ => format!("cannot assign to {d}"),
        };
        let msg = if let ExprKind::Selector { x: base, .. } = &strip_parens(e).kind {
            match self.info.expr(base.id).map(|t| t.mode) {
                Some(crate::info::Mode::MapIndex) => {
                    format!("cannot assign to struct field {es} in map")
                }
                _ => msg,
            }
        } else {
            msg
        };
        // Go positions a slice expression at its `[`.
        let at = match &strip_parens(e).kind {
            ExprKind::Slice { x, .. } => Span::at(x.span.end),
            _ => e.span,
        };
        self.error(at, msg);
        false
    }

    /// The type a left-hand side of `=` accepts (`None` for `_`).
    fn lhs_target(&mut self, e: &Expr) -> Option<TypeId> {
        if let ExprKind::Ident(id) = &e.kind {
            if id.name == "_" {
                return None;
            }
            let x = self.ident(id, false);
            self.record(e, &x);
            if x.is_invalid() {
                return Some(TypeId::INVALID);
            }
            if x.mode != OpMode::Variable {
                let d = x.describe(e, &self.info.types);
                let msg = match x.mode {
                    OpMode::Constant | OpMode::Value => format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        expr_string(e)
                    ),
                    _ => format!("cannot assign to {d}"),
                };
                self.error(e.span, msg);
                return Some(TypeId::INVALID);
            }
            return Some(x.ty);
        }
        let x = self.expr(e);
        if !self.check_assignable_target(e, &x) {
            return Some(TypeId::INVALID);
        }
        Some(x.ty)
    }

    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let targets: Vec<Option<TypeId>> = lhs.iter().map(|e| self.lhs_target(e)).collect();
        if targets.contains(&Some(TypeId::INVALID)) {
            for r in rhs {
                self.raw_expr(r, false);
            }
            return;
        }
        self.init_values(&targets, rhs, "assignment");
    }

    fn short_var_decl(&mut self, lhs: &[Expr], rhs: &[Expr], op_span: Span) {
        let mut idents: Vec<&Ident> = Vec::new();
        let mut ok = true;
        for e in lhs {
            match &e.kind {
                ExprKind::Ident(id) => {
                    if id.name != "_" && idents.iter().any(|i| i.name == id.name) {
                        self.error(id.span, format!("{} repeated on left side of :=", id.name));
                        ok = false;
                    }
                    idents.push(id);
                }
                _ => {
                    let s = expr_string(e);
                    self.error(e.span, format!("non-name {s} on left side of :="));
                    ok = false;
                }
            }
        }
        if !ok {
            for r in rhs {
                self.raw_expr(r, false);
            }
            return;
        }
        let existing: Vec<Option<ObjectId>> = idents
            .iter()
            .map(|id| {
                if id.name == "_" {
                    return None;
                }
                self.lookup_local_scope(&id.name)
                    .filter(|&o| matches!(self.info.objects[o.index()].kind, ObjKind::Var(_)))
            })
            .collect();
        let any_new = idents
            .iter()
            .zip(&existing)
            .any(|(id, o)| id.name != "_" && o.is_none());
        if !any_new {
            self.error(op_span, "no new variables on left side of :=");
        }
        let targets: Vec<Option<TypeId>> = existing
            .iter()
            .map(|o| o.map(|o| self.info.objects[o.index()].ty))
            .collect();
        let types = self.init_values(&targets, rhs, "assignment");
        for ((id, e), (old, t)) in idents.iter().zip(lhs).zip(existing.iter().zip(types)) {
            match old {
                Some(o) => {
                    self.record_ident(id, *o);
                    self.use_object(*o, false);
                    let x = Operand {
                        mode: OpMode::Variable,
                        ty: t,
                        val: None,
                    };
                    self.record(e, &x);
                }
                None if id.name == "_" => {}
                None => {
                    self.declare_var(id, t, VarRole::Local);
                    let x = Operand {
                        mode: OpMode::Variable,
                        ty: t,
                        val: None,
                    };
                    self.record(e, &x);
                }
            }
        }
    }

    fn go_defer(&mut self, e: &Expr, what: &str) {
        if matches!(e.kind, ExprKind::Paren(_)) {
            self.error(
                e.span,
                format!("expression in {what} must not be parenthesized"),
            );
            self.raw_expr(e, true);
            return;
        }
        if !matches!(e.kind, ExprKind::Call { .. }) {
            self.raw_expr(e, true);
            self.error(
                e.span,
                format!("expression in {what} must be function call"),
            );
            return;
        }
        let x = self.raw_expr(e, true);
        if x.is_invalid() && x.mode == OpMode::Invalid {
            return;
        }
        match self.info.call(e.id).map(|c| c.kind.clone()) {
            Some(CallKind::Conversion(_)) => self.error(
                e.span,
                format!("{what} requires function call, not conversion"),
            ),
            Some(CallKind::Builtin(b))
                if !matches!(
                    b,
                    Builtin::Copy
                        | Builtin::Delete
                        | Builtin::Panic
                        | Builtin::Print
                        | Builtin::Println
                        | Builtin::Recover
                        | Builtin::Close
                        | Builtin::Clear
                ) =>
            {
                let s = expr_string(e);
                self.error(e.span, format!("{what} discards result of {s}"));
            }
            _ => {}
        }
    }

    fn return_stmt(&mut self, at: Span, results: &[Expr]) {
        let Some(ctx) = self.funcs.last() else { return };
        let want = ctx.results.clone();
        let named = !ctx.named_results.is_empty();
        if results.is_empty() {
            if !want.is_empty() && !named {
                let w = self.type_list(&want);
                self.error(
                    at,
                    format!("not enough return values\n\thave ()\n\twant ({w})"),
                );
            }
            return;
        }
        let ops: Vec<Operand> = if results.len() == 1 && want.len() != 1 {
            let x = self.raw_expr(&results[0], false);
            match self.info.types.get(x.ty).clone() {
                Type::Tuple(ts) if x.mode != OpMode::Invalid => {
                    ts.into_iter().map(Operand::value).collect()
                }
                _ => vec![x],
            }
        } else {
            results.iter().map(|r| self.expr(r)).collect()
        };
        if ops.iter().any(Operand::is_invalid) && results.len() != 1 {
            return;
        }
        if ops.len() != want.len() {
            let have = ops
                .iter()
                .map(|x| {
                    if self.info.types.is_untyped(x.ty) && self.info.types.is_numeric(x.ty) {
                        "number".to_string()
                    } else {
                        self.info.types.msg(x.ty).replace("untyped ", "")
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let w = self.type_list(&want);
            let (what, pos) = if ops.len() < want.len() {
                ("not enough", results.last().map_or(at, |r| r.span))
            } else {
                ("too many", results[want.len().min(results.len() - 1)].span)
            };
            self.error(
                pos,
                format!("{what} return values\n\thave ({have})\n\twant ({w})"),
            );
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            for (x, t) in ops.iter().zip(&want) {
                if let Err(why) = self.assignable(x, *t) {
                    let (xs, ts) = (self.info.types.msg(x.ty), self.info.types.msg(*t));
                    let w = why.map(|w| format!(": {w}")).unwrap_or_default();
                    let s = expr_string(&results[0]);
                    self.error(results[0].span, format!("cannot use {s} (value of type {xs}) as {ts} value in return statement{w}"));
                }
            }
            return;
        }
        for ((mut x, r), t) in ops.into_iter().zip(results).zip(want) {
            self.assignment(&mut x, r, t, "return statement");
        }
    }

    fn type_list(&self, ts: &[TypeId]) -> String {
        ts.iter()
            .map(|t| self.info.types.msg(*t))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn branch(&mut self, at: Span, kind: BranchKind, label: Option<&Ident>) {
        let word = match kind {
            BranchKind::Goto => {
                // Mark the label used so only the unsupported goto is reported.
                if let (Some(l), Some(f)) = (label, self.funcs.last_mut())
                    && let Some(entry) = f.labels.get_mut(&l.name)
                {
                    entry.1 = true;
                }
                self.error(at, "goto is not supported by Goroscope");
                return;
            }
            BranchKind::Fallthrough => {
                self.error(at, "fallthrough statement out of place");
                return;
            }
            BranchKind::Break => "break",
            BranchKind::Continue => "continue",
        };
        let Some(ctx) = self.funcs.last_mut() else {
            return;
        };
        match label {
            Some(l) => {
                let Some(&(o, _)) = ctx.labels.get(&l.name) else {
                    self.error(l.span, format!("{word} label not defined: {}", l.name));
                    return;
                };
                ctx.labels.insert(l.name.clone(), (o, true));
                let target = ctx
                    .targets
                    .iter()
                    .rev()
                    .find(|t| t.label.as_deref() == Some(&l.name));
                let valid = match target {
                    Some(t) => kind == BranchKind::Break || t.is_loop,
                    None => false,
                };
                self.record_ident(l, o);
                if !valid {
                    self.error(l.span, format!("invalid {word} label {}", l.name));
                }
            }
            None => {
                let valid = match kind {
                    BranchKind::Break => !ctx.targets.is_empty(),
                    _ => ctx.targets.iter().any(|t| t.is_loop),
                };
                if !valid {
                    let msg = if kind == BranchKind::Break {
                        "break is not in a loop, switch, or select"
                    } else {
                        "continue is not in a loop"
                    };
                    self.error(at, msg);
                }
            }
        }
    }

    /// Checks a clause body; a final `fallthrough` is allowed when `fallthrough` says
    /// so (`Err(message)` otherwise).
    fn clause_body(&mut self, body: &[Stmt], fallthrough: Result<(), &str>) {
        let last = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty));
        for (i, s) in body.iter().enumerate() {
            if Some(i) == last
                && let StmtKind::Branch {
                    kind: BranchKind::Fallthrough,
                    ..
                } = s.kind
            {
                if let Err(msg) = fallthrough {
                    self.error(s.span, msg);
                }
                continue;
            }
            self.stmt(s);
        }
    }

    fn switch(
        &mut self,
        label: Option<&Ident>,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        clauses: &[CaseClause],
    ) {
        self.open_scope();
        if let Some(init) = init {
            self.stmt(init);
        }
        let tag_op = tag.map(|t| {
            let mut x = self.expr(t);
            if x.is_nil() {
                self.error(t.span, "use of untyped nil in switch expression");
                return Operand::invalid();
            }
            if self.info.types.is_untyped(x.ty) {
                let d = self.info.types.default_type(x.ty);
                let _ = self.convert_untyped(&mut x, t, d);
            }
            x
        });
        self.push_target(label, false);
        let mut seen: Vec<(Value, TypeId)> = Vec::new();
        let mut defaults = 0;
        for (ci, c) in clauses.iter().enumerate() {
            match &c.list {
                None => {
                    defaults += 1;
                    if defaults > 1 {
                        self.error(c.span, "multiple defaults in switch");
                    }
                }
                Some(list) => {
                    for v in list {
                        let mut y = self.expr(v);
                        if y.is_invalid() {
                            continue;
                        }
                        match (&tag_op, tag) {
                            (Some(tx), Some(te)) => {
                                if tx.is_invalid() {
                                    continue;
                                }
                                let mut tx = tx.clone();
                                if !self.case_matches(&mut y, v, &mut tx, te) {
                                    continue;
                                }
                            }
                            _ => {
                                if !self.info.types.is_boolean(y.ty) {
                                    let (vs, ys) = (expr_string(v), self.info.types.msg(y.ty));
                                    self.error(v.span, format!("invalid case {vs} in switch (mismatched types {ys} and bool)"));
                                    continue;
                                }
                                let _ = self.convert_untyped(&mut y, v, TypeId::BOOL);
                            }
                        }
                        if let (Some(val), true) = (&y.val, y.is_const()) {
                            if seen.iter().any(|(sv, st)| sv == val && *st == y.ty) {
                                let d = y.describe(v, &self.info.types);
                                self.error(
                                    v.span,
                                    format!("duplicate case {d} in expression switch"),
                                );
                            }
                            seen.push((val.clone(), y.ty));
                        }
                    }
                }
            }
            self.open_scope();
            let fall = if ci + 1 == clauses.len() {
                Err("cannot fallthrough final case in switch")
            } else {
                Ok(())
            };
            self.clause_body(&c.body, fall);
            self.close_scope();
        }
        self.pop_target();
        self.close_scope();
    }

    /// A case value compared with the switch tag.
    fn case_matches(&mut self, y: &mut Operand, v: &Expr, tx: &mut Operand, te: &Expr) -> bool {
        let ok = if self.info.types.is_untyped(y.ty) {
            let t = tx.ty;
            let target = if self.info.types.is_interface(t) && !y.is_nil() {
                self.info.types.default_type(y.ty)
            } else {
                t
            };
            if self.convert_untyped(y, v, target).is_err() {
                let d = y.describe(v, &self.info.types);
                let ts = self.info.types.msg(target);
                self.error(v.span, format!("cannot convert {d} to type {ts}"));
                return false;
            }
            true
        } else {
            true
        };
        let comparable_pair =
            ok && (self.assignable(y, tx.ty).is_ok() || self.assignable(tx, y.ty).is_ok());
        if !comparable_pair {
            let (vs, ts) = (expr_string(v), expr_string(te));
            let (ys, xs) = (self.info.types.msg(y.ty), self.info.types.msg(tx.ty));
            self.error(
                v.span,
                format!("invalid case {vs} in switch on {ts} (mismatched types {ys} and {xs})"),
            );
            return false;
        }
        if !y.is_nil() && !self.info.types.comparable(y.ty) {
            let (vs, ts) = (expr_string(v), expr_string(te));
            self.error(
                v.span,
                format!("invalid case {vs} in switch on {ts} (incomparable type)"),
            );
            return false;
        }
        self.note_interface_conversion(y, v, tx.ty);
        self.note_interface_conversion(tx, te, y.ty);
        true
    }

    fn type_switch(
        &mut self,
        label: Option<&Ident>,
        init: Option<&Stmt>,
        bind: Option<&Ident>,
        x: &Expr,
        clauses: &[CaseClause],
    ) {
        self.open_scope();
        if let Some(init) = init {
            self.stmt(init);
        }
        let xo = self.expr(x);
        let valid = !xo.is_invalid();
        if valid && !self.info.types.is_interface(xo.ty) {
            let d = xo.describe(x, &self.info.types);
            let msg = if self.info.types.is_type_param(xo.ty) {
                format!("cannot use type switch on type parameter value {d}")
            } else {
                format!("{d} is not an interface")
            };
            self.error(x.span, msg);
        }
        let iface_ok = valid && self.info.types.is_interface(xo.ty);
        self.push_target(label, false);
        let mut seen: Vec<TypeId> = Vec::new();
        let mut seen_nil = false;
        let mut clause_vars = Vec::new();
        let mut defaults = 0;
        for c in clauses {
            let mut single: Option<TypeId> = None;
            match &c.list {
                None => {
                    defaults += 1;
                    if defaults > 1 {
                        self.error(c.span, "multiple defaults in switch");
                    }
                }
                Some(list) => {
                    for (k, te) in list.iter().enumerate() {
                        if self.is_nil_ident(te) {
                            self.raw_expr(te, true);
                            if seen_nil {
                                self.error(
                                    te.span,
                                    "multiple nil cases in type switch (first at earlier case)",
                                );
                            }
                            seen_nil = true;
                            continue;
                        }
                        let t = self.type_expr(te);
                        if t == TypeId::INVALID || !iface_ok {
                            continue;
                        }
                        if list.len() == 1 && k == 0 {
                            single = Some(t);
                        }
                        if seen.contains(&t) {
                            let ts = expr_string(te);
                            self.error(te.span, format!("duplicate case {ts} in type switch"));
                        }
                        seen.push(t);
                        if !self.info.types.is_interface(t)
                            && let Some(why) = missing_method(&self.info, t, xo.ty)
                        {
                            let d = xo.describe(x, &self.info.types);
                            let ts = expr_string(te);
                            self.error(te.span, format!("impossible type switch case: {d} cannot have dynamic type {ts} {why}"));
                        }
                    }
                }
            }
            self.open_scope();
            if let Some(b) = bind {
                let t = single.unwrap_or(if valid { xo.ty } else { TypeId::INVALID });
                let kind = ObjKind::Var(crate::objects::VarInfo {
                    role: VarRole::Local,
                    addr_taken: false,
                    captured: false,
                });
                let o = self.new_object(&b.name, kind, t, b.span);
                let f = self.cur_func();
                self.extra(o).func = f;
                if let Some(slot) = self.info.implicits.get_mut(c.id.index()) {
                    *slot = Some(o);
                }
                if b.name != "_"
                    && let Some(s) = self.scopes.last_mut()
                {
                    s.insert(b.name.clone(), o);
                }
                clause_vars.push(o);
            }
            self.clause_body(&c.body, Err("cannot fallthrough in type switch"));
            self.close_scope();
        }
        if let Some(b) = bind
            && b.name != "_"
            && !clause_vars.iter().any(|&o| self.is_used(o))
        {
            self.error(b.span, format!("{} declared and not used", b.name));
        }
        self.pop_target();
        self.close_scope();
    }

    fn is_nil_ident(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(id) if id.name == "nil" => self
                .lookup("nil")
                .is_some_and(|o| matches!(self.info.objects[o.index()].kind, ObjKind::Nil)),
            _ => false,
        }
    }

    fn select(&mut self, label: Option<&Ident>, clauses: &[CommClause]) {
        self.push_target(label, false);
        let mut defaults = 0;
        for c in clauses {
            self.open_scope();
            match c.comm.as_deref() {
                None => {
                    defaults += 1;
                    if defaults > 1 {
                        self.error(c.span, "multiple defaults in select");
                    }
                }
                Some(s) => {
                    let valid = match &s.kind {
                        StmtKind::Send { .. } => true,
                        StmtKind::Expr(e) => is_recv(e),
                        StmtKind::Assign {
                            op: AssignOp::Assign | AssignOp::Define,
                            rhs,
                            ..
                        } => rhs.len() == 1 && is_recv(&rhs[0]),
                        _ => false,
                    };
                    if !valid {
                        let msg = "select case must be send or receive (possibly with assignment)";
                        self.error(s.span, msg);
                    }
                    self.stmt(s);
                }
            }
            for s in &c.body {
                self.stmt(s);
            }
            self.close_scope();
        }
        self.pop_target();
    }

    fn range(
        &mut self,
        label: Option<&Ident>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) {
        self.open_scope();
        let mut xo = self.expr(x);
        let (kt, vt) = if xo.is_invalid() {
            (TypeId::INVALID, Some(TypeId::INVALID))
        } else {
            match self.range_types(x, &mut xo, value) {
                Some(kv) => kv,
                None => (TypeId::INVALID, Some(TypeId::INVALID)),
            }
        };
        let vars = [(key, Some(kt)), (value, vt)];
        for (e, t) in vars {
            let (Some(e), Some(t)) = (e, t) else { continue };
            if define {
                match &e.kind {
                    ExprKind::Ident(id) => {
                        if id.name == "_" {
                            continue;
                        }
                        self.declare_var(id, t, VarRole::Local);
                        self.record(
                            e,
                            &Operand {
                                mode: OpMode::Variable,
                                ty: t,
                                val: None,
                            },
                        );
                    }
                    _ => {
                        let s = expr_string(e);
                        self.error(e.span, format!("non-name {s} on left side of :="));
                    }
                }
            } else if let Some(target) = self.lhs_target(e)
                && t != TypeId::INVALID
                && target != TypeId::INVALID
            {
                let mut v = Operand::value(t);
                if let Err(why) = self.assignable(&v, target) {
                    let (vs, ts) = (self.info.types.msg(t), self.info.types.msg(target));
                    let w = why.map(|w| format!(": {w}")).unwrap_or_default();
                    let es = expr_string(e);
                    self.error(
                        e.span,
                        format!(
                            "cannot use {es} (value of type {vs}) as {ts} value in range clause{w}"
                        ),
                    );
                }
                v.mode = OpMode::Value;
            }
        }
        self.loop_body(label, true, body);
        self.close_scope();
    }

    /// Key and value types of ranging over `xo` (value `None` when ranging permits
    /// only one variable).
    fn range_types(
        &mut self,
        x: &Expr,
        xo: &mut Operand,
        value: Option<&Expr>,
    ) -> Option<(TypeId, Option<TypeId>)> {
        let d = xo.describe(x, &self.info.types);
        if self.info.types.is_untyped(xo.ty)
            && xo.is_const()
            && self.info.types.is_numeric(xo.ty)
            && self.convert_untyped(xo, x, TypeId::INT).is_err()
        {
            self.error(x.span, format!("cannot range over {d}"));
            return None;
        }
        let core = self.info.types.core_type(xo.ty).unwrap_or(TypeId::INVALID);
        let r = match self.info.types.get(core).clone() {
            Type::Basic(k) if k.is_integer() => (xo.ty, None),
            Type::Basic(k) if k.is_string() => {
                if self.info.types.is_untyped(xo.ty) {
                    let _ = self.convert_untyped(xo, x, TypeId::STRING);
                }
                (TypeId::INT, Some(TypeId::INT32))
            }
            Type::Array { elem, .. } => (TypeId::INT, Some(elem)),
            Type::Slice(elem) => (TypeId::INT, Some(elem)),
            Type::Pointer(p) => match self.info.types.under(p).clone() {
                Type::Array { elem, .. } => (TypeId::INT, Some(elem)),
                _ => {
                    self.error(x.span, format!("cannot range over {d}"));
                    return None;
                }
            },
            Type::Map { key, elem } => (key, Some(elem)),
            Type::Chan { dir, elem } => {
                if dir == ChanDir::Send {
                    let ts = self.info.types.msg(xo.ty);
                    self.error(
                        x.span,
                        format!("cannot range over {d}: receive from send-only channel {ts}"),
                    );
                    return None;
                }
                (elem, None)
            }
            Type::Signature(_) => {
                self.error(x.span, "range over function is not supported by Goroscope");
                return None;
            }
            _ => {
                self.error(x.span, format!("cannot range over {d}"));
                return None;
            }
        };
        if let (Some(v), None) = (value, r.1) {
            self.error(
                v.span,
                format!("range over {d} permits only one iteration variable"),
            );
            return None;
        }
        Some(r)
    }
}

fn is_recv(e: &Expr) -> bool {
    matches!(
        strip_parens(e).kind,
        ExprKind::Unary {
            op: UnaryOp::Recv,
            ..
        }
    )
}
