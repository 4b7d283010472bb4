//! The `print` and `println` builtins (the runtime's own printing, to stderr), which
//! follow different rules from `fmt`: no Stringer calls, floats in shortest `%g` form
//! (Go 1.27), pointers as bare hex, `println` separating operands by spaces.
//!
//! Slices (`[len/cap]0xaddr`) and interfaces (`(0xtype,0xdata)`) print runtime
//! addresses the tree does not carry; the caller formats those itself. A nil
//! interface prints `(0x0,0x0)`.

use crate::strconv::{append_float, append_int, append_uint};
use crate::value::{Data, Value};

fn print_hex(out: &mut Vec<u8>, addr: u64) {
    out.extend_from_slice(b"0x");
    append_uint(out, addr, 16);
}

fn print_operand(out: &mut Vec<u8>, v: &Value) {
    match &v.data {
        Data::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Data::Int(i) => append_int(out, *i, 10),
        Data::Uint(u) => append_uint(out, *u, 10),
        Data::Float { v, size } => append_float(out, *v, b'g', -1, *size),
        Data::String(s) => out.extend_from_slice(s),
        Data::Pointer { addr, .. } | Data::Chan { addr } | Data::Func { addr } => {
            print_hex(out, *addr)
        }
        Data::Nil => out.extend_from_slice(b"(0x0,0x0)"),
        Data::List { .. } | Data::Map { .. } | Data::Struct(_) => {}
    }
}

/// The bytes `print(args...)` (`newline` false) or `println(args...)` writes.
pub fn print_builtin(args: &[Value], newline: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if newline && i > 0 {
            out.push(b' ');
        }
        print_operand(&mut out, a);
    }
    if newline {
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::FloatSize;

    #[test]
    fn matches_go_runtime_print() {
        // println(3.5, 1e21, float32(0.1), 100.0, 0.0, +Inf, true, -7, uint8(200), "s", p, nil == p)
        let args = [
            Value::float64(3.5),
            Value::float64(1e21),
            Value::new(
                "float32",
                Data::Float {
                    v: f64::from(0.1f32),
                    size: FloatSize::F32,
                },
            ),
            Value::float64(100.0),
            Value::float64(0.0),
            Value::float64(f64::INFINITY),
            Value::bool(true),
            Value::int(-7),
            Value::byte(200),
            Value::string("s"),
            Value::new(
                "*int",
                Data::Pointer {
                    addr: 0,
                    elem: None,
                },
            ),
            Value::bool(true),
        ];
        assert_eq!(
            print_builtin(&args, true),
            b"3.5 1e+21 0.1 100 0 +Inf true -7 200 s 0x0 true\n"
        );
        // print("a", 1, 2, "b\n")
        let args = [
            Value::string("a"),
            Value::int(1),
            Value::int(2),
            Value::string("b\n"),
        ];
        assert_eq!(print_builtin(&args, false), b"a12b\n");
    }
}
