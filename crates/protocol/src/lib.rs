//! The messages between the page and the Web Worker that runs the machine.
//!
//! Both sides are Rust: `web` (the page) sends [`Request`]s and the worker answers with a
//! stream of [`Response`]s. Every message crosses `postMessage` as JSON text wrapped in an
//! [`Envelope`] that carries [`PROTOCOL_VERSION`], so a page and a worker from different
//! builds refuse each other with a clear error instead of misreading fields.
//!
//! Lifecycle (the page owns it):
//! 1. The page spawns the worker; the worker loads its wasm and sends [`Response::Ready`].
//!    Requests posted before that are queued by the page, never dropped.
//! 2. The page sends [`Request::Run`]. The worker answers [`Response::Status`]`(Running)`,
//!    then any number of [`Response::Output`], [`Response::Events`], [`Response::Stats`],
//!    [`Response::Note`] and [`Response::Diagnostics`], and ends the run with exactly one
//!    [`Response::Finished`]. While a run is in progress the page may send
//!    [`Request::Pause`], [`Request::Resume`] and [`Request::Step`]; the worker reads them
//!    between slices, so they take effect within one slice (a few milliseconds).
//! 3. Stop is not a message: a busy worker cannot read its inbox until its current slice
//!    ends, so the page terminates the worker and spawns a fresh one (back to step 1).
//!
//! Architecture Invariant: this crate is plain data plus (de)serialisation; it knows no
//! browser, so it builds and tests natively.

mod request;
mod response;
mod wire;

pub use request::{MAX_PROCS, Request, RunConfig};
pub use goroscope_trace::Event;
pub use response::{Diagnostic, Outcome, Response, Stats, Status, Stream};
pub use wire::{Envelope, PROTOCOL_VERSION, WireError, decode, encode};
