//! Prints expressions the way Go's type checker quotes them in messages
//! (`count * ratio`, `sum(values)`, `func(n int) int {…}`, `[]int{…}`).

use goroscope_syntax::ast::{ArrayLen, BasicLit, ChanDir, Expr, ExprKind, FuncType, Param};

use crate::constant::quote;

/// Go's short form of `e`: function bodies and composite literal contents elided.
pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(&mut s, e, 0);
    s
}

fn write_expr(s: &mut String, e: &Expr, depth: u32) {
    if depth > 64 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Bad => s.push('_'),
        ExprKind::Ident(i) => s.push_str(&i.name),
        ExprKind::BasicLit(l) => match l {
            BasicLit::Int(t) | BasicLit::Float(t) | BasicLit::Imag(t) => s.push_str(t),
            BasicLit::Rune(c) => s.push_str(&rune_literal(*c)),
            BasicLit::String { value, raw: true } => {
                s.push('`');
                s.push_str(&String::from_utf8_lossy(value));
                s.push('`');
            }
            BasicLit::String { value, raw: false } => s.push_str(&quote(value)),
        },
        ExprKind::CompositeLit { ty, elts } => {
            if let Some(t) = ty {
                write_expr(s, t, d);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, .. } => {
            s.push_str("func");
            write_sig(s, sig, d);
            s.push_str(" {…}");
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(s, x, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index { x, indices } => {
            write_expr(s, x, d);
            s.push('[');
            write_list(s, indices, d);
            s.push(']');
        }
        ExprKind::Slice { x, low, high, max } => {
            write_expr(s, x, d);
            s.push('[');
            if let Some(l) = low {
                write_expr(s, l, d);
            }
            s.push(':');
            if let Some(h) = high {
                write_expr(s, h, d);
            }
            if let Some(m) = max {
                s.push(':');
                write_expr(s, m, d);
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x, d);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(s, func, d);
            s.push('(');
            write_list(s, args, d);
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x, d);
        }
        ExprKind::Unary { op, x } => {
            s.push_str(op.as_str());
            write_expr(s, x, d);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(s, x, d);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(s, y, d);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                ArrayLen::Expr(l) => write_expr(s, l, d),
                ArrayLen::Ellipsis(_) => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem, d);
        }
        ExprKind::SliceType { elem } => {
            s.push_str("[]");
            write_expr(s, elem, d);
        }
        ExprKind::MapType { key, value } => {
            s.push_str("map[");
            write_expr(s, key, d);
            s.push(']');
            write_expr(s, value, d);
        }
        ExprKind::ChanType { dir, elem } => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, elem, d);
        }
        ExprKind::FuncType(sig) => {
            s.push_str("func");
            write_sig(s, sig, d);
        }
        ExprKind::StructType { fields } => {
            s.push_str(if fields.is_empty() {
                "struct{}"
            } else {
                "struct{…}"
            });
        }
        ExprKind::InterfaceType { elems } => {
            s.push_str(if elems.is_empty() {
                "interface{}"
            } else {
                "interface{…}"
            });
        }
    }
}

fn write_list(s: &mut String, es: &[Expr], d: u32) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(s, e, d);
    }
}

fn write_params(s: &mut String, ps: &[Param], d: u32) {
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        for (k, n) in p.names.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            s.push_str(&n.name);
        }
        if !p.names.is_empty() {
            s.push(' ');
        }
        if p.variadic {
            s.push_str("...");
        }
        write_expr(s, &p.ty, d);
    }
}

fn write_sig(s: &mut String, sig: &FuncType, d: u32) {
    s.push('(');
    write_params(s, &sig.params, d);
    s.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] if r.names.is_empty() => {
            s.push(' ');
            write_expr(s, &r.ty, d);
        }
        rs => {
            s.push_str(" (");
            write_params(s, rs, d);
            s.push(')');
        }
    }
}

/// A Go rune literal for code point `c` (`'a'`, `'\n'`, `'\x00'`).
pub fn rune_literal(c: u32) -> String {
    match char::from_u32(c) {
        Some('\'') => "'\\''".into(),
        Some('\\') => "'\\\\'".into(),
        Some('\n') => "'\\n'".into(),
        Some('\t') => "'\\t'".into(),
        Some('\r') => "'\\r'".into(),
        Some(ch) if !ch.is_control() => format!("'{ch}'"),
        _ if c < 0x100 => format!("'\\x{c:02x}'"),
        _ => format!("'\\u{c:04x}'"),
    }
}
