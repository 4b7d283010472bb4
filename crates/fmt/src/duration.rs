//! `time.Duration` (an int64 count of nanoseconds): its `String` form (`1h2m3.5s`,
//! `1.5s`, `300ms`, `2µs`, `0s`) and its conversion and rounding methods, as Go 1.27
//! computes them. Arithmetic wraps like Go's int64.

pub const NANOSECOND: i64 = 1;
pub const MICROSECOND: i64 = 1_000;
pub const MILLISECOND: i64 = 1_000_000;
pub const SECOND: i64 = 1_000_000_000;
pub const MINUTE: i64 = 60 * SECOND;
pub const HOUR: i64 = 60 * MINUTE;

/// Appends the fraction `v / 10^prec` as `.ddd` without trailing zeros (nothing when it
/// is zero) and returns `v / 10^prec`.
fn frac(digits: &mut Vec<u8>, v: u64, prec: u32) -> u64 {
    let mut v = v;
    let mut printed = false;
    let mut rev = Vec::new();
    for _ in 0..prec {
        let digit = (v % 10) as u8;
        printed = printed || digit != 0;
        if printed {
            rev.push(b'0' + digit);
        }
        v /= 10;
    }
    if printed {
        rev.push(b'.');
    }
    rev.reverse();
    digits.extend_from_slice(&rev);
    v
}

/// `Duration.String`.
pub fn string(d: i64) -> String {
    let neg = d < 0;
    let u = d.unsigned_abs();
    // Built as suffix pieces then assembled: the integer part goes in front of the
    // fraction, so each piece is produced in order of significance.
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if u < SECOND as u64 {
        let (prec, unit) = match u {
            0 => return "0s".to_owned(),
            _ if u < MICROSECOND as u64 => (0, "ns"),
            _ if u < MILLISECOND as u64 => (3, "µs"),
            _ => (6, "ms"),
        };
        let mut f = Vec::new();
        let whole = frac(&mut f, u, prec);
        out.push_str(&whole.to_string());
        out.push_str(&String::from_utf8_lossy(&f));
        out.push_str(unit);
        return out;
    }
    let mut f = Vec::new();
    let secs = frac(&mut f, u, 9);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if h > 0 || m > 0 {
        out.push_str(&format!("{m}m"));
    }
    out.push_str(&s.to_string());
    out.push_str(&String::from_utf8_lossy(&f));
    out.push('s');
    out
}

/// `Duration.Seconds`.
pub fn seconds(d: i64) -> f64 {
    (d / SECOND) as f64 + (d % SECOND) as f64 / 1e9
}

/// `Duration.Minutes`.
pub fn minutes(d: i64) -> f64 {
    (d / MINUTE) as f64 + (d % MINUTE) as f64 / (60.0 * 1e9)
}

/// `Duration.Hours`.
pub fn hours(d: i64) -> f64 {
    (d / HOUR) as f64 + (d % HOUR) as f64 / (60.0 * 60.0 * 1e9)
}

/// `Duration.Milliseconds`.
pub fn milliseconds(d: i64) -> i64 {
    d / MILLISECOND
}

/// `Duration.Microseconds`.
pub fn microseconds(d: i64) -> i64 {
    d / MICROSECOND
}

/// `Duration.Truncate`: rounded toward zero to a multiple of `m` (unchanged if `m` ≤ 0).
pub fn truncate(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    d - d % m
}

fn less_than_half(x: i64, y: i64) -> bool {
    (x as u64).wrapping_add(x as u64) < y as u64
}

/// `Duration.Round`: to the nearest multiple of `m`, halves away from zero, saturating
/// at the int64 limits (unchanged if `m` ≤ 0).
pub fn round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if less_than_half(r, m) {
            return d + r;
        }
        let d1 = d.wrapping_sub(m).wrapping_add(r);
        return if d1 < d { d1 } else { i64::MIN };
    }
    if less_than_half(r, m) {
        return d - r;
    }
    let d1 = d.wrapping_add(m).wrapping_sub(r);
    if d1 > d { d1 } else { i64::MAX }
}

/// `Duration.Abs`: saturates `MinInt64` to `MaxInt64`.
pub fn abs(d: i64) -> i64 {
    if d == i64::MIN { i64::MAX } else { d.abs() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_durations() {
        let d = 90 * MINUTE;
        assert_eq!(string(d), "1h30m0s");
        assert_eq!((hours(d), minutes(d)), (1.5, 90.0));
        assert_eq!(string(1500 * MILLISECOND), "1.5s");
        assert_eq!(string(2 * SECOND + 300 * MILLISECOND), "2.3s");
        assert_eq!(string(250 * MICROSECOND), "250µs");
        assert_eq!(string(42), "42ns");
        assert_eq!(string(0), "0s");
        assert_eq!(string(-3 * SECOND), "-3s");
        assert_eq!(
            (
                seconds(1500 * MILLISECOND),
                milliseconds(1500 * MILLISECOND)
            ),
            (1.5, 1500)
        );
        assert_eq!(string(3723 * SECOND), "1h2m3s");
        assert_eq!(string(truncate(d, HOUR)), "1h0m0s");
        assert_eq!(string(round(d, HOUR)), "2h0m0s");
        assert_eq!(string(round(95 * SECOND, MINUTE)), "2m0s");
        assert_eq!(string(SECOND / 3), "333.333333ms");
        assert_eq!(string(20 * MILLISECOND), "20ms");
    }

    #[test]
    fn extremes() {
        assert_eq!(string(i64::MIN), "-2562047h47m16.854775808s");
        assert_eq!(string(i64::MAX), "2562047h47m16.854775807s");
        assert_eq!(string(1_000_001), "1.000001ms");
        assert_eq!(string(-1500), "-1.5µs");
        assert_eq!(round(i64::MAX, HOUR), i64::MAX);
        assert_eq!(round(i64::MAX, 2 * SECOND), 9_223_372_036_000_000_000);
        assert_eq!(round(-1500 * MILLISECOND, SECOND), -2 * SECOND);
        assert_eq!(round(i64::MIN, 3 * SECOND), i64::MIN);
        assert_eq!(abs(i64::MIN), i64::MAX);
        assert_eq!(string(61 * MINUTE + 500), "1h1m0.0000005s");
    }
}
