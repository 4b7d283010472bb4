//! Lexer, parser and AST (with spans) for the Go subset Goroscope runs, plus diagnostics.
//! Parsing never fails: it returns a tree and a list of errors.
