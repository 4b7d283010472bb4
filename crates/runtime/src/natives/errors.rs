//! `errors` (New, Is, As, Unwrap, Join) and the `Error()` methods of the error values the
//! runtime creates. Error values are interfaces holding a pointer to a struct (identity
//! matters: two `errors.New("x")` are different errors), as in Go.

use std::rc::Rc;

use goroscope_compiler::bytecode::{TypeId, TypeKind};

use super::{NativeFn, arg, ret, s};
use crate::goroutine::GState;
use crate::interp::{Flow, load_ptr};
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::{FuncVal, Value};

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "errors.New" => new,
        "errors.Is" => is,
        "errors.As" => as_,
        "errors.Unwrap" => unwrap,
        "errors.Join" => join,
        "errors.(*errorString).Error" => error_field0,
        "errors.(*joinError).Error" => join_error,
        "runtime.Error.Error" => runtime_error,
        _ => return None,
    })
}

/// Field `i` of the struct a pointer receiver points to.
pub(super) fn field(p: &Value, i: usize) -> Result<Value, Throw> {
    match load_ptr(p)? {
        Value::Agg(a) => Ok(a.get(i).cloned().unwrap_or_default()),
        _ => Ok(Value::Nil),
    }
}

/// A new `*errors.errorString` with message `msg` (a string value).
pub(crate) fn new_error_string(m: &Machine, msg: Value) -> Value {
    Value::iface(m.rt.error_string, Value::cell(Value::Agg(vec![msg].into())))
}

fn new(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let v = new_error_string(m, arg(g, base, 0));
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

/// `Error()` returning the first field (errorString.s, wrapError.msg).
pub(super) fn error_field0(
    _m: &mut Machine,
    g: &mut GState,
    base: usize,
    _n: usize,
) -> Result<Flow, Throw> {
    let v = field(&arg(g, base, 0), 0)?;
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

fn runtime_error(_m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let v = arg(g, base, 0);
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

fn join_error(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let errs = crate::ops::elems(&field(&arg(g, base, 0), 0)?);
    let mut out = Vec::new();
    for (i, e) in errs.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(m.error_text(g, e)?.as_bytes());
    }
    ret(g, base, 0, s(out));
    Ok(Flow::Next)
}

fn join(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let errs: Vec<Value> = crate::ops::elems(&arg(g, base, 0))
        .into_iter()
        .filter(|e| !e.is_nil())
        .collect();
    let v = if errs.is_empty() {
        Value::Nil
    } else {
        Value::iface(
            m.rt.join_error,
            Value::cell(Value::Agg(vec![Value::slice_from_vec(errs)].into())),
        )
    };
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

impl Machine {
    /// `err.Error()` of an error value.
    pub(crate) fn error_text(&mut self, g: &mut GState, err: &Value) -> Result<String, Throw> {
        Ok(self.call_string_method(g, err).unwrap_or_default())
    }

    /// Calls method `name` (no arguments, one result) of interface value `v`, if its
    /// dynamic type has it.
    fn call_method0(
        &mut self,
        g: &mut GState,
        v: &Value,
        sym: goroscope_compiler::bytecode::SymId,
    ) -> Result<Option<Value>, Throw> {
        let Value::Iface(i) = v else { return Ok(None) };
        let methods = &self.prog.types[i.ty.0 as usize].methods;
        let Ok(k) = methods.binary_search_by_key(&sym, |m| m.name) else {
            return Ok(None);
        };
        let m = methods[k];
        let recv = if m.deref_recv {
            load_ptr(&i.val)?
        } else {
            i.val.clone()
        };
        let fv = Rc::new(FuncVal {
            callee: m.callee,
            recv: None,
            captures: Box::new([]),
        });
        match self.call_nested(g, &fv, &[recv], 1)? {
            Ok(r) => Ok(r.into_iter().next()),
            Err(p) => Err(Throw::Panic(p)),
        }
    }

    /// The errors `err` wraps: `Unwrap() error` gives one, `Unwrap() []error` several.
    fn unwrap_all(&mut self, g: &mut GState, err: &Value) -> Result<Vec<Value>, Throw> {
        let sym = self.rt.sym_unwrap;
        Ok(match self.call_method0(g, err, sym)? {
            Some(Value::Slice(sl)) => sl.to_vec(),
            Some(Value::Nil) | None => Vec::new(),
            Some(e) => vec![e],
        })
    }
}

fn unwrap(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let err = arg(g, base, 0);
    let sym = m.rt.sym_unwrap;
    let v = match m.call_method0(g, &err, sym)? {
        Some(Value::Slice(_)) | None => Value::Nil,
        Some(e) => e,
    };
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

fn is(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let (err, target) = (arg(g, base, 0), arg(g, base, 1));
    if target.is_nil() {
        ret(g, base, 0, Value::Bool(err.is_nil()));
        return Ok(Flow::Next);
    }
    let mut stack = vec![err];
    let mut found = false;
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if e.is_nil() || steps > 10_000 {
            continue;
        }
        if m.equal(&e, &target).unwrap_or(false) {
            found = true;
            break;
        }
        let mut inner = m.unwrap_all(g, &e)?;
        inner.reverse();
        stack.extend(inner);
    }
    ret(g, base, 0, Value::Bool(found));
    Ok(Flow::Next)
}

/// `errors.As(err, &target)`: the first error in the chain assignable to `*target`'s type.
fn as_(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let (err, target) = (arg(g, base, 0), arg(g, base, 1));
    // target is an `any` holding a pointer; its dynamic type is *T.
    let Value::Iface(t) = &target else {
        return Err(Throw::plain("errors: target must be a non-nil pointer"));
    };
    let want: TypeId = match &m.type_desc(t.ty).kind {
        TypeKind::Pointer { elem } => *elem,
        _ => return Err(Throw::plain("errors: target must be a non-nil pointer")),
    };
    let ptr = t.val.clone();
    let want_iface = matches!(m.type_desc(want).kind, TypeKind::Interface { .. });
    let mut stack = vec![err];
    while let Some(e) = stack.pop() {
        let Value::Iface(i) = &e else { continue };
        let hit = if want_iface {
            m.implements(i.ty, want).is_ok()
        } else {
            i.ty == want
        };
        if hit {
            let v = if want_iface { e.clone() } else { i.val.clone() };
            crate::interp::store_ptr(&ptr, v)?;
            ret(g, base, 0, Value::Bool(true));
            return Ok(Flow::Next);
        }
        let mut inner = m.unwrap_all(g, &e)?;
        inner.reverse();
        stack.extend(inner);
    }
    ret(g, base, 0, Value::Bool(false));
    Ok(Flow::Next)
}
