//! The Web Worker entry: runs programs off the page's thread, in slices, and streams the
//! answers to the page.
//!
//! [`Session`] is the worker's whole state and logic, as plain Rust that tests drive
//! natively: it decodes requests, runs the current [`job`] one slice at a time, and
//! returns the responses to post. The browser glue (`glue`, wasm only) merely feeds it
//! messages and schedules its slices on the worker's event loop.
//!
//! A run's first slice compiles the program ([`front_end`]); every further slice runs the
//! machine for a bounded number of instructions and streams what the program printed.
//!
//! Architecture Invariant: the worker adapts the machine to the browser; nothing below it
//! (syntax, runtime, ...) knows it runs in a worker.

pub mod front_end;
pub mod job;
mod session;
pub mod warm_up;

#[cfg(target_arch = "wasm32")]
mod glue;

pub use session::Session;

#[cfg(target_arch = "wasm32")]
pub use glue::start;
