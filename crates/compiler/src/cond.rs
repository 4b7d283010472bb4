//! Conditions of `if` and `for`: lowered to conditional jumps directly where the
//! instruction set allows (`i < n` on signed integers is one `JumpIfLeInt` to the exit
//! instead of `LtInt` + `JumpIfFalse`; `a && b` jumps out at the first false operand),
//! since every instruction costs the goroutine virtual time.

use goroscope_syntax::ast::{BinaryOp, Expr, ExprKind, UnaryOp};

use crate::bytecode::Instr;
use crate::expr::strip_parens;
use crate::lower::Lower;
use crate::typedesc::Class;

impl<'a> Lower<'a> {
    /// Emits jumps taken when `cond` is false; returns them for patching.
    pub fn jump_if_false(&mut self, cond: &Expr) -> Vec<u32> {
        let m = self.mark();
        let c = strip_parens(cond);
        let jumps = match &c.kind {
            _ if self.info().expr(c.id).is_some_and(|tv| tv.value.is_some()) => self.plain_false(c),
            ExprKind::Binary {
                op: BinaryOp::LogAnd,
                x,
                y,
                ..
            } => {
                let mut j = self.jump_if_false(x);
                j.extend(self.jump_if_false(y));
                j
            }
            ExprKind::Unary {
                op: UnaryOp::Not,
                x,
            } => {
                let r = self.expr(x);
                vec![self.emit(Instr::JumpIfTrue { cond: r, target: 0 })]
            }
            ExprKind::Binary { op, x, y, .. } if self.signed_int_compare(*op, x, y) => {
                let a = self.expr(x);
                let b = self.expr(y);
                let target = 0;
                let i = match op {
                    BinaryOp::Lt => Instr::JumpIfLeInt { a: b, b: a, target },
                    BinaryOp::Le => Instr::JumpIfLtInt { a: b, b: a, target },
                    BinaryOp::Gt => Instr::JumpIfLeInt { a, b, target },
                    BinaryOp::Ge => Instr::JumpIfLtInt { a, b, target },
                    BinaryOp::Eq => Instr::JumpIfNeInt { a, b, target },
                    _ => Instr::JumpIfEqInt { a, b, target },
                };
                vec![self.emit(i)]
            }
            _ => self.plain_false(c),
        };
        self.release(m);
        jumps
    }

    fn plain_false(&mut self, c: &Expr) -> Vec<u32> {
        let r = self.expr(c);
        vec![self.emit(Instr::JumpIfFalse { cond: r, target: 0 })]
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
