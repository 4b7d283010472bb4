//! The operand: what the checker knows about an evaluated expression, and Go's way of
//! describing it in messages (`x (variable of type int)`, `300 (untyped int constant)`).

use goroscope_syntax::ast::Expr;

use crate::constant::Value;
use crate::objects::Builtin;
use crate::printer::expr_string;
use crate::types::{SPELL_ANY_DESC, Type, TypeId, TypeTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpMode {
    /// An error was reported already; stay quiet about this operand.
    Invalid,
    NoValue,
    Builtin(Builtin),
    Type,
    Constant,
    Variable,
    MapIndex,
    Value,
    CommaOk,
}

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: OpMode,
    pub ty: TypeId,
    pub val: Option<Value>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: OpMode::Invalid,
            ty: TypeId::INVALID,
            val: None,
        }
    }

    pub fn value(ty: TypeId) -> Operand {
        Operand {
            mode: OpMode::Value,
            ty,
            val: None,
        }
    }

    pub fn constant(ty: TypeId, val: Value) -> Operand {
        Operand {
            mode: OpMode::Constant,
            ty,
            val: Some(val),
        }
    }

    pub fn is_invalid(&self) -> bool {
        self.mode == OpMode::Invalid
            || self.ty == TypeId::INVALID
                && !matches!(self.mode, OpMode::Builtin(_) | OpMode::NoValue)
    }

    pub fn is_const(&self) -> bool {
        self.mode == OpMode::Constant
    }

    pub fn is_nil(&self) -> bool {
        self.ty == TypeId::UNTYPED_NIL
    }

    /// Go's operand description: `expr (mode [of [kind ]type T])`.
    pub fn describe(&self, e: &Expr, types: &TypeTable) -> String {
        let expr = expr_string(e);
        if self.is_nil() {
            return if expr == "nil" {
                "nil".to_string()
            } else {
                format!("{expr} (untyped nil value)")
            };
        }
        let mode = match self.mode {
            OpMode::Invalid => return format!("{expr} (invalid operand)"),
            OpMode::NoValue => return format!("{expr} (no value)"),
            OpMode::Builtin(_) => return format!("{expr} (built-in)"),
            OpMode::Type => return format!("{expr} (type)"),
            OpMode::Constant => "constant",
            OpMode::Variable => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value => "value",
            OpMode::CommaOk => "comma, ok expression",
        };
        let val = match (&self.val, self.mode) {
            (Some(v), OpMode::Constant) => {
                let s = v.to_string();
                if s == expr { None } else { Some(s) }
            }
            _ => None,
        };
        if types.is_untyped(self.ty) {
            let kind = types.msg(self.ty);
            return match val {
                Some(v) => format!("{expr} ({kind} {mode} {v})"),
                None => format!("{expr} ({kind} {mode})"),
            };
        }
        let mut desc = String::new();
        if let Some(tp) = types.type_param(self.ty) {
            let c = tp.constraint;
            return format!(
                "{expr} ({mode} of type {} constrained by {})",
                types.msg(self.ty),
                constraint_string(types, c)
            );
        }
        // Defined types (and `any`, an alias in Go) are introduced by their structure.
        if self.ty == TypeId::EMPTY_INTERFACE {
            // Written `any` (an alias in Go) it is introduced as an interface type;
            // written `interface{}` it is not.
            desc = SPELL_ANY_DESC.to_string();
        } else if matches!(types.get(self.ty), Type::Named(_)) {
            match types.composite_kind(self.ty) {
                Some(k) => desc = format!("{k} "),
                None => {
                    if let Some(k) = types.basic_kind(self.ty) {
                        desc = format!("{} ", k.name());
                    }
                }
            }
        }
        let v = val.map(|v| format!(" {v}")).unwrap_or_default();
        format!("{expr} ({mode}{v} of {desc}type {})", types.msg(self.ty))
    }
}

/// A constraint as Go writes it: a defined constraint by name, an implicit
/// `interface{ int | string }` as its union.
fn constraint_string(types: &TypeTable, c: TypeId) -> String {
    if types.named(c).is_none()
        && let Some(i) = types.interface_of(c)
        && i.methods.is_empty()
        && !i.comparable
        && let Some(terms) = &i.terms
    {
        return terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, types.msg(t.ty)))
            .collect::<Vec<_>>()
            .join(" | ");
    }
    types.msg(c)
}
