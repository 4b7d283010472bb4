//! Typed AST to bytecode: one function prototype per Go function, a constant pool and a line table.
pub mod bytecode;
