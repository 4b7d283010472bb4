//! Generics by monomorphisation: each instantiation of a generic function is compiled
//! separately with a [`Subst`] mapping its type parameters to the type arguments, so
//! every instruction is chosen from a concrete type (`AddInt` vs `AddFloat`, `MakeIface`
//! with the real dynamic type). Erasure is impossible here: instructions are typed.

use goroscope_types::types::{Field, Interface, Signature, Type, TypeId, TypeTable};

/// A substitution of type parameters by type arguments (both in the same order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subst {
    pairs: Vec<(TypeId, TypeId)>,
}

impl Subst {
    pub fn new(params: &[TypeId], args: &[TypeId]) -> Subst {
        Subst {
            pairs: params.iter().copied().zip(args.iter().copied()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// `t` with every type parameter replaced (types without parameters come back as is).
    pub fn apply(&self, table: &mut TypeTable, t: TypeId) -> TypeId {
        self.apply_depth(table, t, 0)
    }

    fn apply_depth(&self, table: &mut TypeTable, t: TypeId, depth: u32) -> TypeId {
        if depth > 32 {
            return t;
        }
        let d = depth + 1;
        let ty = table.get(t).clone();
        let new = match ty {
            Type::TypeParam(_) => {
                return self
                    .pairs
                    .iter()
                    .find(|(p, _)| *p == t)
                    .map_or(t, |(_, a)| *a);
            }
            Type::Basic(_) | Type::Named(_) => return t,
            Type::Pointer(e) => Type::Pointer(self.apply_depth(table, e, d)),
            Type::Slice(e) => Type::Slice(self.apply_depth(table, e, d)),
            Type::Array { elem, len } => Type::Array {
                elem: self.apply_depth(table, elem, d),
                len,
            },
            Type::Map { key, elem } => Type::Map {
                key: self.apply_depth(table, key, d),
                elem: self.apply_depth(table, elem, d),
            },
            Type::Chan { dir, elem } => Type::Chan {
                dir,
                elem: self.apply_depth(table, elem, d),
            },
            Type::Struct { fields } => Type::Struct {
                fields: fields
                    .into_iter()
                    .map(|f| Field {
                        ty: self.apply_depth(table, f.ty, d),
                        ..f
                    })
                    .collect(),
            },
            Type::Signature(s) => Type::Signature(Signature {
                params: s
                    .params
                    .iter()
                    .map(|&p| self.apply_depth(table, p, d))
                    .collect(),
                results: s
                    .results
                    .iter()
                    .map(|&p| self.apply_depth(table, p, d))
                    .collect(),
                variadic: s.variadic,
            }),
            Type::Tuple(v) => {
                Type::Tuple(v.iter().map(|&p| self.apply_depth(table, p, d)).collect())
            }
            Type::Interface(i) => Type::Interface(Interface {
                methods: i
                    .methods
                    .iter()
                    .map(|(n, s)| (n.clone(), self.apply_depth(table, *s, d)))
                    .collect(),
                terms: i.terms.clone(),
                comparable: i.comparable,
            }),
        };
        table.intern(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_inside_composite_types() {
        let mut t = TypeTable::new();
        let tp = t.new_type_param("T", 0, TypeId::EMPTY_INTERFACE);
        let st = t.slice(tp);
        let s = Subst::new(&[tp], &[TypeId::INT]);
        let got = s.apply(&mut t, st);
        assert_eq!(got, t.slice(TypeId::INT));
        assert_eq!(s.apply(&mut t, TypeId::STRING), TypeId::STRING);
    }
}
