//! Lexer, parser and AST (with spans) for the Go subset Goroscope runs, plus diagnostics.
//!
//! **Architecture invariant:** parsing never fails: it returns a tree and a list of
//! errors. This crate knows nothing about types, bytecode or the machine.

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

/// Parses one Go source file. Never fails: syntax errors (at most 10, at most one
/// per line, sorted by position, in gc's wording) come back with a best-effort tree.
pub fn parse_file(src: &str) -> Parsed {
    let (file, diagnostics) = parser::parse(src);
    Parsed { file, diagnostics }
}
