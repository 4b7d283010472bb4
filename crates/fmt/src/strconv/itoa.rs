//! `strconv.FormatInt`/`FormatUint`/`Itoa`: integers in bases 2 to 36, lower-case digits.

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Appends `u` in `base`. Go panics for a base outside 2..=36; this clamps into range
/// instead, so that no input can panic.
pub fn append_uint(out: &mut Vec<u8>, mut u: u64, base: u32) {
    let base = u64::from(base.clamp(2, 36));
    let mut buf = [0u8; 64];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(u % base) as usize];
        u /= base;
        if u == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `v` in `base`, with a leading `-` when negative.
pub fn append_int(out: &mut Vec<u8>, v: i64, base: u32) {
    if v < 0 {
        out.push(b'-');
    }
    append_uint(out, v.unsigned_abs(), base);
}

/// `strconv.FormatUint`.
pub fn format_uint(u: u64, base: u32) -> String {
    let mut out = Vec::new();
    append_uint(&mut out, u, base);
    String::from_utf8(out).unwrap_or_default()
}

/// `strconv.FormatInt`.
pub fn format_int(v: i64, base: u32) -> String {
    let mut out = Vec::new();
    append_int(&mut out, v, base);
    String::from_utf8(out).unwrap_or_default()
}

/// `strconv.Itoa`.
pub fn itoa(v: i64) -> String {
    format_int(v, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases() {
        assert_eq!(itoa(-42), "-42");
        assert_eq!(format_int(10, 2), "1010");
        assert_eq!(format_int(-255, 16), "-ff");
        assert_eq!(format_int(i64::MIN, 10), "-9223372036854775808");
        assert_eq!(format_uint(u64::MAX, 36), "3w5e11264sgsf");
        assert_eq!(format_int(0, 7), "0");
    }
}
