//! The type checker for the Go subset: resolves names and types every expression,
//! reporting errors in Go's own wording.

pub mod constant;
pub mod info;
pub mod objects;
pub mod stdlib;
pub mod types;
pub mod universe;

pub use info::Info;
