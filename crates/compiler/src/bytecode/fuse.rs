//! Superinstructions: a peephole pass the machine runs when it loads a program, which
//! replaces the first instruction of a hot pair with one instruction doing both, so
//! the interpreter dispatches once instead of twice.
//!
//! Invariants (which `validate` checks of any superinstruction it meets):
//! - the second instruction of a fused pair stays where it was, right after the
//!   superinstruction: a jump may land on it, and when an instruction budget ends
//!   between the two, the interpreter runs the first half alone and resumes there;
//! - a superinstruction counts as the instructions it fuses, so virtual time, budgets
//!   and therefore every interleaving are the same with or without this pass.
//!
//! The compiler never emits a superinstruction: `disasm` shows the code as compiled.

use super::instr::Instr;
use super::{FuncProto, Program};

/// Fuses the pairs of every function of `program` (see the module doc).
pub fn fuse(program: &mut Program) {
    for func in &mut program.funcs {
        fuse_func(func);
    }
}

fn fuse_func(func: &mut FuncProto) {
    for pc in 0..func.code.len().saturating_sub(1) {
        if let Some(fused) = fused(func.code[pc], func.code[pc + 1]) {
            func.code[pc] = fused;
        }
    }
}

/// The superinstruction doing `first` then `second`, if there is one.
fn fused(first: Instr, second: Instr) -> Option<Instr> {
    let Instr::AddIntImm { dst, a, imm: step } = first else {
        return None;
    };
    match second {
        Instr::JumpIfLtIntImm { a: i, imm, target } if dst == a && i == a => {
            Some(Instr::AddImmJumpIfLtImm {
                a,
                step,
                limit: imm,
                target,
            })
        }
        Instr::JumpIfLtInt { a: i, b, target } if dst == a && i == a => {
            Some(Instr::AddImmJumpIfLt { a, b, step, target })
        }
        _ => None,
    }
}

/// The pair a superinstruction stands for; None for any other instruction.
pub(crate) fn unfused(ins: &Instr) -> Option<(Instr, Instr)> {
    match *ins {
        Instr::AddImmJumpIfLtImm {
            a,
            step,
            limit,
            target,
        } => Some((
            Instr::AddIntImm {
                dst: a,
                a,
                imm: step,
            },
            Instr::JumpIfLtIntImm {
                a,
                imm: limit,
                target,
            },
        )),
        Instr::AddImmJumpIfLt { a, b, step, target } => Some((
            Instr::AddIntImm {
                dst: a,
                a,
                imm: step,
            },
            Instr::JumpIfLtInt { a, b, target },
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::Reg;

    #[test]
    fn a_loop_latch_is_fused_and_its_jump_kept() {
        let (i, n) = (Reg(1), Reg(2));
        let add = Instr::AddIntImm {
            dst: i,
            a: i,
            imm: 1,
        };
        let lt = Instr::JumpIfLtInt {
            a: i,
            b: n,
            target: 0,
        };
        let f = fused(add, lt).expect("fused");
        assert_eq!(unfused(&f), Some((add, lt)));
        let lt_imm = Instr::JumpIfLtIntImm {
            a: i,
            imm: 10,
            target: 3,
        };
        let f = fused(add, lt_imm).expect("fused");
        assert_eq!(unfused(&f), Some((add, lt_imm)));
    }

    #[test]
    fn pairs_on_other_registers_are_left_alone() {
        let add = |dst, a| Instr::AddIntImm {
            dst: Reg(dst),
            a: Reg(a),
            imm: 1,
        };
        let lt = |a| Instr::JumpIfLtIntImm {
            a: Reg(a),
            imm: 10,
            target: 0,
        };
        for (first, second) in [
            (add(1, 0), lt(1)),
            (add(1, 1), lt(2)),
            (add(1, 1), add(1, 1)),
        ] {
            assert_eq!(fused(first, second), None, "{first:?}; {second:?}");
        }
    }
}
