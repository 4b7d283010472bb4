//! What the front end makes of a program, in the protocol's terms.
//!
//! For now that is the parser's verdict (the file's shape and its syntax errors, in gc's
//! wording); the machine replaces this once it runs programs in the worker.

use goroscope_protocol::Diagnostic;
use goroscope_syntax::{LineIndex, parse_file};

/// The front end's findings about one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// Syntax errors, in source order, positioned for the console and the editor.
    pub diagnostics: Vec<Diagnostic>,
    /// The package clause's name.
    pub package: String,
    /// Imported packages.
    pub imports: usize,
    /// Top-level declarations (functions, types, variables, constants).
    pub decls: usize,
}

/// Parses `code` (the text of `main.go`).
pub fn check(code: &str) -> Checked {
    let parsed = parse_file(code);
    let lines = LineIndex::new(code);
    let diagnostics = parsed
        .diagnostics
        .into_iter()
        .map(|d| {
            let (line, col) = lines.line_col(d.span.start);
            Diagnostic {
                line,
                col,
                start: d.span.start,
                end: d.span.end,
                message: d.message,
            }
        })
        .collect();
    let file = parsed.file;
    Checked {
        diagnostics,
        package: file.package.name,
        imports: file.imports.iter().map(|group| group.specs.len()).sum(),
        decls: file.decls.len(),
    }
}

/// "1 import", "2 declarations".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
