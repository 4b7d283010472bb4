//! Differential tests against outputs recorded from real Go 1.27 by `gen/golden.go`
//! (`tests/golden/*.jsonl`): every pool value under every common verb, thousands of
//! random format strings with random operands, and `Print`/`Println` spacing.

use goroscope_fmt::{
    Data, Field, FloatSize, ListKind, MethodKind, Value, sprint, sprintf, sprintln,
};
use serde::Deserialize;

/// A value as `gen/golden.go` encodes it from `reflect`.
#[derive(Deserialize)]
struct Val {
    ty: String,
    k: String,
    #[serde(default)]
    v: String,
    #[serde(default)]
    size: u32,
    #[serde(default)]
    e: Vec<Val>,
    #[serde(default)]
    n: Vec<String>,
    #[serde(default)]
    nil: bool,
    #[serde(default)]
    arr: bool,
    /// The element kind is uint8.
    #[serde(default)]
    bytes: bool,
    #[serde(default)]
    m: Option<String>,
    #[serde(default)]
    mk: String,
}

#[derive(Deserialize)]
struct Case {
    op: String,
    #[serde(default)]
    f: String,
    #[serde(default)]
    args: Vec<Val>,
    out: String,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn build(v: &Val) -> Value {
    let data = match v.k.as_str() {
        "nil" => Data::Nil,
        "bool" => Data::Bool(v.v == "true"),
        "int" => Data::Int(v.v.parse().unwrap()),
        "uint" => Data::Uint(v.v.parse().unwrap()),
        "float" => Data::Float {
            v: f64::from_bits(v.v.parse().unwrap()),
            size: if v.size == 32 {
                FloatSize::F32
            } else {
                FloatSize::F64
            },
        },
        "string" => Data::String(unhex(&v.v)),
        "list" => {
            let elems: Vec<Value> = v.e.iter().map(build).collect();
            let kind = if v.arr {
                ListKind::Array
            } else {
                ListKind::Slice { nil: v.nil, addr: 0 }
            };
            Data::List {
                elems,
                kind,
                bytes: v.bytes,
            }
        }
        "map" => {
            let built: Vec<Value> = v.e.iter().map(build).collect();
            let entries = built
                .chunks(2)
                .map(|kv| (kv[0].clone(), kv[1].clone()))
                .collect();
            Data::Map {
                entries,
                nil: v.nil,
                addr: 0,
            }
        }
        "struct" => Data::Struct(
            v.n.iter()
                .zip(&v.e)
                .map(|(name, value)| Field {
                    name: name.clone(),
                    value: build(value),
                })
                .collect(),
        ),
        "ptr" => Data::Pointer {
            addr: v.v.parse().unwrap(),
            elem: v.e.first().map(|e| Box::new(build(e))),
        },
        other => panic!("unknown kind {other}"),
    };
    let value = Value::new(v.ty.as_str(), data);
    match &v.m {
        Some(text) => {
            let kind = if v.mk == "error" {
                MethodKind::Error
            } else {
                MethodKind::String
            };
            value.with_method(kind, Ok(text.clone().into_bytes()))
        }
        None => value,
    }
}

fn check_file(text: &str) {
    let mut failures = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        let case: Case = serde_json::from_str(line).unwrap();
        let args: Vec<Value> = case.args.iter().map(build).collect();
        let got = match case.op.as_str() {
            "sprintf" => sprintf(&unhex(&case.f), &args),
            "sprint" => sprint(&args),
            "sprintln" => sprintln(&args),
            other => panic!("unknown op {other}"),
        };
        total += 1;
        let want = unhex(&case.out);
        if got != want {
            failures.push(format!(
                "{} {:?} on {:?}\n   want {:?}\n    got {:?}",
                case.op,
                String::from_utf8_lossy(&unhex(&case.f)),
                case.args.iter().map(|a| a.ty.as_str()).collect::<Vec<_>>(),
                String::from_utf8_lossy(&want),
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

#[test]
fn fmt_matches_go() {
    check_file(include_str!("golden/fmt.jsonl"));
}
