//! Property tests: no input makes the crate panic. Random format strings (biased toward
//! `%`, flags, widths, `*` and `[n]`) over random value trees, and random bytes through
//! every `strconv`, `strings` and `duration` function.

use goroscope_fmt::{
    Data, Field, FloatSize, ListKind, MethodKind, Value, duration, errorf, sprint, sprintf,
    sprintln, strconv, strings,
};
use proptest::prelude::*;

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::nil()),
        any::<bool>().prop_map(Value::bool),
        any::<i64>().prop_map(|v| Value::new("int64", Data::Int(v))),
        any::<u64>().prop_map(|v| Value::new("uint64", Data::Uint(v))),
        any::<u64>().prop_map(|b| Value::float64(f64::from_bits(b))),
        any::<u32>().prop_map(|b| Value::new(
            "float32",
            Data::Float {
                v: f64::from(f32::from_bits(b)),
                size: FloatSize::F32
            }
        )),
        proptest::collection::vec(any::<u8>(), 0..12).prop_map(Value::string),
        proptest::collection::vec(any::<u8>(), 0..6).prop_map(|b| Value::bytes(&b)),
        any::<u64>().prop_map(|a| Value::new(
            "*int",
            Data::Pointer {
                addr: a % 3,
                elem: None
            }
        )),
        any::<u64>().prop_map(|a| Value::new("chan int", Data::Chan { addr: a })),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(|e| Value::slice("[]any", e)),
            (
                proptest::collection::vec(inner.clone(), 0..3),
                any::<bool>()
            )
                .prop_map(|(e, bytes)| Value::new(
                    "[3]T",
                    Data::List {
                        elems: e,
                        kind: ListKind::Array,
                        bytes
                    }
                )),
            proptest::collection::vec((inner.clone(), inner.clone()), 0..3).prop_map(|entries| {
                Value::new(
                    "map[any]any",
                    Data::Map {
                        entries,
                        nil: false,
                        addr: 0,
                    },
                )
            }),
            proptest::collection::vec(("[a-zA-Zé_]{0,3}", inner.clone()), 0..3).prop_map(|fs| {
                Value::new(
                    "main.T",
                    Data::Struct(
                        fs.into_iter()
                            .map(|(name, value)| Field { name, value })
                            .collect(),
                    ),
                )
            }),
            inner.clone().prop_map(|v| Value::new(
                "*T",
                Data::Pointer {
                    addr: 1,
                    elem: Some(Box::new(v))
                }
            )),
            (
                inner.clone(),
                proptest::collection::vec(any::<u8>(), 0..5),
                any::<bool>()
            )
                .prop_map(|(v, text, err)| {
                    let kind = if err {
                        MethodKind::Error
                    } else {
                        MethodKind::String
                    };
                    v.with_method(kind, Ok(text))
                }),
            (inner.clone(), inner).prop_map(|(v, p)| v.with_method(MethodKind::String, Err(p))),
        ]
    })
}

fn format_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"%".to_vec()),
        Just(b"%%".to_vec()),
        "[-+# 0]{0,3}".prop_map(String::into_bytes),
        "[0-9]{1,3}".prop_map(String::into_bytes),
        Just(b"*".to_vec()),
        Just(b".".to_vec()),
        Just(b".*".to_vec()),
        "\\[[0-9]{0,2}\\]?".prop_map(String::into_bytes),
        "[vdsqxXobcUeEfFgGtTwpz!é]".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..3),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn printing_never_panics(format in format_bytes(), args in proptest::collection::vec(tree(), 0..5)) {
        let out = sprintf(&format, &args);
        let _ = errorf(&format, &args);
        let _ = sprint(&args);
        let line = sprintln(&args);
        prop_assert_eq!(line.last(), Some(&b'\n'));
        // Text without verbs is copied through unchanged.
        if !format.contains(&b'%') && args.is_empty() {
            prop_assert_eq!(out, format);
        }
    }

    #[test]
    fn strconv_never_panics(s in proptest::collection::vec(any::<u8>(), 0..24), bits in any::<u64>(),
                            base in -2i64..40, size in -1i64..70, fmt in any::<u8>(), prec in -3i64..40) {
        let _ = strconv::parse_float(&s, size);
        let _ = strconv::parse_int(&s, base, size);
        let _ = strconv::parse_uint(&s, base, size);
        let _ = strconv::atoi(&s);
        let _ = strconv::parse_bool(&s);
        let _ = strconv::unquote(&s);
        let q = strconv::quote(&s);
        // Invalid bytes are quoted as \xNN, which unquotes to the raw byte.
        prop_assert_eq!(strconv::unquote(&q), Ok(s.clone()));
        let _ = strconv::quote_rune(bits as u32);
        let size = if size == 32 { FloatSize::F32 } else { FloatSize::F64 };
        let _ = strconv::format_float(f64::from_bits(bits), fmt, prec, size);
        let _ = strconv::format_int(bits as i64, base.clamp(0, 40) as u32);
    }

    #[test]
    fn shortest_floats_round_trip(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        let text = strconv::format_float(v, b'g', -1, FloatSize::F64);
        let back = strconv::parse_float(&text, 64);
        if v.is_nan() {
            prop_assert!(back.unwrap().is_nan());
        } else {
            prop_assert_eq!(back.unwrap().to_bits(), v.to_bits());
        }
    }

    #[test]
    fn strings_never_panic(s in proptest::collection::vec(any::<u8>(), 0..20), t in proptest::collection::vec(any::<u8>(), 0..4),
                           n in -2isize..6, r in any::<u32>(), d in any::<i64>(), m in any::<i64>()) {
        let _ = strings::fields(&s);
        let parts = strings::split(&s, &t);
        if !t.is_empty() {
            prop_assert_eq!(strings::join(&parts, &t), s.clone());
        }
        let _ = strings::split_n(&s, &t, n);
        let _ = strings::split_after_n(&s, &t, n);
        let _ = strings::replace(&s, &t, b"xy", n);
        let _ = strings::to_upper_string(&s);
        let _ = strings::to_lower_string(&s);
        let _ = strings::equal_fold(&s, &t);
        let _ = strings::trim(&s, &t);
        let _ = strings::trim_space(&s);
        let _ = strings::index_any(&s, &t);
        let _ = strings::index_rune(&s, r);
        let _ = strings::count(&s, &t);
        let _ = strings::last_index(&s, &t);
        let _ = strings::cut(&s, &t);
        let _ = strings::repeat(&t, n as i64);
        let _ = duration::string(d);
        let _ = duration::round(d, m);
        let _ = duration::truncate(d, m);
        let _ = (duration::seconds(d), duration::minutes(d), duration::hours(d), duration::abs(d));
    }
}

#[test]
fn huge_widths_and_precisions_are_bounded() {
    let f = Value::float64(1e308);
    // Go's parsenum gives up once the number already exceeds 1e6.
    assert_eq!(
        sprintf(b"%.100000000f", std::slice::from_ref(&f)),
        b"%!(NOVERB)%!(EXTRA float64=1e+308)"
    );
    assert_eq!(
        sprintf(b"%.10000009f", &[Value::float64(1.0)]).len(),
        10_000_011
    );
    let out = sprintf(b"%.1000000f", std::slice::from_ref(&f));
    assert_eq!(out.len(), 309 + 1 + 1_000_000);
    assert!(out.starts_with(b"100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336.0000"));
    let out = sprintf(b"%.1000000e", &[f]);
    assert!(
        out.starts_with(b"1.0000000000000000109790636294404554174049230967731184633")
            && out.ends_with(b"000e+308")
    );
    assert_eq!(
        sprintf(b"%*d", &[Value::int(10_000_000), Value::int(1)]),
        b"%!(BADWIDTH)1"
    );
}
