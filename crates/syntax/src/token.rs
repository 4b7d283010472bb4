//! Go's token set. A token is a kind plus a span; its text is the span's source text.

use crate::ast::BinaryOp;
use crate::span::Span;

/// The kind of a token. Operator tokens that can be binary operators map to
/// [`BinaryOp`] through [`Tok::binary_op`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Eof,
    Ident,
    Int,
    Float,
    Imag,
    Rune,
    String,

    // Operators and punctuation.
    Add,
    Sub,
    Star,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LogAnd,
    LogOr,
    Arrow,
    Inc,
    Dec,
    Eql,
    Lss,
    Gtr,
    Assign,
    Not,
    Neq,
    Leq,
    Geq,
    Define,
    Ellipsis,
    Tilde,
    /// `op=` such as `+=`, `<<=`, `&^=`.
    AssignOp(BinaryOp),
    LParen,
    LBrack,
    LBrace,
    Comma,
    Dot,
    RParen,
    RBrack,
    RBrace,
    /// `;`, written or inserted by the automatic semicolon rule (see [`Token::semi`]).
    Semi,
    Colon,

    // Keywords.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

/// How a `Semi` token came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// A `;` in the source.
    Written,
    /// Inserted at a newline (or a comment containing one).
    Newline,
    /// Inserted at the end of the file.
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
    /// Meaningful only for `Tok::Semi`.
    pub semi: SemiKind,
}

impl Tok {
    pub fn keyword(word: &str) -> Option<Tok> {
        Some(match word {
            "break" => Tok::Break,
            "case" => Tok::Case,
            "chan" => Tok::Chan,
            "const" => Tok::Const,
            "continue" => Tok::Continue,
            "default" => Tok::Default,
            "defer" => Tok::Defer,
            "else" => Tok::Else,
            "fallthrough" => Tok::Fallthrough,
            "for" => Tok::For,
            "func" => Tok::Func,
            "go" => Tok::Go,
            "goto" => Tok::Goto,
            "if" => Tok::If,
            "import" => Tok::Import,
            "interface" => Tok::Interface,
            "map" => Tok::Map,
            "package" => Tok::Package,
            "range" => Tok::Range,
            "return" => Tok::Return,
            "select" => Tok::Select,
            "struct" => Tok::Struct,
            "switch" => Tok::Switch,
            "type" => Tok::Type,
            "var" => Tok::Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        self.keyword_str().is_some()
    }

    pub fn is_literal(self) -> bool {
        matches!(self, Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::String)
    }

    /// The binary operator this token denotes between two operands, if any.
    pub fn binary_op(self) -> Option<BinaryOp> {
        Some(match self {
            Tok::LogOr => BinaryOp::LogOr,
            Tok::LogAnd => BinaryOp::LogAnd,
            Tok::Eql => BinaryOp::Eq,
            Tok::Neq => BinaryOp::Ne,
            Tok::Lss => BinaryOp::Lt,
            Tok::Leq => BinaryOp::Le,
            Tok::Gtr => BinaryOp::Gt,
            Tok::Geq => BinaryOp::Ge,
            Tok::Add => BinaryOp::Add,
            Tok::Sub => BinaryOp::Sub,
            Tok::Or => BinaryOp::Or,
            Tok::Xor => BinaryOp::Xor,
            Tok::Star => BinaryOp::Mul,
            Tok::Div => BinaryOp::Div,
            Tok::Rem => BinaryOp::Rem,
            Tok::Shl => BinaryOp::Shl,
            Tok::Shr => BinaryOp::Shr,
            Tok::And => BinaryOp::And,
            Tok::AndNot => BinaryOp::AndNot,
            _ => return None,
        })
    }

    /// The token as Go's syntax errors name it when it is not a name, literal or `;`
    /// (those need the token's text; see the parser).
    pub fn describe(self) -> String {
        let s = match self {
            Tok::Eof => "EOF",
            Tok::Ident => "name",
            Tok::Int | Tok::Float | Tok::Imag | Tok::Rune | Tok::String => "literal",
            Tok::Add => "+",
            Tok::Sub => "-",
            Tok::Star => "*",
            Tok::Div => "/",
            Tok::Rem => "%",
            Tok::And => "&",
            Tok::Or => "|",
            Tok::Xor => "^",
            Tok::Shl => "<<",
            Tok::Shr => ">>",
            Tok::AndNot => "&^",
            Tok::LogAnd => "&&",
            Tok::LogOr => "||",
            Tok::Arrow => "<-",
            Tok::Inc => "++",
            Tok::Dec => "--",
            Tok::Eql => "==",
            Tok::Lss => "<",
            Tok::Gtr => ">",
            Tok::Assign => "=",
            Tok::Not => "!",
            Tok::Neq => "!=",
            Tok::Leq => "<=",
            Tok::Geq => ">=",
            Tok::Define => ":=",
            Tok::Ellipsis => "...",
            Tok::Tilde => "~",
            Tok::AssignOp(op) => return format!("{}=", op.as_str()),
            Tok::LParen => "(",
            Tok::LBrack => "[",
            Tok::LBrace => "{",
            Tok::Comma => "comma",
            Tok::Dot => ".",
            Tok::RParen => ")",
            Tok::RBrack => "]",
            Tok::RBrace => "}",
            Tok::Semi => "semicolon or newline",
            Tok::Colon => ":",
            kw => return format!("keyword {}", kw.keyword_str().unwrap_or("?")),
        };
        s.to_string()
    }

    /// The keyword as written, for keyword tokens.
    pub fn keyword_str(self) -> Option<&'static str> {
        Some(match self {
            Tok::Break => "break",
            Tok::Case => "case",
            Tok::Chan => "chan",
            Tok::Const => "const",
            Tok::Continue => "continue",
            Tok::Default => "default",
            Tok::Defer => "defer",
            Tok::Else => "else",
            Tok::Fallthrough => "fallthrough",
            Tok::For => "for",
            Tok::Func => "func",
            Tok::Go => "go",
            Tok::Goto => "goto",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::Interface => "interface",
            Tok::Map => "map",
            Tok::Package => "package",
            Tok::Range => "range",
            Tok::Return => "return",
            Tok::Select => "select",
            Tok::Struct => "struct",
            Tok::Switch => "switch",
            Tok::Type => "type",
            Tok::Var => "var",
            _ => return None,
        })
    }
}
