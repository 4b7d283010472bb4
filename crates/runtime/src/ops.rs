//! The data operations behind the instructions that are more than a line: indexing,
//! slicing, `append`, `copy`, conversions between strings, bytes and runes, shifts,
//! `min`/`max`. Pure functions of values; errors are Go's run-time panics and the
//! playground's limits.
//!
//! Bulk operations charge their work to the meter (`value::meter`) *before* doing it:
//! one instruction per element they write or read (per [`meter::BYTES_PER_INSTR`] bytes
//! of a string), so the instruction budget and virtual time bound them; new backing
//! arrays are charged to the heap cap before they are allocated.

use std::rc::Rc;

use goroscope_compiler::bytecode::CmpKind;

use crate::throw::Throw;
use crate::value::{Backing, Elems, Place, Root, Slice, Value, meter};

/// The largest slice or string the machine will build (elements), so a huge `make` is a
/// clean limit instead of an allocation failure.
pub const MAX_ELEMS: i64 = 1 << 26;

pub fn index_slice(s: &Value, i: i64) -> Result<Value, Throw> {
    match s {
        Value::Slice(sl) if i >= 0 && (i as u64) < sl.len as u64 => Ok(sl.get(i as u32)),
        Value::Slice(sl) => Err(Throw::bounds(i, sl.len as usize)),
        _ => Err(Throw::bounds(i, 0)),
    }
}

pub fn set_index_slice(s: &Value, i: i64, v: Value) -> Result<(), Throw> {
    match s {
        Value::Slice(sl) if i >= 0 && (i as u64) < sl.len as u64 => {
            sl.set(i as u32, v);
            Ok(())
        }
        Value::Slice(sl) => Err(Throw::bounds(i, sl.len as usize)),
        _ => Err(Throw::bounds(i, 0)),
    }
}

pub fn index_array(a: &Value, i: i64) -> Result<Value, Throw> {
    match a {
        Value::Agg(xs) if i >= 0 && (i as usize) < xs.len() => Ok(xs[i as usize].clone()),
        Value::Agg(xs) => Err(Throw::bounds(i, xs.len())),
        _ => Err(Throw::Internal("IndexArray on a non-array".into())),
    }
}

pub fn set_index_array(a: &mut Value, i: i64, v: Value) -> Result<(), Throw> {
    match a {
        Value::Agg(xs) if i >= 0 && (i as usize) < xs.len() => {
            crate::value::agg_mut(xs)[i as usize] = v;
            Ok(())
        }
        Value::Agg(xs) => Err(Throw::bounds(i, xs.len())),
        _ => Err(Throw::Internal("SetIndexArray on a non-array".into())),
    }
}

pub fn index_str(s: &Value, i: i64) -> Result<Value, Throw> {
    let b = s.as_bytes();
    match b.get(usize::try_from(i).unwrap_or(usize::MAX)) {
        Some(&c) => Ok(Value::Int(c as i64)),
        None => Err(Throw::bounds(i, b.len())),
    }
}

/// `len(v)` for every kind except channels (the machine asks the scheduler for those).
pub fn len(v: &Value) -> i64 {
    match v {
        Value::Str(s) => s.len() as i64,
        Value::Slice(s) => s.len as i64,
        Value::Agg(a) => a.len() as i64,
        Value::Map(m) => m.borrow().len() as i64,
        _ => 0,
    }
}

pub fn cap(v: &Value) -> i64 {
    match v {
        Value::Slice(s) => s.cap as i64,
        Value::Agg(a) => a.len() as i64,
        _ => 0,
    }
}

fn slice_bounds_err(lo: i64, hi: i64, max: i64, three: bool, cap_name: &str) -> Throw {
    // Go reports the first violated bound, checking from the right.
    let msg = if hi < 0 || hi > max {
        if three {
            format!("slice bounds out of range [:{hi}:{max}]")
        } else {
            format!("slice bounds out of range [:{hi}] with {cap_name} {max}")
        }
    } else {
        format!("slice bounds out of range [{lo}:{hi}]")
    };
    Throw::RuntimeError(format!("runtime error: {msg}"))
}

/// `s[lo:hi]` for a slice or a string.
pub fn slice(src: &Value, lo: i64, hi: i64) -> Result<Value, Throw> {
    match src {
        Value::Str(s) => {
            let n = s.len() as i64;
            if hi < 0 || hi > n || lo < 0 || lo > hi {
                return Err(slice_bounds_err(lo, hi, n, false, "length"));
            }
            Ok(Value::str(&s[lo as usize..hi as usize]))
        }
        Value::Slice(sl) => {
            let c = sl.cap as i64;
            if hi < 0 || hi > c || lo < 0 || lo > hi {
                return Err(slice_bounds_err(lo, hi, c, false, "capacity"));
            }
            Ok(Value::Slice(Slice {
                backing: sl.backing.clone(),
                off: sl.off + lo as u32,
                len: (hi - lo) as u32,
                cap: (c - lo) as u32,
            }))
        }
        Value::Nil => {
            if lo != 0 || hi != 0 {
                return Err(slice_bounds_err(lo, hi, 0, false, "capacity"));
            }
            Ok(Value::Nil)
        }
        _ => Err(Throw::Internal("Slice of a non-slice".into())),
    }
}

/// `s[lo:hi:max]`.
pub fn slice3(src: &Value, lo: i64, hi: i64, max: i64) -> Result<Value, Throw> {
    let (backing, off, c) = match src {
        Value::Slice(sl) => (Some(sl.backing.clone()), sl.off, sl.cap as i64),
        _ => (None, 0, 0),
    };
    if max < 0 || max > c {
        return Err(Throw::RuntimeError(format!(
            "runtime error: slice bounds out of range [::{max}] with capacity {c}"
        )));
    }
    if hi < 0 || hi > max || lo < 0 || lo > hi {
        return Err(slice_bounds_err(lo, hi, max, true, "capacity"));
    }
    Ok(match backing {
        Some(backing) => Value::Slice(Slice {
            backing,
            off: off + lo as u32,
            len: (hi - lo) as u32,
            cap: (max - lo) as u32,
        }),
        None => Value::Nil,
    })
}

/// `(*p)[lo:hi]` for a pointer to an array of `n` elements.
pub fn slice_array(ptr: &Value, lo: i64, hi: i64) -> Result<Value, Throw> {
    let place = match ptr {
        Value::Cell(c) => Place {
            root: Root::Cell(c.clone()),
            path: Vec::new(),
        },
        Value::Ptr(p) => (**p).clone(),
        Value::Nil => return Err(Throw::nil_deref()),
        _ => return Err(Throw::Internal("SliceArray of a non-pointer".into())),
    };
    let n = len(&place.load());
    if hi < 0 || hi > n || lo < 0 || lo > hi {
        return Err(slice_bounds_err(lo, hi, n, false, "capacity"));
    }
    Ok(Value::Slice(Slice {
        backing: Rc::new(Backing::Array(place)),
        off: lo as u32,
        len: (hi - lo) as u32,
        cap: (n - lo) as u32,
    }))
}

/// `make([]T, len, cap)` with every element `zero`.
pub fn make_slice(len: i64, cap: i64, zero: &Value) -> Result<Value, Throw> {
    if !(0..=MAX_ELEMS).contains(&len) {
        return Err(Throw::plain("runtime error: makeslice: len out of range"));
    }
    if cap < len || cap > MAX_ELEMS {
        return Err(Throw::plain("runtime error: makeslice: cap out of range"));
    }
    let backing = new_backing(cap as usize, |v| v.resize(cap as usize, zero.clone()))?;
    Ok(Value::Slice(Slice {
        backing,
        off: 0,
        len: len as u32,
        cap: cap as u32,
    }))
}

/// `append(s, items...)`: in place when the capacity allows, else into a new backing
/// array of at least double the capacity, padded with `zero`.
pub fn append(s: &Value, items: &[Value], zero: &Value) -> Result<Value, Throw> {
    let (len, cap) = match s {
        Value::Slice(sl) => (sl.len as usize, sl.cap as usize),
        _ => (0, 0),
    };
    if items.is_empty() {
        return Ok(s.clone());
    }
    let need = len + items.len();
    if need as i64 > MAX_ELEMS {
        return Err(Throw::Limit(format!(
            "goroscope: slice of {need} elements exceeds the playground's limit"
        )));
    }
    if let Value::Slice(sl) = s
        && need <= cap
    {
        meter::work(items.len() as u64)?;
        for (i, v) in items.iter().enumerate() {
            sl.set((len + i) as u32, v.clone());
        }
        return Ok(Value::Slice(Slice {
            len: need as u32,
            ..sl.clone()
        }));
    }
    let new_cap = need
        .max(if cap < 256 {
            cap * 2
        } else {
            cap + cap / 4 + 192
        })
        .max(4);
    let backing = new_backing(new_cap, |v| {
        if let Value::Slice(sl) = s {
            match &*sl.backing {
                Backing::Vec(b) => {
                    let b = b.borrow();
                    let start = sl.off as usize;
                    v.extend_from_slice(&b[start..start + len]);
                }
                Backing::Array(_) => v.extend(sl.to_vec()),
            }
        }
        v.extend_from_slice(items);
        v.resize(new_cap, zero.clone());
    })?;
    Ok(Value::Slice(Slice {
        backing,
        off: 0,
        len: need as u32,
        cap: new_cap as u32,
    }))
}

/// A new backing array of `cap` elements, filled by `fill`: its work and bytes are
/// charged to the meter first, and an allocation failure is a limit, not an abort.
fn new_backing(cap: usize, fill: impl FnOnce(&mut Vec<Value>)) -> Result<Rc<Backing>, Throw> {
    meter::work(cap as u64)?;
    let charge = meter::Charge::new(cap as u64 * meter::VALUE_BYTES)?;
    let mut v = Vec::new();
    if v.try_reserve_exact(cap).is_err() {
        return Err(Throw::Limit(format!(
            "goroscope: out of memory: a slice of {cap} elements could not be allocated"
        )));
    }
    fill(&mut v);
    Ok(Backing::new_vec(Elems::charged(v, charge)))
}

/// The elements of a slice, or the bytes of a string as ints (for `append(b, s...)`
/// and `copy(b, s)`).
pub fn elems(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => s.to_vec(),
        Value::Str(s) => s.iter().map(|&b| Value::Int(b as i64)).collect(),
        _ => Vec::new(),
    }
}

/// `copy(to, from)`: the number of elements copied.
pub fn copy(to: &Value, from: &Value) -> Result<i64, Throw> {
    let Value::Slice(dst) = to else { return Ok(0) };
    let n = (len(from) as usize).min(dst.len as usize);
    meter::work(n as u64)?;
    if let Value::Slice(src) = from
        && let (Backing::Vec(d), Backing::Vec(s)) = (&*dst.backing, &*src.backing)
    {
        let (doff, soff) = (dst.off as usize, src.off as usize);
        if Rc::ptr_eq(&dst.backing, &src.backing) {
            let mut v = d.borrow_mut();
            if doff <= soff {
                (0..n).for_each(|i| v[doff + i] = v[soff + i].clone());
            } else {
                (0..n).rev().for_each(|i| v[doff + i] = v[soff + i].clone());
            }
        } else {
            d.borrow_mut()[doff..doff + n].clone_from_slice(&s.borrow()[soff..soff + n]);
        }
        return Ok(n as i64);
    }
    let src: Vec<Value> = match from {
        Value::Slice(s) => (0..n as u32).map(|i| s.get(i)).collect(),
        _ => from.as_bytes()[..n]
            .iter()
            .map(|&b| Value::Int(b as i64))
            .collect(),
    };
    for (i, v) in src.into_iter().enumerate() {
        dst.set(i as u32, v);
    }
    Ok(n as i64)
}

/// `clear(s)` for a slice: every element becomes `zero`.
pub fn clear_slice(s: &Value, zero: &Value) -> Result<(), Throw> {
    if let Value::Slice(sl) = s {
        meter::work(sl.len as u64)?;
        for i in 0..sl.len {
            sl.set(i, zero.clone());
        }
    }
    Ok(())
}

/// `utf8.DecodeRune`: the rune at the start of `b` and its width (invalid: U+FFFD, 1).
pub fn decode_rune(b: &[u8]) -> (i64, usize) {
    let Some(&c0) = b.first() else {
        return (0xFFFD, 0);
    };
    if c0 < 0x80 {
        return (c0 as i64, 1);
    }
    let (n, min, init) = match c0 {
        0xC2..=0xDF => (2, 0x80, (c0 & 0x1F) as u32),
        0xE0..=0xEF => (3, 0x800, (c0 & 0x0F) as u32),
        0xF0..=0xF4 => (4, 0x10000, (c0 & 0x07) as u32),
        _ => return (0xFFFD, 1),
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    let mut r = init;
    for &c in &b[1..n] {
        if c & 0xC0 != 0x80 {
            return (0xFFFD, 1);
        }
        r = (r << 6) | (c & 0x3F) as u32;
    }
    if r < min || r > 0x10FFFF || (0xD800..=0xDFFF).contains(&r) {
        return (0xFFFD, 1);
    }
    (r as i64, n)
}

/// UTF-8 encoding of a rune (invalid code points encode U+FFFD), as Go's `string(r)`.
pub fn encode_rune(r: i64, out: &mut Vec<u8>) {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

pub fn runes_to_str(v: &Value) -> Result<Value, Throw> {
    meter::work(len(v) as u64)?;
    let mut out = Vec::new();
    for r in elems(v) {
        encode_rune(r.as_int(), &mut out);
    }
    Ok(Value::str(&out))
}

pub fn str_to_runes(s: &Value) -> Result<Value, Throw> {
    let mut b = s.as_bytes();
    meter::work(b.len() as u64)?;
    meter::check_fits(b.len() as u64 * meter::VALUE_BYTES)?;
    let mut out = Vec::new();
    while !b.is_empty() {
        let (r, w) = decode_rune(b);
        out.push(Value::Int(r));
        b = &b[w..];
    }
    Ok(Value::slice_from_vec(out))
}

pub fn bytes_to_str(v: &Value) -> Result<Value, Throw> {
    meter::work(len(v) as u64)?;
    let bytes: Vec<u8> = elems(v).iter().map(|b| b.as_int() as u8).collect();
    Ok(Value::str(&bytes))
}

pub fn str_to_bytes(s: &Value) -> Result<Value, Throw> {
    let n = len(s) as u64;
    meter::work(n)?;
    meter::check_fits(n * meter::VALUE_BYTES)?;
    Ok(Value::slice_from_vec(elems(s)))
}

pub fn shift_count(b: i64) -> Result<u32, Throw> {
    if b < 0 {
        return Err(Throw::plain("runtime error: negative shift amount"));
    }
    Ok(b.min(64) as u32)
}

pub fn shl(a: i64, n: u32) -> i64 {
    if n >= 64 { 0 } else { a << n }
}

pub fn shr_int(a: i64, n: u32) -> i64 {
    a >> n.min(63)
}

pub fn shr_uint(a: i64, n: u32) -> i64 {
    if n >= 64 { 0 } else { ((a as u64) >> n) as i64 }
}

/// `min`/`max` of two values; `want_less` selects min.
pub fn min_max(a: &Value, b: &Value, kind: CmpKind, want_less: bool) -> Value {
    let less = match kind {
        CmpKind::Int => a.as_int() < b.as_int(),
        CmpKind::Uint => (a.as_int() as u64) < (b.as_int() as u64),
        CmpKind::Str => a.as_bytes() < b.as_bytes(),
        CmpKind::Float => {
            let (x, y) = (a.as_float(), b.as_float());
            if x.is_nan() {
                return a.clone();
            }
            if y.is_nan() {
                return b.clone();
            }
            if x == y && x == 0.0 {
                // min(-0, +0) is -0, max is +0.
                let pick_a = x.is_sign_negative() == want_less;
                return if pick_a { a.clone() } else { b.clone() };
            }
            x < y
        }
    };
    let greater = match kind {
        CmpKind::Int => a.as_int() > b.as_int(),
        CmpKind::Uint => (a.as_int() as u64) > (b.as_int() as u64),
        CmpKind::Str => a.as_bytes() > b.as_bytes(),
        CmpKind::Float => a.as_float() > b.as_float(),
    };
    let take_a = if want_less { !greater } else { !less };
    if take_a { a.clone() } else { b.clone() }
}

/// `int(f)` for a float64: truncation toward zero, saturating like amd64's CVTTSD2SI
/// (out-of-range results are implementation-defined in Go).
pub fn float_to_int(f: f64) -> i64 {
    if f.is_nan() { i64::MIN } else { f as i64 }
}
