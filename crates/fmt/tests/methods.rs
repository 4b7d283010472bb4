//! `Error()`/`String()` results in the tree and `Errorf` wrapping, with expectations
//! taken from Go 1.27 runs of the equivalent program (shown in comments).

use goroscope_fmt::{Data, Field, MethodKind, Value, Wrapping, errorf, sprintf, sprintln};

fn out(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap()
}

/// `type P struct{ n int }` whose `String` method panics with "boom".
fn panicking(n: i64) -> Value {
    Value::new(
        "main.P",
        Data::Struct(vec![Field {
            name: "n".into(),
            value: Value::int(n),
        }]),
    )
    .with_method(MethodKind::String, Err(Value::string("boom")))
}

/// `errors.New(msg)`: a `*errors.errorString` at `addr`.
fn errors_new(msg: &str, addr: u64) -> Value {
    let inner = Value::new(
        "errors.errorString",
        Data::Struct(vec![Field {
            name: "s".into(),
            value: Value::string(msg),
        }]),
    );
    Value::new(
        "*errors.errorString",
        Data::Pointer {
            addr,
            elem: Some(Box::new(inner)),
        },
    )
    .with_method(MethodKind::Error, Ok(msg.into()))
}

#[test]
fn panicking_methods() {
    // fmt.Printf("%v|%s|%d|%5v|\n", P{1}, P{2}, P{3}, P{4})
    let got = sprintf(
        b"%v|%s|%d|%5v|\n",
        &[panicking(1), panicking(2), panicking(3), panicking(4)],
    );
    assert_eq!(
        out(got),
        "%!v(PANIC=String method: boom)|%!s(PANIC=String method: boom)|{3}|%!v(PANIC=String method: boom)|\n"
    );
    // var np *V (value-receiver Error): calling it through a nil pointer panics, and
    // fmt prints <nil>. fmt.Printf("%v|%s|\n", np, []any{np})
    let np = Value::new(
        "*main.V",
        Data::Pointer {
            addr: 0,
            elem: None,
        },
    )
    .with_method(
        MethodKind::Error,
        Err(Value::string(
            "invalid memory address or nil pointer dereference",
        )),
    );
    let got = sprintf(
        b"%v|%s|\n",
        &[np.clone(), Value::slice("[]interface {}", vec![np])],
    );
    assert_eq!(out(got), "<nil>|[<nil>]|\n");
}

#[test]
fn methods_are_not_called_through_unexported_fields() {
    // type Hid struct { d P; e error }; fmt.Printf("%v %+v\n", Hid{P{1}, a}, Hid{})
    let hid = |d: Value, e: Value| {
        Value::new(
            "main.Hid",
            Data::Struct(vec![
                Field {
                    name: "d".into(),
                    value: d,
                },
                Field {
                    name: "e".into(),
                    value: e,
                },
            ]),
        )
    };
    let full = hid(panicking(1), errors_new("a", 0x19cf281f20b0));
    let zero = hid(panicking(0), Value::new("error", Data::Nil));
    assert_eq!(
        out(sprintf(b"%v %+v\n", &[full, zero])),
        "{{1} 0x19cf281f20b0} {d:{n:0} e:<nil>}\n"
    );
}

#[test]
fn string_verbs_use_the_method_result() {
    // type V struct{ s string } with a value-receiver Error: fmt.Printf("%x %X %q\n", ...)
    let v = Value::new(
        "main.V",
        Data::Struct(vec![Field {
            name: "s".into(),
            value: Value::string("hi"),
        }]),
    )
    .with_method(MethodKind::Error, Ok(b"hi".to_vec()));
    assert_eq!(
        out(sprintf(b"%x %X %q\n", &[v.clone(), v.clone(), v])),
        "6869 6869 \"hi\"\n"
    );
    // fmt.Println(&E{"ptr"}) with a pointer-receiver Error.
    let e = Value::new(
        "*main.E",
        Data::Pointer {
            addr: 0xc000010000,
            elem: None,
        },
    )
    .with_method(MethodKind::Error, Ok(b"ptr".to_vec()));
    assert_eq!(out(sprintln(&[e])), "ptr\n");
}

#[test]
fn errorf_wrapping() {
    let a = errors_new("a", 0xc000014070);
    let b = errors_new("b", 0xc000014080);
    // fmt.Errorf("x %w y %w", a, b): *fmt.wrapErrors "x a y b" wrapping both.
    let e = errorf(b"x %w y %w", &[a.clone(), b.clone()]);
    assert_eq!(
        (out(e.message), e.wrapping),
        ("x a y b".to_owned(), Wrapping::Multi(vec![0, 1]))
    );
    // fmt.Errorf("%[2]w %[1]w %[2]w", a, b): sorted and deduplicated: [a b].
    let e = errorf(b"%[2]w %[1]w %[2]w", &[a.clone(), b]);
    assert_eq!(
        (out(e.message), e.wrapping),
        ("b a b".to_owned(), Wrapping::Multi(vec![0, 1]))
    );
    // fmt.Errorf("%w", 3): *fmt.wrapError whose Unwrap is nil.
    let e = errorf(b"%w", &[Value::int(3)]);
    assert_eq!(
        (out(e.message), e.wrapping),
        ("%!w(int=3)".to_owned(), Wrapping::Single(None))
    );
    // fmt.Errorf("plain"): *errors.errorString.
    let e = errorf(b"plain", &[]);
    assert_eq!(
        (out(e.message), e.wrapping),
        ("plain".to_owned(), Wrapping::None)
    );
    // fmt.Sprintf("%w", a) outside Errorf is a bad verb.
    assert_eq!(out(sprintf(b"%w", &[a])), "%!w(*errors.errorString=&{a})");
}
