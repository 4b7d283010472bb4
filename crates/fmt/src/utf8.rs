//! UTF-8 as Go's `unicode/utf8` sees it: strings are bytes, and every byte that does not
//! start a valid, shortest-form encoding of a non-surrogate rune decodes as
//! `RUNE_ERROR` (U+FFFD) of width 1.

/// U+FFFD, what Go decodes invalid bytes to and what it encodes invalid runes as.
pub const RUNE_ERROR: u32 = 0xFFFD;
/// The largest valid Unicode code point.
pub const MAX_RUNE: u32 = 0x10FFFF;

/// Decodes the first rune of `b`: `(rune, width)`. Empty input gives `(RUNE_ERROR, 0)`;
/// an invalid encoding gives `(RUNE_ERROR, 1)`, exactly like `utf8.DecodeRune`.
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    // (length, smallest allowed second byte, largest allowed second byte)
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F), // excludes surrogates
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if b.len() < n || !(lo..=hi).contains(&b[1]) || b[2..n].iter().any(|&c| c & 0xC0 != 0x80) {
        return (RUNE_ERROR, 1);
    }
    let first = u32::from(b0) & (0xFF >> (n + 1));
    let r = b[1..n]
        .iter()
        .fold(first, |acc, &c| (acc << 6) | u32::from(c & 0x3F));
    (r, n)
}

/// Decodes the last rune of `b`, like `utf8.DecodeLastRune`.
pub fn decode_last_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (RUNE_ERROR, 0);
    }
    let lim = b.len().saturating_sub(4);
    let mut start = b.len() - 1;
    while start > lim && b[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let (r, w) = decode_rune(&b[start..]);
    if start + w != b.len() {
        return (RUNE_ERROR, 1);
    }
    (r, w)
}

/// Iterates `(byte offset, rune, width)` over `b` the way Go's `for i, r := range s` does.
pub fn runes(b: &[u8]) -> impl Iterator<Item = (usize, u32, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let (r, w) = decode_rune(&b[i..]);
        let at = i;
        i += w;
        Some((at, r, w))
    })
}

/// The number of runes in `b`, counting each invalid byte as one.
pub fn rune_count(b: &[u8]) -> usize {
    runes(b).count()
}

/// Whether `r` can be encoded: not a surrogate and at most `MAX_RUNE`.
pub fn valid_rune(r: u32) -> bool {
    r <= MAX_RUNE && !(0xD800..=0xDFFF).contains(&r)
}

/// Appends the UTF-8 encoding of `r`, or of `RUNE_ERROR` when `r` is not a valid rune.
pub fn append_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// The number of bytes `append_rune` writes for `r`.
pub fn rune_len(r: u32) -> usize {
    char::from_u32(r).map_or(3, char::len_utf8)
}

/// Whether `b` is entirely valid UTF-8.
pub fn valid(b: &[u8]) -> bool {
    std::str::from_utf8(b).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_go() {
        assert_eq!(decode_rune(b"a"), (97, 1));
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune("世".as_bytes()), (0x4E16, 3));
        assert_eq!(decode_rune("🚀".as_bytes()), (0x1F680, 4));
        assert_eq!(decode_rune(b""), (RUNE_ERROR, 0));
        assert_eq!(decode_rune(b"\xff"), (RUNE_ERROR, 1));
        // A truncated sequence is one error per byte, not one per sequence.
        assert_eq!(decode_rune(b"\xe4\xb8"), (RUNE_ERROR, 1));
        assert_eq!(rune_count(b"\xe4\xb8"), 2);
        // Overlong encodings and surrogates are invalid.
        assert_eq!(decode_rune(b"\xc0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_last_rune("ab世".as_bytes()), (0x4E16, 3));
        assert_eq!(decode_last_rune(b"a\xb8"), (RUNE_ERROR, 1));
    }

    #[test]
    fn encodes_invalid_runes_as_replacement() {
        let mut out = Vec::new();
        append_rune(&mut out, 0xD800);
        append_rune(&mut out, 0x110000);
        append_rune(&mut out, 'x' as u32);
        assert_eq!(out, "\u{FFFD}\u{FFFD}x".as_bytes());
    }
}
