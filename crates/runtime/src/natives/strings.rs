//! `strings`: the pure functions (text rules from `goroscope-fmt`), the ones taking a
//! callback (Map, TrimFunc: the callback runs as a nested call), and `strings.Builder`,
//! whose hidden handle field holds an `Opaque` byte buffer.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_fmt::strings as gs;

use super::{NativeFn, arg, ret, s};
use crate::goroutine::GState;
use crate::interp::{Flow, load_ptr, store_ptr};
use crate::machine::Machine;
use crate::opaque::Opaque;
use crate::throw::Throw;
use crate::value::Value;

fn b(g: &GState, base: usize, i: usize) -> Vec<u8> {
    arg(g, base, i).as_bytes().to_vec()
}

fn list(items: Vec<&[u8]>) -> Value {
    Value::slice_from_vec(items.into_iter().map(Value::str).collect())
}

macro_rules! pure {
    ($body:expr) => {{
        let f: NativeFn = |_m, g, base, _n| {
            let v = $body(&*g, base);
            ret(g, base, 0, v);
            Ok(Flow::Next)
        };
        f
    }};
}

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "strings.Contains" => pure!(|g, x| Value::Bool(gs::contains(&b(g, x, 0), &b(g, x, 1)))),
        "strings.ContainsAny" => {
            pure!(|g, x| Value::Bool(gs::contains_any(&b(g, x, 0), &b(g, x, 1))))
        }
        "strings.ContainsRune" => {
            pure!(|g, x| Value::Bool(gs::contains_rune(&b(g, x, 0), arg(g, x, 1).as_int() as u32)))
        }
        "strings.Count" => pure!(|g, x| Value::Int(gs::count(&b(g, x, 0), &b(g, x, 1)) as i64)),
        "strings.EqualFold" => pure!(|g, x| Value::Bool(gs::equal_fold(&b(g, x, 0), &b(g, x, 1)))),
        "strings.Fields" => pure!(|g, x| list(gs::fields(&b(g, x, 0)))),
        "strings.HasPrefix" => pure!(|g, x| Value::Bool(gs::has_prefix(&b(g, x, 0), &b(g, x, 1)))),
        "strings.HasSuffix" => pure!(|g, x| Value::Bool(gs::has_suffix(&b(g, x, 0), &b(g, x, 1)))),
        "strings.Index" => pure!(|g, x| Value::Int(gs::index(&b(g, x, 0), &b(g, x, 1)) as i64)),
        "strings.IndexByte" => pure!(|g, x| Value::Int(gs::index_byte(
            &b(g, x, 0),
            arg(g, x, 1).as_int() as u8
        ) as i64)),
        "strings.IndexRune" => pure!(|g, x| Value::Int(gs::index_rune(
            &b(g, x, 0),
            arg(g, x, 1).as_int() as u32
        ) as i64)),
        "strings.LastIndex" => {
            pure!(|g, x| Value::Int(gs::last_index(&b(g, x, 0), &b(g, x, 1)) as i64))
        }
        "strings.Join" => pure!(|g, x| {
            let elems: Vec<Vec<u8>> = crate::ops::elems(&arg(g, x, 0))
                .iter()
                .map(|e| e.as_bytes().to_vec())
                .collect();
            let refs: Vec<&[u8]> = elems.iter().map(Vec::as_slice).collect();
            s(gs::join(&refs, &b(g, x, 1)))
        }),
        "strings.Replace" => pure!(|g, x| s(gs::replace(
            &b(g, x, 0),
            &b(g, x, 1),
            &b(g, x, 2),
            arg(g, x, 3).as_int() as isize
        ))),
        "strings.ReplaceAll" => {
            pure!(|g, x| s(gs::replace_all(&b(g, x, 0), &b(g, x, 1), &b(g, x, 2))))
        }
        "strings.Split" => pure!(|g, x| list(gs::split(&b(g, x, 0), &b(g, x, 1)))),
        "strings.SplitN" => pure!(|g, x| list(gs::split_n(
            &b(g, x, 0),
            &b(g, x, 1),
            arg(g, x, 2).as_int() as isize
        ))),
        "strings.ToLower" => pure!(|g, x| s(gs::to_lower_string(&b(g, x, 0)))),
        "strings.ToUpper" => pure!(|g, x| s(gs::to_upper_string(&b(g, x, 0)))),
        "strings.Title" => pure!(|g, x| s(title(&b(g, x, 0)))),
        "strings.Trim" => pure!(|g, x| s(gs::trim(&b(g, x, 0), &b(g, x, 1)))),
        "strings.TrimLeft" => pure!(|g, x| s(gs::trim_left(&b(g, x, 0), &b(g, x, 1)))),
        "strings.TrimRight" => pure!(|g, x| s(gs::trim_right(&b(g, x, 0), &b(g, x, 1)))),
        "strings.TrimPrefix" => pure!(|g, x| s(gs::trim_prefix(&b(g, x, 0), &b(g, x, 1)))),
        "strings.TrimSuffix" => pure!(|g, x| s(gs::trim_suffix(&b(g, x, 0), &b(g, x, 1)))),
        "strings.TrimSpace" => pure!(|g, x| s(gs::trim_space(&b(g, x, 0)))),
        "strings.Cut" => |_m, g, base, _n| {
            let (src, sep) = (b(g, base, 0), b(g, base, 1));
            let (before, after, found) = gs::cut(&src, &sep);
            let (before, after) = (s(before), s(after));
            ret(g, base, 0, before);
            ret(g, base, 1, after);
            ret(g, base, 2, Value::Bool(found));
            Ok(Flow::Next)
        },
        "strings.Repeat" => |m, g, base, _n| {
            let (src, count) = (b(g, base, 0), arg(g, base, 1).as_int());
            let n = (src.len() as i64).saturating_mul(count.max(0));
            if n > crate::ops::MAX_ELEMS {
                return Err(Throw::Limit(
                    "goroscope: strings.Repeat result exceeds the playground's limit".into(),
                ));
            }
            m.check_str_len(n as usize)?;
            let r = gs::repeat(&src, count).map_err(|msg| {
                Throw::Panic(Value::iface(m.rt.string_type, Value::str(msg.as_bytes())))
            })?;
            ret(g, base, 0, s(r));
            Ok(Flow::Next)
        },
        "strings.Map" => map_runes,
        "strings.TrimFunc" => trim_func,
        "strings.(*Builder).WriteString" => |_m, g, base, _n| {
            let data = b(g, base, 1);
            crate::value::meter::work_bytes(data.len())?;
            builder(&arg(g, base, 0), |buf| buf.extend_from_slice(&data))?;
            ret(g, base, 0, Value::Int(data.len() as i64));
            ret(g, base, 1, Value::Nil);
            Ok(Flow::Next)
        },
        "strings.(*Builder).WriteByte" => |_m, g, base, _n| {
            let c = arg(g, base, 1).as_int() as u8;
            builder(&arg(g, base, 0), |buf| buf.push(c))?;
            ret(g, base, 0, Value::Nil);
            Ok(Flow::Next)
        },
        "strings.(*Builder).WriteRune" => |_m, g, base, _n| {
            let mut enc = Vec::new();
            crate::ops::encode_rune(arg(g, base, 1).as_int(), &mut enc);
            builder(&arg(g, base, 0), |buf| buf.extend_from_slice(&enc))?;
            ret(g, base, 0, Value::Int(enc.len() as i64));
            ret(g, base, 1, Value::Nil);
            Ok(Flow::Next)
        },
        "strings.(*Builder).String" => |_m, g, base, _n| {
            let mut out = Vec::new();
            builder(&arg(g, base, 0), |buf| out = buf.clone())?;
            ret(g, base, 0, s(out));
            Ok(Flow::Next)
        },
        "strings.(*Builder).Len" => |_m, g, base, _n| {
            let mut n = 0;
            builder(&arg(g, base, 0), |buf| n = buf.len())?;
            ret(g, base, 0, Value::Int(n as i64));
            Ok(Flow::Next)
        },
        "strings.(*Builder).Reset" => |_m, g, base, _n| {
            builder(&arg(g, base, 0), Vec::clear)?;
            Ok(Flow::Next)
        },
        "strings.(*Builder).Grow" => |_m, _g, _base, _n| Ok(Flow::Next),
        _ => return None,
    })
}

/// Runs `f` on the buffer of the `*strings.Builder` `p`, creating it on first use.
fn builder(p: &Value, f: impl FnOnce(&mut Vec<u8>)) -> Result<(), Throw> {
    let h = crate::natives::sync::field_ptr(p, 0)?;
    let cur = load_ptr(&h)?;
    let obj = match cur {
        Value::Opaque(o) => o,
        _ => {
            let o = Rc::new(RefCell::new(Opaque::Bytes(Vec::new())));
            store_ptr(&h, Value::Opaque(o.clone()))?;
            o
        }
    };
    match &mut *obj.borrow_mut() {
        Opaque::Bytes(buf) => {
            f(buf);
            // Checked after the (small) write: a builder grows one call at a time.
            if buf.len() as i64 > crate::ops::MAX_ELEMS {
                return Err(Throw::Limit(format!(
                    "goroscope: a strings.Builder of {} bytes exceeds the playground's limit",
                    buf.len()
                )));
            }
        }
    }
    Ok(())
}

/// `strings.Title`: upper-cases the first letter of each word (deprecated in Go, kept in
/// the subset).
fn title(src: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len());
    let mut prev_letter = false;
    let mut rest = src;
    while !rest.is_empty() {
        let (r, w) = crate::ops::decode_rune(rest);
        let is_letter =
            char::from_u32(r as u32).is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '\'');
        let r2 = if !prev_letter {
            goroscope_fmt::unicode::to_upper(r as u32) as i64
        } else {
            r
        };
        if r2 == r {
            out.extend_from_slice(&rest[..w]);
        } else {
            crate::ops::encode_rune(r2, &mut out);
        }
        prev_letter = is_letter;
        rest = &rest[w..];
    }
    out
}

fn map_runes(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let Value::Func(f) = arg(g, base, 0) else {
        return Err(Throw::nil_deref());
    };
    let mut rest = b(g, base, 1);
    let mut out = Vec::new();
    let src = std::mem::take(&mut rest);
    let mut cur = &src[..];
    while !cur.is_empty() {
        let (r, w) = crate::ops::decode_rune(cur);
        let mapped = match m.call_nested(g, &f, &[Value::Int(r)], 1)? {
            Ok(v) => v.first().map_or(-1, Value::as_int),
            Err(p) => return Err(Throw::Panic(p)),
        };
        if mapped >= 0 {
            crate::ops::encode_rune(mapped, &mut out);
        }
        cur = &cur[w..];
    }
    ret(g, base, 0, s(out));
    Ok(Flow::Next)
}

fn trim_func(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let src = b(g, base, 0);
    let Value::Func(f) = arg(g, base, 1) else {
        return Err(Throw::nil_deref());
    };
    let mut pred = |r: i64| -> Result<bool, Throw> {
        match m.call_nested(g, &f, &[Value::Int(r)], 1)? {
            Ok(v) => Ok(v.first().is_some_and(Value::as_bool)),
            Err(p) => Err(Throw::Panic(p)),
        }
    };
    let mut start = 0;
    while start < src.len() {
        let (r, w) = crate::ops::decode_rune(&src[start..]);
        if !pred(r)? {
            break;
        }
        start += w;
    }
    let mut end = src.len();
    while end > start {
        let (r, w) = goroscope_fmt::utf8::decode_last_rune(&src[start..end]);
        if !pred(r as i64)? {
            break;
        }
        end -= w;
    }
    ret(g, base, 0, s(src[start..end].to_vec()));
    Ok(Flow::Next)
}
