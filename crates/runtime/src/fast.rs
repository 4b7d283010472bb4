//! The interpreter's fast path: a small loop over the instructions that only read and
//! write registers and cannot throw (moves, integer and float arithmetic without a
//! divide, comparisons, jumps), plus calls of statically known bytecode functions and
//! returns from them. It stops at the first other instruction, which the full loop in
//! `interp` then executes.
//!
//! Why a separate function: the full loop's `match` has a hundred arms that call into
//! the heap, the scheduler and the natives, so the compiler keeps its locals on the
//! stack; this one holds `pc`, the instruction count and the register window in machine
//! registers, which roughly halves the cost of a simple instruction (loops), and a call
//! or return here is a frame push or pop and a new window, with no trip through the full
//! loop (`fib`).
//!
//! Invariants:
//! - each instruction executed here counts one against the budget, exactly as in the
//!   full loop, so virtual time and preemption do not depend on which loop ran it;
//! - a call or return here does exactly what the full loop's `push_frame`/`pop_frame`
//!   do for a `FrameKind::Call` frame; every other case (a full frame stack, another
//!   frame kind) is left to the full loop;
//! - on return `win` describes the top frame, whose saved `pc` may be stale: the
//!   returned pc is the one to use.

use goroscope_compiler::bytecode::{FuncProto, Instr};

use crate::goroutine::{Frame, FrameKind, GState};
use crate::value::Value;

/// The running frame as the loops see it: its function and the absolute index of its
/// `r0` in the register file.
#[derive(Clone, Copy)]
pub(crate) struct Window<'p> {
    pub func: &'p FuncProto,
    pub base: usize,
}

impl<'p> Window<'p> {
    /// The window of `frame`, or None when it names no function of `funcs`.
    pub(crate) fn of(funcs: &'p [FuncProto], frame: &Frame) -> Option<Window<'p>> {
        Some(Window {
            func: funcs.get(frame.func as usize)?,
            base: frame.base as usize,
        })
    }

    /// The range of the register file this window covers.
    #[inline(always)]
    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.base..self.base + self.func.nregs as usize
    }
}

/// The register-file length a call of `callee` at absolute `base` needs (one spare slot,
/// as natives may write one result past their arguments).
#[inline(always)]
pub(crate) fn regs_needed(callee: &FuncProto, base: usize) -> usize {
    base + callee.nregs as usize + 1
}

/// `dst := src`: scalars are copied without touching reference counts.
#[inline(always)]
fn move_value(regs: &mut [Value], dst: usize, src: usize) {
    match regs[src] {
        Value::Int(v) => set_int(&mut regs[dst], v),
        Value::Bool(v) => set_bool(&mut regs[dst], v),
        Value::Float(v) => set_float(&mut regs[dst], v),
        ref v => {
            let v = v.clone();
            regs[dst] = v;
        }
    }
}

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

/// Executes fast-path instructions of goroutine `g` from `pc` in window `win` while
/// `*n < budget`, counting each in `*n`; returns the pc of the first instruction it did
/// not execute (a non-fast one, the end of the code, or the next one when the budget ran
/// out), with `win` updated to the frame it belongs to.
#[inline(never)]
pub(crate) fn run<'p>(
    funcs: &'p [FuncProto],
    max_frames: usize,
    g: &mut GState,
    win: &mut Window<'p>,
    mut pc: usize,
    n: &mut u64,
    budget: u64,
) -> usize {
    let GState {
        regs: file, frames, ..
    } = g;
    let mut func = win.func;
    let mut base = win.base;
    let mut code = &func.code[..];
    let Some(mut regs) = file.get_mut(win.range()) else {
        return pc;
    };
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
                move_value(regs, dst.0 as usize, src.0 as usize);
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
            Instr::Call { func: f, base: b } => {
                let Some(callee) = funcs.get(f.0 as usize) else {
                    break;
                };
                let abs = base + b.0 as usize;
                if frames.len() >= max_frames {
                    break;
                }
                let need = regs_needed(callee, abs);
                if file.len() < need {
                    file.resize(need.max(file.len() * 2), Value::Nil);
                }
                if let Some(top) = frames.last_mut() {
                    top.pc = pc as u32 + 1;
                }
                frames.push(Frame::new(f.0, abs, FrameKind::Call, None));
                func = callee;
                code = &callee.code[..];
                base = abs;
                pc = 0;
                regs = &mut file[abs..abs + callee.nregs as usize];
            }
            Instr::Return { src, n: cnt } => {
                let depth = frames.len();
                if depth < 2 || frames[depth - 1].kind != FrameKind::Call {
                    break;
                }
                let Some(caller) = Window::of(funcs, &frames[depth - 2]) else {
                    break;
                };
                return_results(regs, src.0 as usize, cnt as usize);
                frames.pop();
                pc = frames[depth - 2].pc as usize;
                func = caller.func;
                code = &func.code[..];
                base = caller.base;
                k += 1;
                match file.get_mut(caller.range()) {
                    Some(r) => regs = r,
                    // The full loop reports the broken window.
                    None => break,
                }
                continue;
            }
            _ => break,
        }
        k += 1;
    }
    *n = k;
    *win = Window { func, base };
    pc
}

/// `Return { src, n }`: moves `regs[src..src+n]` to `regs[0..n]`. The registers moved
/// from keep the old values of the ones moved to (the callee's window is dead).
#[inline(always)]
pub(crate) fn return_results(regs: &mut [Value], src: usize, n: usize) {
    if src != 0 {
        for i in 0..n {
            regs.swap(i, src + i);
        }
    }
}
