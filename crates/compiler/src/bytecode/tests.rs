//! Tests of the format itself: validation catches malformed programs, and the
//! disassembly of a small hand-built program is pinned.

use super::*;

fn pos(line: u32) -> Pos {
    Pos { line, col: 2 }
}

/// `func add(a, b int) int { return a + b }` and a `main` calling it and printing.
fn sample() -> Program {
    let add = FuncProto {
        name: "main.add".into(),
        pos: pos(3),
        nparams: 2,
        nresults: 1,
        nregs: 3,
        code: vec![
            Instr::AddInt {
                dst: Reg(2),
                a: Reg(0),
                b: Reg(1),
            },
            Instr::Return { src: Reg(2), n: 1 },
        ],
        lines: vec![pos(4), pos(4)],
        ..FuncProto::default()
    };
    let main = FuncProto {
        name: "main.main".into(),
        pos: pos(7),
        nregs: 3,
        code: vec![
            Instr::LoadInt {
                dst: Reg(0),
                imm: 2,
            },
            Instr::LoadConst {
                dst: Reg(1),
                k: ConstId(0),
            },
            Instr::Call {
                func: FuncId(0),
                base: Reg(0),
            },
            Instr::CallNative {
                native: NativeId(0),
                base: Reg(0),
                nargs: 1,
            },
            Instr::Return { src: Reg(0), n: 0 },
        ],
        lines: vec![pos(8), pos(8), pos(8), pos(8), pos(9)],
        ..FuncProto::default()
    };
    Program {
        file: "/tmp/prog.go".into(),
        funcs: vec![add, main],
        consts: vec![Const::Int(40)],
        natives: vec!["fmt.Println".into()],
        main: FuncId(1),
        ..Program::default()
    }
}

#[test]
fn sample_program_is_valid() {
    assert_eq!(validate(&sample()), Ok(()));
}

#[test]
fn register_outside_frame_is_rejected() {
    let mut p = sample();
    p.funcs[0].code[0] = Instr::AddInt {
        dst: Reg(3),
        a: Reg(0),
        b: Reg(1),
    };
    let e = validate(&p).unwrap_err();
    assert_eq!(
        e.to_string(),
        "main.add at pc 0: register r3 outside the frame of 3"
    );
}

#[test]
fn jump_outside_code_and_missing_tables_are_rejected() {
    let mut p = sample();
    p.funcs[1].code[4] = Instr::Jump { target: 9 };
    assert!(validate(&p).unwrap_err().message.contains("jump target 9"));
    let mut p = sample();
    p.funcs[1].code[3] = Instr::CallNative {
        native: NativeId(5),
        base: Reg(0),
        nargs: 1,
    };
    assert!(validate(&p).unwrap_err().message.contains("native n5"));
}

#[test]
fn defer_requires_recover_pc() {
    let mut p = sample();
    p.funcs[1].code[0] = Instr::Defer {
        f: Reg(0),
        base: Reg(1),
        nargs: 0,
    };
    assert!(validate(&p).unwrap_err().message.contains("recover_pc"));
    p.funcs[1].recover_pc = Some(4);
    assert_eq!(validate(&p), Ok(()));
}

#[test]
fn a_superinstruction_must_be_followed_by_the_jump_it_fuses() {
    let mut p = sample();
    p.funcs[1].code[0] = Instr::AddImmJumpIfLtImm {
        a: Reg(0),
        step: 1,
        limit: 3,
        target: 0,
    };
    let e = validate(&p).unwrap_err();
    assert!(e.message.contains("superinstruction"), "{e}");
    p.funcs[1].code[1] = Instr::JumpIfLtIntImm {
        a: Reg(0),
        imm: 3,
        target: 0,
    };
    assert_eq!(validate(&p), Ok(()));
    fuse(&mut p);
    assert_eq!(validate(&p), Ok(()), "fusing keeps a program valid");
}

#[test]
fn disassembly_is_stable() {
    let want = "\
inits []
main main.main

func f0 main.add (params 2, results 1, regs 3, captures 0)
  0000  4:2  AddInt { dst: r2, a: r0, b: r1 }
  0001  4:2  Return { src: r2, n: 1 }

func f1 main.main (params 0, results 0, regs 3, captures 0)
  0000  8:2  LoadInt { dst: r0, imm: 2 }
  0001  8:2  LoadConst { dst: r1, k: k0 }  ; 40
  0002  8:2  Call { func: f0, base: r0 }  ; main.add
  0003  8:2  CallNative { native: n0, base: r0, nargs: 1 }  ; fmt.Println
  0004  9:2  Return { src: r0, n: 0 }
";
    assert_eq!(disassemble(&sample()), want);
}
