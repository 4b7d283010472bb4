//! Function names as Go prints them in stack traces: `main.worker`, `main.Counter.Get`,
//! `main.(*Counter).Inc`, `main.Map[...]` for generic instantiations (closures are named
//! by their enclosing function: `main.main.func1`, `main.main.func1.1`; init functions
//! are numbered: `main.init.0`).

use goroscope_syntax::ast::Decl;
use goroscope_types::objects::ObjectId;
use goroscope_types::types::{Qualifier, Type, TypeId, TypeTable, package_name};

use crate::lower::Compiler;

/// The name of a declared function or method (`targs` non-empty for an instantiation).
pub fn func_name(c: &Compiler, obj: ObjectId, targs: &[TypeId]) -> String {
    let o = c.info.object(obj);
    let pkg = package_name(o.pkg.as_deref().unwrap_or("main"));
    let base = match o.func_info().and_then(|f| f.recv) {
        Some(r) if r.pointer => return pointer_method(&c.types, r.base, &o.name),
        Some(r) => return method_name(&c.types, r.base, &o.name),
        None if o.name == "init" => return format!("{pkg}.init.{}", init_index(c, obj)),
        None => format!("{pkg}.{}", o.name),
    };
    if targs.is_empty() {
        base
    } else {
        format!("{base}[...]")
    }
}

/// The source-order index of the init function `obj`: Go names them `main.init.0`,
/// `main.init.1`, ...
fn init_index(c: &Compiler, obj: ObjectId) -> usize {
    c.file
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Func(fd) if fd.recv.is_none() && fd.name.name == "init" => {
                c.info.ident(fd.name.id)
            }
            _ => None,
        })
        .position(|o| o == obj)
        .unwrap_or(0)
}

/// `pkg.T.name` for a method of `recv`, or `pkg.(*T).name` when `recv` is `*T`.
pub fn method_name(types: &TypeTable, recv: TypeId, name: &str) -> String {
    if let Type::Pointer(e) = types.get(recv) {
        return pointer_method(types, *e, name);
    }
    format!("{}.{name}", qualified(types, recv))
}

fn pointer_method(types: &TypeTable, base: TypeId, name: &str) -> String {
    let q = qualified(types, base);
    match q.split_once('.') {
        Some((pkg, t)) if types.named(base).is_some() => format!("{pkg}.(*{t}).{name}"),
        _ => format!("(*{q}).{name}"),
    }
}

fn qualified(types: &TypeTable, t: TypeId) -> String {
    match types.named(t) {
        Some(n) => format!(
            "{}.{}",
            package_name(n.pkg.as_deref().unwrap_or("main")),
            n.name
        ),
        None => types.type_string(t, Qualifier::Reflect),
    }
}
