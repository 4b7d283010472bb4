//! The interpreter's fast path: a small loop over the instructions that only read and
//! write registers of the current frame and cannot throw (moves, integer and float
//! arithmetic without a divide, comparisons, jumps). It stops at the first other
//! instruction, which the full loop in `interp` then executes.
//!
//! Why a separate function: the full loop's `match` has a hundred arms that call into
//! the heap, the scheduler and the natives, so the compiler keeps its locals on the
//! stack; this one holds `pc`, the instruction count and the register window in machine
//! registers, which roughly halves the cost of a simple instruction (loops, `fib`).
//!
//! Invariant: each instruction executed here counts one against the budget, exactly as
//! in the full loop, so virtual time and preemption do not depend on which loop ran it.

use goroscope_compiler::bytecode::Instr;

use crate::value::Value;

/// `slot := Int(v)`, reusing the slot when it already holds an int.
#[inline(always)]
pub(crate) fn set_int(slot: &mut Value, v: i64) {
    match slot {
        Value::Int(x) => *x = v,
        slot => *slot = Value::Int(v),
    }
}

/// `slot := Bool(v)`.
#[inline(always)]
pub(crate) fn set_bool(slot: &mut Value, v: bool) {
    match slot {
        Value::Bool(x) => *x = v,
        slot => *slot = Value::Bool(v),
    }
}

/// `slot := Float(v)`.
#[inline(always)]
pub(crate) fn set_float(slot: &mut Value, v: f64) {
    match slot {
        Value::Float(x) => *x = v,
        slot => *slot = Value::Float(v),
    }
}

/// Executes simple instructions from `pc` while `*n < budget`, counting each in `*n`;
/// returns the pc of the first instruction it did not execute (a non-simple one, the
/// end of the code, or the next one when the budget ran out).
#[inline(never)]
pub(crate) fn run(
    code: &[Instr],
    regs: &mut [Value],
    mut pc: usize,
    n: &mut u64,
    budget: u64,
) -> usize {
    let mut k = *n;
    while k < budget {
        let Some(&ins) = code.get(pc) else { break };
        macro_rules! int {
            ($r:expr) => {
                regs[$r.0 as usize].as_int()
            };
        }
        macro_rules! flt {
            ($r:expr) => {
                regs[$r.0 as usize].as_float()
            };
        }
        macro_rules! int_op {
            ($dst:expr, $v:expr) => {{
                let v = $v;
                set_int(&mut regs[$dst.0 as usize], v)
            }};
        }
        macro_rules! bool_op {
            ($dst:expr, $v:expr) => {{
                let v = $v;
                set_bool(&mut regs[$dst.0 as usize], v)
            }};
        }
        macro_rules! flt_op {
            ($dst:expr, $v:expr) => {{
                let v = $v;
                set_float(&mut regs[$dst.0 as usize], v)
            }};
        }
        macro_rules! jump_if {
            ($c:expr, $target:expr) => {
                if $c {
                    pc = $target as usize;
                } else {
                    pc += 1;
                }
            };
        }
        match ins {
            Instr::Move { dst, src } => {
                let v = regs[src.0 as usize].clone();
                regs[dst.0 as usize] = v;
                pc += 1
            }
            Instr::LoadInt { dst, imm } => {
                int_op!(dst, imm as i64);
                pc += 1
            }
            Instr::LoadBool { dst, v } => {
                bool_op!(dst, v);
                pc += 1
            }
            Instr::AddInt { dst, a, b } => {
                int_op!(dst, int!(a).wrapping_add(int!(b)));
                pc += 1
            }
            Instr::AddIntImm { dst, a, imm } => {
                int_op!(dst, int!(a).wrapping_add(imm as i64));
                pc += 1
            }
            Instr::SubInt { dst, a, b } => {
                int_op!(dst, int!(a).wrapping_sub(int!(b)));
                pc += 1
            }
            Instr::MulInt { dst, a, b } => {
                int_op!(dst, int!(a).wrapping_mul(int!(b)));
                pc += 1
            }
            Instr::MulIntImm { dst, a, imm } => {
                int_op!(dst, int!(a).wrapping_mul(imm as i64));
                pc += 1
            }
            Instr::AndInt { dst, a, b } => {
                int_op!(dst, int!(a) & int!(b));
                pc += 1
            }
            Instr::AndIntImm { dst, a, imm } => {
                int_op!(dst, int!(a) & imm as i64);
                pc += 1
            }
            Instr::OrInt { dst, a, b } => {
                int_op!(dst, int!(a) | int!(b));
                pc += 1
            }
            Instr::XorInt { dst, a, b } => {
                int_op!(dst, int!(a) ^ int!(b));
                pc += 1
            }
            Instr::AndNotInt { dst, a, b } => {
                int_op!(dst, int!(a) & !int!(b));
                pc += 1
            }
            Instr::NegInt { dst, a } => {
                int_op!(dst, int!(a).wrapping_neg());
                pc += 1
            }
            Instr::ComplInt { dst, a } => {
                int_op!(dst, !int!(a));
                pc += 1
            }
            Instr::Wrap { dst, src, kind } => {
                int_op!(dst, kind.wrap(int!(src)));
                pc += 1
            }
            Instr::AddFloat { dst, a, b } => {
                flt_op!(dst, flt!(a) + flt!(b));
                pc += 1
            }
            Instr::SubFloat { dst, a, b } => {
                flt_op!(dst, flt!(a) - flt!(b));
                pc += 1
            }
            Instr::MulFloat { dst, a, b } => {
                flt_op!(dst, flt!(a) * flt!(b));
                pc += 1
            }
            Instr::DivFloat { dst, a, b } => {
                flt_op!(dst, flt!(a) / flt!(b));
                pc += 1
            }
            Instr::NegFloat { dst, a } => {
                flt_op!(dst, -flt!(a));
                pc += 1
            }
            Instr::EqInt { dst, a, b } => {
                bool_op!(dst, int!(a) == int!(b));
                pc += 1
            }
            Instr::NeInt { dst, a, b } => {
                bool_op!(dst, int!(a) != int!(b));
                pc += 1
            }
            Instr::LtInt { dst, a, b } => {
                bool_op!(dst, int!(a) < int!(b));
                pc += 1
            }
            Instr::LeInt { dst, a, b } => {
                bool_op!(dst, int!(a) <= int!(b));
                pc += 1
            }
            Instr::LtUint { dst, a, b } => {
                bool_op!(dst, (int!(a) as u64) < (int!(b) as u64));
                pc += 1
            }
            Instr::LeUint { dst, a, b } => {
                bool_op!(dst, (int!(a) as u64) <= (int!(b) as u64));
                pc += 1
            }
            Instr::EqFloat { dst, a, b } => {
                bool_op!(dst, flt!(a) == flt!(b));
                pc += 1
            }
            Instr::LtFloat { dst, a, b } => {
                bool_op!(dst, flt!(a) < flt!(b));
                pc += 1
            }
            Instr::LeFloat { dst, a, b } => {
                bool_op!(dst, flt!(a) <= flt!(b));
                pc += 1
            }
            Instr::Not { dst, src } => {
                bool_op!(dst, !regs[src.0 as usize].as_bool());
                pc += 1
            }
            Instr::Jump { target } => pc = target as usize,
            Instr::JumpIfTrue { cond, target } => {
                jump_if!(regs[cond.0 as usize].as_bool(), target)
            }
            Instr::JumpIfFalse { cond, target } => {
                jump_if!(!regs[cond.0 as usize].as_bool(), target)
            }
            Instr::JumpIfLtInt { a, b, target } => jump_if!(int!(a) < int!(b), target),
            Instr::JumpIfLeInt { a, b, target } => jump_if!(int!(a) <= int!(b), target),
            Instr::JumpIfEqInt { a, b, target } => jump_if!(int!(a) == int!(b), target),
            Instr::JumpIfNeInt { a, b, target } => jump_if!(int!(a) != int!(b), target),
            Instr::JumpIfLtIntImm { a, imm, target } => jump_if!(int!(a) < imm as i64, target),
            Instr::JumpIfLeIntImm { a, imm, target } => jump_if!(int!(a) <= imm as i64, target),
            Instr::JumpIfGtIntImm { a, imm, target } => jump_if!(int!(a) > imm as i64, target),
            Instr::JumpIfGeIntImm { a, imm, target } => jump_if!(int!(a) >= imm as i64, target),
            Instr::JumpIfEqIntImm { a, imm, target } => jump_if!(int!(a) == imm as i64, target),
            Instr::JumpIfNeIntImm { a, imm, target } => jump_if!(int!(a) != imm as i64, target),
            _ => break,
        }
        k += 1;
    }
    *n = k;
    pc
}
