//! The disassembler: stable text for golden tests and `goroscope disasm`.
//!
//! Format: one block per function, one line per instruction:
//! `  0004  12:5  AddInt { dst: r2, a: r0, b: r1 }` followed, where an operand names
//! something in a table, by `  ; <what it names>`.

use std::fmt::{self, Write};

use super::instr::{Callee, Instr};
use super::{Const, Program, SelectOp};

/// The whole program as text.
pub fn disassemble(program: &Program) -> String {
    program.to_string()
}

impl fmt::Display for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, g) in self.globals.iter().enumerate() {
            writeln!(f, "global g{i} {} : {}", g.name, self.type_name(g.ty.0))?;
        }
        let inits: Vec<String> = self.inits.iter().map(|id| self.func_name(id.0)).collect();
        writeln!(f, "inits [{}]", inits.join(", "))?;
        writeln!(f, "main {}", self.func_name(self.main.0))?;
        for (i, func) in self.funcs.iter().enumerate() {
            writeln!(f)?;
            writeln!(
                f,
                "func f{i} {} (params {}, results {}, regs {}, captures {}){}",
                func.name,
                func.nparams,
                func.nresults,
                func.nregs,
                func.ncaptures,
                match func.recover_pc {
                    Some(pc) => format!(" recover_pc {pc:04}"),
                    None => String::new(),
                }
            )?;
            for (pc, instr) in func.code.iter().enumerate() {
                let pos = func.lines.get(pc).copied().unwrap_or_default();
                let mut line = format!("  {pc:04}  {}:{}  {instr:?}", pos.line, pos.col);
                if let Some(note) = self.note(instr) {
                    let _ = write!(line, "  ; {note}");
                }
                writeln!(f, "{line}")?;
            }
            for (t, table) in func.select_tables.iter().enumerate() {
                write!(f, "  select {t}:")?;
                for case in &table.cases {
                    match case.op {
                        SelectOp::Send { ch, val } => write!(f, " [send {ch:?} <- {val:?}")?,
                        SelectOp::Recv { ch, val, ok } => {
                            write!(f, " [recv {ch:?} -> {val:?}, {ok:?}")?
                        }
                    }
                    write!(f, " => {:04}]", case.target)?;
                }
                if let Some(d) = table.default {
                    write!(f, " [default => {d:04}]")?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

impl Program {
    fn func_name(&self, i: u32) -> String {
        self.funcs
            .get(i as usize)
            .map_or_else(|| format!("<bad func {i}>"), |f| f.name.clone())
    }

    fn type_name(&self, i: u32) -> String {
        self.types
            .get(i as usize)
            .map_or_else(|| format!("<bad type {i}>"), |t| t.name.clone())
    }

    fn callee_name(&self, c: Callee) -> String {
        match c {
            Callee::Func(id) => self.func_name(id.0),
            Callee::Native(id) => self.native_name(id.0),
        }
    }

    fn native_name(&self, i: u32) -> String {
        self.natives
            .get(i as usize)
            .map_or_else(|| format!("<bad native {i}>"), |n| n.clone())
    }

    fn symbol_name(&self, i: u32) -> String {
        self.symbols
            .get(i as usize)
            .map_or_else(|| format!("<bad symbol {i}>"), |n| n.clone())
    }

    /// A comment naming what an instruction's table operand refers to.
    fn note(&self, instr: &Instr) -> Option<String> {
        Some(match *instr {
            Instr::LoadConst { k, .. } => match self.consts.get(k.0 as usize) {
                Some(Const::Int(v)) => v.to_string(),
                Some(Const::Float(v)) => format!("{v:?}"),
                Some(Const::Str(s)) => format!("{:?}", String::from_utf8_lossy(s)),
                None => format!("<bad const {}>", k.0),
            },
            Instr::Call { func, .. } | Instr::MakeClosure { func, .. } => self.func_name(func.0),
            Instr::CallNative { native, .. } => self.native_name(native.0),
            Instr::MakeFunc { callee, .. } | Instr::BindMethod { callee, .. } => {
                self.callee_name(callee)
            }
            Instr::CallIface { method, .. } | Instr::BindIfaceMethod { method, .. } => {
                self.symbol_name(method.0)
            }
            Instr::Zero { ty, .. }
            | Instr::New { ty, .. }
            | Instr::MakeSlice { ty, .. }
            | Instr::Append { ty, .. }
            | Instr::AppendSlice { ty, .. }
            | Instr::MakeIface { ty, .. }
            | Instr::TypeAssertOk { ty, .. }
            | Instr::MakeMap { ty, .. }
            | Instr::MapGet { ty, .. }
            | Instr::MapGetOk { ty, .. }
            | Instr::Clear { ty, .. }
            | Instr::MakeChan { ty, .. } => self.type_name(ty.0),
            Instr::TypeAssert { ty, src_ty, .. } => {
                format!("{} from {}", self.type_name(ty.0), self.type_name(src_ty.0))
            }
            Instr::LoadGlobal { g, .. }
            | Instr::StoreGlobal { g, .. }
            | Instr::AddrGlobal { g, .. } => self
                .globals
                .get(g.0 as usize)
                .map_or_else(|| format!("<bad global {}>", g.0), |g| g.name.clone()),
            _ => return None,
        })
    }
}
