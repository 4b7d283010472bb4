//! The formatting of single basic values under one verb's flags, width and precision:
//! Go's `fmt/format.go`. Padding counts runes, not bytes; zero padding goes between the
//! sign and the digits and never to the right.

use crate::strconv;
use crate::utf8::{MAX_RUNE, RUNE_ERROR, append_rune, rune_count, runes};
use crate::value::FloatSize;

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Which digit set a hexadecimal verb uses (`x` or `X`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Upper,
}

impl Case {
    fn digits(self) -> &'static [u8; 17] {
        match self {
            Case::Lower => LDIGITS,
            Case::Upper => UDIGITS,
        }
    }
}

/// The flags, width and precision of the verb being printed. Invariant: `wid` and `prec`
/// are non-negative and at most 1e6 (`printf` rejects larger ones as Go's `tooLarge`).
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Spec {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    /// `%+v`: print struct field names.
    pub plus_v: bool,
    /// `%#v`: print Go syntax.
    pub sharp_v: bool,
    pub wid: usize,
    pub prec: usize,
}

impl Spec {
    fn write_padding(&self, out: &mut Vec<u8>, n: usize) {
        let pad = if self.zero && !self.minus { b'0' } else { b' ' };
        out.resize(out.len() + n, pad);
    }

    /// Writes `s` padded to the width on the side the `-` flag selects.
    pub fn pad(&self, out: &mut Vec<u8>, s: &[u8]) {
        if !self.wid_present || self.wid == 0 {
            out.extend_from_slice(s);
            return;
        }
        let width = self.wid.saturating_sub(rune_count(s));
        if self.minus {
            out.extend_from_slice(s);
            self.write_padding(out, width);
        } else {
            self.write_padding(out, width);
            out.extend_from_slice(s);
        }
    }

    /// `pad` with zero padding switched off (for text that is not a number).
    fn pad_spaces(&self, out: &mut Vec<u8>, s: &[u8]) {
        Spec {
            zero: false,
            ..*self
        }
        .pad(out, s);
    }

    pub fn fmt_boolean(&self, out: &mut Vec<u8>, v: bool) {
        self.pad(out, if v { b"true" } else { b"false" });
    }

    /// `%U`: `U+0041`, with `#` also the quoted character when printable.
    pub fn fmt_unicode(&self, out: &mut Vec<u8>, u: u64) {
        let mut hex = format!("{u:X}").into_bytes();
        let prec = if self.prec_present && self.prec > 4 {
            self.prec
        } else {
            4
        };
        let mut s = b"U+".to_vec();
        s.resize(s.len() + prec.saturating_sub(hex.len()), b'0');
        s.append(&mut hex);
        if self.sharp && u <= u64::from(MAX_RUNE) && crate::unicode::is_print(u as u32) {
            s.extend_from_slice(b" '");
            append_rune(&mut s, u as u32);
            s.push(b'\'');
        }
        self.pad_spaces(out, &s);
    }

    /// Integers in base 2, 8, 10 or 16. `verb` matters only for `O` (the `0o` prefix).
    pub fn fmt_integer(
        &self,
        out: &mut Vec<u8>,
        u: u64,
        base: u64,
        signed: bool,
        verb: u32,
        case: Case,
    ) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let digits = case.digits();
        // Minimum digit count: the precision, or the width for `0` padding.
        let mut prec = 0;
        if self.prec_present {
            prec = self.prec;
            if prec == 0 && u == 0 {
                Spec {
                    zero: false,
                    ..*self
                }
                .write_padding(out, self.wid);
                return;
            }
        } else if self.zero && !self.minus && self.wid_present {
            prec = self.wid;
            if negative || self.plus || self.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut rev = Vec::with_capacity(24);
        loop {
            rev.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while rev.len() < prec {
            rev.push(b'0');
        }
        if self.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(digits[16]);
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' as u32 {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.plus {
            rev.push(b'+');
        } else if self.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_spaces(out, &rev);
    }

    /// The first `prec` runes of `s` when a precision is present.
    pub fn truncate<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        if self.prec_present
            && let Some((at, _, _)) = runes(s).nth(self.prec)
        {
            return &s[..at];
        }
        s
    }

    pub fn fmt_s(&self, out: &mut Vec<u8>, s: &[u8]) {
        self.pad(out, self.truncate(s));
    }

    /// `%x`/`%X` of a string or byte slice: two digits per byte, `#` adds `0x`, space
    /// separates bytes (each then prefixed when `#`). Precision limits the bytes used.
    pub fn fmt_sbx(&self, out: &mut Vec<u8>, s: &[u8], case: Case) {
        let digits = case.digits();
        let length = if self.prec_present {
            s.len().min(self.prec)
        } else {
            s.len()
        };
        if length == 0 {
            if self.wid_present {
                self.write_padding(out, self.wid);
            }
            return;
        }
        let mut width = 2 * length;
        if self.space {
            if self.sharp {
                width *= 2;
            }
            width += length - 1;
        } else if self.sharp {
            width += 2;
        }
        let padding = if self.wid_present {
            self.wid.saturating_sub(width)
        } else {
            0
        };
        if !self.minus {
            self.write_padding(out, padding);
        }
        if self.sharp {
            out.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s[..length].iter().enumerate() {
            if self.space && i > 0 {
                out.push(b' ');
                if self.sharp {
                    out.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            out.extend_from_slice(&[digits[usize::from(c >> 4)], digits[usize::from(c & 0xF)]]);
        }
        if self.minus {
            self.write_padding(out, padding);
        }
    }

    /// `%q` of a string: a Go literal, backquoted for `#` when possible, ASCII for `+`.
    pub fn fmt_q(&self, out: &mut Vec<u8>, s: &[u8]) {
        let s = self.truncate(s);
        let mut lit = Vec::with_capacity(s.len() + 2);
        if self.sharp && strconv::can_backquote(s) {
            lit.push(b'`');
            lit.extend_from_slice(s);
            lit.push(b'`');
        } else if self.plus {
            strconv::append_quote_to_ascii(&mut lit, s);
        } else {
            strconv::append_quote(&mut lit, s);
        }
        self.pad(out, &lit);
    }

    fn rune_of(c: u64) -> u32 {
        if c > u64::from(MAX_RUNE) {
            RUNE_ERROR
        } else {
            c as u32
        }
    }

    /// `%c`: the character, U+FFFD when not a valid rune.
    pub fn fmt_c(&self, out: &mut Vec<u8>, c: u64) {
        let mut s = Vec::with_capacity(4);
        append_rune(&mut s, Self::rune_of(c));
        self.pad(out, &s);
    }

    /// `%q` of an integer: a Go rune literal.
    pub fn fmt_qc(&self, out: &mut Vec<u8>, c: u64) {
        let mut s = Vec::with_capacity(8);
        if self.plus {
            strconv::append_quote_rune_to_ascii(&mut s, Self::rune_of(c));
        } else {
            strconv::append_quote_rune(&mut s, Self::rune_of(c));
        }
        self.pad(out, &s);
    }

    /// Floats: `verb` is a `strconv` format byte, `prec` the default precision (-1 for
    /// shortest) that an explicit precision overrides.
    pub fn fmt_float(&self, out: &mut Vec<u8>, v: f64, size: FloatSize, verb: u8, prec: i64) {
        let prec = if self.prec_present {
            self.prec as i64
        } else {
            prec
        };
        // num[0] is always a sign, '+' standing for "none".
        let mut num = vec![b'+'];
        strconv::append_float(&mut num, v, verb, prec, size);
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.space && num[0] == b'+' && !self.plus {
            num[0] = b' ';
        }
        // Infinities and NaN are not zero padded, and NaN drops an unrequested sign.
        if num[1] == b'I' || num[1] == b'N' {
            if num[1] == b'N' && !self.space && !self.plus {
                num.remove(0);
            }
            self.pad_spaces(out, &num);
            return;
        }
        if self.sharp && verb != b'b' {
            num = Self::sharp_float(num, verb, prec);
        }
        if self.plus || num[0] != b'+' {
            if self.zero && !self.minus && self.wid_present && self.wid > num.len() {
                out.push(num[0]);
                self.write_padding(out, self.wid - num.len());
                out.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(out, &num);
            return;
        }
        self.pad(out, &num[1..]);
    }

    /// `#` on floats: always a decimal point, and for `g`/`G`/`v` trailing zeros up to the
    /// precision (6 by default) are kept.
    fn sharp_float(mut num: Vec<u8>, verb: u8, prec: i64) -> Vec<u8> {
        let mut digits: i64 = match verb {
            b'v' | b'g' | b'G' | b'x' => {
                if prec == -1 {
                    6
                } else {
                    prec
                }
            }
            _ => 0,
        };
        let mut tail = Vec::new();
        let mut has_point = false;
        let mut saw_nonzero = false;
        let mut i = 1;
        while i < num.len() {
            match num[i] {
                b'.' => has_point = true,
                b'p' | b'P' => {
                    tail = num.split_off(i);
                    break;
                }
                b'e' | b'E' if verb != b'x' && verb != b'X' => {
                    tail = num.split_off(i);
                    break;
                }
                c => {
                    if c != b'0' {
                        saw_nonzero = true;
                    }
                    if saw_nonzero {
                        digits -= 1;
                    }
                }
            }
            i += 1;
        }
        if !has_point {
            if num.len() == 2 && num[1] == b'0' {
                digits -= 1;
            }
            num.push(b'.');
        }
        while digits > 0 {
            num.push(b'0');
            digits -= 1;
        }
        num.extend_from_slice(&tail);
        num
    }
}
