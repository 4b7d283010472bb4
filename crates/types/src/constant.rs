//! Compile-time constant values and their arithmetic.
//!
//! Integers are exact in `i128` (Go allows 512 bits for untyped constants; the subset
//! never comes close: `1 << 100` fits). Floats are `f64` in [`Value`]; untyped float
//! constant expressions are also computed exactly as [`Rat`]ionals where they fit, so
//! that `0.1 + 0.2` is `0.3` as in Go. Strings are byte strings, as Go strings may hold
//! invalid UTF-8.
//!
//! **Invariant:** operations never panic; overflow of the `i128` range is reported as
//! [`ConstError::Overflow`].

use crate::types::BasicKind;

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    String(Vec<u8>),
    Int(i128),
    Float(f64),
}

/// Why a constant operation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstError {
    /// Division or remainder by a constant zero.
    DivByZero,
    /// The result does not fit the representation.
    Overflow,
    /// The operation does not apply to these values.
    Invalid,
}

/// Why a constant is not representable by a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unrepresentable {
    /// A float with a fractional part where an integer is needed.
    Truncated,
    /// Out of range for the type.
    Overflows,
    /// Wrong kind entirely (a string where a number is needed ...).
    Mismatch,
}

/// Arithmetic and bitwise binary operators on constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    /// `/`: truncated integer division when `int_div` is passed to [`Value::binary`].
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
}

impl Value {
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(*f as i128),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Value::Int(i) => *i == 0,
            Value::Float(f) => *f == 0.0,
            _ => false,
        }
    }

    /// `x op y`. Ints combine exactly; a float operand makes the operation a float
    /// one; `int_div` selects truncated integer division for `/`.
    pub fn binary(&self, op: ArithOp, y: &Value, int_div: bool) -> Result<Value, ConstError> {
        use ArithOp::*;
        match (self, y) {
            (Value::String(a), Value::String(b)) if op == Add => {
                let mut s = a.clone();
                s.extend_from_slice(b);
                Ok(Value::String(s))
            }
            (Value::Int(a), Value::Int(b)) if int_div || op != Div => {
                let (a, b) = (*a, *b);
                let r = match op {
                    Add => a.checked_add(b),
                    Sub => a.checked_sub(b),
                    Mul => a.checked_mul(b),
                    Div | Rem if b == 0 => return Err(ConstError::DivByZero),
                    Div => a.checked_div(b),
                    Rem => a.checked_rem(b),
                    And => Some(a & b),
                    Or => Some(a | b),
                    Xor => Some(a ^ b),
                    AndNot => Some(a & !b),
                };
                r.map(Value::Int).ok_or(ConstError::Overflow)
            }
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let (a, b) = (self.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                let r = match op {
                    Add => a + b,
                    Sub => a - b,
                    Mul => a * b,
                    Div if b == 0.0 => return Err(ConstError::DivByZero),
                    Div => a / b,
                    _ => return Err(ConstError::Invalid),
                };
                if r.is_finite() {
                    Ok(Value::Float(r))
                } else {
                    Err(ConstError::Overflow)
                }
            }
            _ => Err(ConstError::Invalid),
        }
    }

    /// `x << n` or `x >> n` on an integer constant.
    pub fn shift(&self, left: bool, n: u64) -> Result<Value, ConstError> {
        let x = self.as_int().ok_or(ConstError::Invalid)?;
        if left {
            if x == 0 {
                return Ok(Value::Int(0));
            }
            if n >= 127 {
                return Err(ConstError::Overflow);
            }
            let r = x.checked_mul(1i128 << n).ok_or(ConstError::Overflow)?;
            Ok(Value::Int(r))
        } else {
            Ok(Value::Int(if n >= 127 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> n
            }))
        }
    }

    /// Comparison; `None` if the operands cannot be compared.
    pub fn compare(&self, y: &Value) -> Option<std::cmp::Ordering> {
        match (self, y) {
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
            (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
            (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                self.as_f64()?.partial_cmp(&y.as_f64()?)
            }
            _ => None,
        }
    }

    /// `-x`.
    pub fn neg(&self) -> Result<Value, ConstError> {
        match self {
            Value::Int(i) => i.checked_neg().map(Value::Int).ok_or(ConstError::Overflow),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => Err(ConstError::Invalid),
        }
    }

    /// `^x`: for unsigned types of `bits` bits the complement stays within the type
    /// (`^uint8(0)` is 255), otherwise it is `-x - 1`.
    pub fn bit_not(&self, unsigned_bits: Option<u32>) -> Result<Value, ConstError> {
        let x = self.as_int().ok_or(ConstError::Invalid)?;
        Ok(Value::Int(match unsigned_bits {
            Some(bits) if bits < 127 => ((1i128 << bits) - 1) ^ x,
            _ => !x,
        }))
    }

    /// The value converted to `kind`, if representable (Go's representability rules:
    /// integers in range, floats rounded, untyped kinds accept their family).
    pub fn represent(&self, kind: BasicKind) -> Result<Value, Unrepresentable> {
        use BasicKind::*;
        match self {
            Value::Bool(_) => {
                if kind.is_boolean() {
                    Ok(self.clone())
                } else {
                    Err(Unrepresentable::Mismatch)
                }
            }
            Value::String(_) => {
                if kind.is_string() {
                    Ok(self.clone())
                } else {
                    Err(Unrepresentable::Mismatch)
                }
            }
            Value::Int(_) | Value::Float(_) => {
                if kind.is_integer() {
                    let i = match self {
                        Value::Int(i) => *i,
                        Value::Float(f) => {
                            if f.fract() != 0.0 {
                                return Err(Unrepresentable::Truncated);
                            }
                            if f.abs() >= 1.7e38 {
                                return Err(Unrepresentable::Overflows);
                            }
                            *f as i128
                        }
                        _ => return Err(Unrepresentable::Mismatch),
                    };
                    if kind == UntypedInt || kind == UntypedRune || int_fits(i, kind) {
                        Ok(Value::Int(i))
                    } else {
                        Err(Unrepresentable::Overflows)
                    }
                } else if kind.is_float() {
                    let f = self.as_f64().unwrap_or(0.0);
                    if kind == Float32 {
                        let g = f as f32;
                        if g.is_infinite() {
                            return Err(Unrepresentable::Overflows);
                        }
                        return Ok(Value::Float(g as f64));
                    }
                    if f.is_finite() {
                        Ok(Value::Float(f))
                    } else {
                        Err(Unrepresentable::Overflows)
                    }
                } else {
                    Err(Unrepresentable::Mismatch)
                }
            }
        }
    }

    /// The kind of untyped constant this value naturally is.
    pub fn untyped_kind(&self) -> BasicKind {
        match self {
            Value::Bool(_) => BasicKind::UntypedBool,
            Value::String(_) => BasicKind::UntypedString,
            Value::Int(_) => BasicKind::UntypedInt,
            Value::Float(_) => BasicKind::UntypedFloat,
        }
    }
}

/// An exact rational `num / den` for untyped floating-point constant arithmetic.
///
/// Invariant: `den > 0` and `gcd(num, den) == 1`. Operations return `None` when a
/// result does not fit `i128`; the checker then falls back to `f64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rat {
    num: i128,
    den: i128,
}

impl Rat {
    pub fn int(i: i128) -> Rat {
        Rat { num: i, den: 1 }
    }

    fn new(num: i128, den: i128) -> Option<Rat> {
        if den == 0 {
            return None;
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs()).max(1);
        let (mut num, mut den) = (num / g as i128, den / g as i128);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Rat { num, den })
    }

    /// The exact value of a decimal floating-point literal (`0.1`, `.5`, `2.5e-7`,
    /// `1_000.5`); `None` for hexadecimal literals or values beyond `i128`.
    pub fn parse(text: &str) -> Option<Rat> {
        let t: String = text.chars().filter(|&c| c != '_').collect();
        if t.starts_with("0x") || t.starts_with("0X") {
            return None;
        }
        let (mant, exp) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
            None => (t.as_str(), 0),
        };
        let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{int_part}{frac}");
        let num: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        let scale = exp.checked_sub(frac.len() as i32)?;
        let pow = 10i128.checked_pow(scale.unsigned_abs())?;
        if scale >= 0 {
            Rat::new(num.checked_mul(pow)?, 1)
        } else {
            Rat::new(num, pow)
        }
    }

    pub fn checked_add(self, o: Rat) -> Option<Rat> {
        let num = self
            .num
            .checked_mul(o.den)?
            .checked_add(o.num.checked_mul(self.den)?)?;
        Rat::new(num, self.den.checked_mul(o.den)?)
    }

    pub fn checked_sub(self, o: Rat) -> Option<Rat> {
        self.checked_add(Rat {
            num: o.num.checked_neg()?,
            den: o.den,
        })
    }

    pub fn checked_mul(self, o: Rat) -> Option<Rat> {
        Rat::new(self.num.checked_mul(o.num)?, self.den.checked_mul(o.den)?)
    }

    pub fn checked_div(self, o: Rat) -> Option<Rat> {
        Rat::new(self.num.checked_mul(o.den)?, self.den.checked_mul(o.num)?)
    }

    pub fn checked_neg(self) -> Option<Rat> {
        Some(Rat {
            num: self.num.checked_neg()?,
            den: self.den,
        })
    }

    /// The nearest `f64` (exact division when both parts fit in 53 bits).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialOrd for Rat {
    fn partial_cmp(&self, o: &Rat) -> Option<std::cmp::Ordering> {
        let (a, b) = (self.num.checked_mul(o.den)?, o.num.checked_mul(self.den)?);
        Some(a.cmp(&b))
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Whether the integer `i` lies in the range of the sized integer `kind`.
pub fn int_fits(i: i128, kind: BasicKind) -> bool {
    let Some(bits) = kind.int_bits() else {
        return false;
    };
    if kind.is_unsigned() {
        i >= 0 && i < (1i128 << bits)
    } else {
        let lim = 1i128 << (bits - 1);
        i >= -lim && i < lim
    }
}

/// Wraps an integer into the range of a sized integer kind, as run-time arithmetic does.
pub fn wrap_int(i: i128, kind: BasicKind) -> i128 {
    let Some(bits) = kind.int_bits() else {
        return i;
    };
    let m = i & ((1i128 << bits) - 1);
    if kind.is_unsigned() || m < (1i128 << (bits - 1)) {
        m
    } else {
        m - (1i128 << bits)
    }
}

impl std::fmt::Display for Value {
    /// Go's spelling of a constant in messages: `300`, `1.5`, `"abc"`, `true`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => {
                if x.fract() == 0.0 && x.abs() < 1e21 {
                    write!(f, "{}", *x as i128)
                } else if x.abs() >= 1e21 || (x.abs() < 1e-4 && *x != 0.0) {
                    write!(f, "{x:e}")
                } else {
                    write!(f, "{x}")
                }
            }
            Value::String(s) => write!(f, "{}", quote(s)),
        }
    }
}

/// A Go double-quoted string literal for `s` (as `strconv.Quote` writes it, for the
/// characters a message needs).
pub fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for ch in String::from_utf8_lossy(s).chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_arithmetic_is_exact() {
        let a = Value::Int(1).shift(true, 100).unwrap();
        assert_eq!(a.shift(false, 98).unwrap(), Value::Int(4));
        assert_eq!(
            Value::Int(-7).binary(ArithOp::Div, &Value::Int(2), true),
            Ok(Value::Int(-3))
        );
        assert_eq!(
            Value::Int(-7).binary(ArithOp::Rem, &Value::Int(3), true),
            Ok(Value::Int(-1))
        );
        assert_eq!(
            Value::Int(7).binary(ArithOp::Div, &Value::Int(2), false),
            Ok(Value::Float(3.5))
        );
        assert_eq!(
            Value::Int(1).binary(ArithOp::Div, &Value::Int(0), true),
            Err(ConstError::DivByZero)
        );
        assert_eq!(Value::Int(1).shift(true, 200), Err(ConstError::Overflow));
    }

    #[test]
    fn representability() {
        assert_eq!(
            Value::Int(300).represent(BasicKind::Int8),
            Err(Unrepresentable::Overflows)
        );
        assert_eq!(
            Value::Int(255).represent(BasicKind::Uint8),
            Ok(Value::Int(255))
        );
        assert_eq!(
            Value::Float(2.5).represent(BasicKind::Int),
            Err(Unrepresentable::Truncated)
        );
        assert_eq!(
            Value::Float(2.0).represent(BasicKind::Int),
            Ok(Value::Int(2))
        );
        assert_eq!(
            Value::Int(-1).represent(BasicKind::Uint64),
            Err(Unrepresentable::Overflows)
        );
        assert_eq!(
            Value::Int(u64::MAX as i128).represent(BasicKind::Uint64),
            Ok(Value::Int(u64::MAX as i128))
        );
        assert_eq!(Value::Int(0).bit_not(Some(8)), Ok(Value::Int(255)));
        assert_eq!(Value::Int(0).bit_not(None), Ok(Value::Int(-1)));
    }

    #[test]
    fn rationals_are_exact() {
        let a = Rat::parse("0.1").unwrap();
        let b = Rat::parse("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_f64(), 0.3);
        assert_eq!(a.checked_add(b), Rat::parse("0.3"));
        assert_eq!(Rat::parse("2.5e-7").unwrap().to_f64(), 2.5e-7);
        assert_eq!(Rat::parse("1e21").unwrap().to_f64(), 1e21);
        assert_eq!(Rat::parse("1_000.5").unwrap().to_f64(), 1000.5);
        assert_eq!(Rat::parse(".5").unwrap().to_f64(), 0.5);
        assert_eq!(Rat::parse("0x1p-2"), None);
        assert_eq!(
            Rat::int(1)
                .checked_div(Rat::int(3))
                .unwrap()
                .checked_mul(Rat::int(3)),
            Some(Rat::int(1))
        );
        assert!(Rat::parse("0.1").unwrap() < Rat::parse("0.2").unwrap());
    }

    #[test]
    fn wrapping_and_display() {
        assert_eq!(wrap_int(128, BasicKind::Int8), -128);
        assert_eq!(wrap_int(-1, BasicKind::Uint8), 255);
        assert_eq!(Value::Float(1.5).to_string(), "1.5");
        assert_eq!(Value::String(b"a\"b".to_vec()).to_string(), "\"a\\\"b\"");
    }
}
