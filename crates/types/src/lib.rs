//! The type checker for the Go subset: resolves names and types every expression,
//! reporting errors in Go's own wording.
