//! Share links: the program, GOMAXPROCS and seed in the URL fragment, as DESIGN.md fixes
//! the format: `code=` + base64url (no padding) of the raw-deflate compressed program
//! text, then optional `&procs=N&seed=S`. No server stores anything.
//!
//! Invariant: `decode(&encode(s)) == Ok(Some(s))` for every program of at most
//! [`MAX_PROGRAM`] bytes and every `procs` in `1..=MAX_PROCS`.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use goroscope_protocol::MAX_PROCS;

/// The largest program a link may carry, decompressed (1 MiB).
pub const MAX_PROGRAM: usize = 1 << 20;

/// The longest fragment decoded at all: a 1 MiB program compresses far below this.
const MAX_FRAGMENT: usize = 2 << 20;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub code: String,
    pub procs: Option<u8>,
    pub seed: Option<u64>,
}

/// Why a fragment is not a share link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment has no `code=` part.
    NoCode,
    /// The fragment is longer than any link Goroscope writes.
    FragmentTooLong,
    /// `code=` is not base64url without padding.
    NotBase64,
    /// The compressed program is truncated or corrupt.
    NotDeflate,
    /// The program decompresses to more than [`MAX_PROGRAM`] bytes.
    ProgramTooLarge,
    /// The program is not UTF-8 text.
    NotText,
    /// `procs=` is not a number in `1..=MAX_PROCS`.
    BadProcs(String),
    /// `seed=` is not an unsigned 64-bit number.
    BadSeed(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NoCode => write!(f, "the link has no code= part"),
            ShareError::FragmentTooLong => write!(f, "the link is too long"),
            ShareError::NotBase64 => write!(f, "the program is not valid base64url"),
            ShareError::NotDeflate => write!(f, "the program's data is truncated or corrupt"),
            ShareError::ProgramTooLarge => write!(f, "the program is larger than 1 MiB"),
            ShareError::NotText => write!(f, "the program is not UTF-8 text"),
            ShareError::BadProcs(v) => {
                write!(f, "procs={v} is not a GOMAXPROCS in 1..={MAX_PROCS}")
            }
            ShareError::BadSeed(v) => {
                write!(f, "seed={v} is not a seed (an unsigned 64-bit number)")
            }
        }
    }
}

/// The fragment (without `#`) that carries `shared`.
pub fn encode(shared: &Shared) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(shared.code.as_bytes(), 9);
    let mut fragment = format!("code={}", URL_SAFE_NO_PAD.encode(compressed));
    if let Some(procs) = shared.procs {
        fragment.push_str(&format!("&procs={procs}"));
    }
    if let Some(seed) = shared.seed {
        fragment.push_str(&format!("&seed={seed}"));
    }
    fragment
}

/// Reads a fragment (a leading `#` is allowed). An empty fragment is no link: `Ok(None)`.
/// Unknown `key=value` parts are ignored, so later links (a view, say) still open.
pub fn decode(fragment: &str) -> Result<Option<Shared>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::FragmentTooLong);
    }
    let (mut code, mut procs, mut seed) = (None, None, None);
    for part in fragment.split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key {
            "code" => code = Some(inflate(value)?),
            "procs" => procs = Some(parse_procs(value)?),
            "seed" => {
                seed = Some(
                    value
                        .parse()
                        .map_err(|_| ShareError::BadSeed(value.into()))?,
                )
            }
            _ => {}
        }
    }
    let code = code.ok_or(ShareError::NoCode)?;
    Ok(Some(Shared { code, procs, seed }))
}

fn inflate(value: &str) -> Result<String, ShareError> {
    let compressed = URL_SAFE_NO_PAD
        .decode(value)
        .map_err(|_| ShareError::NotBase64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PROGRAM)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::ProgramTooLarge,
            _ => ShareError::NotDeflate,
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

fn parse_procs(value: &str) -> Result<u8, ShareError> {
    value
        .parse()
        .ok()
        .filter(|n| (1..=MAX_PROCS).contains(n))
        .ok_or_else(|| ShareError::BadProcs(value.into()))
}
