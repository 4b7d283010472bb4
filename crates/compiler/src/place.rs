//! Places (Go's addressable operands and map entries): what an assignment writes, what
//! `&x` takes the address of. A place is prepared once (its operands evaluated into
//! registers, as the first phase of Go's assignment) and then read or written.
//!
//! Aggregates held in registers have no address: writing a field of a register struct
//! is a read-modify-write (`GetField`, `SetField`, store back), while anything reached
//! through memory (a boxed variable, a global, a pointer, a slice element) is written in
//! place with `StoreField`/`Store`.

use goroscope_syntax::ast::{Expr, ExprKind};
use goroscope_types::info::Selection;
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Instr, Reg};
use crate::expr::VarRef;
use crate::lower::{Lower, VarLoc};

/// A prepared place.
#[derive(Clone, Debug)]
pub enum Place {
    /// `_`: writes are discarded.
    Blank,
    Var(VarRef),
    /// `*p`
    Deref(Reg),
    /// `(*p).f`
    PtrField {
        ptr: Reg,
        field: u16,
    },
    /// `s[i]` of a slice.
    SliceElem {
        slice: Reg,
        idx: Reg,
    },
    /// `m[k]`
    MapEntry {
        map: Reg,
        key: Reg,
    },
    /// A field of an aggregate place without address (a register struct).
    AggField {
        base: Box<Place>,
        field: u16,
    },
    /// An element of an array place without address.
    AggIndex {
        base: Box<Place>,
        idx: Reg,
    },
}

impl<'a> Lower<'a> {
    /// Prepares the place `e` denotes.
    pub fn place(&mut self, e: &Expr) -> Place {
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(id) if id.name == "_" => Place::Blank,
            ExprKind::Ident(id) => {
                let v = self.info().ident(id.id).and_then(|o| self.var_ref(o));
                match v {
                    Some(v) => Place::Var(v),
                    None => {
                        self.error(e.span, format!("cannot assign to {}", id.name));
                        Place::Blank
                    }
                }
            }
            ExprKind::Star(x) => Place::Deref(self.expr(x)),
            ExprKind::Selector { x, .. } => match self.info().selection(e.id).cloned() {
                Some(Selection::Field { path, .. }) => self.path_place(x, &path),
                Some(Selection::Qualified(obj)) => match self.var_ref(obj) {
                    Some(v) => Place::Var(v),
                    None => {
                        self.unsupported(e.span, "assigning to a standard-library variable");
                        Place::Blank
                    }
                },
                _ => {
                    self.error(e.span, "cannot assign to this selector");
                    Place::Blank
                }
            },
            ExprKind::Index { x, indices } if indices.len() == 1 => {
                let i = &indices[0];
                let xt = self.ty(x.id);
                match self.c.types.under(xt).clone() {
                    Type::Map { key, .. } => {
                        let map = self.expr(x);
                        let key = self.fresh_as(i, key);
                        Place::MapEntry { map, key }
                    }
                    Type::Slice(_) => {
                        let slice = self.expr(x);
                        let idx = self.expr(i);
                        Place::SliceElem { slice, idx }
                    }
                    Type::Pointer(_) => {
                        let ptr = self.expr(x);
                        let idx = self.expr(i);
                        let dst = self.alloc();
                        self.emit(Instr::AddrArrayIndex { dst, ptr, idx });
                        Place::Deref(dst)
                    }
                    Type::Array { .. } => {
                        let base = self.place(x);
                        let idx = self.expr(i);
                        match self.place_addr(&base) {
                            Some(ptr) => {
                                let dst = self.alloc();
                                self.emit(Instr::AddrArrayIndex { dst, ptr, idx });
                                Place::Deref(dst)
                            }
                            None => Place::AggIndex {
                                base: Box::new(base),
                                idx,
                            },
                        }
                    }
                    _ => {
                        self.error(e.span, "cannot assign to this index expression");
                        Place::Blank
                    }
                }
            }
            _ => {
                self.error(e.span, "cannot assign to this expression");
                Place::Blank
            }
        }
    }

    /// The place reached from the operand `x` through the field indices `path`
    /// (dereferencing pointers on the way, as selectors do).
    pub fn path_place(&mut self, x: &Expr, path: &[usize]) -> Place {
        let xt = self.ty(x.id);
        let (mut cur, mut t) = if self.c.is_pointer(xt) {
            (Place::Deref(self.expr(x)), self.c.elem(xt))
        } else {
            (self.place(x), xt)
        };
        for (n, &i) in path.iter().enumerate() {
            if n > 0 && self.c.is_pointer(t) {
                let p = self.load_place_fresh(&cur);
                cur = Place::Deref(p);
                t = self.c.elem(t);
            }
            cur = self.field_place(cur, i as u16);
            t = self.c.struct_field(t, i);
            t = self.subst(t);
        }
        cur
    }

    fn field_place(&mut self, base: Place, field: u16) -> Place {
        match self.place_addr(&base) {
            Some(ptr) => Place::PtrField { ptr, field },
            None => Place::AggField {
                base: Box::new(base),
                field,
            },
        }
    }

    /// The address of a place that lives in memory (emitting the address computation),
    /// or `None` for register aggregates and map entries.
    pub fn place_addr(&mut self, p: &Place) -> Option<Reg> {
        Some(match *p {
            Place::Var(VarRef::Local(VarLoc::Boxed(r))) | Place::Deref(r) => r,
            Place::Var(VarRef::Local(VarLoc::Upval(idx))) => {
                let dst = self.alloc();
                self.emit(Instr::LoadCapture { dst, idx });
                dst
            }
            Place::Var(VarRef::Global(g)) => {
                let dst = self.alloc();
                self.emit(Instr::AddrGlobal { dst, g });
                dst
            }
            Place::PtrField { ptr, field } => {
                let dst = self.alloc();
                self.emit(Instr::AddrField { dst, ptr, field });
                dst
            }
            Place::SliceElem { slice, idx } => {
                let dst = self.alloc();
                self.emit(Instr::AddrIndex { dst, slice, idx });
                dst
            }
            _ => return None,
        })
    }

    /// `&e` for an addressable expression.
    pub fn addr_of(&mut self, e: &Expr) -> Reg {
        let p = self.place(e);
        match self.place_addr(&p) {
            Some(r) => r,
            None => {
                self.error(
                    e.span,
                    "internal error: cannot take the address of this expression",
                );
                self.alloc()
            }
        }
    }

    /// Reads a place into `dst`.
    pub fn load_place(&mut self, p: &Place, dst: Reg) {
        match p {
            Place::Blank => {}
            Place::Var(v) => self.read_var(*v, dst),
            Place::Deref(ptr) => {
                self.emit(Instr::Load { dst, ptr: *ptr });
            }
            Place::PtrField { ptr, field } => {
                self.emit(Instr::LoadField {
                    dst,
                    ptr: *ptr,
                    field: *field,
                });
            }
            Place::SliceElem { slice, idx } => {
                self.emit(Instr::IndexSlice {
                    dst,
                    slice: *slice,
                    idx: *idx,
                });
            }
            Place::MapEntry { .. } => {
                // Map reads need the map's type; callers use `load_map_entry`.
            }
            Place::AggField { base, field } => {
                let b = self.load_place_fresh(base);
                self.emit(Instr::GetField {
                    dst,
                    src: b,
                    field: *field,
                });
            }
            Place::AggIndex { base, idx } => {
                let b = self.load_place_fresh(base);
                self.emit(Instr::IndexArray {
                    dst,
                    arr: b,
                    idx: *idx,
                });
            }
        }
    }

    /// Reads a place of static type `t` (maps need it) into `dst`.
    pub fn load_place_typed(&mut self, p: &Place, map_ty: Option<TypeId>, dst: Reg) {
        if let (Place::MapEntry { map, key }, Some(mt)) = (p, map_ty) {
            let ty = self.c.desc(mt);
            self.emit(Instr::MapGet {
                dst,
                map: *map,
                key: *key,
                ty,
            });
            return;
        }
        self.load_place(p, dst);
    }

    fn load_place_fresh(&mut self, p: &Place) -> Reg {
        if let Place::Var(VarRef::Local(VarLoc::Reg(r))) = p {
            return *r;
        }
        let r = self.alloc();
        self.load_place(p, r);
        r
    }

    /// Writes `src` to a place.
    pub fn store_place(&mut self, p: &Place, src: Reg) {
        match p {
            Place::Blank => {}
            Place::Var(VarRef::Local(VarLoc::Reg(r))) => {
                if *r != src {
                    self.emit(Instr::Move { dst: *r, src });
                }
            }
            Place::Var(VarRef::Local(VarLoc::Boxed(r))) => {
                self.emit(Instr::Store { ptr: *r, src });
            }
            Place::Var(VarRef::Local(VarLoc::Upval(idx))) => {
                self.emit(Instr::SetUpval { idx: *idx, src });
            }
            Place::Var(VarRef::Local(VarLoc::Captured(_))) => {
                // The escape pass boxes every captured variable that is ever written.
                self.error(
                    goroscope_syntax::Span::default(),
                    "internal error: a write to a variable captured by value",
                );
            }
            Place::Var(VarRef::Global(g)) => {
                self.emit(Instr::StoreGlobal { g: *g, src });
            }
            Place::Deref(ptr) => {
                self.emit(Instr::Store { ptr: *ptr, src });
            }
            Place::PtrField { ptr, field } => {
                self.emit(Instr::StoreField {
                    ptr: *ptr,
                    field: *field,
                    src,
                });
            }
            Place::SliceElem { slice, idx } => {
                self.emit(Instr::SetIndexSlice {
                    slice: *slice,
                    idx: *idx,
                    src,
                });
            }
            Place::MapEntry { map, key } => {
                self.emit(Instr::MapSet {
                    map: *map,
                    key: *key,
                    src,
                });
            }
            Place::AggField { base, field } => {
                if let Place::Var(VarRef::Local(VarLoc::Reg(r))) = **base {
                    self.emit(Instr::SetField {
                        dst: r,
                        field: *field,
                        src,
                    });
                    return;
                }
                let m = self.mark();
                let b = self.load_place_fresh(base);
                self.emit(Instr::SetField {
                    dst: b,
                    field: *field,
                    src,
                });
                self.store_place(base, b);
                self.release(m);
            }
            Place::AggIndex { base, idx } => {
                if let Place::Var(VarRef::Local(VarLoc::Reg(r))) = **base {
                    self.emit(Instr::SetIndexArray {
                        arr: r,
                        idx: *idx,
                        src,
                    });
                    return;
                }
                let m = self.mark();
                let b = self.load_place_fresh(base);
                self.emit(Instr::SetIndexArray {
                    arr: b,
                    idx: *idx,
                    src,
                });
                self.store_place(base, b);
                self.release(m);
            }
        }
    }
}
