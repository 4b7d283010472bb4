//! `strconv.FormatFloat`: Go's layout of decimal digits for the `e E f g G` formats, and
//! the binary `b` and hexadecimal `x X` forms.
//!
//! Digit generation is delegated to Rust's float formatting, which is exact: `{:e}` gives
//! the shortest digits that round-trip (what Go's precision -1 asks for) and `{:.N}` /
//! `{:.Ne}` give correctly rounded digits, ties to even, like Go's decimal rounding.
//! Only the layout (exponent form, thresholds, padding) is Go's and is written here.

use crate::value::FloatSize;

/// A decimal number `0.d[0]d[1]... × 10^dp`; `d` holds ASCII digits without leading or
/// trailing zeros, and is empty for zero.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

impl Digits {
    /// Parses Rust's `{:e}` output of a non-negative finite float: `d[.ddd]e[-]x`.
    fn from_exp(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        Digits { d, dp: exp + 1 }.normalized()
    }

    /// Parses Rust's `{:.N}` output of a non-negative finite float: `ddd[.ddd]`.
    fn from_fixed(s: &str) -> Digits {
        let int_len = s.find('.').unwrap_or(s.len());
        let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        Digits {
            d,
            dp: int_len as i64,
        }
        .normalized()
    }

    fn normalized(mut self) -> Digits {
        let lead = self.d.iter().take_while(|&&c| c == b'0').count();
        self.d.drain(..lead);
        self.dp -= lead as i64;
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        if self.d.is_empty() {
            self.dp = 0;
        }
        self
    }

    fn nd(&self) -> i64 {
        self.d.len() as i64
    }
}

/// Shortest digits that read back as the same float of the given size.
fn shortest(v: f64, size: FloatSize) -> Digits {
    match size {
        FloatSize::F32 => Digits::from_exp(&format!("{:e}", v as f32)),
        FloatSize::F64 => Digits::from_exp(&format!("{v:e}")),
    }
}

/// `strconv.FormatFloat(v, fmt, prec, bitSize)`. `prec` < 0 asks for the shortest
/// representation; an unknown `fmt` byte yields `%` followed by it, as in Go.
pub fn format_float(v: f64, fmt: u8, prec: i64, size: FloatSize) -> Vec<u8> {
    let mut out = Vec::new();
    append_float(&mut out, v, fmt, prec, size);
    out
}

/// Like `format_float`, appending to `out` (`strconv.AppendFloat`).
pub fn append_float(out: &mut Vec<u8>, v: f64, fmt: u8, prec: i64, size: FloatSize) {
    let v = match size {
        FloatSize::F32 => f64::from(v as f32),
        FloatSize::F64 => v,
    };
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        out.extend_from_slice(if v < 0.0 { b"-Inf" } else { b"+Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    // Precision is capped so that a hostile caller cannot ask for gigabytes; a Printf
    // format string cannot exceed 10_000_009 (Go's parsenum stops past 1e6).
    let prec = prec.min(20_000_000);
    match fmt {
        b'b' => return fmt_b(out, neg, a, size),
        b'x' | b'X' => return fmt_x(out, prec, fmt, neg, a, size),
        _ => {}
    }
    if !matches!(fmt, b'e' | b'E' | b'f' | b'g' | b'G') {
        out.push(b'%');
        out.push(fmt);
        return;
    }
    let shortest_mode = prec < 0;
    let mut prec = prec;
    let digits = if a == 0.0 {
        Digits {
            d: Vec::new(),
            dp: 0,
        }
    } else if shortest_mode {
        let d = shortest(a, size);
        prec = match fmt {
            b'e' | b'E' => (d.nd() - 1).max(0),
            b'f' => (d.nd() - d.dp).max(0),
            _ => d.nd(),
        };
        d
    } else {
        // A float64 has at most 767 significant and 1074 fractional decimal digits, so
        // asking Rust (which rejects precisions over 65535) for more than EXACT changes
        // nothing: the layout pads with zeros.
        const EXACT: i64 = 1100;
        let p = |n: i64| n.clamp(0, EXACT) as usize;
        match fmt {
            b'e' | b'E' => Digits::from_exp(&format!("{:.*e}", p(prec), a)),
            b'f' => Digits::from_fixed(&format!("{:.*}", p(prec), a)),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                Digits::from_exp(&format!("{:.*e}", p(prec - 1), a))
            }
        }
    };
    fmt_efg(out, neg, &digits, prec, fmt, shortest_mode);
}

/// Go's `fmtEFG`: chooses between `e` and `f` layouts for `g`, then lays the digits out.
fn fmt_efg(out: &mut Vec<u8>, neg: bool, d: &Digits, mut prec: i64, mut fmt: u8, shortest: bool) {
    let nd = d.nd();
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= d.dp {
            eprec = nd;
        }
        // %e is used when the exponent is below -4 or at least the precision; for the
        // shortest digits the precision taken for this decision is 6.
        if shortest {
            eprec = 6;
        }
        let exp = d.dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > d.dp {
                prec = nd;
            }
            prec = (prec - d.dp).max(0);
            fmt = b'f';
        }
    }
    if neg {
        out.push(b'-');
    }
    let digit = |i: i64| -> u8 {
        if i >= 0 && i < nd {
            d.d[i as usize]
        } else {
            b'0'
        }
    };
    if fmt == b'e' || fmt == b'E' {
        out.push(if nd == 0 { b'0' } else { d.d[0] });
        if prec > 0 {
            out.push(b'.');
            for i in 1..=prec {
                out.push(digit(i));
            }
        }
        out.push(fmt);
        let exp = if nd == 0 { 0 } else { d.dp - 1 };
        out.push(if exp < 0 { b'-' } else { b'+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push(b'0');
        }
        out.extend_from_slice(e.to_string().as_bytes());
        return;
    }
    // %f: integer part, padded with zeros, then `prec` fraction digits.
    if d.dp > 0 {
        for i in 0..d.dp {
            out.push(digit(i));
        }
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        for i in 0..prec {
            out.push(digit(d.dp + i));
        }
    }
}

/// The mantissa (with the implicit bit for normal numbers), the unbiased exponent
/// (denormals use the minimum exponent) and the number of fraction bits of `a` ≥ 0.
fn decompose(a: f64, size: FloatSize) -> (u64, i64, u32) {
    let (bits, exp_bits, mant_bits) = match size {
        FloatSize::F32 => (u64::from((a as f32).to_bits()), 8u32, 23u32),
        FloatSize::F64 => (a.to_bits(), 11, 52),
    };
    let bias = (1i64 << (exp_bits - 1)) - 1;
    let e = ((bits >> mant_bits) & ((1 << exp_bits) - 1)) as i64;
    let m = bits & ((1u64 << mant_bits) - 1);
    if e == 0 {
        (m, 1 - bias, mant_bits)
    } else {
        (m | 1 << mant_bits, e - bias, mant_bits)
    }
}

/// `%b`: the binary exponent form `-ddddp±ddd` of the mantissa and exponent.
fn fmt_b(out: &mut Vec<u8>, neg: bool, a: f64, size: FloatSize) {
    let (mant, exp, mant_bits) = decompose(a, size);
    let exp = exp - i64::from(mant_bits);
    if neg {
        out.push(b'-');
    }
    out.extend_from_slice(mant.to_string().as_bytes());
    out.push(b'p');
    if exp >= 0 {
        out.push(b'+');
    }
    out.extend_from_slice(exp.to_string().as_bytes());
}

/// `%x`/`%X`: hexadecimal mantissa `-0x1.8p+01`, rounded to `prec` hex digits (ties to
/// even) when `prec` is in 0..15, shortest when negative.
fn fmt_x(out: &mut Vec<u8>, prec: i64, fmt: u8, neg: bool, a: f64, size: FloatSize) {
    let (mut mant, mut exp, mant_bits) = decompose(a, size);
    if mant == 0 {
        exp = 0;
    }
    // Put the leading 1 (if any) at bit 60.
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let digits: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        out.push(b'-');
    }
    out.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(digits[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(digits[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(e.to_string().as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64, fmt: u8, prec: i64) -> String {
        String::from_utf8(format_float(v, fmt, prec, FloatSize::F64)).unwrap()
    }

    #[test]
    fn shortest_forms() {
        assert_eq!(f(0.1 + 0.2, b'g', -1), "0.30000000000000004");
        assert_eq!(f(1e21, b'g', -1), "1e+21");
        assert_eq!(f(1e20, b'g', -1), "1e+20");
        assert_eq!(f(100.0, b'g', -1), "100");
        assert_eq!(f(2.5e-7, b'g', -1), "2.5e-07");
        assert_eq!(f(1.0 / 3.0, b'g', -1), "0.3333333333333333");
        assert_eq!(f(123456.0, b'g', -1), "123456");
        assert_eq!(f(1234567.0, b'g', -1), "1.234567e+06");
        assert_eq!(f(0.0001, b'g', -1), "0.0001");
        assert_eq!(f(0.00001, b'g', -1), "1e-05");
        assert_eq!(f(1e21, b'f', -1), "1000000000000000000000");
        assert_eq!(f(1.5, b'e', -1), "1.5e+00");
        assert_eq!(f(0.0, b'g', -1), "0");
        assert_eq!(f(-0.0, b'g', -1), "-0");
        assert_eq!(f(1e100, b'e', -1), "1e+100");
        assert_eq!(f(5e-324, b'g', -1), "5e-324");
        assert_eq!(f(f64::MAX, b'g', -1), "1.7976931348623157e+308");
        assert_eq!(
            String::from_utf8(format_float(0.1, b'g', -1, FloatSize::F32)).unwrap(),
            "0.1"
        );
    }

    #[test]
    #[allow(clippy::approx_constant)] // 3.14159 is the corpus literal, not π
    fn fixed_precisions() {
        assert_eq!(f(3.14159, b'f', 6), "3.141590");
        assert_eq!(f(3.14159, b'f', 2), "3.14");
        assert_eq!(f(2.5, b'f', 0), "2");
        assert_eq!(f(3.5, b'f', 0), "4");
        assert_eq!(f(0.5, b'f', 0), "0");
        assert_eq!(f(0.25, b'f', 1), "0.2");
        assert_eq!(f(9.99, b'f', 1), "10.0");
        assert_eq!(f(0.0006, b'f', 3), "0.001");
        assert_eq!(f(-0.0001, b'f', 2), "-0.00");
        assert_eq!(f(1e6, b'e', 6), "1.000000e+06");
        assert_eq!(f(123.456, b'E', 2), "1.23E+02");
        assert_eq!(f(0.0, b'e', 2), "0.00e+00");
        assert_eq!(f(1.0 / 3.0, b'g', 4), "0.3333");
        assert_eq!(f(1.5, b'g', 3), "1.5");
        assert_eq!(f(123456789.0, b'g', 3), "1.23e+08");
        assert_eq!(f(100.0, b'g', 0), "1e+02");
        assert_eq!(f(f64::NAN, b'f', 2), "NaN");
        assert_eq!(f(f64::NEG_INFINITY, b'g', -1), "-Inf");
        assert_eq!(f(1.0, b'b', -1), "4503599627370496p-52");
        assert_eq!(f(1.0, b'z', -1), "%z");
        assert_eq!(f(-2.5, b'x', -1), "-0x1.4p+01");
        assert_eq!(f(1.0, b'X', 3), "0X1.000P+00");
        assert_eq!(f(0.0, b'x', -1), "0x0p+00");
    }
}
