//! The few `unicode` package predicates Go's text functions depend on, answered with
//! Go 1.27's tables (see `unicode_tables`) where Rust's standard library differs.

use crate::unicode_tables::{CASE_EXCEPTIONS, PRINT_RANGES};

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and U+0020.
pub fn is_print(r: u32) -> bool {
    PRINT_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Go's `unicode.IsSpace` (the White_Space property, which Rust's `char` shares).
pub fn is_space(r: u32) -> bool {
    char::from_u32(r).is_some_and(char::is_whitespace)
}

fn case_exception(r: u32) -> Option<(u32, u32)> {
    CASE_EXCEPTIONS
        .binary_search_by_key(&r, |&(k, _, _)| k)
        .ok()
        .map(|i| (CASE_EXCEPTIONS[i].1, CASE_EXCEPTIONS[i].2))
}

/// One rune of a full case mapping, or `r` itself when the mapping is not a single rune:
/// that is Go's simple case mapping everywhere except `CASE_EXCEPTIONS`.
fn single(mut mapped: impl Iterator<Item = char>, r: u32) -> u32 {
    match (mapped.next(), mapped.next()) {
        (Some(c), None) => c as u32,
        _ => r,
    }
}

/// Go's `unicode.ToUpper`.
pub fn to_upper(r: u32) -> u32 {
    if let Some((upper, _)) = case_exception(r) {
        return upper;
    }
    char::from_u32(r).map_or(r, |c| single(c.to_uppercase(), r))
}

/// Go's `unicode.ToLower`.
pub fn to_lower(r: u32) -> u32 {
    if let Some((_, lower)) = case_exception(r) {
        return lower;
    }
    char::from_u32(r).map_or(r, |c| single(c.to_lowercase(), r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_matches_go() {
        assert!(is_print(' ' as u32) && is_print('~' as u32) && is_print('é' as u32));
        assert!(is_print('世' as u32) && is_print('🚀' as u32));
        for r in [
            0x7F,
            0x00,
            '\t' as u32,
            0xA0,
            0xAD,
            0x2028,
            0xFEFF,
            0xFFFF,
            0x110000,
        ] {
            assert!(!is_print(r), "{r:x}");
        }
    }

    #[test]
    fn case_matches_go() {
        assert_eq!(to_upper('ß' as u32), 'ß' as u32); // full mapping would be "SS"
        assert_eq!(to_upper('é' as u32), 'É' as u32);
        assert_eq!(to_lower('Σ' as u32), 'σ' as u32);
        assert_eq!(to_lower(0x130), 'i' as u32); // İ: full mapping is two runes
        assert_eq!(to_upper(0x1F80), 0x1F88); // ᾀ: title-case-like simple mapping
        assert_eq!(to_upper(0xD800), 0xD800);
        assert!(is_space(0x85) && is_space(0x3000) && !is_space(0x200B));
    }
}
