//! Go's spelling of types that have two names here: `byte`/`uint8`, `rune`/`int32`
//! and `any`/`interface{}` are one type id each, but Go's messages keep the name the
//! program used. Messages are written with markers ([`crate::types::SPELL_UINT8`] ...)
//! and respelled at the end, from the names the program wrote.
//!
//! When a program writes both names of one type the canonical one (`uint8`, `int32`)
//! is used; when it writes neither, the implicit sources decide as in Go (string
//! indexing gives `byte`, rune literals and ranging over strings give `rune`).

use crate::types::{SPELL_ANY, SPELL_ANY_DESC, SPELL_INT32, SPELL_UINT8};

/// Which spellings the program wrote.
#[derive(Clone, Copy, Default)]
pub(crate) struct Spelled {
    pub byte: bool,
    pub uint8: bool,
    pub rune: bool,
    pub int32: bool,
    pub any: bool,
    pub empty_interface: bool,
}

impl Spelled {
    /// Notes a use of a universe type name.
    pub fn saw(&mut self, name: &str) {
        match name {
            "byte" => self.byte = true,
            "uint8" => self.uint8 = true,
            "rune" => self.rune = true,
            "int32" => self.int32 = true,
            "any" => self.any = true,
            _ => {}
        }
    }

    /// `msg` with its markers replaced.
    pub fn respell(&self, msg: &str) -> String {
        if !msg.contains('\u{1}') {
            return msg.to_string();
        }
        let uint8 = if self.uint8 { "uint8" } else { "byte" };
        let int32 = if self.int32 { "int32" } else { "rune" };
        let any_written = self.any || !self.empty_interface;
        msg.replace(SPELL_UINT8, uint8)
            .replace(SPELL_INT32, int32)
            .replace(SPELL_ANY, if any_written { "any" } else { "interface{}" })
            .replace(SPELL_ANY_DESC, if any_written { "interface " } else { "" })
    }
}
