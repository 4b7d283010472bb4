//! What the page draws of a run: its [`Recording`] of events, and the views derived from
//! the snapshot at the position shown.

mod recording;

pub use recording::{Recording, is_step};
