//! Interfaces and maps at run time: type assertions (concrete and interface targets, with
//! Go's `interface conversion` messages), method-set inclusion, and map access with Go's
//! key rules (unhashable dynamic key types panic; nil maps read as empty).

use goroscope_compiler::bytecode::{TypeId, TypeKind};

use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::{Iface, Value};

impl Machine {
    /// Whether dynamic type `ty` has every method of interface type `iface`.
    pub(crate) fn implements(&self, ty: TypeId, iface: TypeId) -> Result<(), String> {
        let TypeKind::Interface { methods } = &self.type_desc(iface).kind else {
            return Err(String::new());
        };
        let have = &self.type_desc(ty).methods;
        for m in methods {
            if have.binary_search_by_key(m, |h| h.name).is_err() {
                return Err(self.prog.symbols[m.0 as usize].clone());
            }
        }
        Ok(())
    }

    fn is_interface(&self, ty: TypeId) -> bool {
        matches!(self.type_desc(ty).kind, TypeKind::Interface { .. })
    }

    /// `v.(ty)`, panicking like Go on failure.
    pub(crate) fn type_assert(
        &mut self,
        v: &Value,
        ty: TypeId,
        src_ty: TypeId,
    ) -> Result<Value, Throw> {
        let src_name = self.type_desc(src_ty).name.clone();
        let src_name = if src_name == "any" {
            "interface {}".to_string()
        } else {
            src_name
        };
        let want = self.type_desc(ty).name.clone();
        let Value::Iface(i) = v else {
            return Err(Throw::RuntimeError(format!(
                "interface conversion: {src_name} is nil, not {want}"
            )));
        };
        if self.is_interface(ty) {
            return match self.implements(i.ty, ty) {
                Ok(()) => Ok(v.clone()),
                Err(missing) => Err(Throw::RuntimeError(format!(
                    "interface conversion: {} is not {want}: missing method {missing}",
                    self.type_desc(i.ty).name
                ))),
            };
        }
        if i.ty == ty {
            return Ok(i.val.clone());
        }
        Err(Throw::RuntimeError(format!(
            "interface conversion: {src_name} is {}, not {want}",
            self.type_desc(i.ty).name
        )))
    }

    /// `v, ok := x.(ty)`.
    pub(crate) fn type_assert_ok(&mut self, v: &Value, ty: TypeId) -> (Value, bool) {
        if let Value::Iface(i) = v {
            if self.is_interface(ty) {
                if self.implements(i.ty, ty).is_ok() {
                    return (v.clone(), true);
                }
            } else if i.ty == ty {
                return (i.val.clone(), true);
            }
        }
        (self.zero(ty), false)
    }

    /// Go panics when a key holds a slice, map or func in an interface anywhere inside it
    /// (see [`unhashable`]). Reading or deleting in a nil or empty map panics with the
    /// plain error of Go's early key check (`hash of unhashable type: T`); any other
    /// access with the hasher's runtime error.
    fn check_hashable(&self, m: &Value, key: &Value, write: bool) -> Result<(), Throw> {
        let Some(bad) = unhashable(key) else {
            return Ok(());
        };
        let name = &self.type_desc(bad.ty).name;
        let empty = !matches!(m, Value::Map(m) if !m.borrow().is_empty());
        Err(if empty && !write {
            Throw::plain(&format!("hash of unhashable type: {name}"))
        } else {
            Throw::RuntimeError(format!("runtime error: hash of unhashable type {name}"))
        })
    }

    /// `m[k]` with the comma-ok flag; `map_ty` gives the zero value for absent keys.
    pub(crate) fn map_get(
        &mut self,
        m: &Value,
        key: &Value,
        map_ty: TypeId,
    ) -> Result<(Value, bool), Throw> {
        self.check_hashable(m, key, false)?;
        if let Value::Map(m) = m
            && let Some(v) = m.borrow().get(key)
        {
            return Ok((v, true));
        }
        Ok((self.elem_zero(map_ty), false))
    }

    /// `delete(m, k)`.
    pub(crate) fn map_delete(&mut self, m: &Value, key: &Value) -> Result<(), Throw> {
        self.check_hashable(m, key, false)?;
        if let Value::Map(m) = m {
            m.borrow_mut().remove(key)
        }
        Ok(())
    }

    /// `m[k] = v`.
    pub(crate) fn map_set(&mut self, m: &Value, key: Value, v: Value) -> Result<(), Throw> {
        self.check_hashable(m, &key, true)?;
        match m {
            Value::Map(m) => m.borrow_mut().insert(key, v),
            _ => Err(Throw::plain("assignment to entry in nil map")),
        }
    }

    /// The panic value of a run-time error: a `runtime.Error` whose `Error()` is `msg`.
    pub(crate) fn runtime_error(&self, msg: String) -> Value {
        Value::iface(self.rt.runtime_error, Value::from_string(msg))
    }

    /// `panic(nil)`'s value since Go 1.21: a `*runtime.PanicNilError`.
    pub(crate) fn panic_nil_error(&self) -> Value {
        Value::iface(
            self.rt.panic_nil_error,
            Value::from_string("panic called with nil argument (use runtime.PanicNilError)".into()),
        )
    }
}

/// The interface inside `key` (the key itself, a field, an array element, an interface in
/// an interface) whose dynamic value is a slice, map or func, which Go cannot hash. Static
/// types are comparable (the checker saw to that), so only interfaces and the aggregates
/// around them are walked; the explicit stack (keys may nest without bound) is allocated
/// only for an aggregate holding interfaces or aggregates, so plain keys, interfaces
/// holding scalars and flat structs cost no allocation.
fn unhashable(key: &Value) -> Option<&Iface> {
    let nested = |v: &&Value| matches!(v, Value::Iface(_) | Value::Agg(_));
    let mut pending: Vec<&Value> = Vec::new();
    let mut next = Some(key);
    while let Some(v) = next.take().or_else(|| pending.pop()) {
        match v {
            Value::Iface(i) => match &i.val {
                Value::Slice(_) | Value::Map(_) | Value::Func(_) => return Some(i),
                inner => next = Some(inner),
            },
            Value::Agg(fields) => pending.extend(fields.iter().rev().filter(nested)),
            _ => {}
        }
    }
    None
}
