//! `strconv`, with errors as `*strconv.NumError{Func, Num, Err}` whose `Err` is the
//! run-wide `strconv.ErrSyntax`/`ErrRange` value (so `errors.Is` works).

use goroscope_fmt::FloatSize;
use goroscope_fmt::strconv as sc;

use super::{NativeFn, arg, ret, s};
use crate::goroutine::GState;
use crate::interp::Flow;
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::Value;

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "strconv.Itoa" | "strconv.FormatInt" => |_m, g, b, n| {
            let base = if n > 1 {
                arg(g, b, 1).as_int() as u32
            } else {
                10
            };
            let v = s(sc::format_int(arg(g, b, 0).as_int(), base.clamp(2, 36)));
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "strconv.FormatUint" => |_m, g, b, _n| {
            let base = arg(g, b, 1).as_int() as u32;
            let v = s(sc::format_uint(
                arg(g, b, 0).as_int() as u64,
                base.clamp(2, 36),
            ));
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "strconv.FormatBool" => |_m, g, b, _n| {
            let v = s(sc::format_bool(arg(g, b, 0).as_bool()));
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "strconv.FormatFloat" => |_m, g, b, _n| {
            let size = if arg(g, b, 3).as_int() == 32 {
                FloatSize::F32
            } else {
                FloatSize::F64
            };
            let v = sc::format_float(
                arg(g, b, 0).as_float(),
                arg(g, b, 1).as_int() as u8,
                arg(g, b, 2).as_int(),
                size,
            );
            ret(g, b, 0, s(v));
            Ok(Flow::Next)
        },
        "strconv.Quote" => |_m, g, b, _n| {
            let v = s(sc::quote(arg(g, b, 0).as_bytes()));
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "strconv.QuoteRune" => |_m, g, b, _n| {
            let v = s(sc::quote_rune(arg(g, b, 0).as_int() as u32));
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "strconv.Unquote" => |m, g, b, _n| {
            match sc::unquote(arg(g, b, 0).as_bytes()) {
                Ok(v) => {
                    ret(g, b, 0, s(v));
                    ret(g, b, 1, Value::Nil);
                }
                Err(_) => {
                    let e = err_syntax(m);
                    ret(g, b, 0, s(Vec::new()));
                    ret(g, b, 1, e);
                }
            }
            Ok(Flow::Next)
        },
        "strconv.Atoi" => |m, g, b, _n| {
            let r = sc::atoi(arg(g, b, 0).as_bytes());
            int_result(m, g, b, r)
        },
        "strconv.ParseInt" => |m, g, b, _n| {
            let r = sc::parse_int(
                arg(g, b, 0).as_bytes(),
                arg(g, b, 1).as_int(),
                arg(g, b, 2).as_int(),
            );
            int_result(m, g, b, r)
        },
        "strconv.ParseUint" => |m, g, b, _n| {
            let r = sc::parse_uint(
                arg(g, b, 0).as_bytes(),
                arg(g, b, 1).as_int(),
                arg(g, b, 2).as_int(),
            )
            .map(|v| v as i64)
            .map_err(|(v, e)| (v as i64, e));
            int_result(m, g, b, r)
        },
        "strconv.ParseFloat" => |m, g, b, _n| {
            let (v, e) = match sc::parse_float(arg(g, b, 0).as_bytes(), arg(g, b, 1).as_int()) {
                Ok(v) => (v, Value::Nil),
                Err((v, e)) => (v, num_error(m, e)),
            };
            ret(g, b, 0, Value::Float(v));
            ret(g, b, 1, e);
            Ok(Flow::Next)
        },
        "strconv.ParseBool" => |m, g, b, _n| {
            let (v, e) = match sc::parse_bool(arg(g, b, 0).as_bytes()) {
                Ok(v) => (v, Value::Nil),
                Err(e) => (false, num_error(m, e)),
            };
            ret(g, b, 0, Value::Bool(v));
            ret(g, b, 1, e);
            Ok(Flow::Next)
        },
        "strconv.ErrSyntax" => |m, g, b, _n| {
            let e = err_syntax(m);
            ret(g, b, 0, e);
            Ok(Flow::Next)
        },
        "strconv.ErrRange" => |m, g, b, _n| {
            let e = err_range(m);
            ret(g, b, 0, e);
            Ok(Flow::Next)
        },
        "strconv.(*NumError).Error" => |m, g, b, _n| {
            let fields = crate::interp::load_ptr(&arg(g, b, 0))?;
            let Value::Agg(f) = fields else {
                return Err(Throw::nil_deref());
            };
            let inner = m.error_text(g, &f[2])?;
            let mut out = b"strconv.".to_vec();
            out.extend_from_slice(f[0].as_bytes());
            out.extend_from_slice(b": parsing ");
            sc::append_quote(&mut out, f[1].as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(inner.as_bytes());
            ret(g, b, 0, s(out));
            Ok(Flow::Next)
        },
        "strconv.(*NumError).Unwrap" => |_m, g, b, _n| {
            let v = super::errors::field(&arg(g, b, 0), 2)?;
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        _ => return None,
    })
}

fn cached_error(m: &mut Machine, key: &'static str, text: &[u8]) -> Value {
    if let Some(v) = m.cached.get(key) {
        return v.clone();
    }
    let v = super::errors::new_error_string(m, Value::str(text));
    m.cached.insert(key, v.clone());
    v
}

fn err_syntax(m: &mut Machine) -> Value {
    cached_error(m, "strconv.ErrSyntax", b"invalid syntax")
}

fn err_range(m: &mut Machine) -> Value {
    cached_error(m, "strconv.ErrRange", b"value out of range")
}

/// A `*strconv.NumError` for `e`.
fn num_error(m: &mut Machine, e: sc::NumError) -> Value {
    let inner = match e.kind {
        sc::NumErrorKind::Syntax => err_syntax(m),
        sc::NumErrorKind::Range => err_range(m),
        k => super::errors::new_error_string(m, Value::from_string(k.message())),
    };
    let fields = vec![Value::str(e.func.as_bytes()), Value::str(&e.num), inner];
    Value::iface(m.rt.num_error, Value::cell(Value::Agg(fields.into())))
}

fn int_result(
    m: &mut Machine,
    g: &mut GState,
    b: usize,
    r: Result<i64, (i64, sc::NumError)>,
) -> Result<Flow, Throw> {
    let (v, e) = match r {
        Ok(v) => (v, Value::Nil),
        Err((v, e)) => (v, num_error(m, e)),
    };
    ret(g, b, 0, Value::Int(v));
    ret(g, b, 1, e);
    Ok(Flow::Next)
}
