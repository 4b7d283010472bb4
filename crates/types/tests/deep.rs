//! Deeply nested input must not overflow the checker's stack: right at the
//! parser's nesting bound and far beyond it (where the parser cuts the tree).

#[test]
fn long_sums_and_deep_parentheses() {
    for n in [150usize, 20_000] {
        let sum = vec!["1"; n].join("+");
        let parens = format!("{}1{}", "(".repeat(n), ")".repeat(n));
        let lits = format!(
            "{}{}",
            "func() int { return ".repeat(n / 4),
            "1 }()".repeat(n / 4)
        );
        for expr in [sum, parens, lits] {
            let src = format!("package main\nfunc main() {{\n\tx := {expr}\n\tprintln(x)\n}}\n");
            let parsed = goroscope_syntax::parse_file(&src);
            let checked = goroscope_types::check(&parsed.file);
            if n < 200 && parsed.diagnostics.is_empty() {
                assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
            }
        }
    }
}
