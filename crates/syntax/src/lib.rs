//! Lexer, parser and AST (with spans) for the Go subset Goroscope runs, plus diagnostics.
//!
//! **Architecture invariant:** parsing never fails: [`parse_file`] returns a tree and a
//! list of errors. This crate knows nothing about types, bytecode or the machine.
//!
//! Code map:
//! - [`span`]: byte-offset [`Span`]s and the [`LineIndex`] giving Go's `LINE:COL`.
//! - [`diagnostic`]: [`Diagnostic`] and its `prog.go:LINE:COL: message` rendering.
//! - [`token`], [`lexer`]: Go's token set and the scanner (semicolon insertion).
//! - [`literal`]: string/rune escape decoding, integer/float literal values.
//! - [`ast`]: the tree; every expression, identifier and case clause has a [`ast::NodeId`]
//!   for side tables sized by [`ast::File::node_count`].
//! - `parser` (private): recursive descent with gc's error wording and recovery.
//! - [`printer`]: expressions rendered as Go's error messages print them.
//! - [`dump`]: the indented tree dump used by golden tests.

pub mod ast;
pub mod diagnostic;
pub mod dump;
pub mod lexer;
pub mod literal;
mod parser;
pub mod printer;
pub mod span;
pub mod token;

pub use diagnostic::Diagnostic;
pub use span::{LineIndex, Span};

/// The result of parsing one file: always a tree, plus the syntax errors found.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one Go source file. Never fails: errors (at most 10, at most one syntax
/// error per line, sorted by position, in gc's wording) come back with a best-effort
/// tree. Linear in the input; this is also the entry point benchmarks should time.
pub fn parse_file(src: &str) -> Parsed {
    let (file, diagnostics) = parser::parse(src);
    Parsed { file, diagnostics }
}
