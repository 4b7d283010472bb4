//! `strconv.ParseFloat`: Go's float syntax (signs, `_` separators, `inf`/`infinity`/`nan`,
//! hexadecimal mantissas with `p` exponents) checked here; decimal conversion is left to
//! Rust's correctly rounded parser, hexadecimal rounding is done by hand.

use super::{NumError, NumErrorKind};

/// What the syntax scan found in a finite literal.
struct Scan {
    neg: bool,
    /// Mantissa digits (without `_`, `.` or prefix) in the literal's base.
    digits: Vec<u8>,
    /// Position of the radix point within `digits`.
    point: usize,
    /// Decimal exponent (after `e`) or binary exponent (after `p`).
    exp: i64,
    hex: bool,
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// `inf`, `infinity` (with optional sign) and `nan`, ignoring case; must be all of `s`.
fn special(s: &[u8], bit_size: i64) -> Option<f64> {
    let (sign, body) = match s.first() {
        Some(b'+') => (1.0, &s[1..]),
        Some(b'-') => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    let lowered: Vec<u8> = body.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lowered == b"inf" || lowered == b"infinity" {
        return Some(sign * f64::INFINITY);
    }
    // Go accepts "nan" only without a sign. Its NaN has the bit pattern of `math.NaN()`,
    // or for float32 that of the float32 NaN widened.
    let nan = if bit_size == 32 {
        f64::from(f32::NAN)
    } else {
        f64::from_bits(0x7FF8_0000_0000_0001)
    };
    (s.len() == 3 && lowered == b"nan").then_some(nan)
}

/// Go's `readFloat`, accepting only when the whole input is one literal.
fn scan(s: &[u8]) -> Option<Scan> {
    let mut i = 0;
    let mut neg = false;
    match s.first() {
        Some(b'+') => i += 1,
        Some(b'-') => {
            i += 1;
            neg = true;
        }
        _ => {}
    }
    let mut hex = false;
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        hex = true;
        i += 2;
    }
    let mut digits = Vec::new();
    let mut point = None;
    let mut underscores = false;
    while i < s.len() {
        let c = s[i];
        match c {
            b'_' => underscores = true,
            b'.' if point.is_none() => point = Some(digits.len()),
            b'0'..=b'9' => digits.push(c),
            _ if hex && (b'a'..=b'f').contains(&lower(c)) => digits.push(lower(c)),
            _ => break,
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    let point = point.unwrap_or(digits.len());
    let exp_char = if hex { b'p' } else { b'e' };
    let mut exp: i64 = 0;
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        let mut esign = 1;
        match s.get(i) {
            Some(b'+') => i += 1,
            Some(b'-') => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !s.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if exp < 100_000 {
                exp = exp * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        exp *= esign;
    } else if hex {
        return None;
    }
    if i != s.len() || (underscores && !super::atoi::underscore_ok(&s[..i])) {
        return None;
    }
    Some(Scan {
        neg,
        digits,
        point,
        exp,
        hex,
    })
}

/// Rounds `mant × 2^exp` (with `sticky` standing for nonzero bits below `mant`) to the
/// nearest float with `mant_bits` fraction bits and the given exponent bias, ties to even.
/// Returns the magnitude and whether it overflowed.
fn round_binary(
    mut mant: u64,
    mut exp: i64,
    mut sticky: bool,
    mant_bits: u32,
    bias: i64,
) -> (f64, bool) {
    if mant == 0 {
        return (0.0, false);
    }
    // Normalize so that bit 63 is set.
    let lz = mant.leading_zeros();
    mant <<= lz;
    exp -= i64::from(lz);
    // Value = mant × 2^exp with mant in [2^63, 2^64): the unbiased exponent of the
    // leading bit is exp + 63. Denormals keep fewer bits.
    let min_exp = 1 - bias;
    let lead = exp + 63;
    let keep = if lead < min_exp {
        i64::from(mant_bits) + 1 - (min_exp - lead)
    } else {
        i64::from(mant_bits) + 1
    };
    if keep < 0 {
        return (0.0, false);
    }
    let drop = (64 - keep) as u32;
    let (mut kept, half, rest) = if drop >= 64 {
        (0u64, mant >> 63 == 1 && drop == 64, (mant << 1) != 0)
    } else {
        let kept = mant >> drop;
        let half = (mant >> (drop - 1)) & 1 == 1;
        let rest = drop > 1 && mant & ((1u64 << (drop - 1)) - 1) != 0;
        (kept, half, rest)
    };
    sticky |= rest;
    if half && (sticky || kept & 1 == 1) {
        kept += 1;
    }
    let scale = exp + i64::from(drop);
    let value = ldexp(kept as f64, scale);
    let max = if mant_bits == 23 {
        f64::from(f32::MAX)
    } else {
        f64::MAX
    };
    if value > max {
        return (f64::INFINITY, true);
    }
    (value, false)
}

/// `x × 2^e`, exact whenever the result is representable (each step scales by a
/// power of two that is itself a normal float).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

fn hex_value(scan: &Scan, bit_size: i64) -> (f64, bool) {
    let mut mant: u64 = 0;
    let mut sticky = false;
    let mut exp = scan.exp - 4 * (scan.digits.len() - scan.point) as i64;
    for &d in &scan.digits {
        let v = if d.is_ascii_digit() {
            d - b'0'
        } else {
            d - b'a' + 10
        };
        if mant >> 60 == 0 {
            mant = mant << 4 | u64::from(v);
        } else {
            sticky |= v != 0;
            exp += 4;
        }
    }
    let (m, e) = if bit_size == 32 {
        (23, 127)
    } else {
        (52, 1023)
    };
    round_binary(mant, exp, sticky, m, e)
}

fn decimal_value(scan: &Scan, bit_size: i64) -> f64 {
    let mut text: Vec<u8> = scan.digits.clone();
    text.insert(scan.point, b'.');
    text.extend_from_slice(format!("e{}", scan.exp).as_bytes());
    let text = String::from_utf8(text).unwrap_or_default();
    if bit_size == 32 {
        f64::from(text.parse::<f32>().unwrap_or(0.0))
    } else {
        text.parse::<f64>().unwrap_or(0.0)
    }
}

/// `strconv.ParseFloat(s, bitSize)`: `bitSize` 32 rounds to a float32. A value too large
/// for the size is a range error carrying ±Inf, as in Go.
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    if let Some(v) = special(s, bit_size) {
        return Ok(v);
    }
    let Some(scan) = scan(s) else {
        return Err((0.0, NumError::new("ParseFloat", s, NumErrorKind::Syntax)));
    };
    let (mag, overflow) = if scan.hex {
        hex_value(&scan, bit_size)
    } else {
        let v = decimal_value(&scan, bit_size);
        (v, v.is_infinite())
    };
    let v = if scan.neg { -mag } else { mag };
    if overflow {
        let inf = if scan.neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return Err((inf, NumError::new("ParseFloat", s, NumErrorKind::Range)));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> f64 {
        parse_float(s.as_bytes(), 64).unwrap()
    }

    #[test]
    fn decimal_syntax() {
        assert_eq!(ok("2.5e3"), 2500.0);
        assert_eq!(ok("-0.5"), -0.5);
        assert_eq!(ok(".5"), 0.5);
        assert_eq!(ok("1."), 1.0);
        assert_eq!(ok("1_000.5"), 1000.5);
        assert_eq!(ok("+1E+2"), 100.0);
        assert_eq!(ok("1e-400"), 0.0);
        assert_eq!(ok("Inf"), f64::INFINITY);
        assert_eq!(ok("-infinity"), f64::NEG_INFINITY);
        assert!(ok("NaN").is_nan());
        for bad in [
            "", ".", "e5", "1e", "1x", "+nan", "infin", "1__0", "_1", "0x1.8", " 1",
        ] {
            let e = parse_float(bad.as_bytes(), 64).unwrap_err();
            assert_eq!(e.1.kind, NumErrorKind::Syntax, "{bad}");
        }
        let e = parse_float(b"1e400", 64).unwrap_err();
        assert_eq!(e.0, f64::INFINITY);
        assert_eq!(
            e.1.message(),
            br#"strconv.ParseFloat: parsing "1e400": value out of range"#
        );
    }

    #[test]
    fn float32_rounding() {
        assert_eq!(parse_float(b"0.1", 32).unwrap(), f64::from(0.1f32));
        assert!(parse_float(b"1e39", 32).is_err());
    }

    #[test]
    fn hex_mantissas() {
        assert_eq!(ok("0x1p-2"), 0.25);
        assert_eq!(ok("0x1.8p1"), 3.0);
        assert_eq!(ok("-0X_1FFFP-16"), -0.1249847412109375);
        assert_eq!(ok("0x1p-1074"), 5e-324);
        assert_eq!(ok("0x1.fffffffffffffp1023"), f64::MAX);
        assert!(parse_float(b"0x1.fffffffffffff8p1023", 64).is_err()); // rounds up past MAX
        assert!(parse_float(b"0x1p1024", 64).is_err());
        assert_eq!(ok("0x1.00000000000008p0"), 1.0); // tie rounds to even
        assert_eq!(ok("0x1.00000000000018p0"), 1.0 + 2.0 * f64::EPSILON);
    }
}
