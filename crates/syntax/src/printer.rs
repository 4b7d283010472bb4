//! Go-syntax rendering of expressions, in the short form Go's compiler uses inside
//! error messages (`count * ratio`, `fmt.Println(x)`, `T{…}`, `func() {…}`).
//!
//! Literals are printed as written in the source, so the source text is needed.

use crate::ast::{ArrayLen, ChanDir, Expr, ExprKind, Field, FuncType, InterfaceElem, Param};

/// The expression as Go's error messages print it.
pub fn expr_string(src: &str, x: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, src, x);
    out
}

fn write_list(out: &mut String, src: &str, list: &[Expr]) {
    for (i, x) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, src, x);
    }
}

fn write_expr(out: &mut String, src: &str, x: &Expr) {
    match &x.kind {
        ExprKind::Bad => out.push_str("BadExpr"),
        ExprKind::Ident(ident) => out.push_str(&ident.name),
        ExprKind::BasicLit(_) => out.push_str(x.span.text(src)),
        ExprKind::CompositeLit { ty, .. } => {
            if let Some(ty) = ty {
                write_expr(out, src, ty);
            }
            out.push_str("{…}");
        }
        ExprKind::FuncLit { sig, .. } => {
            write_sig(out, src, "func", sig);
            out.push_str(" {…}");
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write_expr(out, src, inner);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(out, src, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(out, src, x);
            out.push('[');
            write_list(out, src, indices);
            out.push(']');
        }
        ExprKind::Slice { x, low, high, max } => {
            write_expr(out, src, x);
            out.push('[');
            for (i, part) in [low, high, max].into_iter().enumerate() {
                if i == 2 && part.is_none() {
                    break;
                }
                if i > 0 {
                    out.push(':');
                }
                if let Some(part) = part {
                    write_expr(out, src, part);
                }
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(out, src, x);
            out.push_str(".(");
            match ty {
                Some(ty) => write_expr(out, src, ty),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call { func, args, ellipsis } => {
            write_expr(out, src, func);
            out.push('(');
            write_list(out, src, args);
            if ellipsis.is_some() {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(inner) => {
            out.push('*');
            write_expr(out, src, inner);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(op.as_str());
            write_expr(out, src, x);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(out, src, x);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, src, y);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                ArrayLen::Expr(len) => write_expr(out, src, len),
                ArrayLen::Ellipsis(_) => out.push_str("..."),
            }
            out.push(']');
            write_expr(out, src, elem);
        }
        ExprKind::SliceType { elem } => {
            out.push_str("[]");
            write_expr(out, src, elem);
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            write_expr(out, src, key);
            out.push(']');
            write_expr(out, src, value);
        }
        ExprKind::ChanType { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(out, src, elem);
        }
        ExprKind::FuncType(sig) => write_sig(out, src, "func", sig),
        ExprKind::StructType { fields } => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                write_field(out, src, f);
            }
            out.push('}');
        }
        ExprKind::InterfaceType { elems } => {
            out.push_str("interface{");
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match e {
                    InterfaceElem::Method { name, sig, .. } => write_sig(out, src, &name.name, sig),
                    InterfaceElem::Type(t) => write_expr(out, src, t),
                }
            }
            out.push('}');
        }
    }
}

fn write_field(out: &mut String, src: &str, f: &Field) {
    let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
    out.push_str(&names.join(", "));
    if !names.is_empty() {
        out.push(' ');
    }
    write_expr(out, src, &f.ty);
}

/// `prefix(params) results`, e.g. `func(a int) string`.
fn write_sig(out: &mut String, src: &str, prefix: &str, sig: &FuncType) {
    out.push_str(prefix);
    write_params(out, src, &sig.params);
    match sig.results.as_slice() {
        [] => {}
        [single] if single.names.is_empty() => {
            out.push(' ');
            write_expr(out, src, &single.ty);
        }
        results => {
            out.push(' ');
            write_params(out, src, results);
        }
    }
}

fn write_params(out: &mut String, src: &str, params: &[Param]) {
    out.push('(');
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let names: Vec<&str> = p.names.iter().map(|n| n.name.as_str()).collect();
        out.push_str(&names.join(", "));
        if !names.is_empty() {
            out.push(' ');
        }
        if p.variadic {
            out.push_str("...");
        }
        write_expr(out, src, &p.ty);
    }
    out.push(')');
}

#[cfg(test)]
mod tests {
    use super::expr_string;
    use crate::ast::{Decl, StmtKind};

    /// Prints the right-hand side of `x := EXPR` inside a function body.
    fn print(expr: &str) -> String {
        let src = format!("package main\nfunc main() {{\n\tx := {expr}\n}}\n");
        let parsed = crate::parse_file(&src);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let Some(Decl::Func(f)) = parsed.file.decls.first() else { panic!("no func") };
        let body = f.body.as_ref().expect("body");
        let StmtKind::Assign { rhs, .. } = &body.stmts[0].kind else { panic!("not an assignment") };
        expr_string(&src, &rhs[0])
    }

    #[test]
    fn expressions_print_like_gc_messages() {
        for (src, want) in [
            ("count*ratio", "count * ratio"),
            ("fmt.Println(a, b...)", "fmt.Println(a, b...)"),
            ("-x + (y - z)", "-x + (y - z)"),
            ("<-ch", "<-ch"),
            ("*p", "*p"),
            ("xs[1:len(xs)]", "xs[1:len(xs)]"),
            ("xs[:]", "xs[:]"),
            ("xs[a:b:c]", "xs[a:b:c]"),
            ("v.(fmt.Stringer)", "v.(fmt.Stringer)"),
            ("[]int{1, 2}", "[]int{…}"),
            ("map[string][]*T{}", "map[string][]*T{…}"),
            ("func(a, b int) (string, error) { return }", "func(a, b int) (string, error) {…}"),
            ("make(chan<- int, 3)", "make(chan<- int, 3)"),
            ("make(<-chan int)", "make(<-chan int)"),
            ("\"q\\n\"", "\"q\\n\""),
            ("[...]byte{'a'}", "[...]byte{…}"),
            ("Map[int, string](xs, f)", "Map[int, string](xs, f)"),
            ("struct{ a int }{}", "struct{a int}{…}"),
            ("func(xs ...int) {}", "func(xs ...int) {…}"),
        ] {
            assert_eq!(print(src), want, "{src}");
        }
    }
}
