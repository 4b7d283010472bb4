//! The interpreter's fast path: a small loop over the instructions that only read and
//! write registers and cannot throw (moves, integer and float arithmetic without a
//! divide, comparisons, jumps), reads of a closure's captures, plus calls of statically
//! known bytecode functions and returns from them. It stops at the first other instruction, which the full loop in
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

/// The instructions `simple` executes: they only read and write registers and never
/// throw. The full loop never meets one (it always hands them to `run`).
macro_rules! simple_instr {
    () => {
        Instr::Move { .. }
            | Instr::LoadInt { .. }
            | Instr::LoadBool { .. }
            | Instr::AddInt { .. }
            | Instr::AddIntImm { .. }
            | Instr::SubInt { .. }
            | Instr::MulInt { .. }
            | Instr::MulIntImm { .. }
            | Instr::AndInt { .. }
            | Instr::AndIntImm { .. }
            | Instr::OrInt { .. }
            | Instr::XorInt { .. }
            | Instr::AndNotInt { .. }
            | Instr::NegInt { .. }
            | Instr::ComplInt { .. }
            | Instr::Wrap { .. }
            | Instr::AddFloat { .. }
            | Instr::SubFloat { .. }
            | Instr::MulFloat { .. }
            | Instr::DivFloat { .. }
            | Instr::NegFloat { .. }
            | Instr::EqInt { .. }
            | Instr::NeInt { .. }
            | Instr::LtInt { .. }
            | Instr::LeInt { .. }
            | Instr::LtUint { .. }
            | Instr::LeUint { .. }
            | Instr::EqFloat { .. }
            | Instr::LtFloat { .. }
            | Instr::LeFloat { .. }
            | Instr::Not { .. }
            | Instr::Jump { .. }
            | Instr::JumpIfTrue { .. }
            | Instr::JumpIfFalse { .. }
            | Instr::JumpIfLtInt { .. }
            | Instr::JumpIfLeInt { .. }
            | Instr::JumpIfEqInt { .. }
            | Instr::JumpIfNeInt { .. }
            | Instr::JumpIfLtIntImm { .. }
            | Instr::JumpIfLeIntImm { .. }
            | Instr::JumpIfGtIntImm { .. }
            | Instr::JumpIfGeIntImm { .. }
            | Instr::JumpIfEqIntImm { .. }
            | Instr::JumpIfNeIntImm { .. }
            | Instr::AddImmJumpIfLtImm { .. }
            | Instr::AddImmJumpIfLt { .. }
    };
}
pub(crate) use simple_instr;

/// Whether `run` executes `ins`, or may (a call, a return, or reading a capture: the
/// full loop does those that would throw).
#[inline(always)]
pub(crate) fn handles(ins: &Instr) -> bool {
    matches!(
        ins,
        simple_instr!() | Instr::Call { .. } | Instr::Return { .. } | Instr::LoadCapture { .. }
    )
}

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

/// `slot := Int(v)`, reusing the slot when it already holds an int.
#[inline(always)]
pub(crate) fn set_int(slot: &mut Value, v: i64) {
    match slot {
        Value::Int(x) => *x = v,
        slot => *slot = Value::Int(v),
    }
}

/// `slot := v`, dropping the old value in line when it holds no reference (a register
/// overwritten by a received int or bool skips the call into `drop_in_place`).
#[inline(always)]
pub(crate) fn set_value(slot: &mut Value, v: Value) {
    match std::mem::replace(slot, v) {
        Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Chan(_) => {}
        old => drop(old),
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
///
/// The loop is in this one function, so entering the fast path costs one call; calls
/// and returns go through `call`/`ret`, kept out of line so that the loop's machine
/// registers hold only the code, the window, `pc` and the budget left.
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
    if *n >= budget {
        return pc;
    }
    // Counting down what is left keeps the budget out of the loop.
    let mut left = budget - *n;
    let mut w = *win;
    'window: while let Some(regs) = g.regs.get_mut(w.range()) {
        let code = &w.func.code[..];
        // SAFETY (the register accesses below skip the bounds check): `Machine::new` runs
        // `bytecode::validate`, which rejects any instruction naming a register at or past
        // its function's `nregs`; the program is never changed afterwards (it sits behind
        // an `Rc`), every `Window` is made from one of its functions, and `regs` is
        // `g.regs[w.range()]`, exactly `w.func.nregs` long. So every register operand of
        // an instruction of `code` indexes `regs` in bounds.
        macro_rules! reg {
            ($r:expr) => {{
                let i = $r.0 as usize;
                debug_assert!(i < regs.len());
                unsafe { regs.get_unchecked(i) }
            }};
        }
        macro_rules! reg_mut {
            ($r:expr) => {{
                let i = $r.0 as usize;
                debug_assert!(i < regs.len());
                unsafe { regs.get_unchecked_mut(i) }
            }};
        }
        while left > 0 {
            let Some(ins) = code.get(pc) else {
                break 'window;
            };
            macro_rules! int {
                ($r:expr) => {
                    reg!($r).as_int()
                };
            }
            macro_rules! flt {
                ($r:expr) => {
                    reg!($r).as_float()
                };
            }
            macro_rules! int_op {
                ($dst:expr, $v:expr) => {{
                    let v = $v;
                    set_int(reg_mut!($dst), v)
                }};
            }
            macro_rules! bool_op {
                ($dst:expr, $v:expr) => {{
                    let v = $v;
                    set_bool(reg_mut!($dst), v)
                }};
            }
            macro_rules! flt_op {
                ($dst:expr, $v:expr) => {{
                    let v = $v;
                    set_float(reg_mut!($dst), v)
                }};
            }
            // A superinstruction counts two; with one instruction left it does its first
            // half (the add) and stops at the second, kept at pc+1.
            macro_rules! add_jump_if_lt {
                ($a:expr, $step:expr, $bound:expr, $target:expr) => {{
                    let v = int!($a).wrapping_add($step as i64);
                    int_op!($a, v);
                    if left == 1 {
                        pc += 1;
                    } else {
                        left -= 1;
                        pc = if v < $bound { $target as usize } else { pc + 2 };
                    }
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
            match *ins {
                Instr::Move { dst, src } => {
                    match *reg!(src) {
                        Value::Int(v) => int_op!(dst, v),
                        Value::Bool(v) => bool_op!(dst, v),
                        Value::Float(v) => flt_op!(dst, v),
                        ref v => {
                            let v = v.clone();
                            *reg_mut!(dst) = v;
                        }
                    }
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
                    bool_op!(dst, !reg!(src).as_bool());
                    pc += 1
                }
                Instr::Jump { target } => pc = target as usize,
                Instr::JumpIfTrue { cond, target } => {
                    jump_if!(reg!(cond).as_bool(), target)
                }
                Instr::JumpIfFalse { cond, target } => {
                    jump_if!(!reg!(cond).as_bool(), target)
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
                Instr::AddImmJumpIfLtImm {
                    a,
                    step,
                    limit,
                    target,
                } => add_jump_if_lt!(a, step, limit as i64, target),
                Instr::AddImmJumpIfLt { a, b, step, target } => {
                    add_jump_if_lt!(a, step, int!(b), target)
                }
                Instr::LoadCapture { dst, idx } => {
                    let top = g.frames.last().and_then(|f| f.closure.as_ref());
                    let Some(v) = top.and_then(|c| c.captures.get(idx as usize)) else {
                        break 'window;
                    };
                    *reg_mut!(dst) = v.clone();
                    pc += 1
                }
                Instr::Call { func, base } => {
                    match call(funcs, max_frames, g, &mut w, pc, func.0, base.0) {
                        Some(next) => pc = next,
                        None => break 'window,
                    }
                    left -= 1;
                    continue 'window;
                }
                Instr::Return { src, n: cnt } => {
                    match ret(funcs, g, &mut w, src.0, cnt) {
                        Some(next) => pc = next,
                        None => break 'window,
                    }
                    left -= 1;
                    continue 'window;
                }
                _ => break 'window,
            }
            left -= 1;
        }
        // The budget ran out.
        break;
    }
    *n = budget - left;
    *win = w;
    pc
}

/// `Call { func, base }` at `pc` of window `w`: pushes the callee's frame and makes `w`
/// its window; returns the callee's first pc, or None (nothing done) when the full
/// loop must do it (stack overflow, a missing function).
#[inline(never)]
fn call<'p>(
    funcs: &'p [FuncProto],
    max_frames: usize,
    g: &mut GState,
    w: &mut Window<'p>,
    pc: usize,
    func: u32,
    base: u16,
) -> Option<usize> {
    let callee = funcs.get(func as usize)?;
    if g.frames.len() >= max_frames {
        return None;
    }
    let abs = w.base + base as usize;
    let need = regs_needed(callee, abs);
    if g.regs.len() < need {
        g.regs.resize(need.max(g.regs.len() * 2), Value::Nil);
    }
    g.frames.last_mut()?.pc = pc as u32 + 1;
    g.frames.push(Frame::new(func, abs, FrameKind::Call, None));
    *w = Window {
        func: callee,
        base: abs,
    };
    Some(0)
}

/// `Return { src, n }` of window `w`: moves the results, pops the frame and makes `w`
/// the caller's window; returns the caller's pc, or None (nothing done) when the full
/// loop must do it (a frame other than a plain call's, or one with deferred calls).
#[inline(never)]
fn ret<'p>(
    funcs: &'p [FuncProto],
    g: &mut GState,
    w: &mut Window<'p>,
    src: u16,
    cnt: u16,
) -> Option<usize> {
    let depth = g.frames.len();
    let has_defers = g
        .defers
        .last()
        .is_some_and(|&(f, _)| f as usize + 1 >= depth);
    if depth < 2 || g.frames[depth - 1].kind != FrameKind::Call || has_defers {
        return None;
    }
    let caller = &g.frames[depth - 2];
    let caller_win = Window::of(funcs, caller)?;
    let caller_pc = caller.pc as usize;
    let regs = g.regs.get_mut(w.range())?;
    return_results(regs, src as usize, cnt as usize);
    g.frames.pop();
    *w = caller_win;
    Some(caller_pc)
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
