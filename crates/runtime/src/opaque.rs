//! Run-time objects of the standard library that have no Go-visible structure and live
//! behind a hidden handle field (see `natives`). Scheduler objects (mutexes, wait
//! groups, timers) are not here: their handles are scheduler ids.

/// One opaque object.
#[derive(Debug)]
pub enum Opaque {
    /// The buffer of a `strings.Builder`.
    Bytes(Vec<u8>),
}
