//! The machine: the interpreter loop over the compiler's bytecode, values and heap, the
//! standard-library subset, wired to the scheduler model of `goroscope-sched`.
//!
//! Layout (one concept per module):
//! - [`value`]: run-time values (Go semantics: copy-on-write aggregates, aliasing
//!   pointers and slices), [`map`]: Go maps.
//! - [`goroutine`]: one goroutine's registers, frames, defers, panic state.
//! - `interp`: the loop, `fast`: its path for simple register instructions; `ops`: data operations; `iface`: assertions and map access.
//! - [`machine`]: the global state and the slice loop that drives the scheduler.
//! - `natives`: the standard library; `report`: Go's panic/fatal/deadlock texts;
//!   `print`: the print/println builtins.
//!
//! **Architecture invariant**: the machine knows no browser and no wall clock; its
//! behaviour is a function of (program, config, seed).
//!
//! ```text
//! let mut m = Machine::new(program, Config { procs: 4, seed: 1, ..Config::default() })?;
//! loop {
//!     match m.run_slice(100_000) {
//!         SliceResult::Running => { forward(m.take_output()); if stop_requested { break } }
//!         SliceResult::Finished(exit) => { forward(m.take_output()); return exit.code }
//!     }
//! }
//! ```

mod fast;
pub mod goroutine;
mod iface;
mod interp;
pub mod machine;
pub mod map;
mod natives;
mod opaque;
mod ops;
mod print;
mod report;
mod throw;
pub mod value;

pub use goroscope_trace::Stream;
pub use machine::{BATCH, Config, Exit, LoadError, Machine, NS_PER_INSTR, Output, SliceResult};
pub use natives::lookup as native_lookup;
