//! What the page draws of a run: its [`Recording`] of events, and the views derived from
//! the snapshot at the position shown.
//!
//! The models are pure (a [`Snapshot`](goroscope_trace::Snapshot) and the events in,
//! plain data out) and tested natively: [`scheduler`] (P lanes, run queues, parked
//! goroutines), [`goroutines`], [`channels`], [`timeline`] (runs per P over virtual
//! time, indexed as events arrive), [`happened`] (the last scheduler event, told) and
//! [`label`] (names as Go prints them). The Yew components that draw them, mounted by
//! one `Views` component, are compiled for wasm only.

pub mod channels;
pub mod goroutines;
pub mod happened;
pub mod label;
mod recording;
pub mod scheduler;
pub mod timeline;

pub use recording::{EVENTS_PER_WEIGHT, MIN_INTERVAL, Recording, is_step};

#[cfg(target_arch = "wasm32")]
mod draw;
#[cfg(target_arch = "wasm32")]
pub use draw::{Views, ViewsProps};
