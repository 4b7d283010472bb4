//! The front end, in the protocol's terms: parse, check and compile `main.go`, giving the
//! machine's program or the compile errors positioned for the console and the editor.

use goroscope_compiler::MAX_DIAGNOSTICS;
use goroscope_compiler::bytecode::Program;
use goroscope_protocol::Diagnostic;
use goroscope_syntax::LineIndex;

/// The file name the page's program is compiled as (messages say `main.go:LINE:COL`).
pub const FILE_NAME: &str = "main.go";

/// Compiles `code` (the text of `main.go`); on failure at most ten errors in position
/// order, as `go build` reports them.
pub fn compile(code: &str) -> Result<Program, Vec<Diagnostic>> {
    let lines = LineIndex::new(code);
    let position = |mut ds: Vec<goroscope_syntax::Diagnostic>| -> Vec<Diagnostic> {
        ds.sort_by_key(|d| d.span.start);
        ds.into_iter()
            .take(MAX_DIAGNOSTICS)
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
            .collect()
    };
    let parsed = goroscope_syntax::parse_file(code);
    if !parsed.diagnostics.is_empty() {
        return Err(position(parsed.diagnostics));
    }
    let checked = goroscope_types::check(&parsed.file);
    let mut program =
        goroscope_compiler::compile(&parsed.file, &checked, code).map_err(position)?;
    program.file = FILE_NAME.to_string();
    Ok(program)
}
