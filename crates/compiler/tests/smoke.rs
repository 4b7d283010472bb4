//! Temporary smoke test.
#[test]
fn hello() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n";
    let p = goroscope_compiler::compile_source("prog.go", src).unwrap();
    goroscope_compiler::bytecode::validate(&p).unwrap();
    println!("{}", goroscope_compiler::bytecode::disassemble(&p));
}
