//! Differential tests of `strconv`, `strings` and `duration` against outputs recorded
//! from real Go 1.27 by `gen/golden_lib.go` (`tests/golden/lib.jsonl`).

use goroscope_fmt::strconv::{self, NumError};
use goroscope_fmt::{FloatSize, duration, strings};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    op: String,
    #[serde(default)]
    a: Vec<String>,
    #[serde(default)]
    i: Vec<i64>,
    out: String,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|c| format!("{c:02x}")).collect()
}

fn list(v: Vec<&[u8]>) -> Vec<u8> {
    v.iter()
        .map(|b| hex(b))
        .collect::<Vec<_>>()
        .join(",")
        .into_bytes()
}

fn text(v: impl ToString) -> Vec<u8> {
    v.to_string().into_bytes()
}

/// `value|error text` as the generator writes parse results.
fn with_err<T: ToString>(r: Result<T, (T, NumError)>, zero: T) -> Vec<u8> {
    let (v, e) = match r {
        Ok(v) => (v, Vec::new()),
        Err((v, e)) => (v, e.message()),
    };
    let _ = zero;
    let mut out = text(v);
    out.push(b'|');
    out.extend_from_slice(&e);
    out
}

fn size(bits: i64) -> FloatSize {
    if bits == 32 {
        FloatSize::F32
    } else {
        FloatSize::F64
    }
}

fn run(c: &Case) -> Vec<u8> {
    let a: Vec<Vec<u8>> = c.a.iter().map(|s| unhex(s)).collect();
    let s = a.first().map(Vec::as_slice).unwrap_or_default();
    let t = a.get(1).map(Vec::as_slice).unwrap_or_default();
    let i = &c.i;
    match c.op.as_str() {
        "format_float" => {
            strconv::format_float(f64::from_bits(i[0] as u64), s[0], i[1], size(i[2]))
        }
        "parse_float" => {
            let (v, e) = match strconv::parse_float(s, i[0]) {
                Ok(v) => (v, Vec::new()),
                Err((v, e)) => (v, e.message()),
            };
            let mut out = text(v.to_bits());
            out.push(b'|');
            out.extend_from_slice(&e);
            out
        }
        "parse_int" => with_err(strconv::parse_int(s, i[0], i[1]), 0),
        "parse_uint" => with_err(strconv::parse_uint(s, i[0], i[1]), 0),
        "atoi" => with_err(strconv::atoi(s), 0),
        "format_int" => text(strconv::format_int(i[0], i[1] as u32)),
        "quote" => strconv::quote(s),
        "quote_to_ascii" => strconv::quote_to_ascii(s),
        "quote_rune" => strconv::quote_rune(i[0] as u32),
        "unquote" => {
            let (mut v, e) = match strconv::unquote(s) {
                Ok(v) => (v, String::new()),
                Err(k) => (Vec::new(), k.message()),
            };
            v.push(b'|');
            v.extend_from_slice(e.as_bytes());
            v
        }
        "can_backquote" => text(strconv::can_backquote(s)),
        "fields" => list(strings::fields(s)),
        "split" => list(strings::split(s, t)),
        "split_n" => list(strings::split_n(s, t, i[0] as isize)),
        "split_after" => list(strings::split_after(s, t)),
        "replace" => strings::replace(s, t, &a[2], i[0] as isize),
        "to_upper" => strings::to_upper_string(s),
        "to_lower" => strings::to_lower_string(s),
        "trim" => strings::trim(s, t).to_vec(),
        "trim_left" => strings::trim_left(s, t).to_vec(),
        "trim_right" => strings::trim_right(s, t).to_vec(),
        "trim_space" => strings::trim_space(s).to_vec(),
        "index" => text(strings::index(s, t)),
        "last_index" => text(strings::last_index(s, t)),
        "index_any" => text(strings::index_any(s, t)),
        "count" => text(strings::count(s, t)),
        "equal_fold" => text(strings::equal_fold(s, t)),
        "duration_string" => text(duration::string(i[0])),
        "duration_float" => text(format!(
            "{},{},{}",
            duration::seconds(i[0]).to_bits(),
            duration::minutes(i[0]).to_bits(),
            duration::hours(i[0]).to_bits()
        )),
        "duration_round" => text(format!(
            "{},{}",
            duration::round(i[0], i[1]),
            duration::truncate(i[0], i[1])
        )),
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn library_functions_match_go() {
    let mut failures = Vec::new();
    let mut total = 0;
    for line in include_str!("golden/lib.jsonl").lines() {
        let case: Case = serde_json::from_str(line).unwrap();
        total += 1;
        let got = run(&case);
        if got != unhex(&case.out) {
            failures.push(format!(
                "{} {:?} {:?}\n   want {:?}\n    got {:?}",
                case.op,
                case.a
                    .iter()
                    .map(|s| String::from_utf8_lossy(&unhex(s)).into_owned())
                    .collect::<Vec<_>>(),
                case.i,
                String::from_utf8_lossy(&unhex(&case.out)),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from Go:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
