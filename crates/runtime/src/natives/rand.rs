//! `math/rand` with explicit seeded sources only (`rand.New(rand.NewSource(n))`). The
//! generator is SplitMix64, not Go's: the corpus checks properties (same seed, same
//! sequence; ranges; permutations), never values.
//!
//! A Source is an interface holding `*rand.rngSource{#h}` whose `#h` is the generator
//! state; a `*rand.Rand` points to `{#h}` holding that Source.

use super::{NativeFn, arg, ret};
use crate::goroutine::GState;
use crate::interp::{Flow, load_ptr};
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::Value;

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "math/rand.NewSource" => |m, g, b, _n| {
            let seed = arg(g, b, 0).as_int();
            let src = Value::iface(
                m.rt.rng_source,
                Value::cell(Value::Agg(vec![Value::Int(seed)].into())),
            );
            ret(g, b, 0, src);
            Ok(Flow::Next)
        },
        "math/rand.New" => |_m, g, b, _n| {
            let src = arg(g, b, 0);
            ret(g, b, 0, Value::cell(Value::Agg(vec![src].into())));
            Ok(Flow::Next)
        },
        "math/rand.(*rngSource).Int63" => |_m, g, b, _n| {
            let v = next_of_source_ptr(&arg(g, b, 0))? >> 1;
            ret(g, b, 0, Value::Int(v as i64));
            Ok(Flow::Next)
        },
        "math/rand.(*rngSource).Seed" | "math/rand.(*Rand).Seed" => |_m, g, b, _n| {
            let p = source_ptr(&arg(g, b, 0))?;
            crate::interp::store_ptr(&crate::natives::sync::field_ptr(&p, 0)?, arg(g, b, 1))?;
            Ok(Flow::Next)
        },
        "math/rand.(*Rand).Int63" => |_m, g, b, _n| int_result(g, b, |x| (x >> 1) as i64),
        "math/rand.(*Rand).Int" => |_m, g, b, _n| int_result(g, b, |x| (x >> 1) as i64),
        "math/rand.(*Rand).Float64" => |_m, g, b, _n| {
            let x = next(&arg(g, b, 0))?;
            ret(
                g,
                b,
                0,
                Value::Float((x >> 11) as f64 / (1u64 << 53) as f64),
            );
            Ok(Flow::Next)
        },
        "math/rand.(*Rand).Intn" | "math/rand.(*Rand).Int63n" | "math/rand.(*Rand).Int31n" => {
            |m, g, b, _n| {
                let n = arg(g, b, 1).as_int();
                if n <= 0 {
                    return Err(Throw::Panic(Value::iface(
                        m.rt.string_type,
                        Value::str(b"invalid argument to Intn"),
                    )));
                }
                let x = next(&arg(g, b, 0))?;
                ret(g, b, 0, Value::Int((x % n as u64) as i64));
                Ok(Flow::Next)
            }
        }
        "math/rand.(*Rand).Perm" => |_m, g, b, _n| {
            let n = arg(g, b, 1).as_int().max(0) as usize;
            let mut p: Vec<i64> = (0..n as i64).collect();
            for i in (1..n).rev() {
                let j = (next(&arg(g, b, 0))? % (i as u64 + 1)) as usize;
                p.swap(i, j);
            }
            ret(
                g,
                b,
                0,
                Value::slice_from_vec(p.into_iter().map(Value::Int).collect()),
            );
            Ok(Flow::Next)
        },
        "math/rand.(*Rand).Shuffle" => shuffle,
        _ => return None,
    })
}

/// The `*rngSource` pointer inside a `*Rand` or a Source interface.
fn source_ptr(v: &Value) -> Result<Value, Throw> {
    match v {
        Value::Iface(i) => Ok(i.val.clone()),
        Value::Cell(_) | Value::Ptr(_) => match load_ptr(v)? {
            Value::Agg(a) => match a.first() {
                Some(Value::Iface(i)) => Ok(i.val.clone()),
                _ => Ok(v.clone()),
            },
            _ => Err(Throw::nil_deref()),
        },
        _ => Err(Throw::nil_deref()),
    }
}

/// Advances the SplitMix64 state stored in the source and returns the next output.
fn next_of_source_ptr(p: &Value) -> Result<u64, Throw> {
    let f = crate::natives::sync::field_ptr(p, 0)?;
    let state = (load_ptr(&f)?.as_int() as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
    crate::interp::store_ptr(&f, Value::Int(state as i64))?;
    let mut z = state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    Ok(z ^ (z >> 31))
}

/// The next output of the generator behind a `*Rand`.
fn next(r: &Value) -> Result<u64, Throw> {
    next_of_source_ptr(&source_ptr(r)?)
}

fn int_result(g: &mut GState, b: usize, f: impl Fn(u64) -> i64) -> Result<Flow, Throw> {
    let x = next(&arg(g, b, 0))?;
    ret(g, b, 0, Value::Int(f(x)));
    Ok(Flow::Next)
}

fn shuffle(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    let r = arg(g, b, 0);
    let n = arg(g, b, 1).as_int();
    let Value::Func(swap) = arg(g, b, 2) else {
        return Err(Throw::nil_deref());
    };
    for i in (1..n.max(0)).rev() {
        let j = (next(&r)? % (i as u64 + 1)) as i64;
        if let Err(p) = m.call_nested(g, &swap, &[Value::Int(i), Value::Int(j)], 0)? {
            return Err(Throw::Panic(p));
        }
    }
    Ok(Flow::Next)
}
