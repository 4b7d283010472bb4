//! A parser for the declaration lines of [`super::decls`]: just enough of Go's type
//! syntax to state the standard library's API.

use crate::constant::Value;
use crate::types::ChanDir;

/// A type as written in the table.
#[derive(Clone, Debug)]
pub enum TypeExpr {
    Name(String),
    Qualified(String, String),
    Pointer(Box<TypeExpr>),
    Slice(Box<TypeExpr>),
    Chan(ChanDir, Box<TypeExpr>),
    Func {
        params: Vec<TypeExpr>,
        results: Vec<TypeExpr>,
        variadic: bool,
    },
    Struct(Vec<(String, TypeExpr)>),
    Interface(Vec<(String, TypeExpr)>),
}

/// One declaration line.
#[derive(Clone, Debug)]
pub enum Decl {
    Type {
        name: String,
        ty: TypeExpr,
    },
    Const {
        name: String,
        ty: Option<TypeExpr>,
        value: Value,
    },
    Var {
        name: String,
        ty: TypeExpr,
    },
    /// `recv` is `(base type name, pointer receiver)`; `sig` is a `TypeExpr::Func`.
    Func {
        recv: Option<(String, bool)>,
        name: String,
        sig: TypeExpr,
    },
}

pub struct Parser {
    toks: Vec<String>,
    pos: usize,
}

impl Parser {
    pub fn new(line: &str) -> Parser {
        Parser {
            toks: tokenize(line),
            pos: 0,
        }
    }

    fn peek(&self) -> &str {
        self.toks.get(self.pos).map_or("", String::as_str)
    }

    fn next(&mut self) -> String {
        let t = self.peek().to_string();
        self.pos += 1;
        t
    }

    fn expect(&mut self, t: &str) -> Result<(), String> {
        if self.next() == t {
            Ok(())
        } else {
            Err(format!("expected {t} in {:?}", self.toks))
        }
    }

    fn ident(&mut self) -> Result<String, String> {
        let t = self.next();
        if t.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '#') {
            Ok(t)
        } else {
            Err(format!("expected a name, got {t:?}"))
        }
    }

    pub fn decl(mut self) -> Result<Decl, String> {
        let d = match self.next().as_str() {
            "type" => {
                let name = self.ident()?;
                Decl::Type {
                    name,
                    ty: self.ty()?,
                }
            }
            "var" => {
                let name = self.ident()?;
                Decl::Var {
                    name,
                    ty: self.ty()?,
                }
            }
            "const" => {
                let name = self.ident()?;
                let ty = if self.peek() == "=" {
                    None
                } else {
                    Some(self.ty()?)
                };
                self.expect("=")?;
                let lit = self.next();
                let value = if lit.contains(['.', 'e']) {
                    Value::Float(lit.parse().map_err(|_| format!("bad float {lit}"))?)
                } else {
                    Value::Int(lit.parse().map_err(|_| format!("bad int {lit}"))?)
                };
                Decl::Const { name, ty, value }
            }
            "func" => {
                let recv = if self.peek() == "(" {
                    self.next();
                    let ptr = self.peek() == "*";
                    if ptr {
                        self.next();
                    }
                    let base = self.ident()?;
                    self.expect(")")?;
                    Some((base, ptr))
                } else {
                    None
                };
                let name = self.ident()?;
                Decl::Func {
                    recv,
                    name,
                    sig: self.signature()?,
                }
            }
            t => return Err(format!("unknown declaration {t}")),
        };
        if self.pos == self.toks.len() {
            Ok(d)
        } else {
            Err(format!("trailing tokens in {:?}", self.toks))
        }
    }

    fn ty(&mut self) -> Result<TypeExpr, String> {
        Ok(match self.next().as_str() {
            "*" => TypeExpr::Pointer(Box::new(self.ty()?)),
            "[" => {
                self.expect("]")?;
                TypeExpr::Slice(Box::new(self.ty()?))
            }
            "<-" => {
                self.expect("chan")?;
                TypeExpr::Chan(ChanDir::Recv, Box::new(self.ty()?))
            }
            "chan" => {
                if self.peek() == "<-" {
                    self.next();
                    TypeExpr::Chan(ChanDir::Send, Box::new(self.ty()?))
                } else {
                    TypeExpr::Chan(ChanDir::Both, Box::new(self.ty()?))
                }
            }
            "func" => self.signature()?,
            "struct" => {
                self.expect("{")?;
                let mut fields = Vec::new();
                while self.peek() != "}" {
                    let name = self.ident()?;
                    fields.push((name, self.ty()?));
                    if self.peek() == ";" {
                        self.next();
                    }
                }
                self.next();
                TypeExpr::Struct(fields)
            }
            "interface" => {
                self.expect("{")?;
                let mut methods = Vec::new();
                while self.peek() != "}" {
                    let name = self.ident()?;
                    methods.push((name, self.signature()?));
                    if self.peek() == ";" {
                        self.next();
                    }
                }
                self.next();
                TypeExpr::Interface(methods)
            }
            name => {
                if self.peek() == "." {
                    self.next();
                    TypeExpr::Qualified(name.to_string(), self.ident()?)
                } else if name.starts_with(|c: char| c.is_alphabetic()) {
                    TypeExpr::Name(name.to_string())
                } else {
                    return Err(format!("unexpected {name:?} in a type"));
                }
            }
        })
    }

    /// `(params) results` after `func` or a method name.
    fn signature(&mut self) -> Result<TypeExpr, String> {
        self.expect("(")?;
        let mut params = Vec::new();
        let mut variadic = false;
        while self.peek() != ")" {
            if self.peek() == "..." {
                self.next();
                variadic = true;
            }
            params.push(self.ty()?);
            if self.peek() == "," {
                self.next();
            }
        }
        self.next();
        let mut results = Vec::new();
        if self.peek() == "(" {
            self.next();
            while self.peek() != ")" {
                results.push(self.ty()?);
                if self.peek() == "," {
                    self.next();
                }
            }
            self.next();
        } else if !matches!(self.peek(), "" | ";" | "}" | ")" | ",") {
            results.push(self.ty()?);
        }
        Ok(TypeExpr::Func {
            params,
            results,
            variadic,
        })
    }
}

fn tokenize(line: &str) -> Vec<String> {
    let b = line.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' || c == b'#' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'#') {
                i += 1;
            }
            toks.push(line[start..i].to_string());
        } else if c.is_ascii_digit() || (c == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            // A number: digits, '.', an exponent with its sign.
            let start = i;
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'.'
                    || (matches!(b[i], b'+' | b'-') && b[i - 1] == b'e'))
            {
                i += 1;
            }
            toks.push(line[start..i].to_string());
        } else if line[i..].starts_with("...") {
            toks.push("...".into());
            i += 3;
        } else if line[i..].starts_with("<-") {
            toks.push("<-".into());
            i += 2;
        } else {
            toks.push((c as char).to_string());
            i += 1;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_methods_and_numbers() {
        let d = Parser::new("func (*WaitGroup) Go(func())").decl().unwrap();
        assert!(
            matches!(d, Decl::Func { recv: Some((ref b, true)), ref name, .. } if b == "WaitGroup" && name == "Go")
        );
        let c = Parser::new("const MinInt64 = -9223372036854775808")
            .decl()
            .unwrap();
        assert!(matches!(c, Decl::Const { value: Value::Int(v), .. } if v == -9223372036854775808));
        let f = Parser::new("const Max = 1.79769313486231570814527423731704356798070e+308")
            .decl()
            .unwrap();
        assert!(matches!(
            f,
            Decl::Const {
                value: Value::Float(_),
                ..
            }
        ));
        let q = Parser::new("func WithTimeout(Context, time.Duration) (Context, CancelFunc)")
            .decl()
            .unwrap();
        assert!(matches!(q, Decl::Func { recv: None, .. }));
    }
}
