//! What the front end makes of a program, in the protocol's terms.
//!
//! For now that is the scanner's verdict (tokens and scanning errors); the parser and the
//! type checker extend it as they land.

use goroscope_protocol::Diagnostic;
use goroscope_syntax::{LineIndex, lexer, token::Tok};

/// The front end's findings about one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Errors, in source order, positioned for the console and the editor.
    pub diagnostics: Vec<Diagnostic>,
    /// Tokens scanned, not counting the end-of-file marker.
    pub tokens: usize,
}

/// Scans `code` (the text of `main.go`).
pub fn check(code: &str) -> Checked {
    let mut found = Vec::new();
    let tokens = lexer::tokenize(code, &mut found);
    let lines = LineIndex::new(code);
    let diagnostics = found
        .into_iter()
        .map(|d| {
            let (line, col) = lines.line_col(d.span.start);
            Diagnostic { line, col, start: d.span.start, end: d.span.end, message: d.message }
        })
        .collect();
    let tokens = tokens.iter().filter(|t| t.kind != Tok::Eof).count();
    Checked { diagnostics, tokens }
}
