//! `strconv.ParseUint`/`ParseInt`/`Atoi`: base prefixes and `_` separators for base 0,
//! range errors that still return the clamped value, as Go does.

use super::{NumError, NumErrorKind};

/// Go's `int` is 64 bits on the targets whose output the corpus records.
const INT_SIZE: i64 = 64;

/// Failure of the unsigned core, before it is named after the calling function.
enum Failure {
    Syntax,
    /// Out of range; carries the value Go returns alongside the error.
    Range(u64),
    Base,
    BitSize,
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// Go's `underscoreOK`: underscores only between digits (or after a base prefix).
pub(super) fn underscore_ok(s: &[u8]) -> bool {
    let s = match s.first() {
        Some(b'+' | b'-') => &s[1..],
        _ => s,
    };
    // `saw` is the class of the last character: '^' start, '0' digit, '_', '!' other.
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    for &c in &s[i..] {
        if c.is_ascii_digit() || (hex && (b'a'..=b'f').contains(&lower(c))) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
    }
    saw != b'_'
}

fn parse_uint_core(s: &[u8], base: i64, bit_size: i64) -> Result<u64, Failure> {
    if s.is_empty() {
        return Err(Failure::Syntax);
    }
    let base0 = base == 0;
    let s0 = s;
    let (base, digits) = match base {
        2..=36 => (base as u64, s),
        0 => match s {
            [b'0', x, _, ..] if lower(*x) == b'b' => (2, &s[2..]),
            [b'0', x, _, ..] if lower(*x) == b'o' => (8, &s[2..]),
            [b'0', x, _, ..] if lower(*x) == b'x' => (16, &s[2..]),
            [b'0', ..] => (8, &s[1..]),
            _ => (10, s),
        },
        _ => return Err(Failure::Base),
    };
    let bit_size = match bit_size {
        0 => INT_SIZE,
        1..=64 => bit_size,
        _ => return Err(Failure::BitSize),
    };
    let max_val = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if lower(c).is_ascii_lowercase() => u64::from(lower(c) - b'a' + 10),
            _ => return Err(Failure::Syntax),
        };
        if d >= base {
            return Err(Failure::Syntax);
        }
        match n.checked_mul(base).and_then(|m| m.checked_add(d)) {
            Some(next) if next <= max_val => n = next,
            _ => return Err(Failure::Range(max_val)),
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err(Failure::Syntax);
    }
    Ok(n)
}

fn num_error(func: &'static str, s: &[u8], base: i64, bit_size: i64, f: Failure) -> NumError {
    let kind = match f {
        Failure::Syntax => NumErrorKind::Syntax,
        Failure::Range(_) => NumErrorKind::Range,
        Failure::Base => NumErrorKind::Base(base),
        Failure::BitSize => NumErrorKind::BitSize(bit_size),
    };
    NumError::new(func, s, kind)
}

/// `strconv.ParseUint(s, base, bitSize)`. On a range error Go also returns the maximum
/// value; it is in the `Err` side's companion `(value, error)` pair.
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> Result<u64, (u64, NumError)> {
    parse_uint_core(s, base, bit_size).map_err(|f| {
        let v = if let Failure::Range(m) = f { m } else { 0 };
        (v, num_error("ParseUint", s, base, bit_size, f))
    })
}

fn parse_int_named(
    func: &'static str,
    s: &[u8],
    base: i64,
    bit_size: i64,
) -> Result<i64, (i64, NumError)> {
    let (neg, body) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if s.is_empty() {
        return Err((0, num_error(func, s, base, bit_size, Failure::Syntax)));
    }
    let un = match parse_uint_core(body, base, bit_size) {
        Ok(u) => u,
        Err(Failure::Range(m)) => m,
        Err(f) => return Err((0, num_error(func, s, base, bit_size, f))),
    };
    let bits = if bit_size == 0 { INT_SIZE } else { bit_size };
    let cutoff = 1u64 << (bits - 1);
    let range = |v: i64| Err((v, num_error(func, s, base, bit_size, Failure::Range(0))));
    if !neg && un >= cutoff {
        return range((cutoff - 1) as i64);
    }
    if neg && un > cutoff {
        return range((cutoff as i64).wrapping_neg());
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// `strconv.ParseInt(s, base, bitSize)`; a range error carries the clamped value.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> Result<i64, (i64, NumError)> {
    parse_int_named("ParseInt", s, base, bit_size)
}

/// `strconv.Atoi(s)`: base 10 only (no prefixes, no underscores), errors named `Atoi`.
pub fn atoi(s: &[u8]) -> Result<i64, (i64, NumError)> {
    parse_int_named("Atoi", s, 10, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(e: (impl Sized, NumError)) -> String {
        String::from_utf8(e.1.message()).unwrap()
    }

    #[test]
    fn atoi_like_go() {
        assert_eq!(atoi(b"123").ok(), Some(123));
        assert_eq!(atoi(b"-42").ok(), Some(-42));
        assert_eq!(atoi(b"+7").ok(), Some(7));
        assert_eq!(
            msg(atoi(b"12a").unwrap_err()),
            r#"strconv.Atoi: parsing "12a": invalid syntax"#
        );
        assert_eq!(
            msg(atoi(b"").unwrap_err()),
            r#"strconv.Atoi: parsing "": invalid syntax"#
        );
        assert_eq!(
            msg(atoi(b"-").unwrap_err()),
            r#"strconv.Atoi: parsing "-": invalid syntax"#
        );
        assert_eq!(
            msg(atoi(b"0x10").unwrap_err()),
            r#"strconv.Atoi: parsing "0x10": invalid syntax"#
        );
        let e = atoi(b"99999999999999999999").unwrap_err();
        assert_eq!(e.0, i64::MAX);
        assert_eq!(
            msg(e),
            r#"strconv.Atoi: parsing "99999999999999999999": value out of range"#
        );
    }

    #[test]
    fn parse_int_bases() {
        assert_eq!(parse_int(b"ff", 16, 64).ok(), Some(255));
        assert_eq!(parse_int(b"0x_1F", 0, 64).ok(), Some(31));
        assert_eq!(parse_int(b"0b101", 0, 8).ok(), Some(5));
        assert_eq!(parse_int(b"0o17", 0, 64).ok(), Some(15));
        assert_eq!(parse_int(b"017", 0, 64).ok(), Some(15));
        assert_eq!(parse_int(b"1_000", 0, 64).ok(), Some(1000));
        assert!(parse_int(b"1__000", 0, 64).is_err());
        assert!(parse_int(b"1_000", 10, 64).is_err());
        assert_eq!(parse_int(b"-128", 10, 8).ok(), Some(-128));
        let e = parse_int(b"300", 10, 8).unwrap_err();
        assert_eq!(e.0, 127);
        assert_eq!(
            msg(e),
            r#"strconv.ParseInt: parsing "300": value out of range"#
        );
        assert_eq!(parse_int(b"-300", 10, 8).unwrap_err().0, -128);
        assert_eq!(
            parse_int(b"-9223372036854775808", 10, 64).ok(),
            Some(i64::MIN)
        );
        assert_eq!(
            msg(parse_int(b"1", 1, 64).unwrap_err()),
            r#"strconv.ParseInt: parsing "1": invalid base 1"#
        );
        assert_eq!(
            msg(parse_int(b"1", 10, 65).unwrap_err()),
            r#"strconv.ParseInt: parsing "1": invalid bit size 65"#
        );
    }

    #[test]
    fn parse_uint_like_go() {
        assert_eq!(
            msg(parse_uint(b"-1", 10, 64).unwrap_err()),
            r#"strconv.ParseUint: parsing "-1": invalid syntax"#
        );
        assert_eq!(
            parse_uint(b"18446744073709551615", 10, 64).ok(),
            Some(u64::MAX)
        );
        assert_eq!(
            parse_uint(b"18446744073709551616", 10, 64).unwrap_err().0,
            u64::MAX
        );
        assert_eq!(parse_uint(b"256", 10, 8).unwrap_err().0, 255);
        assert_eq!(parse_uint(b"zz", 36, 64).ok(), Some(35 * 36 + 35));
    }
}
