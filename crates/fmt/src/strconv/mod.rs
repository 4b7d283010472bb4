//! Go's `strconv`: integer and float conversions in both directions, booleans, and
//! quoting. Strings are byte slices because Go strings may hold invalid UTF-8.

mod atof;
mod atoi;
mod ftoa;
mod itoa;
mod quote;

pub use atof::parse_float;
pub use atoi::{atoi, parse_int, parse_uint};
pub use ftoa::{append_float, format_float};
pub use itoa::{append_int, append_uint, format_int, format_uint, itoa};
pub use quote::{
    append_quote, append_quote_rune, append_quote_rune_to_ascii, append_quote_to_ascii,
    can_backquote, quote, quote_rune, quote_rune_to_ascii, quote_to_ascii, unquote, unquote_char,
};

/// The reason inside a `NumError`: Go's `strconv.ErrSyntax`, `strconv.ErrRange`, or the
/// ad-hoc errors for a bad base or bit size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `strconv.ErrSyntax`: "invalid syntax".
    Syntax,
    /// `strconv.ErrRange`: "value out of range".
    Range,
    /// "invalid base N".
    Base(i64),
    /// "invalid bit size N".
    BitSize(i64),
}

impl NumErrorKind {
    /// The text of the wrapped error (`err.Err.Error()`).
    pub fn message(&self) -> String {
        match self {
            NumErrorKind::Syntax => "invalid syntax".to_owned(),
            NumErrorKind::Range => "value out of range".to_owned(),
            NumErrorKind::Base(b) => format!("invalid base {b}"),
            NumErrorKind::BitSize(b) => format!("invalid bit size {b}"),
        }
    }
}

/// Go's `*strconv.NumError`: which function failed, on what input, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// The Go function name: `Atoi`, `ParseInt`, `ParseUint`, `ParseFloat`, `ParseBool`.
    pub func: &'static str,
    /// The input, as given.
    pub num: Vec<u8>,
    /// The cause.
    pub kind: NumErrorKind,
}

impl NumError {
    pub(crate) fn new(func: &'static str, num: &[u8], kind: NumErrorKind) -> NumError {
        NumError {
            func,
            num: num.to_vec(),
            kind,
        }
    }

    /// `err.Error()`: `strconv.Atoi: parsing "12a": invalid syntax`.
    pub fn message(&self) -> Vec<u8> {
        let mut out = format!("strconv.{}: parsing ", self.func).into_bytes();
        append_quote(&mut out, &self.num);
        out.extend_from_slice(b": ");
        out.extend_from_slice(self.kind.message().as_bytes());
        out
    }
}

/// `strconv.ParseBool`.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"true" | b"TRUE" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"false" | b"FALSE" | b"False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, NumErrorKind::Syntax)),
    }
}

/// `strconv.FormatBool`.
pub fn format_bool(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools() {
        assert_eq!(parse_bool(b"True"), Ok(true));
        assert_eq!(parse_bool(b"0"), Ok(false));
        let e = parse_bool(b"yes").unwrap_err();
        assert_eq!(
            e.message(),
            b"strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
        assert_eq!(format_bool(false), "false");
    }
}
