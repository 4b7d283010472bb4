//! `math`: float64 functions (Rust's libm agrees with Go's on the values programs print).

use super::{NativeFn, arg, ret};
use crate::interp::Flow;
use crate::value::Value;

macro_rules! f1 {
    ($f:expr) => {{
        let n: NativeFn = |_m, g, b, _n| {
            let x = arg(g, b, 0).as_float();
            ret(g, b, 0, Value::Float($f(x)));
            Ok(Flow::Next)
        };
        n
    }};
}

macro_rules! f2 {
    ($f:expr) => {{
        let n: NativeFn = |_m, g, b, _n| {
            let (x, y) = (arg(g, b, 0).as_float(), arg(g, b, 1).as_float());
            ret(g, b, 0, Value::Float($f(x, y)));
            Ok(Flow::Next)
        };
        n
    }};
}

/// Go's math.Max: NaN wins, max(-0, +0) = +0.
fn go_max(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { y } else { x }
    } else {
        x.max(y)
    }
}

/// Go's math.Min: NaN wins, min(-0, +0) = -0.
fn go_min(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { x } else { y }
    } else {
        x.min(y)
    }
}

/// Go's math.Mod: the result has the sign of x (Rust's `%` on floats agrees).
fn go_mod(x: f64, y: f64) -> f64 {
    x % y
}

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "math.Abs" => f1!(f64::abs),
        "math.Cbrt" => f1!(f64::cbrt),
        "math.Ceil" => f1!(f64::ceil),
        "math.Cos" => f1!(f64::cos),
        "math.Exp" => f1!(f64::exp),
        "math.Floor" => f1!(f64::floor),
        "math.Log" => f1!(f64::ln),
        "math.Log10" => f1!(f64::log10),
        "math.Log2" => f1!(f64::log2),
        "math.Round" => f1!(f64::round),
        "math.Sin" => f1!(f64::sin),
        "math.Sqrt" => f1!(f64::sqrt),
        "math.Tan" => f1!(f64::tan),
        "math.Trunc" => f1!(f64::trunc),
        "math.Hypot" => f2!(f64::hypot),
        "math.Pow" => f2!(f64::powf),
        "math.Max" => f2!(go_max),
        "math.Min" => f2!(go_min),
        "math.Mod" => f2!(go_mod),
        "math.NaN" => |_m, g, b, _n| {
            ret(g, b, 0, Value::Float(f64::NAN));
            Ok(Flow::Next)
        },
        "math.Inf" => |_m, g, b, _n| {
            let v = if arg(g, b, 0).as_int() >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            };
            ret(g, b, 0, Value::Float(v));
            Ok(Flow::Next)
        },
        "math.IsNaN" => |_m, g, b, _n| {
            let v = arg(g, b, 0).as_float().is_nan();
            ret(g, b, 0, Value::Bool(v));
            Ok(Flow::Next)
        },
        "math.IsInf" => |_m, g, b, _n| {
            let (x, sign) = (arg(g, b, 0).as_float(), arg(g, b, 1).as_int());
            let v = (sign >= 0 && x == f64::INFINITY) || (sign <= 0 && x == f64::NEG_INFINITY);
            ret(g, b, 0, Value::Bool(v));
            Ok(Flow::Next)
        },
        "math.Signbit" => |_m, g, b, _n| {
            let v = arg(g, b, 0).as_float().is_sign_negative();
            ret(g, b, 0, Value::Bool(v));
            Ok(Flow::Next)
        },
        _ => return None,
    })
}
