//! The scanner: source text to tokens, with Go's automatic semicolon insertion.
//!
//! Invariants: the token list always ends with exactly one `Eof` token; every token
//! span lies inside the source and spans are strictly increasing; scanning never fails,
//! it reports problems as diagnostics in Go's wording and skips the offending bytes.
//! Literal values are not decoded here (see [`crate::literal`]); only their extent and
//! their well-formedness as numbers are checked.

use crate::ast::BinaryOp;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::token::{SemiKind, Tok, Token};

/// Splits `src` into tokens, appending scanning errors to `diags`.
pub fn tokenize(src: &str, diags: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut lexer = Lexer { src, bytes: src.as_bytes(), pos: 0, nlsemi: false, tokens: Vec::new(), diags };
    lexer.run();
    lexer.tokens
}

struct Lexer<'a, 'd> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Whether a newline (or the end of the file) after the last token inserts a `;`
    /// (the last token was a name, literal, `)`, `]`, `}`, `++`, `--`, or one of
    /// `break continue fallthrough return`).
    nlsemi: bool,
    tokens: Vec<Token>,
    diags: &'d mut Vec<Diagnostic>,
}

impl Lexer<'_, '_> {
    fn peek(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn error(&mut self, at: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(Span::at(at as u32), message));
    }

    fn push(&mut self, kind: Tok, start: usize, semi: SemiKind) {
        self.tokens.push(Token { kind, span: Span::new(start as u32, self.pos as u32), semi });
        self.nlsemi = matches!(
            kind,
            Tok::Ident
                | Tok::Int
                | Tok::Float
                | Tok::Imag
                | Tok::Rune
                | Tok::String
                | Tok::RParen
                | Tok::RBrack
                | Tok::RBrace
                | Tok::Inc
                | Tok::Dec
                | Tok::Break
                | Tok::Continue
                | Tok::Fallthrough
                | Tok::Return
        );
    }

    /// Inserts an automatic semicolon at `at` if the previous token asks for one.
    fn auto_semi(&mut self, at: usize, kind: SemiKind) {
        if self.nlsemi {
            // A newline's semicolon covers the newline; the end of file's is empty.
            let end = if kind == SemiKind::Eof { at } else { at + 1 };
            self.tokens.push(Token { kind: Tok::Semi, span: Span::new(at as u32, end as u32), semi: kind });
            self.nlsemi = false;
        }
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let start = self.pos;
            let b = self.bytes[start];
            match b {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\n' => {
                    self.auto_semi(start, SemiKind::Newline);
                    self.pos += 1;
                }
                b'/' if self.peek(1) == b'/' => {
                    while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                b'/' if self.peek(1) == b'*' => self.block_comment(start),
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.ident(start),
                b'0'..=b'9' => self.number(start),
                b'.' if self.peek(1).is_ascii_digit() => self.number(start),
                b'"' => self.string(start),
                b'`' => self.raw_string(start),
                b'\'' => self.rune(start),
                0x80.. => {
                    let c = self.src[start..].chars().next().unwrap_or('\u{fffd}');
                    if c.is_alphabetic() {
                        self.ident(start);
                    } else {
                        self.pos += c.len_utf8();
                        if c == '\u{feff}' {
                            // A byte order mark is ignored at the start of the file only.
                            if start != 0 {
                                self.error(start, "invalid BOM in the middle of the file");
                            }
                            continue;
                        }
                        self.error(start, format!("invalid character {}", describe_char(c)));
                    }
                }
                _ => self.operator(start, b),
            }
        }
        let end = self.bytes.len();
        self.auto_semi(end, SemiKind::Eof);
        self.tokens.push(Token { kind: Tok::Eof, span: Span::at(end as u32), semi: SemiKind::Eof });
    }

    fn block_comment(&mut self, start: usize) {
        match self.src[start + 2..].find("*/") {
            Some(len) => {
                let end = start + 2 + len + 2;
                if self.src[start..end].contains('\n') {
                    self.auto_semi(start, SemiKind::Newline);
                }
                self.pos = end;
            }
            None => {
                self.error(start, "comment not terminated");
                self.pos = self.bytes.len();
            }
        }
    }

    fn ident(&mut self, start: usize) {
        for c in self.src[start..].chars() {
            if c == '_' || c.is_alphanumeric() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        let word = &self.src[start..self.pos];
        let kind = Tok::keyword(word).unwrap_or(Tok::Ident);
        self.push(kind, start, SemiKind::Written);
    }

    fn operator(&mut self, start: usize, b: u8) {
        let (c1, c2) = (self.peek(1), self.peek(2));
        // (token, length) for the longest operator starting here.
        let (kind, len) = match b {
            b'(' => (Tok::LParen, 1),
            b')' => (Tok::RParen, 1),
            b'[' => (Tok::LBrack, 1),
            b']' => (Tok::RBrack, 1),
            b'{' => (Tok::LBrace, 1),
            b'}' => (Tok::RBrace, 1),
            b',' => (Tok::Comma, 1),
            b';' => (Tok::Semi, 1),
            b'~' => (Tok::Tilde, 1),
            b'.' if c1 == b'.' && c2 == b'.' => (Tok::Ellipsis, 3),
            b'.' => (Tok::Dot, 1),
            b':' if c1 == b'=' => (Tok::Define, 2),
            b':' => (Tok::Colon, 1),
            b'+' if c1 == b'+' => (Tok::Inc, 2),
            b'+' => op_or_assign(Tok::Add, BinaryOp::Add, c1),
            b'-' if c1 == b'-' => (Tok::Dec, 2),
            b'-' => op_or_assign(Tok::Sub, BinaryOp::Sub, c1),
            b'*' => op_or_assign(Tok::Star, BinaryOp::Mul, c1),
            b'/' => op_or_assign(Tok::Div, BinaryOp::Div, c1),
            b'%' => op_or_assign(Tok::Rem, BinaryOp::Rem, c1),
            b'^' => op_or_assign(Tok::Xor, BinaryOp::Xor, c1),
            b'&' if c1 == b'&' => (Tok::LogAnd, 2),
            b'&' if c1 == b'^' && c2 == b'=' => (Tok::AssignOp(BinaryOp::AndNot), 3),
            b'&' if c1 == b'^' => (Tok::AndNot, 2),
            b'&' => op_or_assign(Tok::And, BinaryOp::And, c1),
            b'|' if c1 == b'|' => (Tok::LogOr, 2),
            b'|' => op_or_assign(Tok::Or, BinaryOp::Or, c1),
            b'<' if c1 == b'-' => (Tok::Arrow, 2),
            b'<' if c1 == b'<' && c2 == b'=' => (Tok::AssignOp(BinaryOp::Shl), 3),
            b'<' if c1 == b'<' => (Tok::Shl, 2),
            b'<' if c1 == b'=' => (Tok::Leq, 2),
            b'<' => (Tok::Lss, 1),
            b'>' if c1 == b'>' && c2 == b'=' => (Tok::AssignOp(BinaryOp::Shr), 3),
            b'>' if c1 == b'>' => (Tok::Shr, 2),
            b'>' if c1 == b'=' => (Tok::Geq, 2),
            b'>' => (Tok::Gtr, 1),
            b'=' if c1 == b'=' => (Tok::Eql, 2),
            b'=' => (Tok::Assign, 1),
            b'!' if c1 == b'=' => (Tok::Neq, 2),
            b'!' => (Tok::Not, 1),
            0 => {
                self.pos += 1;
                self.error(start, "invalid NUL character");
                return;
            }
            _ => {
                self.pos += 1;
                self.error(start, format!("invalid character {}", describe_char(b as char)));
                return;
            }
        };
        self.pos += len;
        self.push(kind, start, SemiKind::Written);
    }

    /// Scans a number literal starting at `start` (a digit, or `.` followed by one).
    fn number(&mut self, start: usize) {
        let mut base = 10;
        let mut prefix = 0u8;
        let mut is_float = false;
        // First digit that is invalid for an integer of this base (octal `089` may
        // still be a valid float).
        let mut invalid_digit: Option<(usize, u8)> = None;
        let mut digits = 0;

        if self.peek(0) != b'.' {
            if self.peek(0) == b'0' {
                self.pos += 1;
                match self.peek(0).to_ascii_lowercase() {
                    b'x' => (base, prefix) = (16, b'x'),
                    b'o' => (base, prefix) = (8, b'o'),
                    b'b' => (base, prefix) = (2, b'b'),
                    _ => {
                        (base, prefix) = (8, b'0');
                        digits = 1; // the leading 0
                    }
                }
                if prefix != b'0' {
                    self.pos += 1;
                }
            }
            digits += self.digits(base, &mut invalid_digit);
            if self.peek(0) == b'.' {
                is_float = true;
                self.pos += 1;
                digits += self.digits(base, &mut invalid_digit);
            }
        } else {
            is_float = true;
            self.pos += 1;
            digits += self.digits(10, &mut invalid_digit);
        }

        if digits == 0 && prefix != b'0' {
            self.error(self.pos, format!("{} literal has no digits", base_name(prefix)));
        }

        let e = self.peek(0).to_ascii_lowercase();
        if e == b'e' || e == b'p' {
            if e == b'e' && prefix != 0 && prefix != b'0' {
                self.error(self.pos, format!("'{}' exponent requires decimal mantissa", self.peek(0) as char));
            } else if e == b'p' && prefix != b'x' {
                self.error(self.pos, format!("'{}' exponent requires hexadecimal mantissa", self.peek(0) as char));
            }
            self.pos += 1;
            is_float = true;
            if matches!(self.peek(0), b'+' | b'-') {
                self.pos += 1;
            }
            let mut ignored = None;
            if self.digits(10, &mut ignored) == 0 {
                self.error(self.pos, "exponent has no digits");
            }
        } else if prefix == b'x' && is_float {
            self.error(self.pos, "hexadecimal mantissa requires a 'p' exponent");
        }

        let mut kind = if is_float { Tok::Float } else { Tok::Int };
        if self.peek(0) == b'i' {
            self.pos += 1;
            kind = Tok::Imag;
        }

        if (kind == Tok::Int || (prefix != 0 && prefix != b'0'))
            && let Some((at, d)) = invalid_digit {
                let name = if prefix == b'0' { "octal" } else { base_name(prefix) };
                self.error(at, format!("invalid digit '{}' in {name} literal", d as char));
            }
        if kind == Tok::Float && prefix != 0 && prefix != b'0' && prefix != b'x' {
            self.error(start, format!("invalid radix point in {} literal", base_name(prefix)));
        }
        if let Some(at) = misplaced_separator(&self.src[start..self.pos]) {
            self.error(start + at, "'_' must separate successive digits");
        }
        self.push(kind, start, SemiKind::Written);
    }

    /// Consumes digits (decimal digits always, hex letters in base 16) and `_`;
    /// returns how many digits there were and records the first digit out of range.
    fn digits(&mut self, base: u32, invalid: &mut Option<(usize, u8)>) -> usize {
        let mut count = 0;
        loop {
            let b = self.peek(0);
            let value = match b {
                b'0'..=b'9' => (b - b'0') as u32,
                b'a'..=b'f' | b'A'..=b'F' if base == 16 => (b.to_ascii_lowercase() - b'a' + 10) as u32,
                b'_' => {
                    self.pos += 1;
                    continue;
                }
                _ => return count,
            };
            if value >= base && invalid.is_none() {
                *invalid = Some((self.pos, b));
            }
            count += 1;
            self.pos += 1;
        }
    }

    fn string(&mut self, start: usize) {
        self.pos += 1;
        loop {
            match self.peek(0) {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\\' if self.pos + 1 < self.bytes.len() && self.peek(1) != b'\n' => self.pos += 2,
                b'\n' => {
                    self.error(self.pos, "newline in string");
                    break;
                }
                _ if self.pos >= self.bytes.len() => {
                    self.error(start, "string literal not terminated");
                    break;
                }
                _ => self.pos += 1,
            }
        }
        self.snap_to_char_boundary();
        self.push(Tok::String, start, SemiKind::Written);
    }

    fn raw_string(&mut self, start: usize) {
        match self.src[start + 1..].find('`') {
            Some(len) => self.pos = start + 1 + len + 1,
            None => {
                self.error(start, "raw string literal not terminated");
                self.pos = self.bytes.len();
            }
        }
        self.push(Tok::String, start, SemiKind::Written);
    }

    fn rune(&mut self, start: usize) {
        self.pos += 1;
        loop {
            match self.peek(0) {
                b'\'' => {
                    self.pos += 1;
                    break;
                }
                b'\\' if self.pos + 1 < self.bytes.len() && self.peek(1) != b'\n' => self.pos += 2,
                b'\n' => {
                    self.error(self.pos, "newline in rune literal");
                    break;
                }
                _ if self.pos >= self.bytes.len() => {
                    self.error(start, "rune literal not terminated");
                    break;
                }
                _ => self.pos += 1,
            }
        }
        self.snap_to_char_boundary();
        self.push(Tok::Rune, start, SemiKind::Written);
    }

    /// After skipping `\` plus one byte, the position may sit inside a multi-byte
    /// character; move it forward to the next boundary so spans stay valid.
    fn snap_to_char_boundary(&mut self) {
        while !self.src.is_char_boundary(self.pos) {
            self.pos += 1;
        }
    }
}

fn op_or_assign(tok: Tok, op: BinaryOp, next: u8) -> (Tok, usize) {
    if next == b'=' { (Tok::AssignOp(op), 2) } else { (tok, 1) }
}

fn base_name(prefix: u8) -> &'static str {
    match prefix {
        b'x' => "hexadecimal",
        b'o' | b'0' => "octal",
        b'b' => "binary",
        _ => "decimal",
    }
}

/// Offset of the first `_` in a number literal that does not sit between two digits
/// (a base prefix counts as a digit), or `None` if all separators are well placed.
fn misplaced_separator(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let hex = b.len() > 1 && b[0] == b'0' && (b[1] | 0x20) == b'x';
    let is_digit = |i: usize| -> bool {
        let c = b[i];
        c.is_ascii_digit() || (hex && c.is_ascii_hexdigit())
    };
    for i in 0..b.len() {
        if b[i] != b'_' {
            continue;
        }
        let prefix_before = i == 1 && b[0] == b'0' || (i == 2 && b[0] == b'0' && b[1].is_ascii_alphabetic());
        let before_ok = i > 0 && (is_digit(i - 1) || prefix_before);
        let after_ok = i + 1 < b.len() && is_digit(i + 1);
        if !before_ok || !after_ok {
            return Some(i);
        }
    }
    None
}

/// `U+0040 '@'`, the way Go's scanner names a character in errors.
pub(crate) fn describe_char(c: char) -> String {
    if c.is_control() || c == '\u{feff}' {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{c}'", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let mut diags = Vec::new();
        let toks = tokenize(src, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        toks.into_iter().map(|t| t.kind).collect()
    }

    fn errors(src: &str) -> Vec<String> {
        let mut diags = Vec::new();
        tokenize(src, &mut diags);
        diags.into_iter().map(|d| format!("{}: {}", d.span.start, d.message)).collect()
    }

    #[test]
    fn semicolons_are_inserted_after_line_final_tokens() {
        use Tok::*;
        assert_eq!(kinds("x++\nreturn\n}\n"), vec![Ident, Inc, Semi, Return, Semi, RBrace, Semi, Eof]);
        assert_eq!(kinds("a +\nb"), vec![Ident, Add, Ident, Semi, Eof]);
        assert_eq!(kinds("x /* a\n b */ y"), vec![Ident, Semi, Ident, Semi, Eof]);
        assert_eq!(kinds("x // c\ny"), vec![Ident, Semi, Ident, Semi, Eof]);
    }

    #[test]
    fn operators_take_the_longest_match() {
        use Tok::*;
        assert_eq!(
            kinds("a &^= b <<= c &^ d <- e ... := &&"),
            vec![
                Ident,
                AssignOp(BinaryOp::AndNot),
                Ident,
                AssignOp(BinaryOp::Shl),
                Ident,
                AndNot,
                Ident,
                Arrow,
                Ident,
                Ellipsis,
                Define,
                LogAnd,
                Eof
            ]
        );
    }

    #[test]
    fn number_forms() {
        use Tok::*;
        for (src, kind) in [
            ("0", Int),
            ("0x_FF", Int),
            ("0b1010", Int),
            ("0o17", Int),
            ("017", Int),
            ("1_000_000", Int),
            ("1.5", Float),
            (".5", Float),
            ("1e9", Float),
            ("09.5", Float),
            ("0x1p-2", Float),
            ("2i", Imag),
        ] {
            assert_eq!(kinds(src), vec![kind, Semi, Eof], "{src}");
        }
    }

    #[test]
    fn malformed_numbers_are_reported() {
        assert_eq!(errors("089"), vec!["1: invalid digit '8' in octal literal"]);
        assert_eq!(errors("0x"), vec!["2: hexadecimal literal has no digits"]);
        assert_eq!(errors("1__0"), vec!["1: '_' must separate successive digits"]);
        assert_eq!(errors("1e"), vec!["2: exponent has no digits"]);
        assert_eq!(errors("0b102"), vec!["4: invalid digit '2' in binary literal"]);
    }

    #[test]
    fn unterminated_literals_and_bad_characters() {
        assert_eq!(errors("\"abc\nx"), vec!["4: newline in string"]);
        assert_eq!(errors("`abc"), vec!["0: raw string literal not terminated"]);
        assert_eq!(errors("/* x"), vec!["0: comment not terminated"]);
        assert_eq!(errors("a @ b"), vec!["2: invalid character U+0040 '@'"]);
        assert_eq!(errors("'\\"), vec!["0: rune literal not terminated"]);
        assert_eq!(errors("a\0b"), vec!["1: invalid NUL character"]);
        assert_eq!(errors("\u{feff}a \u{feff}"), vec!["5: invalid BOM in the middle of the file"]);
    }

    #[test]
    fn escaped_quote_does_not_end_a_string() {
        assert_eq!(kinds(r#""a\"b" 'x'"#), vec![Tok::String, Tok::Rune, Tok::Semi, Tok::Eof]);
    }
}
