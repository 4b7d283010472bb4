//! Diagnostics: a positioned message, rendered the way the Go compiler prints errors
//! (`prog.go:LINE:COL: message`).

use crate::span::{LineIndex, Span};

/// One error found in a source file. The message uses Go's wording, without the
/// position prefix (e.g. `syntax error: unexpected }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span, message: message.into() }
    }

    /// `file_name:LINE:COL: message`, positioned at the start of the span.
    pub fn render(&self, file_name: &str, lines: &LineIndex) -> String {
        let (line, col) = lines.line_col(self.span.start);
        format!("{file_name}:{line}:{col}: {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_go() {
        let src = "package main\n\nfunc main() {\n\tx :=\n}\n";
        let lines = LineIndex::new(src);
        let d = Diagnostic::new(Span::at(src.find("x").unwrap() as u32), "boom");
        assert_eq!(d.render("prog.go", &lines), "prog.go:4:2: boom");
    }
}
