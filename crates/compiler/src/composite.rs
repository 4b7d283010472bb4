//! Composite literals (`T{...}` for structs, arrays, slices and maps, elided inner types,
//! `&T{...}`) and zero values.

use goroscope_syntax::ast::{Element, Expr, ExprKind};
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Instr, Reg};
use crate::lower::Lower;
use crate::typedesc::Class;

/// Arrays and slices up to this length are built from consecutive registers
/// (`MakeAgg`, `MakeSliceFrom`); longer or sparse ones are filled element by element.
const MAX_AGG_ARRAY: u64 = 64;

impl<'a> Lower<'a> {
    /// The zero value of `t` into `dst`.
    pub fn zero(&mut self, t: TypeId, dst: Reg) {
        match self.c.class(t) {
            Class::Int(_) => {
                self.emit(Instr::LoadInt { dst, imm: 0 });
            }
            Class::Bool => {
                self.emit(Instr::LoadBool { dst, v: false });
            }
            _ if self.c.types.has_nil(t) => {
                self.emit(Instr::LoadNil { dst });
            }
            _ => {
                let ty = self.c.desc(t);
                self.emit(Instr::Zero { dst, ty });
            }
        }
    }

    /// The literal `e` (of type `t`, possibly elided in the source) into `dst`.
    pub fn composite(&mut self, e: &Expr, t: TypeId, elts: &[Element], dst: Reg) {
        let m = self.mark();
        match self.c.types.under(t).clone() {
            Type::Pointer(elem) => {
                let v = self.alloc();
                self.composite(e, elem, elts, v);
                self.emit(Instr::NewCell { dst, src: v });
            }
            Type::Struct { fields } => {
                let mut values: Vec<Option<&Expr>> = vec![None; fields.len()];
                for (i, el) in elts.iter().enumerate() {
                    let idx = match &el.key {
                        Some(Expr {
                            kind: ExprKind::Ident(k),
                            ..
                        }) => fields.iter().position(|f| f.name == k.name),
                        Some(_) => None,
                        None => Some(i),
                    };
                    match idx.and_then(|i| values.get_mut(i)) {
                        Some(slot) => *slot = Some(&el.value),
                        None => self.error(el.span, "unknown field in struct literal"),
                    }
                }
                let base = self.alloc_n(fields.len());
                let mut items = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    let r = Reg(base.0 + i as u16);
                    let ft = self.subst(f.ty);
                    match values[i] {
                        Some(v) => items.push((v, r, ft)),
                        None => self.zero(ft, r),
                    }
                }
                // A field's channel is labelled with the field's name.
                for (v, f) in values.iter().zip(&fields) {
                    if let Some(v) = *v {
                        self.label_chans(std::slice::from_ref(v), |_, _| Some(f.name.clone()));
                    }
                }
                self.eval_ordered(&items);
                self.emit(Instr::MakeAgg {
                    dst,
                    base,
                    n: fields.len() as u16,
                });
            }
            Type::Array { elem, len } => {
                let keyed = elts.iter().any(|el| el.key.is_some());
                if !keyed && elts.len() as u64 == len && len <= MAX_AGG_ARRAY {
                    let base = self.alloc_n(elts.len());
                    self.elements(elts, elem, base);
                    self.emit(Instr::MakeAgg {
                        dst,
                        base,
                        n: elts.len() as u16,
                    });
                } else {
                    let ty = self.c.desc(t);
                    self.emit(Instr::Zero { dst, ty });
                    for (i, el) in self.indices(elts).into_iter().zip(elts) {
                        let mm = self.mark();
                        let idx = self.alloc();
                        self.load_int(idx, i as i64);
                        let v = self.alloc();
                        self.element(&el.value, elem, v);
                        self.emit(Instr::SetIndexArray {
                            arr: dst,
                            idx,
                            src: v,
                        });
                        self.release(mm);
                    }
                }
            }
            Type::Slice(elem) => {
                if elts.iter().all(|el| el.key.is_none()) && elts.len() as u64 <= MAX_AGG_ARRAY {
                    let base = self.alloc_n(elts.len());
                    self.elements(elts, elem, base);
                    self.emit(Instr::MakeSliceFrom {
                        dst,
                        base,
                        n: elts.len() as u16,
                    });
                } else {
                    let idxs = self.indices(elts);
                    let n = idxs.iter().max().map_or(0, |m| m + 1);
                    let len = self.alloc();
                    self.load_int(len, n as i64);
                    let ty = self.c.desc(t);
                    self.emit(Instr::MakeSlice {
                        dst,
                        ty,
                        len,
                        cap: len,
                    });
                    for (i, el) in idxs.into_iter().zip(elts) {
                        let mm = self.mark();
                        let idx = self.alloc();
                        self.load_int(idx, i as i64);
                        let v = self.alloc();
                        self.element(&el.value, elem, v);
                        self.emit(Instr::SetIndexSlice {
                            slice: dst,
                            idx,
                            src: v,
                        });
                        self.release(mm);
                    }
                }
            }
            Type::Map { key, elem } => {
                let hint = self.alloc();
                self.load_int(hint, elts.len() as i64);
                let ty = self.c.desc(t);
                self.emit(Instr::MakeMap { dst, ty, hint });
                for el in elts {
                    let mm = self.mark();
                    let Some(k) = &el.key else {
                        self.error(el.span, "missing key in map literal");
                        continue;
                    };
                    let kr = self.alloc();
                    self.element(k, key, kr);
                    let vr = self.alloc();
                    self.element(&el.value, elem, vr);
                    self.emit(Instr::MapSet {
                        map: dst,
                        key: kr,
                        src: vr,
                    });
                    self.release(mm);
                }
            }
            _ => self.error(e.span, "invalid composite literal type"),
        }
        self.release(m.max(dst.0 + 1));
    }

    /// The unkeyed elements of a literal into consecutive registers from `base`.
    fn elements(&mut self, elts: &[Element], elem: TypeId, base: Reg) {
        let items: Vec<_> = elts
            .iter()
            .enumerate()
            .map(|(i, el)| (&el.value, Reg(base.0 + i as u16), elem))
            .collect();
        self.eval_ordered(&items);
    }

    /// One element of a literal: an elided inner literal takes the element type.
    pub fn element(&mut self, v: &Expr, t: TypeId, dst: Reg) {
        if let ExprKind::CompositeLit { ty: None, elts } = &v.kind {
            self.composite(v, t, elts, dst);
        } else {
            self.expr_as(v, t, dst);
        }
    }

    /// The index of each element of an array or slice literal (keys are constants).
    fn indices(&mut self, elts: &[goroscope_syntax::ast::Element]) -> Vec<u64> {
        let mut next = 0u64;
        let mut out = Vec::with_capacity(elts.len());
        for el in elts {
            if let Some(k) = &el.key {
                let v = self
                    .info()
                    .expr(k.id)
                    .and_then(|tv| tv.value.as_ref())
                    .and_then(|v| v.as_int());
                match v {
                    Some(i) if i >= 0 => next = i as u64,
                    _ => self.error(k.span, "index must be a non-negative integer constant"),
                }
            }
            out.push(next);
            next += 1;
        }
        out
    }
}
