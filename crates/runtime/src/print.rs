//! The `print`/`println` builtins (Go's runtime printing: floats as `+1.500000e+000`,
//! pointers as hex) and the short display of channel values recorded in events.

use goroscope_fmt::FloatSize;

use crate::value::Value;

/// The text `print(vals...)` (or `println`, with spaces and a newline) writes.
pub fn print_values(vals: &[Value], ln: bool) -> String {
    let mut out = String::new();
    for (i, v) in vals.iter().enumerate() {
        if ln && i > 0 {
            out.push(' ');
        }
        print_one(v, &mut out);
    }
    if ln {
        out.push('\n');
    }
    out
}

fn print_one(v: &Value, out: &mut String) {
    match v {
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&print_float(*f)),
        Value::Str(s) => out.push_str(&String::from_utf8_lossy(s)),
        Value::Nil => out.push_str("0x0"),
        Value::Iface(i) => out.push_str(&format!("({:#x},{:#x})", i.ty.0, address(&i.val))),
        other => out.push_str(&format!("{:#x}", address(other))),
    }
}

/// The address a program sees for a reference value (for `print` and `%p`-like output):
/// during a run, the run's own pseudo-address of the object (`value::meter::address_of`);
/// outside a run (tests of the printers), a stable shape of the host address.
pub fn address(v: &Value) -> u64 {
    let host = match v {
        Value::Cell(c) => std::rc::Rc::as_ptr(c) as *const u8 as usize,
        Value::Ptr(p) => std::rc::Rc::as_ptr(p) as *const u8 as usize,
        Value::Map(m) => std::rc::Rc::as_ptr(m) as *const u8 as usize,
        Value::Func(f) => std::rc::Rc::as_ptr(f) as *const u8 as usize,
        Value::Slice(s) => std::rc::Rc::as_ptr(&s.backing) as *const u8 as usize,
        // A channel is an id, not a host object: its key lies where no host address can
        // (the top of the address space), so it still gets an address of its own.
        Value::Chan(c) => usize::MAX - *c as usize,
        _ => 0,
    };
    if host == 0 {
        return 0;
    }
    crate::value::meter::address_of(host, v)
        .unwrap_or(0x00c0_0000_0000 + (host as u64 & 0x00ff_fff8))
}

/// Go's runtime `printfloat`: `+d.dddddde+ddd`.
pub fn print_float(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:.6e}", v.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if v.is_sign_negative() { '-' } else { '+' };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{mant}e{esign}{:03}", exp.abs())
}

/// How a channel value is shown in the trace (a short `%v`-like text).
pub fn display(v: &Value) -> String {
    match v {
        Value::Nil => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => String::from_utf8_lossy(&goroscope_fmt::strconv::format_float(
            *f,
            b'g',
            -1,
            FloatSize::F64,
        ))
        .into_owned(),
        Value::Str(s) => String::from_utf8_lossy(s).into_owned(),
        Value::Agg(a) => {
            let parts: Vec<String> = a.iter().map(display).collect();
            format!("{{{}}}", parts.join(" "))
        }
        Value::Slice(s) => {
            let parts: Vec<String> = s.to_vec().iter().map(display).collect();
            format!("[{}]", parts.join(" "))
        }
        Value::Iface(i) => display(&i.val),
        Value::Chan(c) => format!("chan#{c}"),
        other => format!("{:#x}", address(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_the_runtime() {
        assert_eq!(print_float(1.5), "+1.500000e+000");
        assert_eq!(print_float(-0.001), "-1.000000e-003");
        assert_eq!(print_float(0.0), "+0.000000e+000");
        assert_eq!(print_float(f64::INFINITY), "+Inf");
    }

    #[test]
    fn println_separates_with_spaces() {
        let vals = [Value::Int(1), Value::str(b"a"), Value::Bool(true)];
        assert_eq!(print_values(&vals, true), "1 a true\n");
        assert_eq!(print_values(&vals, false), "1atrue");
    }
}
