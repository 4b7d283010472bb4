//! The predeclared functions (`len`, `append`, `make`, `panic`, ...) and conversions
//! `T(x)`: each maps to one or a few instructions chosen from the operand types.

use goroscope_syntax::ast::Expr;
use goroscope_types::objects::Builtin;
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Instr, Reg};
use crate::lower::Lower;
use crate::typedesc::Class;

impl<'a> Lower<'a> {
    /// Lowers a builtin call; returns the base of its results and their number.
    pub fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) -> (Reg, usize) {
        let dst = self.alloc();
        let n = self.builtin_to(e, b, args, ellipsis, dst);
        self.release(dst.0 + n as u16);
        (dst, n)
    }

    /// Lowers a builtin call writing its result (if any) to `dst`; returns the number
    /// of results (0 or 1).
    pub fn builtin_to(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
        dst: Reg,
    ) -> usize {
        let arg_ty = |l: &mut Self, i: usize| args.get(i).map_or(TypeId::INVALID, |a| l.ty(a.id));
        match b {
            Builtin::Len | Builtin::Cap => {
                let Some(a) = args.first() else { return 0 };
                let src = self.expr(a);
                // A pointer to an array has its array's length, even when nil.
                let at = self.ty(a.id);
                if let Type::Pointer(e) = self.c.types.under(at)
                    && let Type::Array { len, .. } = self.c.types.under(*e)
                {
                    let n = *len as i64;
                    self.load_int(dst, n);
                    return 1;
                }
                if b == Builtin::Len {
                    self.emit(Instr::Len { dst, src });
                } else {
                    self.emit(Instr::Cap { dst, src });
                }
                1
            }
            Builtin::Append => {
                let Some(first) = args.first() else { return 0 };
                let st = self.ty(e.id);
                let ty = self.c.desc(st);
                let slice = self.expr(first);
                if ellipsis {
                    if let Some(other) = args.get(1) {
                        let other = self.expr(other);
                        self.emit(Instr::AppendSlice {
                            dst,
                            slice,
                            other,
                            ty,
                        });
                    }
                } else {
                    let elem = self.c.elem(st);
                    let base = crate::bytecode::Reg(self.mark());
                    for a in &args[1..] {
                        let r = self.alloc();
                        self.expr_as(a, elem, r);
                        self.release(r.0 + 1);
                    }
                    self.cover(base.0);
                    self.emit(Instr::Append {
                        dst,
                        slice,
                        base,
                        n: (args.len() - 1) as u16,
                        ty,
                    });
                }
                1
            }
            Builtin::Copy => {
                let (Some(to), Some(from)) = (args.first(), args.get(1)) else {
                    return 0;
                };
                let to = self.expr(to);
                let from = self.expr(from);
                self.emit(Instr::Copy { dst, to, from });
                1
            }
            Builtin::Delete => {
                let (Some(m), Some(k)) = (args.first(), args.get(1)) else {
                    return 0;
                };
                let mt = self.ty(m.id);
                let key_ty = match self.c.types.under(mt) {
                    Type::Map { key, .. } => *key,
                    _ => TypeId::INVALID,
                };
                let map = self.expr(m);
                let key = self.fresh_as(k, key_ty);
                self.emit(Instr::MapDelete { map, key });
                0
            }
            Builtin::Clear => {
                let Some(a) = args.first() else { return 0 };
                let t = arg_ty(self, 0);
                let ty = self.c.desc(t);
                let src = self.expr(a);
                self.emit(Instr::Clear { src, ty });
                0
            }
            Builtin::Close => {
                let Some(a) = args.first() else { return 0 };
                let ch = self.expr(a);
                self.emit(Instr::Close { ch });
                0
            }
            Builtin::Min | Builtin::Max => {
                let t = self.ty(e.id);
                let kind = self.c.cmp_kind(t);
                let Some(first) = args.first() else { return 0 };
                self.expr_to(first, dst);
                for a in &args[1..] {
                    let m = self.mark();
                    let r = self.expr(a);
                    let i = if b == Builtin::Min {
                        Instr::Min {
                            dst,
                            a: dst,
                            b: r,
                            kind,
                        }
                    } else {
                        Instr::Max {
                            dst,
                            a: dst,
                            b: r,
                            kind,
                        }
                    };
                    self.emit(i);
                    self.release(m);
                }
                1
            }
            Builtin::Make => {
                let t = self.ty(e.id);
                let ty = self.c.desc(t);
                let size =
                    |l: &mut Self, i: usize| -> Option<Reg> { args.get(i).map(|a| l.expr(a)) };
                match self.c.types.under(t).clone() {
                    Type::Slice(_) => {
                        let Some(len) = size(self, 1) else { return 0 };
                        let cap = size(self, 2).unwrap_or(len);
                        self.emit(Instr::MakeSlice { dst, ty, len, cap });
                    }
                    Type::Map { .. } => {
                        let hint = match size(self, 1) {
                            Some(h) => h,
                            None => {
                                let r = self.alloc();
                                self.emit(Instr::LoadInt { dst: r, imm: 0 });
                                r
                            }
                        };
                        self.emit(Instr::MakeMap { dst, ty, hint });
                    }
                    Type::Chan { .. } => {
                        let cap = match size(self, 1) {
                            Some(c) => c,
                            None => {
                                let r = self.alloc();
                                self.emit(Instr::LoadInt { dst: r, imm: 0 });
                                r
                            }
                        };
                        self.emit_make_chan(e, Instr::MakeChan { dst, ty, cap });
                    }
                    _ => self.error(e.span, "cannot make this type"),
                }
                1
            }
            Builtin::New => {
                let t = self.ty(e.id);
                let elem = self.c.elem(t);
                let ty = self.c.desc(elem);
                self.emit(Instr::New { dst, ty });
                1
            }
            Builtin::Panic => {
                if let Some(a) = args.first() {
                    self.expr_as(a, TypeId::EMPTY_INTERFACE, dst);
                    self.emit(Instr::Panic { src: dst });
                }
                0
            }
            Builtin::Recover => {
                self.emit(Instr::Recover { dst });
                1
            }
            Builtin::Print | Builtin::Println => {
                let base = crate::bytecode::Reg(self.mark());
                for a in args {
                    let r = self.alloc();
                    self.expr_to(a, r);
                }
                self.cover(base.0);
                let n = args.len() as u16;
                if b == Builtin::Print {
                    self.emit(Instr::Print { base, n });
                } else {
                    self.emit(Instr::Println { base, n });
                }
                self.release(base.0);
                0
            }
        }
    }

    /// `T(x)` into `dst`.
    pub fn conversion(&mut self, x: &Expr, to: TypeId, dst: Reg) {
        if let Some(v) = self.info().expr(x.id).and_then(|tv| tv.value.clone())
            && self.c.types.is_const_type(to)
        {
            self.load_const(&v, to, dst);
            return;
        }
        let from = self.ty(x.id);
        if self.c.is_interface(to) {
            self.expr_as(x, to, dst);
            return;
        }
        let src = self.expr(x);
        let (fc, tc) = (self.c.class(from), self.c.class(to));
        let i = match (fc, tc, self.c.types.under(to).clone()) {
            (Class::Int(_), Class::Int(k), _) => {
                if k.bits() < 64 {
                    Instr::Wrap { dst, src, kind: k }
                } else {
                    Instr::Move { dst, src }
                }
            }
            (Class::Int(k), Class::Float, _) if !k.is_signed() => Instr::UintToFloat { dst, src },
            (Class::Int(_), Class::Float, _) => Instr::IntToFloat { dst, src },
            (Class::Float, Class::Int(kind), _) => Instr::FloatToInt { dst, src, kind },
            (Class::Int(_), Class::Str, _) => Instr::RuneToStr { dst, src },
            (Class::Str, _, Type::Slice(e))
                if self
                    .c
                    .types
                    .basic_kind(e)
                    .is_some_and(|k| k.int_bits() == Some(8)) =>
            {
                Instr::StrToBytes { dst, src }
            }
            (Class::Str, _, Type::Slice(_)) => Instr::StrToRunes { dst, src },
            (Class::NilOnly, Class::Str, _) => {
                let elem = self.c.elem(from);
                if self
                    .c
                    .types
                    .basic_kind(elem)
                    .is_some_and(|k| k.int_bits() == Some(8))
                {
                    Instr::BytesToStr { dst, src }
                } else {
                    Instr::RunesToStr { dst, src }
                }
            }
            _ => Instr::Move { dst, src },
        };
        if i != (Instr::Move { dst, src: dst }) {
            self.emit(i);
        }
    }
}
