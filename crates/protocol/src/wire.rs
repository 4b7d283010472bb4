//! The wire format: JSON text of an [`Envelope`] that names the protocol version.
//!
//! JSON rather than a binary codec because the messages are small next to the work they
//! describe, and a message caught in the browser's devtools can be read as it is.

use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// Bumped whenever a message changes shape or meaning. Page and worker are built together,
/// so a mismatch means a stale cached file, which the page reports instead of misreading.
pub const PROTOCOL_VERSION: u32 = 3;

/// A message as it crosses `postMessage`.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The sender's [`PROTOCOL_VERSION`].
    pub v: u32,
    pub msg: T,
}

/// Why a received text is not a message of this protocol.
#[derive(Debug, PartialEq, Eq)]
pub enum WireError {
    /// The sender speaks another protocol version.
    Version { found: u32 },
    /// Not JSON, or not the expected message shape.
    Malformed(String),
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireError::Version { found } => write!(
                f,
                "protocol version {found} received, this build speaks {PROTOCOL_VERSION}: reload the page"
            ),
            WireError::Malformed(why) => write!(f, "malformed message: {why}"),
        }
    }
}

impl std::error::Error for WireError {}

/// Encodes `msg` in an envelope of the current version.
pub fn encode<T: Serialize>(msg: &T) -> String {
    #[derive(Serialize)]
    struct Outgoing<'a, T> {
        v: u32,
        msg: &'a T,
    }
    // Serialising this crate's plain data types cannot fail (no maps with non-string keys,
    // no custom Serialize impls). Should it ever, the empty text reaches the receiver as
    // `WireError::Malformed`, which it reports; nothing panics.
    serde_json::to_string(&Outgoing {
        v: PROTOCOL_VERSION,
        msg,
    })
    .unwrap_or_default()
}

/// Decodes an envelope, checking the version before reading the message.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, WireError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        v: u32,
    }
    let VersionOnly { v } =
        serde_json::from_str(text).map_err(|e| WireError::Malformed(e.to_string()))?;
    if v != PROTOCOL_VERSION {
        return Err(WireError::Version { found: v });
    }
    let envelope: Envelope<T> =
        serde_json::from_str(text).map_err(|e| WireError::Malformed(e.to_string()))?;
    Ok(envelope.msg)
}
