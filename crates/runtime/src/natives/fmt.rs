//! `fmt`: converts run-time values into `goroscope_fmt::Value` trees (what `reflect`
//! would see, with `Error()`/`String()` results attached by calling the user's methods
//! on this goroutine) and hands them to `goroscope-fmt`, which formats exactly as Go.
//!
//! Formatting is bulk work: each element of a slice, array or map reflected costs one
//! instruction, and the text produced one per [`meter::BYTES_PER_INSTR`] bytes; past the
//! budget the value is cut short and the call fails with the budget's limit, so printing
//! a huge value cannot outrun the budget.

use goroscope_compiler::bytecode::{TypeId, TypeKind};
use goroscope_fmt::{Data, FloatSize, ListKind, MethodKind, Value as F};
use goroscope_trace::Stream;

use super::{NativeFn, arg, ret, s};
use crate::goroutine::GState;
use crate::interp::Flow;
use crate::machine::Machine;
use crate::print::address;
use crate::throw::Throw;
use crate::value::{Value, go_equal, meter};

/// Nesting beyond which values print as `...` (cycles through pointers never recurse:
/// only top-level pointers are followed).
const MAX_DEPTH: u32 = 32;

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "fmt.Println" => println,
        "fmt.Print" => print,
        "fmt.Printf" => printf,
        "fmt.Sprintln" => sprintln,
        "fmt.Sprint" => sprint,
        "fmt.Sprintf" => sprintf,
        "fmt.Errorf" => errorf,
        "fmt.(*wrapError).Error" => super::errors::error_field0,
        "fmt.(*wrapError).Unwrap" => wrap_unwrap,
        "fmt.(*wrapErrors).Unwrap" => wraps_unwrap,
        _ => return None,
    })
}

/// The elements of a `[]any` argument converted for the printer (`Err` when reflecting
/// them ran out of budget).
fn reflect_args(m: &mut Machine, g: &mut GState, v: &Value) -> Result<Vec<F>, Throw> {
    let items = crate::ops::elems(v);
    let args = items.iter().map(|x| m.reflect_iface(g, x, 0)).collect();
    meter::check()?;
    Ok(args)
}

/// Formatted text of `n` bytes, charged as work.
fn charged(text: Vec<u8>) -> Result<Vec<u8>, Throw> {
    meter::work_bytes(text.len())?;
    Ok(text)
}

impl Machine {
    /// An interface value (dynamic type inside) as the printer sees it.
    fn reflect_iface(&mut self, g: &mut GState, v: &Value, depth: u32) -> F {
        match v {
            Value::Iface(i) => {
                let (ty, val) = (i.ty, i.val.clone());
                self.reflect(g, &val, ty, depth, true)
            }
            _ => F::nil(),
        }
    }

    /// `v` of static type `ty`; `top` allows following a pointer (`&{...}`).
    pub(crate) fn reflect(
        &mut self,
        g: &mut GState,
        v: &Value,
        ty: TypeId,
        depth: u32,
        top: bool,
    ) -> F {
        let desc = self.type_desc(ty).clone();
        let name: std::sync::Arc<str> = std::sync::Arc::from(if desc.name == "any" {
            "interface {}"
        } else {
            desc.name.as_str()
        });
        let elems = match v {
            Value::Map(_) | Value::Slice(_) | Value::Agg(_) => crate::ops::len(v) as u64,
            _ => 0,
        };
        if depth > MAX_DEPTH || !meter::note_work(elems) {
            return F::new(name, Data::String(b"...".to_vec()));
        }
        if let TypeKind::Interface { .. } = desc.kind {
            return match v {
                Value::Iface(_) => self.reflect_iface(g, v, depth),
                _ => F::new(name, Data::Nil),
            };
        }
        let data = match (&desc.kind, v) {
            (TypeKind::Bool, _) => Data::Bool(v.as_bool()),
            (TypeKind::Int(k), _) => {
                if k.is_signed() {
                    Data::Int(v.as_int())
                } else {
                    Data::Uint(v.as_int() as u64)
                }
            }
            (TypeKind::Float64, _) => Data::Float {
                v: v.as_float(),
                size: FloatSize::F64,
            },
            (TypeKind::String, _) => Data::String(v.as_bytes().to_vec()),
            (TypeKind::Slice { elem }, _) => {
                let bytes = self.type_desc(*elem).name == "uint8";
                let nil = v.is_nil();
                let elems = crate::ops::elems(v)
                    .iter()
                    .map(|x| self.reflect(g, x, *elem, depth + 1, false))
                    .collect();
                // The first element's address: the backing array's, plus the offset.
                let addr = match v {
                    Value::Slice(s) if !nil => address(v) + 8 * u64::from(s.off),
                    _ => 0,
                };
                Data::List {
                    elems,
                    kind: ListKind::Slice { nil, addr },
                    bytes,
                }
            }
            (TypeKind::Array { elem, .. }, Value::Agg(a)) => {
                let bytes = self.type_desc(*elem).name == "uint8";
                let a = a.clone();
                let elems = a
                    .iter()
                    .map(|x| self.reflect(g, x, *elem, depth + 1, false))
                    .collect();
                Data::List {
                    elems,
                    kind: ListKind::Array,
                    bytes,
                }
            }
            (TypeKind::Map { key, value }, _) => {
                let entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.borrow().entries().cloned().collect(),
                    _ => Vec::new(),
                };
                let entries = entries
                    .iter()
                    .map(|(k, x)| {
                        (
                            self.reflect(g, k, *key, depth + 1, false),
                            self.reflect(g, x, *value, depth + 1, false),
                        )
                    })
                    .collect();
                Data::Map {
                    entries,
                    nil: v.is_nil(),
                    addr: if v.is_nil() { 0 } else { address(v) },
                }
            }
            (TypeKind::Struct { fields }, Value::Agg(a)) => {
                let a = a.clone();
                let fs = fields
                    .iter()
                    .zip(a.iter())
                    .map(|(f, x)| goroscope_fmt::Field {
                        name: if f.embedded {
                            embedded_name(&self.type_desc(f.ty).name)
                        } else {
                            f.name.clone()
                        },
                        value: self.reflect(g, x, f.ty, depth + 1, false),
                    })
                    .collect();
                Data::Struct(fs)
            }
            (TypeKind::Pointer { elem }, _) => {
                let addr = address(v);
                let pointee = if top && addr != 0 {
                    crate::interp::load_ptr(v)
                        .ok()
                        .map(|p| Box::new(self.reflect(g, &p, *elem, depth + 1, false)))
                } else {
                    None
                };
                Data::Pointer {
                    addr,
                    elem: pointee,
                }
            }
            (TypeKind::Chan { .. }, _) => Data::Chan { addr: address(v) },
            (TypeKind::Func, _) => Data::Func { addr: address(v) },
            _ => Data::Struct(Vec::new()),
        };
        let mut out = F::new(name, data);
        if !desc.methods.is_empty()
            && let Some((kind, text)) = self.method_text(g, ty, v)
        {
            let kind = if kind == "Error" {
                MethodKind::Error
            } else {
                MethodKind::String
            };
            let text = text.map_err(|p| self.reflect_iface(g, &p, depth + 1));
            out = out.with_method(kind, text);
        }
        out
    }
}

/// The field name Go gives an embedded field: the type name without package or `*`.
fn embedded_name(ty: &str) -> String {
    let t = ty.trim_start_matches('*');
    t.rsplit('.').next().unwrap_or(t).to_string()
}

fn out(m: &mut Machine, g: &mut GState, base: usize, bytes: &[u8]) -> Result<Flow, Throw> {
    m.write(Stream::Stdout, bytes)?;
    ret(g, base, 0, Value::Int(bytes.len() as i64));
    ret(g, base, 1, Value::Nil);
    Ok(Flow::Next)
}

fn println(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let args = reflect_args(m, g, &arg(g, base, 0))?;
    out(m, g, base, &charged(goroscope_fmt::sprintln(&args))?)
}

fn print(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let args = reflect_args(m, g, &arg(g, base, 0))?;
    out(m, g, base, &charged(goroscope_fmt::sprint(&args))?)
}

fn printf(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let format = arg(g, base, 0);
    let args = reflect_args(m, g, &arg(g, base, 1))?;
    out(
        m,
        g,
        base,
        &charged(goroscope_fmt::sprintf(format.as_bytes(), &args))?,
    )
}

fn sprintln(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let args = reflect_args(m, g, &arg(g, base, 0))?;
    ret(g, base, 0, s(charged(goroscope_fmt::sprintln(&args))?));
    Ok(Flow::Next)
}

fn sprint(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let args = reflect_args(m, g, &arg(g, base, 0))?;
    ret(g, base, 0, s(charged(goroscope_fmt::sprint(&args))?));
    Ok(Flow::Next)
}

fn sprintf(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let format = arg(g, base, 0);
    let args = reflect_args(m, g, &arg(g, base, 1))?;
    ret(
        g,
        base,
        0,
        s(charged(goroscope_fmt::sprintf(format.as_bytes(), &args))?),
    );
    Ok(Flow::Next)
}

fn errorf(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let format = arg(g, base, 0);
    let raw = crate::ops::elems(&arg(g, base, 1));
    let args: Vec<F> = raw.iter().map(|x| m.reflect_iface(g, x, 0)).collect();
    let e = goroscope_fmt::errorf(format.as_bytes(), &args);
    let msg = s(e.message);
    let v = match e.wrapping {
        goroscope_fmt::Wrapping::None => super::errors::new_error_string(m, msg),
        goroscope_fmt::Wrapping::Single(i) => {
            let inner = i.and_then(|i| raw.get(i).cloned()).unwrap_or_default();
            Value::iface(
                m.rt.wrap_error,
                Value::cell(Value::Agg(vec![msg, inner].into())),
            )
        }
        goroscope_fmt::Wrapping::Multi(idx) => {
            let mut errs: Vec<Value> = Vec::new();
            for i in idx {
                if let Some(e) = raw.get(i)
                    && !errs.iter().any(|x| go_equal(x, e).unwrap_or(false))
                {
                    errs.push(e.clone());
                }
            }
            Value::iface(
                m.rt.wrap_errors,
                Value::cell(Value::Agg(vec![msg, Value::slice_from_vec(errs)].into())),
            )
        }
    };
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

fn wrap_unwrap(_m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let v = super::errors::field(&arg(g, base, 0), 1)?;
    ret(g, base, 0, v);
    Ok(Flow::Next)
}

/// `Unwrap() []error` of `*fmt.wrapErrors` and `*errors.joinError` (their last field).
fn wraps_unwrap(_m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let recv = crate::interp::load_ptr(&arg(g, base, 0))?;
    let v = match &recv {
        Value::Agg(a) => a.last().cloned().unwrap_or_default(),
        _ => Value::Nil,
    };
    ret(g, base, 0, v);
    Ok(Flow::Next)
}
