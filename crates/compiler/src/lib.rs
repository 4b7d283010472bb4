//! Typed AST to bytecode: one function prototype per Go function, a constant pool and a
//! line table.
//!
//! ```text
//! let program = goroscope_compiler::compile_source("prog.go", src)?; // or the diagnostics
//! ```
//!
//! Pipeline: [`compile_source`] parses, type-checks and lowers; [`compile`] lowers an
//! already checked file. Lowering is split by concern: `lower` (the context and the
//! register discipline), `expr`, `cond`, `place` (assignable operands), `call`,
//! `builtin`, `composite`, `stmt`, `assign`, `loops`, `switch`, `select`, `godefer`,
//! `func` (frames, returns, closures), `methods` (method tables and wrappers), `chanlabel`
//! (names of channels for the trace), `init`
//! (package initialisation order), `generic` (monomorphisation), `escape` (which
//! variables are boxed), `typedesc`, `names`.
//!
//! Design decisions the next person must know:
//! - **Registers are a stack.** Variables keep the register they were declared in until
//!   their scope ends; temporaries sit above; a call's base is the top, so its results
//!   land where the expression wanted them.
//! - **Boxing is decided before lowering** (`escape`): captured or address-taken locals
//!   live in cells; Go 1.22 loop variables get a fresh cell per iteration.
//! - **Interface conversions happen at the use site** (`expr_as`/`coerce`), from the
//!   static types of value and target; the checker's `conversions` table is not needed.
//! - **Generics are monomorphised**: each instantiation is compiled with a substitution
//!   (`main.F[...]` in traces); instructions are typed, so erasure is not possible.
//! - **Method tables** are filled only for types converted to interfaces (and their
//!   components, which fmt inspects), and hold only methods some interface names (plus
//!   `Error`/`String`); promoted methods get wrapper functions.
//! - **Expression lists follow gc's order** (call arguments, literal elements,
//!   assignment and return values, binary operands): operands involving calls,
//!   receives, map indexing or type assertions are evaluated first (left to right),
//!   plain variables are read last (`fmt.Println(n, inc())` shows the new `n`).
//! - Package initialisation order is computed here from the tree (Go's dependency
//!   rule), not taken from the checker.
//!
//! **Architecture invariant:** this crate never panics on any input; what it cannot lower
//! is reported as "X is not supported by Goroscope" at the construct.

pub mod bytecode;

mod assign;
mod builtin;
mod call;
mod chanlabel;
mod composite;
mod cond;
mod escape;
mod expr;
mod func;
mod generic;
mod godefer;
mod init;
mod loops;
mod lower;
mod methods;
mod names;
mod place;
mod program;
mod select;
mod stmt;
mod switch;
mod typedesc;
mod walk;

use goroscope_syntax::ast::File;
use goroscope_syntax::{Diagnostic, LineIndex};
use goroscope_types::Checked;

use bytecode::Program;

/// The most diagnostics reported for one file (as Go reports up to 10).
pub const MAX_DIAGNOSTICS: usize = 10;

/// Lowers a type-checked file. `src` is its text (for the line table). Returns the
/// checker's diagnostics unchanged if it reported any.
pub fn compile(file: &File, checked: &Checked, src: &str) -> Result<Program, Vec<Diagnostic>> {
    if !checked.diagnostics.is_empty() {
        return Err(checked.diagnostics.clone());
    }
    program::compile_info(file, &checked.info, src)
}

/// Parses, checks and compiles `src`; on failure returns at most [`MAX_DIAGNOSTICS`]
/// diagnostics rendered as `FILE:LINE:COL: message`, in position order.
pub fn compile_source(file_name: &str, src: &str) -> Result<Program, Vec<String>> {
    let lines = LineIndex::new(src);
    let render = |mut ds: Vec<Diagnostic>| -> Vec<String> {
        ds.sort_by_key(|d| d.span.start);
        let first = ds.iter().take(MAX_DIAGNOSTICS);
        first.map(|d| d.render(file_name, &lines)).collect()
    };
    let parsed = goroscope_syntax::parse_file(src);
    if !parsed.diagnostics.is_empty() {
        return Err(render(parsed.diagnostics));
    }
    let checked = goroscope_types::check(&parsed.file);
    if !checked.diagnostics.is_empty() {
        return Err(render(checked.diagnostics));
    }
    let mut program = program::compile_info(&parsed.file, &checked.info, src).map_err(render)?;
    program.file = file_name.to_string();
    Ok(program)
}
