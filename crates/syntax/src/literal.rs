//! Literal values: decoding of string and rune literals (escapes included) and the
//! numeric value of integer and float literal text.
//!
//! Decoding never fails: malformed escapes are reported as `(offset, message)` pairs,
//! with offsets relative to the literal's text, and decode to nothing.

/// An error inside a literal: byte offset into the literal text, and Go's message.
pub type LiteralError = (usize, String);

/// Decodes a string literal as written, quotes included (`"a\n"` or `` `raw` ``).
/// Raw strings drop carriage returns, as Go does.
pub fn unquote_string(text: &str) -> (Vec<u8>, Vec<LiteralError>) {
    let mut errors = Vec::new();
    if let Some(body) = text.strip_prefix('`') {
        let body = body.strip_suffix('`').unwrap_or(body);
        return (body.bytes().filter(|&b| b != b'\r').collect(), errors);
    }
    let body = text.strip_prefix('"').unwrap_or(text);
    let body = body.strip_suffix('"').filter(|_| text.len() >= 2).unwrap_or(body);
    let mut out = Vec::with_capacity(body.len());
    let mut chars = Cursor { text: body, pos: 0, base: 1 };
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.escape(b'"', &mut out, &mut errors);
        } else {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    (out, errors)
}

/// Decodes a rune literal as written, quotes included (`'a'`, `'\n'`, `'\u00e9'`).
/// An invalid literal decodes to 0 with an error.
pub fn unquote_rune(text: &str) -> (u32, Vec<LiteralError>) {
    let mut errors = Vec::new();
    let body = text.strip_prefix('\'').unwrap_or(text);
    let body = body.strip_suffix('\'').filter(|_| text.len() >= 2).unwrap_or(body);
    let mut cursor = Cursor { text: body, pos: 0, base: 1 };
    let mut values = Vec::new();
    let mut count = 0;
    while let Some(c) = cursor.next() {
        count += 1;
        if c == '\\' {
            let mut bytes = Vec::new();
            if let Some(v) = cursor.escape(b'\'', &mut bytes, &mut errors) {
                values.push(v);
            }
        } else {
            values.push(c as u32);
        }
    }
    match count {
        0 => errors.push((1, "empty rune literal or unescaped ' in rune literal".to_string())),
        1 => {}
        _ => errors.push((0, "more than one character in rune literal".to_string())),
    }
    let value = if count == 1 && errors.is_empty() { values.first().copied().unwrap_or(0) } else { 0 };
    (value, errors)
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    /// Offset of `text` inside the whole literal (the opening quote).
    base: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.text[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Decodes one escape after its `\`, appending its bytes to `out`; returns the code
    /// point (or byte value) it denotes. `quote` is the one quote escapable here.
    fn escape(&mut self, quote: u8, out: &mut Vec<u8>, errors: &mut Vec<LiteralError>) -> Option<u32> {
        let at = self.base + self.pos - 1;
        let Some(c) = self.next() else {
            errors.push((at, "escape sequence not terminated".to_string()));
            return None;
        };
        let simple = match c {
            'a' => Some(7),
            'b' => Some(8),
            'f' => Some(12),
            'n' => Some(10),
            'r' => Some(13),
            't' => Some(9),
            'v' => Some(11),
            '\\' => Some(b'\\'),
            _ if c as u32 == quote as u32 => Some(quote),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            return Some(b as u32);
        }
        let (base, digits, max, is_byte) = match c {
            '0'..='7' => {
                self.pos -= 1;
                (8, 3, 255, true)
            }
            'x' => (16, 2, 255, true),
            'u' => (16, 4, 0x10FFFF, false),
            'U' => (16, 8, 0x10FFFF, false),
            _ => {
                errors.push((at + 1, "unknown escape".to_string()));
                return None;
            }
        };
        let mut value: u32 = 0;
        for _ in 0..digits {
            let Some(d) = self.text[self.pos..].chars().next() else {
                errors.push((self.base + self.pos, "escape sequence not terminated".to_string()));
                return None;
            };
            let Some(v) = d.to_digit(base) else {
                let kind = if base == 8 { "octal" } else { "hexadecimal" };
                errors.push((self.base + self.pos, format!("invalid character {d:?} in {kind} escape")));
                return None;
            };
            self.pos += d.len_utf8();
            value = value * base + v;
        }
        if value > max {
            let msg = if base == 8 {
                format!("octal escape value {value} > 255")
            } else {
                format!("escape is invalid Unicode code point U+{value:04X}")
            };
            errors.push((0, msg));
            return None;
        }
        if is_byte {
            out.push(value as u8);
            return Some(value);
        }
        match char::from_u32(value) {
            Some(ch) => {
                let mut buf = [0; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                Some(value)
            }
            None => {
                errors.push((0, format!("escape is invalid Unicode code point U+{value:04X}")));
                None
            }
        }
    }
}

/// The value of an integer literal's text (`0x_FF`, `0b101`, `0o17`, `017`, `1_000`),
/// or `None` if it is malformed or does not fit in 128 bits.
pub fn int_value(text: &str) -> Option<u128> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest, 16)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest, 2)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest, 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (&lower[1..], 8)
    } else {
        (lower.as_str(), 10)
    };
    if digits.is_empty() {
        return None;
    }
    u128::from_str_radix(digits, radix).ok()
}

/// The nearest `f64` to a float literal's text (decimal or hexadecimal, with `_`
/// separators), or `None` if malformed.
pub fn float_value(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let Some(hex) = lower.strip_prefix("0x") else {
        return lower.parse::<f64>().ok();
    };
    let (mantissa, exp) = hex.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut value = 0f64;
    for d in int_part.chars().chain(frac_part.chars()) {
        value = value * 16.0 + d.to_digit(16)? as f64;
    }
    let frac_bits = 4 * frac_part.len() as i32;
    Some(value * 2f64.powi(exp - frac_bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_decode_escapes_to_bytes() {
        assert_eq!(unquote_string(r#""a\tb\n""#).0, b"a\tb\n");
        assert_eq!(unquote_string(r#""\xff\101\u00e9\U0001F600""#).0, b"\xffA\xc3\xa9\xf0\x9f\x98\x80");
        assert_eq!(unquote_string("`a\\n\r\nb`").0, b"a\\n\nb");
        assert_eq!(unquote_string(r#""\"""#).0, b"\"");
    }

    #[test]
    fn bad_escapes_are_reported() {
        assert_eq!(unquote_string(r#""\q""#).1, vec![(2, "unknown escape".to_string())]);
        assert_eq!(unquote_string(r#""\'""#).1, vec![(2, "unknown escape".to_string())]);
        assert_eq!(unquote_string(r#""\400""#).1, vec![(0, "octal escape value 256 > 255".to_string())]);
        assert_eq!(
            unquote_string(r#""\uD800""#).1,
            vec![(0, "escape is invalid Unicode code point U+D800".to_string())]
        );
        assert_eq!(unquote_string(r#""\xZZ""#).1, vec![(3, "invalid character 'Z' in hexadecimal escape".to_string())]);
    }

    #[test]
    fn runes() {
        assert_eq!(unquote_rune("'a'"), (97, vec![]));
        assert_eq!(unquote_rune(r"'\n'"), (10, vec![]));
        assert_eq!(unquote_rune(r"'\''"), (39, vec![]));
        assert_eq!(unquote_rune(r"'\xff'"), (255, vec![]));
        assert_eq!(unquote_rune("'é'"), (0xe9, vec![]));
        assert_eq!(unquote_rune("''").1[0].1, "empty rune literal or unescaped ' in rune literal");
        assert_eq!(unquote_rune("'ab'").1[0].1, "more than one character in rune literal");
    }

    #[test]
    fn numbers() {
        assert_eq!(int_value("0x_FF"), Some(255));
        assert_eq!(int_value("017"), Some(15));
        assert_eq!(int_value("0o17"), Some(15));
        assert_eq!(int_value("0b1010"), Some(10));
        assert_eq!(int_value("1_000_000"), Some(1_000_000));
        assert_eq!(int_value("0"), Some(0));
        assert_eq!(float_value("1e3"), Some(1000.0));
        assert_eq!(float_value(".5"), Some(0.5));
        assert_eq!(float_value("0x1p-2"), Some(0.25));
        assert_eq!(float_value("0x1.8p1"), Some(3.0));
    }
}
