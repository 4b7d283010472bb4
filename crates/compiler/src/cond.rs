//! Conditions of `if` and `for`: lowered to conditional jumps directly where the
//! instruction set allows (`i < n` on signed integers is one `JumpIfLeInt` to the exit
//! instead of `LtInt` + `JumpIfFalse`; `i < 10` compares with an immediate, without
//! loading the constant; `a && b` jumps out at the first false operand), since every
//! instruction costs the goroutine virtual time. Loops test their condition at the
//! bottom with [`Lower::jump_if_true`], so one fused instruction closes each iteration.

use goroscope_syntax::ast::{BinaryOp, Expr, ExprKind, UnaryOp};

use crate::bytecode::{Instr, Reg};
use crate::expr::strip_parens;
use crate::lower::Lower;
use crate::typedesc::Class;

impl<'a> Lower<'a> {
    /// Emits jumps taken when `cond` is false; returns them for patching.
    pub fn jump_if_false(&mut self, cond: &Expr) -> Vec<u32> {
        self.jump_if(cond, false)
    }

    /// Emits jumps taken when `cond` is true; returns them for patching.
    pub fn jump_if_true(&mut self, cond: &Expr) -> Vec<u32> {
        self.jump_if(cond, true)
    }

    /// Emits jumps taken when `cond` evaluates to `when`.
    fn jump_if(&mut self, cond: &Expr, when: bool) -> Vec<u32> {
        let m = self.mark();
        let c = strip_parens(cond);
        let short = if when {
            BinaryOp::LogOr
        } else {
            BinaryOp::LogAnd
        };
        let jumps = match &c.kind {
            _ if self.info().expr(c.id).is_some_and(|tv| tv.value.is_some()) => {
                self.plain_jump(c, when)
            }
            // `a || b` jumps when either is true; `a && b` exits when either is false.
            ExprKind::Binary { op, x, y, .. } if *op == short => {
                let mut j = self.jump_if(x, when);
                j.extend(self.jump_if(y, when));
                j
            }
            ExprKind::Unary {
                op: UnaryOp::Not,
                x,
            } => self.jump_if(x, !when),
            ExprKind::Binary { op, x, y, .. } if self.signed_int_compare(*op, x, y) => {
                // The jump's own comparison: `op` itself, or its negation when jumping on false.
                let op = if when { *op } else { negate(*op) };
                vec![self.compare_jump(op, x, y)]
            }
            _ => self.plain_jump(c, when),
        };
        self.release(m);
        jumps
    }

    /// One fused compare-and-jump taken when `x op y` holds (signed or equality integer
    /// comparison); a constant operand that fits in 32 bits becomes an immediate.
    fn compare_jump(&mut self, op: BinaryOp, x: &Expr, y: &Expr) -> u32 {
        let target = 0;
        if let Some(imm) = self.small_int(y) {
            let a = self.expr(x);
            return self.emit(imm_jump(op, a, imm));
        }
        if let Some(imm) = self.small_int(x) {
            let a = self.expr(y);
            return self.emit(imm_jump(mirror(op), a, imm));
        }
        let a = self.expr(x);
        let b = self.expr(y);
        let i = match op {
            BinaryOp::Lt => Instr::JumpIfLtInt { a, b, target },
            BinaryOp::Le => Instr::JumpIfLeInt { a, b, target },
            BinaryOp::Gt => Instr::JumpIfLtInt { a: b, b: a, target },
            BinaryOp::Ge => Instr::JumpIfLeInt { a: b, b: a, target },
            BinaryOp::Eq => Instr::JumpIfEqInt { a, b, target },
            _ => Instr::JumpIfNeInt { a, b, target },
        };
        self.emit(i)
    }

    fn plain_jump(&mut self, c: &Expr, when: bool) -> Vec<u32> {
        let r = self.expr(c);
        let i = if when {
            Instr::JumpIfTrue { cond: r, target: 0 }
        } else {
            Instr::JumpIfFalse { cond: r, target: 0 }
        };
        vec![self.emit(i)]
    }

    /// A comparison the integer jump instructions implement: `==`/`!=` on integers of
    /// any kind or bools, orderings on signed integers.
    fn signed_int_compare(&mut self, op: BinaryOp, x: &Expr, y: &Expr) -> bool {
        let (xt, yt) = (self.ty(x.id), self.ty(y.id));
        if xt != yt {
            return false;
        }
        match (op, self.c.class(xt)) {
            (BinaryOp::Eq | BinaryOp::Ne, Class::Int(_) | Class::Bool) => true,
            (BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge, Class::Int(k)) => {
                k.is_signed()
            }
            _ => false,
        }
    }
}

/// The comparison that holds exactly when `op` does not (integers: no NaN).
fn negate(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Ge,
        BinaryOp::Le => BinaryOp::Gt,
        BinaryOp::Gt => BinaryOp::Le,
        BinaryOp::Ge => BinaryOp::Lt,
        BinaryOp::Eq => BinaryOp::Ne,
        _ => BinaryOp::Eq,
    }
}

/// The comparison with its operands swapped: `c < x` is `x > c`.
fn mirror(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Gt,
        BinaryOp::Le => BinaryOp::Ge,
        BinaryOp::Gt => BinaryOp::Lt,
        BinaryOp::Ge => BinaryOp::Le,
        other => other,
    }
}

/// A jump taken when `r[a] op imm`.
fn imm_jump(op: BinaryOp, a: Reg, imm: i32) -> Instr {
    let target = 0;
    match op {
        BinaryOp::Lt => Instr::JumpIfLtIntImm { a, imm, target },
        BinaryOp::Le => Instr::JumpIfLeIntImm { a, imm, target },
        BinaryOp::Gt => Instr::JumpIfGtIntImm { a, imm, target },
        BinaryOp::Ge => Instr::JumpIfGeIntImm { a, imm, target },
        BinaryOp::Eq => Instr::JumpIfEqIntImm { a, imm, target },
        _ => Instr::JumpIfNeIntImm { a, imm, target },
    }
}
