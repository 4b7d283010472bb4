//! Reproduces every output line of the corpus program `lang/fmt_verbs.go` by building
//! its operands by hand, the way the interpreter will, and compares with the `.out`
//! file recorded from real Go.

use goroscope_fmt::{Data, Field, ListKind, MethodKind, Value, errorf, sprint, sprintf, sprintln};

const EXPECTED: &str = include_str!("../../../tests/corpus/lang/fmt_verbs.out");

fn int(v: i64) -> Value {
    Value::int(v)
}

fn s(v: &str) -> Value {
    Value::string(v)
}

fn f(v: f64) -> Value {
    Value::float64(v)
}

fn point(x: i64, y: i64) -> Value {
    let fields = vec![
        Field {
            name: "X".into(),
            value: int(x),
        },
        Field {
            name: "Y".into(),
            value: int(y),
        },
    ];
    Value::new("main.Point", Data::Struct(fields))
}

fn color(c: i64) -> Value {
    let names = ["red", "green", "blue"];
    Value::new("main.Color", Data::Int(c))
        .with_method(MethodKind::String, Ok(names[c as usize].into()))
}

fn slice(ty: &str, elems: Vec<Value>) -> Value {
    Value::slice(ty, elems)
}

fn nil_of(ty: &str, data: Data) -> Value {
    Value::new(ty, data)
}

fn map(ty: &str, entries: Vec<(Value, Value)>) -> Value {
    Value::new(
        ty,
        Data::Map {
            entries,
            nil: false,
            addr: 0,
        },
    )
}

fn errors_new(msg: &str) -> Value {
    let inner = Value::new(
        "errors.errorString",
        Data::Struct(vec![Field {
            name: "s".into(),
            value: s(msg),
        }]),
    );
    Value::new(
        "*errors.errorString",
        Data::Pointer {
            addr: 0xc000014070,
            elem: Some(Box::new(inner)),
        },
    )
    .with_method(MethodKind::Error, Ok(msg.into()))
}

fn str_out(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap()
}

fn printf(out: &mut String, format: &str, args: &[Value]) {
    out.push_str(&str_out(sprintf(format.as_bytes(), args)));
}

#[test]
#[allow(clippy::approx_constant)] // the corpus program prints the literal 3.14159
fn fmt_verbs_corpus_output() {
    let mut out = String::new();

    let p = point(1, -2);
    let pp = Value::new(
        "*main.Point",
        Data::Pointer {
            addr: 0xc000012345,
            elem: Some(Box::new(p.clone())),
        },
    );
    printf(
        &mut out,
        "%v|%+v|%T|%T\n",
        &[p.clone(), p.clone(), p.clone(), pp],
    );
    printf(
        &mut out,
        "%d|%5d|%-5d|%05d|%+d\n",
        &[int(42), int(42), int(42), int(42), int(42)],
    );
    printf(
        &mut out,
        "%s|%q|%10s|%-10s|\n",
        &[s("go"), s("go"), s("right"), s("left")],
    );
    printf(
        &mut out,
        "%t|%v\n",
        &[Value::bool(true), Value::bool(false)],
    );
    printf(
        &mut out,
        "%f|%.2f|%8.3f|%-8.1f|%.0f\n",
        &[f(3.14159), f(3.14159), f(3.14159), f(2.0), f(2.5)],
    );
    printf(
        &mut out,
        "%x|%X|%x|%x\n",
        &[int(255), int(255), s("hi"), int(-26)],
    );
    printf(
        &mut out,
        "%c|%c|%q|%d\n",
        &[
            Value::rune('G' as i32),
            Value::rune('ü' as i32),
            Value::rune('o' as i32),
            Value::rune('A' as i32),
        ],
    );
    printf(
        &mut out,
        "%v|%d|%s\n",
        &[
            slice("[]int", vec![int(1), int(2)]),
            slice("[]int", vec![int(3), int(4)]),
            slice("[]string", vec![s("a"), s("b")]),
        ],
    );
    let arr = Value::new(
        "[2]bool",
        Data::List {
            elems: vec![Value::bool(true), Value::bool(false)],
            kind: ListKind::Array,
            bytes: false,
        },
    );
    printf(
        &mut out,
        "%v|%v\n",
        &[
            map("map[string]int", vec![(s("b"), int(2)), (s("a"), int(1))]),
            arr,
        ],
    );
    printf(
        &mut out,
        "%T|%T|%T|%T|%T|%T\n",
        &[
            int(1),
            s("s"),
            f(2.0),
            Value::bytes(b"x"),
            map("map[string][]int", vec![]),
            Value::rune('r' as i32),
        ],
    );
    printf(
        &mut out,
        "%T|%T|%T|%T\n",
        &[
            Value::nil(),
            int(3),
            Value::new("func(int) string", Data::Func { addr: 0x47b0a0 }),
            Value::new("chan int", Data::Chan { addr: 0xc000020060 }),
        ],
    );
    printf(&mut out, "%v|%s|%d\n", &[color(1), color(2), color(0)]);
    printf(&mut out, "%6.2f%%\n", &[f(12.345)]);
    let nil_slice = nil_of(
        "[]int",
        Data::List {
            elems: vec![],
            kind: ListKind::Slice { nil: true, addr: 0 },
            bytes: false,
        },
    );
    let nil_map = nil_of(
        "map[string]int",
        Data::Map {
            entries: vec![],
            nil: true,
            addr: 0,
        },
    );
    printf(
        &mut out,
        "%v %v %v %v\n",
        &[Value::nil(), nil_slice, nil_map, Value::nil()],
    );

    out.push_str(&str_out(sprintln(&[
        f(0.3),
        f(1e21),
        f(1e20),
        f(100.0),
        f(2.5e-7),
        f(1.0 / 3.0),
    ])));
    let i8v = Value::new("int8", Data::Int(-5));
    let u16v = Value::new("uint16", Data::Uint(65535));
    out.push_str(&str_out(sprintln(&[
        i8v,
        u16v,
        Value::rune('x' as i32),
        Value::byte(b'x'),
        s("str"),
        Value::bool(true),
    ])));

    out.push_str(&str_out(sprint(&[
        s("a"),
        s("b"),
        int(1),
        int(2),
        s("c"),
        f(3.5),
        s("\n"),
    ])));
    out.push_str(&str_out(sprint(&[int(1), int(2), s("\n")])));
    out.push_str(&str_out(sprintln(&[s("a"), s("b"), int(1), int(2)])));

    let s1 = sprint(&[s("x"), int(1), int(2), s("y")]);
    let s2 = sprintln(&[s("x"), int(1), int(2), s("y")]);
    let s3 = sprintf(b"%03d-%s", &[int(7), s("bond")]);
    out.push_str(&str_out(sprintf(
        b"%q %q %q\n",
        &[Value::string(s1), Value::string(s2), Value::string(s3)],
    )));

    let base = errors_new("disk full");
    let err = errorf(b"saving %q: %w", &[s("notes.txt"), base.clone()]);
    assert_eq!(err.wrapping, goroscope_fmt::Wrapping::Single(Some(1)));
    let wrapped = Value::new(
        "*fmt.wrapError",
        Data::Pointer {
            addr: 0xc000010000,
            elem: None,
        },
    )
    .with_method(MethodKind::Error, Ok(err.message));
    out.push_str(&str_out(sprintln(&[wrapped])));
    out.push_str(&str_out(sprintln(&[Value::bool(true)]))); // errors.Unwrap(err) == base

    let inner = |a: Vec<Value>, m: Value| {
        Value::new(
            "main.inner",
            Data::Struct(vec![
                Field {
                    name: "A".into(),
                    value: slice("[]int", a),
                },
                Field {
                    name: "M".into(),
                    value: m,
                },
            ]),
        )
    };
    let outer = |name: &str, inn: Value| {
        Value::new(
            "main.outer",
            Data::Struct(vec![
                Field {
                    name: "Name".into(),
                    value: s(name),
                },
                Field {
                    name: "In".into(),
                    value: inn,
                },
                Field {
                    name: "P".into(),
                    value: Value::new(
                        "*int",
                        Data::Pointer {
                            addr: 0,
                            elem: None,
                        },
                    ),
                },
            ]),
        )
    };
    let full = outer(
        "o",
        inner(
            vec![int(1)],
            map("map[string]bool", vec![(s("k"), Value::bool(true))]),
        ),
    );
    printf(&mut out, "%+v\n", &[full]);
    let empty_inner = Value::new(
        "main.inner",
        Data::Struct(vec![
            Field {
                name: "A".into(),
                value: nil_of(
                    "[]int",
                    Data::List {
                        elems: vec![],
                        kind: ListKind::Slice { nil: true, addr: 0 },
                        bytes: false,
                    },
                ),
            },
            Field {
                name: "M".into(),
                value: nil_of(
                    "map[string]bool",
                    Data::Map {
                        entries: vec![],
                        nil: true,
                        addr: 0,
                    },
                ),
            },
        ]),
    );
    printf(&mut out, "%v\n", &[outer("", empty_inner)]);

    assert_eq!(out, EXPECTED);
}
