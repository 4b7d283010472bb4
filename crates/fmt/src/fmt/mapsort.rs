//! Map entry order for printing: Go's `internal/fmtsort`. Keys of one type compare by
//! value (numbers numerically with NaN first, strings bytewise, false before true,
//! pointers and channels by address with nil first, structs and arrays field by field).
//! Keys of different dynamic types (in a map with interface keys) have no order in Go
//! beyond its type descriptors' addresses; here they sort by type name, which is
//! deterministic. The sort is stable.

use std::cmp::Ordering;

use crate::value::{Data, Value};

/// The entries in printing order.
pub(crate) fn sorted_entries(entries: &[(Value, Value)]) -> Vec<&(Value, Value)> {
    let mut sorted: Vec<&(Value, Value)> = entries.iter().collect();
    sorted.sort_by(|a, b| compare(&a.0, &b.0));
    sorted
}

fn compare_floats(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

fn compare_lists(a: &[Value], b: &[Value]) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| compare(x, y))
        .find(|o| o.is_ne())
        .unwrap_or(a.len().cmp(&b.len()))
}

/// A total order on keys consistent with Go's `compare` where Go's is defined.
fn compare(a: &Value, b: &Value) -> Ordering {
    match (&a.data, &b.data) {
        (Data::Nil, Data::Nil) => Ordering::Equal,
        (Data::Nil, _) => Ordering::Less,
        (_, Data::Nil) => Ordering::Greater,
        _ if a.ty != b.ty => a.ty.cmp(&b.ty),
        (Data::Int(x), Data::Int(y)) => x.cmp(y),
        (Data::Uint(x), Data::Uint(y)) => x.cmp(y),
        (Data::String(x), Data::String(y)) => x.cmp(y),
        (Data::Float { v: x, .. }, Data::Float { v: y, .. }) => compare_floats(*x, *y),
        (Data::Bool(x), Data::Bool(y)) => x.cmp(y),
        (Data::Pointer { addr: x, .. }, Data::Pointer { addr: y, .. })
        | (Data::Chan { addr: x }, Data::Chan { addr: y }) => x.cmp(y),
        (Data::Struct(x), Data::Struct(y)) => x
            .iter()
            .zip(y)
            .map(|(f, g)| compare(&f.value, &g.value))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
        (Data::List { elems: x, .. }, Data::List { elems: y, .. }) => compare_lists(x, y),
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(entries: &[(Value, Value)]) -> Vec<Value> {
        sorted_entries(entries)
            .into_iter()
            .map(|e| e.0.clone())
            .collect()
    }

    #[test]
    fn orders_like_fmtsort() {
        let n = |f: f64| (Value::float64(f), Value::int(0));
        let sorted = keys(&[n(2.0), n(f64::NAN), n(-1.0), n(f64::NEG_INFINITY)]);
        let got: Vec<String> = sorted.iter().map(|v| format!("{:?}", v.data)).collect();
        assert!(got[0].contains("NaN"));
        assert!(got[1].contains("-inf"));
        let s = |x: &str| (Value::string(x), Value::int(0));
        assert_eq!(
            keys(&[s("b"), s("B"), s("a")]),
            vec![Value::string("B"), Value::string("a"), Value::string("b")]
        );
        let b = |x: bool| (Value::bool(x), Value::int(0));
        assert_eq!(
            keys(&[b(true), b(false)]),
            vec![Value::bool(false), Value::bool(true)]
        );
        let i = |x: i64| (Value::int(x), Value::int(0));
        assert_eq!(
            keys(&[i(10), i(-3), i(2)]),
            vec![Value::int(-3), Value::int(2), Value::int(10)]
        );
    }
}
