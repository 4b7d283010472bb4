//! `strconv.Quote` and friends: Go-syntax string and rune literals, and their inverse.
//!
//! Escaping rules: `\a \b \f \n \r \t \v`, `\\` and the active quote; other control
//! bytes and runes that are not printable (`unicode.IsPrint`) as `\xhh`, `\uhhhh` or
//! `\Uhhhhhhhh`; each byte of invalid UTF-8 as `\xhh`. The ASCII variants also escape
//! every non-ASCII rune.

use super::NumErrorKind;
use crate::unicode::is_print;
use crate::utf8::{MAX_RUNE, RUNE_ERROR, append_rune, decode_rune, valid_rune};

const HEX: &[u8; 16] = b"0123456789abcdef";

fn append_hex(out: &mut Vec<u8>, v: u32, width: u32) {
    for shift in (0..width).rev() {
        out.push(HEX[((v >> (4 * shift)) & 0xF) as usize]);
    }
}

fn append_escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    if r == u32::from(quote) || r == u32::from(b'\\') {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    let printable = if ascii_only {
        r < 0x80 && is_print(r)
    } else {
        is_print(r)
    };
    if printable {
        append_rune(out, r);
        return;
    }
    let simple = match r {
        0x07 => Some(b'a'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        0x0A => Some(b'n'),
        0x0D => Some(b'r'),
        0x09 => Some(b't'),
        0x0B => Some(b'v'),
        _ => None,
    };
    if let Some(c) = simple {
        out.push(b'\\');
        out.push(c);
    } else if r < u32::from(b' ') || r == 0x7F {
        out.extend_from_slice(b"\\x");
        append_hex(out, r, 2);
    } else if !valid_rune(r) || r < 0x10000 {
        let r = if valid_rune(r) { r } else { RUNE_ERROR };
        out.extend_from_slice(b"\\u");
        append_hex(out, r, 4);
    } else {
        out.extend_from_slice(b"\\U");
        append_hex(out, r, 8);
    }
}

fn append_quoted_with(out: &mut Vec<u8>, s: &[u8], quote: u8, ascii_only: bool) {
    out.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == RUNE_ERROR {
            out.extend_from_slice(b"\\x");
            append_hex(out, u32::from(s[i]), 2);
        } else {
            append_escaped_rune(out, r, quote, ascii_only);
        }
        i += w;
    }
    out.push(quote);
}

fn append_quoted_rune_with(out: &mut Vec<u8>, r: u32, ascii_only: bool) {
    let r = if valid_rune(r) { r } else { RUNE_ERROR };
    out.push(b'\'');
    append_escaped_rune(out, r, b'\'', ascii_only);
    out.push(b'\'');
}

/// `strconv.AppendQuote`.
pub fn append_quote(out: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(out, s, b'"', false);
}

/// `strconv.AppendQuoteToASCII`.
pub fn append_quote_to_ascii(out: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(out, s, b'"', true);
}

/// `strconv.AppendQuoteRune` (an invalid rune quotes as U+FFFD).
pub fn append_quote_rune(out: &mut Vec<u8>, r: u32) {
    append_quoted_rune_with(out, r, false);
}

/// `strconv.AppendQuoteRuneToASCII`.
pub fn append_quote_rune_to_ascii(out: &mut Vec<u8>, r: u32) {
    append_quoted_rune_with(out, r, true);
}

fn collect(f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::new();
    f(&mut out);
    out
}

/// `strconv.Quote`.
pub fn quote(s: &[u8]) -> Vec<u8> {
    collect(|o| append_quote(o, s))
}

/// `strconv.QuoteToASCII`.
pub fn quote_to_ascii(s: &[u8]) -> Vec<u8> {
    collect(|o| append_quote_to_ascii(o, s))
}

/// `strconv.QuoteRune`.
pub fn quote_rune(r: u32) -> Vec<u8> {
    collect(|o| append_quote_rune(o, r))
}

/// `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: u32) -> Vec<u8> {
    collect(|o| append_quote_rune_to_ascii(o, r))
}

/// `strconv.CanBackquote`: no control characters other than tab, no backquote, no
/// invalid UTF-8 and no byte order mark.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w;
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR
            || (r < u32::from(b' ') && r != u32::from(b'\t'))
            || r == 0x60
            || r == 0x7F
        {
            return false;
        }
    }
    true
}

/// One decoded character of a quoted literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnquotedChar {
    /// The value: a rune, or a single byte when `multibyte` is false and it is ≥ 0x80.
    pub value: u32,
    /// Whether `value` must be UTF-8 encoded (false for `\x` and octal byte escapes).
    pub multibyte: bool,
    /// How many input bytes were consumed.
    pub consumed: usize,
}

/// `strconv.UnquoteChar(s, quote)`: decodes the first character or escape of `s`.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<UnquotedChar> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, w) = decode_rune(s);
        return Some(UnquotedChar {
            value: r,
            multibyte: true,
            consumed: w,
        });
    }
    if c != b'\\' {
        return Some(UnquotedChar {
            value: u32::from(c),
            multibyte: false,
            consumed: 1,
        });
    }
    let esc = *s.get(1)?;
    let byte = |v: u8, n: usize| {
        Some(UnquotedChar {
            value: u32::from(v),
            multibyte: false,
            consumed: n,
        })
    };
    match esc {
        b'a' => byte(0x07, 2),
        b'b' => byte(0x08, 2),
        b'f' => byte(0x0C, 2),
        b'n' => byte(b'\n', 2),
        b'r' => byte(b'\r', 2),
        b't' => byte(b'\t', 2),
        b'v' => byte(0x0B, 2),
        b'x' | b'u' | b'U' => {
            let n = match esc {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let hex = s.get(2..2 + n)?;
            let mut v: u32 = 0;
            for &h in hex {
                v = (v << 4) | (h as char).to_digit(16)?;
            }
            if esc == b'x' {
                return Some(UnquotedChar {
                    value: v,
                    multibyte: false,
                    consumed: 2 + n,
                });
            }
            (valid_rune(v) && v <= MAX_RUNE).then_some(UnquotedChar {
                value: v,
                multibyte: true,
                consumed: 2 + n,
            })
        }
        b'0'..=b'7' => {
            let mut v = u32::from(esc - b'0');
            for &o in s.get(2..4)? {
                if !(b'0'..=b'7').contains(&o) {
                    return None;
                }
                v = (v << 3) | u32::from(o - b'0');
            }
            (v <= 255).then_some(UnquotedChar {
                value: v,
                multibyte: false,
                consumed: 4,
            })
        }
        b'\\' => byte(b'\\', 2),
        b'\'' | b'"' if esc == quote => byte(esc, 2),
        _ => None,
    }
}

/// `strconv.Unquote`: the value of a Go string or rune literal (`"..."`, `` `...` ``,
/// `'.'`). Go returns the bare `strconv.ErrSyntax` (not a `NumError`) on failure.
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, NumErrorKind> {
    let err = || NumErrorKind::Syntax;
    if s.len() < 2 {
        return Err(err());
    }
    let q = s[0];
    if s[s.len() - 1] != q {
        return Err(err());
    }
    let body = &s[1..s.len() - 1];
    match q {
        b'`' => {
            if body.contains(&b'`') {
                return Err(err());
            }
            Ok(body.iter().copied().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            let mut out = Vec::new();
            let mut i = 0;
            let mut count = 0;
            while i < body.len() {
                if body[i] == b'\n' {
                    return Err(err());
                }
                let c = unquote_char(&body[i..], q).ok_or_else(err)?;
                if c.multibyte {
                    append_rune(&mut out, c.value);
                } else {
                    out.push(c.value as u8);
                }
                i += c.consumed;
                count += 1;
            }
            if q == b'\'' && count != 1 {
                return Err(err());
            }
            Ok(out)
        }
        _ => Err(err()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &[u8]) -> String {
        String::from_utf8(quote(s)).unwrap()
    }

    #[test]
    fn quotes_like_go() {
        assert_eq!(q(b"hi\n\"there\""), r#""hi\n\"there\"""#);
        assert_eq!(
            q("tab\tnewline\n quote\" é".as_bytes()),
            r#""tab\tnewline\n quote\" é""#
        );
        assert_eq!(q(b"\xff!"), r#""\xff!""#);
        assert_eq!(q(b"\x00\x7f\x1b"), r#""\x00\x7f\x1b""#);
        assert_eq!(q("\u{feff}\u{2028}".as_bytes()), r#""\ufeff\u2028""#);
        assert_eq!(q("\u{e0001}".as_bytes()), r#""\U000e0001""#);
        assert_eq!(
            String::from_utf8(quote_to_ascii("é世🚀".as_bytes())).unwrap(),
            r#""\u00e9\u4e16\U0001f680""#
        );
        assert_eq!(String::from_utf8(quote_rune('o' as u32)).unwrap(), "'o'");
        assert_eq!(String::from_utf8(quote_rune('\'' as u32)).unwrap(), r"'\''");
        assert_eq!(String::from_utf8(quote_rune('"' as u32)).unwrap(), "'\"'");
        assert_eq!(String::from_utf8(quote_rune(0xD800)).unwrap(), "'\u{FFFD}'");
        assert_eq!(
            String::from_utf8(quote_rune_to_ascii('☺' as u32)).unwrap(),
            r"'\u263a'"
        );
    }

    #[test]
    fn backquote() {
        assert!(can_backquote(b"a\tb"));
        assert!(!can_backquote(b"a\nb"));
        assert!(!can_backquote(b"`"));
        assert!(!can_backquote(b"\xff"));
    }

    #[test]
    fn unquotes_like_go() {
        assert_eq!(
            unquote(br#""a\tb\u00e9\x41\101""#).unwrap(),
            "a\tbéAA".as_bytes()
        );
        assert_eq!(unquote(b"`raw\\n\r`").unwrap(), b"raw\\n");
        assert_eq!(unquote(b"'x'").unwrap(), b"x");
        assert_eq!(unquote(br"'\''").unwrap(), b"'");
        assert_eq!(unquote(br#""\xff""#).unwrap(), b"\xff");
        for bad in [
            &b"\"a"[..],
            b"'ab'",
            b"''",
            br#""\'""#,
            br#"'\"'"#,
            b"\"a\nb\"",
            br#""\400""#,
            br#""\uD800""#,
            b"x",
        ] {
            assert!(unquote(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        assert_eq!(unquote(b"abc").unwrap_err().message(), "invalid syntax");
    }
}
