//! Go's pure `strings` functions on byte strings. Go strings may hold invalid UTF-8:
//! searching works on bytes, and functions that look at runes decode each invalid byte
//! as U+FFFD of width 1 (so `to_upper` and `map_runes` replace such bytes by U+FFFD,
//! as Go's `strings.Map` does). Results that Go returns as substrings borrow the input.

use crate::unicode::{is_space, to_lower, to_upper};
use crate::utf8::{
    RUNE_ERROR, append_rune, decode_last_rune, decode_rune, rune_count, runes, valid_rune,
};

/// `strings.Index`: byte offset of the first `sep` in `s`, or -1.
pub fn index(s: &[u8], sep: &[u8]) -> isize {
    if sep.is_empty() {
        return 0;
    }
    s.windows(sep.len())
        .position(|w| w == sep)
        .map_or(-1, |i| i as isize)
}

/// `strings.LastIndex`.
pub fn last_index(s: &[u8], sep: &[u8]) -> isize {
    if sep.is_empty() {
        return s.len() as isize;
    }
    s.windows(sep.len())
        .rposition(|w| w == sep)
        .map_or(-1, |i| i as isize)
}

/// `strings.IndexByte`.
pub fn index_byte(s: &[u8], c: u8) -> isize {
    s.iter().position(|&b| b == c).map_or(-1, |i| i as isize)
}

/// `strings.LastIndexByte`.
pub fn last_index_byte(s: &[u8], c: u8) -> isize {
    s.iter().rposition(|&b| b == c).map_or(-1, |i| i as isize)
}

/// `strings.IndexRune`: U+FFFD also matches an invalid byte; an invalid rune matches
/// nothing.
pub fn index_rune(s: &[u8], r: u32) -> isize {
    if r == RUNE_ERROR {
        return runes(s)
            .find(|&(_, c, _)| c == RUNE_ERROR)
            .map_or(-1, |(i, _, _)| i as isize);
    }
    if !valid_rune(r) {
        return -1;
    }
    let mut enc = Vec::with_capacity(4);
    append_rune(&mut enc, r);
    index(s, &enc)
}

/// `strings.IndexAny`: offset of the first rune of `s` that is in `chars`.
pub fn index_any(s: &[u8], chars: &[u8]) -> isize {
    if chars.is_empty() {
        return -1;
    }
    runes(s)
        .find(|&(_, r, _)| index_rune(chars, r) >= 0)
        .map_or(-1, |(i, _, _)| i as isize)
}

/// `strings.Contains`.
pub fn contains(s: &[u8], sub: &[u8]) -> bool {
    index(s, sub) >= 0
}

/// `strings.ContainsRune`.
pub fn contains_rune(s: &[u8], r: u32) -> bool {
    index_rune(s, r) >= 0
}

/// `strings.ContainsAny`.
pub fn contains_any(s: &[u8], chars: &[u8]) -> bool {
    index_any(s, chars) >= 0
}

/// `strings.HasPrefix`.
pub fn has_prefix(s: &[u8], prefix: &[u8]) -> bool {
    s.starts_with(prefix)
}

/// `strings.HasSuffix`.
pub fn has_suffix(s: &[u8], suffix: &[u8]) -> bool {
    s.ends_with(suffix)
}

/// `strings.Count`: non-overlapping occurrences; an empty `sep` counts runes plus one.
pub fn count(s: &[u8], sep: &[u8]) -> usize {
    if sep.is_empty() {
        return rune_count(s) + 1;
    }
    let mut n = 0;
    let mut rest = s;
    while let Some(i) = rest.windows(sep.len()).position(|w| w == sep) {
        n += 1;
        rest = &rest[i + sep.len()..];
    }
    n
}

/// Go's `explode`: `s` split into runes (each invalid byte alone), at most `n` pieces
/// (the last holding the rest) when `n` > 0.
fn explode(s: &[u8], n: isize) -> Vec<&[u8]> {
    let l = rune_count(s) as isize;
    let n = if n < 0 || n > l { l } else { n };
    let mut out = Vec::with_capacity(n.max(0) as usize);
    let mut rest = s;
    for _ in 0..n.saturating_sub(1) {
        let (_, w) = decode_rune(rest);
        out.push(&rest[..w]);
        rest = &rest[w..];
    }
    if n > 0 {
        out.push(rest);
    }
    out
}

/// Go's `genSplit`: split around `sep`, keeping `sep_save` bytes of it, at most `n`
/// pieces (`n` < 0: all; `n` == 0: none).
fn gen_split<'a>(s: &'a [u8], sep: &[u8], sep_save: usize, n: isize) -> Vec<&'a [u8]> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        return explode(s, n);
    }
    let n = if n < 0 {
        count(s, sep) as isize + 1
    } else {
        n.min(s.len() as isize + 1)
    };
    let mut out = Vec::with_capacity(n as usize);
    let mut rest = s;
    while (out.len() as isize) < n - 1 {
        let m = index(rest, sep);
        if m < 0 {
            break;
        }
        let m = m as usize;
        out.push(&rest[..m + sep_save]);
        rest = &rest[m + sep.len()..];
    }
    out.push(rest);
    out
}

/// `strings.Split`; an empty `sep` splits into runes.
pub fn split<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, -1)
}

/// `strings.SplitN`.
pub fn split_n<'a>(s: &'a [u8], sep: &[u8], n: isize) -> Vec<&'a [u8]> {
    gen_split(s, sep, 0, n)
}

/// `strings.SplitAfter`.
pub fn split_after<'a>(s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), -1)
}

/// `strings.SplitAfterN`.
pub fn split_after_n<'a>(s: &'a [u8], sep: &[u8], n: isize) -> Vec<&'a [u8]> {
    gen_split(s, sep, sep.len(), n)
}

/// `strings.FieldsFunc`: maximal runs of runes for which `is_sep` is false.
pub fn fields_func(s: &[u8], mut is_sep: impl FnMut(u32) -> bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r, _) in runes(s) {
        match (is_sep(r), start) {
            (true, Some(st)) => {
                out.push(&s[st..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// `strings.Fields`: split around runs of Unicode white space.
pub fn fields(s: &[u8]) -> Vec<&[u8]> {
    fields_func(s, is_space)
}

/// `strings.Join`.
pub fn join(elems: &[&[u8]], sep: &[u8]) -> Vec<u8> {
    elems.join(sep)
}

/// `strings.Repeat`; Go panics on a negative count or an overflowing result, and the
/// panic message is returned as the error.
pub fn repeat(s: &[u8], count: i64) -> Result<Vec<u8>, &'static str> {
    if count < 0 {
        return Err("strings: negative Repeat count");
    }
    let total = (s.len() as u64).checked_mul(count as u64);
    match total {
        // Beyond this no Go program could hold the result either.
        Some(t) if t <= (1 << 40) => Ok(s.repeat(count as usize)),
        _ => Err("strings: Repeat output length overflow"),
    }
}

/// `strings.Replace`: the first `n` non-overlapping `old` replaced (all when `n` < 0).
/// An empty `old` matches at the start and after each rune.
pub fn replace(s: &[u8], old: &[u8], new: &[u8], n: isize) -> Vec<u8> {
    if old == new || n == 0 {
        return s.to_vec();
    }
    let m = count(s, old) as isize;
    if m == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n { m } else { n };
    let mut out = Vec::with_capacity(s.len() + (n as usize) * new.len());
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += decode_rune(&s[start..]).1;
            }
        } else {
            j += index(&s[start..], old).max(0) as usize;
        }
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start.min(s.len())..]);
    out
}

/// `strings.ReplaceAll`.
pub fn replace_all(s: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    replace(s, old, new, -1)
}

/// `strings.Map`: each rune mapped; a negative result drops the rune.
pub fn map_runes(mut mapping: impl FnMut(u32) -> i64, s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in runes(s) {
        let m = mapping(r);
        if m >= 0 {
            append_rune(&mut out, u32::try_from(m).unwrap_or(RUNE_ERROR));
        }
    }
    out
}

/// `strings.ToUpper` (Unicode simple case mapping).
pub fn to_upper_string(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    map_runes(|r| i64::from(to_upper(r)), s)
}

/// `strings.ToLower`.
pub fn to_lower_string(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    map_runes(|r| i64::from(to_lower(r)), s)
}

/// The representative of `r`'s simple case-folding orbit (`K`, `k` and KELVIN SIGN
/// share one; dotted and dotless i stay alone, as in Go).
fn fold(r: u32) -> u32 {
    if r == 0x130 || r == 0x131 {
        r
    } else {
        to_lower(to_upper(r))
    }
}

/// `strings.EqualFold`: equal under simple Unicode case folding.
pub fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let mut a = runes(s);
    let mut b = runes(t);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some((_, r, _)), Some((_, q, _))) => {
                if r != q && fold(r) != fold(q) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// `strings.TrimLeftFunc`.
pub fn trim_left_func(s: &[u8], mut f: impl FnMut(u32) -> bool) -> &[u8] {
    let start = runes(s)
        .find(|&(_, r, _)| !f(r))
        .map_or(s.len(), |(i, _, _)| i);
    &s[start..]
}

/// `strings.TrimRightFunc`.
pub fn trim_right_func(s: &[u8], mut f: impl FnMut(u32) -> bool) -> &[u8] {
    let mut end = s.len();
    while end > 0 {
        let (r, w) = decode_last_rune(&s[..end]);
        if !f(r) {
            break;
        }
        end -= w;
    }
    &s[..end]
}

/// `strings.TrimFunc`.
pub fn trim_func(s: &[u8], mut f: impl FnMut(u32) -> bool) -> &[u8] {
    trim_right_func(trim_left_func(s, &mut f), &mut f)
}

/// `strings.TrimSpace`.
pub fn trim_space(s: &[u8]) -> &[u8] {
    trim_func(s, is_space)
}

/// Whether `cutset` holds `r`, as `strings.ContainsRune(cutset, r)`.
fn in_cutset(cutset: &[u8], r: u32) -> bool {
    contains_rune(cutset, r)
}

/// `strings.TrimLeft`: leading runes contained in `cutset` removed.
pub fn trim_left<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_left_func(s, |r| in_cutset(cutset, r))
}

/// `strings.TrimRight`.
pub fn trim_right<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    trim_right_func(s, |r| in_cutset(cutset, r))
}

/// `strings.Trim`.
pub fn trim<'a>(s: &'a [u8], cutset: &[u8]) -> &'a [u8] {
    trim_right(trim_left(s, cutset), cutset)
}

/// `strings.TrimPrefix`.
pub fn trim_prefix<'a>(s: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `strings.TrimSuffix`.
pub fn trim_suffix<'a>(s: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// `strings.Cut`: `(before, after, found)` around the first `sep`.
pub fn cut<'a>(s: &'a [u8], sep: &[u8]) -> (&'a [u8], &'a [u8], bool) {
    match index(s, sep) {
        i if i >= 0 => (&s[..i as usize], &s[i as usize + sep.len()..], true),
        _ => (s, &[], false),
    }
}

/// `strings.CutPrefix`.
pub fn cut_prefix<'a>(s: &'a [u8], prefix: &[u8]) -> (&'a [u8], bool) {
    s.strip_prefix(prefix)
        .map_or((s, false), |rest| (rest, true))
}

/// `strings.CutSuffix`.
pub fn cut_suffix<'a>(s: &'a [u8], suffix: &[u8]) -> (&'a [u8], bool) {
    s.strip_suffix(suffix)
        .map_or((s, false), |rest| (rest, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: Vec<&[u8]>) -> Vec<String> {
        v.into_iter()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect()
    }

    #[test]
    fn corpus_strings_strconv() {
        let s = b"  Go is fun, go is fast  ";
        let t = trim_space(s);
        assert_eq!(t, b"Go is fun, go is fast");
        assert_eq!(to_upper_string(t), b"GO IS FUN, GO IS FAST");
        assert_eq!(
            (index(t, b"is"), last_index(t, b"is"), index(t, b"zzz")),
            (3, 14, -1)
        );
        assert_eq!((count(t, b"is"), count(b"cheese", b"e")), (2, 3));
        assert_eq!(strs(split(b"a,b,,c", b",")), ["a", "b", "", "c"]);
        assert_eq!(strs(split_n(b"k=v=w", b"=", 2)), ["k", "v=w"]);
        assert_eq!(strs(fields(s)), ["Go", "is", "fun,", "go", "is", "fast"]);
        assert_eq!(join(&[b"x", b"y", b"z"], b"-"), b"x-y-z");
        assert_eq!(repeat(b"ab", 3).unwrap(), b"ababab");
        assert_eq!(replace_all(t, b"is", b"IS"), b"Go IS fun, go IS fast");
        assert_eq!(replace(t, b"is", b"was", 1), b"Go was fun, go is fast");
        assert_eq!(trim(b"xxhixx", b"x"), b"hi");
        assert_eq!(trim_prefix(b"prefix-body", b"prefix-"), b"body");
        assert_eq!(trim_suffix(b"file.go", b".go"), b"file");
        assert!(equal_fold(b"GoLang", b"golang"));
        assert_eq!(
            (trim_left(b"001200", b"0"), trim_right(b"001200", b"0")),
            (&b"1200"[..], &b"0012"[..])
        );
        assert_eq!(
            cut(b"user@example", b"@"),
            (&b"user"[..], &b"example"[..], true)
        );
    }

    #[test]
    fn rune_edge_cases() {
        assert_eq!(strs(split("a世b".as_bytes(), b"")), ["a", "世", "b"]);
        assert_eq!(split(b"\xffa", b""), vec![&b"\xff"[..], b"a"]);
        assert_eq!(strs(split_n(b"abc", b"", 2)), ["a", "bc"]);
        assert!(split_n(b"abc", b",", 0).is_empty());
        assert_eq!(strs(split(b"", b",")), [""]);
        assert!(split(b"", b"").is_empty());
        assert_eq!(strs(split_after(b"a,b", b",")), ["a,", "b"]);
        assert_eq!(count("héllo".as_bytes(), b""), 6);
        assert_eq!(replace(b"ab", b"", b"-", -1), b"-a-b-");
        assert_eq!(replace("é".as_bytes(), b"", b"-", 2), "-é-".as_bytes());
        assert_eq!(to_upper_string(b"a\xffb"), "A\u{FFFD}B".as_bytes());
        assert_eq!(to_upper_string("straße".as_bytes()), "STRAßE".as_bytes());
        assert_eq!(to_lower_string("ÀÉ".as_bytes()), "àé".as_bytes());
        assert!(equal_fold("ſ".as_bytes(), b"S") && equal_fold("\u{212A}".as_bytes(), b"k"));
        assert!(!equal_fold("İ".as_bytes(), b"i") && !equal_fold(b"a", b"ab"));
        assert_eq!(trim_space("\u{3000} x\u{85}".as_bytes()), b"x");
        assert_eq!(strs(fields("a\u{a0}b\tc".as_bytes())), ["a", "b", "c"]);
        assert_eq!(index_rune(b"a\xffb", RUNE_ERROR), 1);
        assert_eq!(index_rune(b"abc", 0xD800), -1);
        assert_eq!(index_any(b"golang", b"ny"), 4);
        assert!(contains_any(b"x", b"xyz") && !contains_any(b"x", b""));
        assert_eq!(repeat(b"a", -1), Err("strings: negative Repeat count"));
        assert_eq!(
            map_runes(
                |r| if r == 'a' as u32 { -1 } else { i64::from(r) },
                b"banana"
            ),
            b"bnn"
        );
        assert_eq!(last_index(b"go gopher", b"go"), 3);
        assert_eq!(last_index(b"x", b""), 1);
        assert_eq!(cut_prefix(b"abc", b"ab"), (&b"c"[..], true));
    }
}
