//! Structural validation of a [`Program`]: every register a function names is inside its
//! frame, every jump lands inside its code, every table index exists, and the line table
//! covers the code. The machine validates a program once when loading it, so its
//! interpreter loop can trust the operands (and never panics on a malformed program).

use std::fmt;

use super::instr::{Callee, Instr, Reg};
use super::{FuncProto, Program, SelectOp};

/// Why a program is malformed: the function, the pc (if an instruction is at fault) and
/// what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidateError {
    pub func: String,
    pub pc: Option<u32>,
    pub message: String,
}

impl fmt::Display for ValidateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pc {
            Some(pc) => write!(f, "{} at pc {pc}: {}", self.func, self.message),
            None => write!(f, "{}: {}", self.func, self.message),
        }
    }
}

/// Checks `program`; see the module doc for what is checked.
pub fn validate(program: &Program) -> Result<(), ValidateError> {
    let top = |message: String| ValidateError {
        func: "<program>".into(),
        pc: None,
        message,
    };
    if program.main.0 as usize >= program.funcs.len() {
        return Err(top(format!("main f{} does not exist", program.main.0)));
    }
    if let Some(bad) = program
        .inits
        .iter()
        .find(|f| f.0 as usize >= program.funcs.len())
    {
        return Err(top(format!("init f{} does not exist", bad.0)));
    }
    for t in &program.types {
        for m in &t.methods {
            check_callee(program, m.callee).map_err(top)?;
            if m.name.0 as usize >= program.symbols.len() {
                return Err(top(format!("type {} names a missing symbol", t.name)));
            }
        }
    }
    for func in &program.funcs {
        validate_func(program, func)?;
    }
    Ok(())
}

fn validate_func(program: &Program, func: &FuncProto) -> Result<(), ValidateError> {
    let err = |pc: Option<usize>, message: String| ValidateError {
        func: func.name.clone(),
        pc: pc.map(|p| p as u32),
        message,
    };
    if func.lines.len() != func.code.len() {
        return Err(err(
            None,
            "line table length differs from code length".into(),
        ));
    }
    if func.nregs < func.nparams || func.nregs < func.nresults {
        return Err(err(
            None,
            "nregs is smaller than the parameters or results".into(),
        ));
    }
    let has_defer = func.code.iter().any(|i| matches!(i, Instr::Defer { .. }));
    match func.recover_pc {
        Some(pc) if pc as usize >= func.code.len() => {
            return Err(err(None, format!("recover_pc {pc} is outside the code")));
        }
        None if has_defer => return Err(err(None, "defers without a recover_pc".into())),
        _ => {}
    }
    let ncode = func.code.len();
    for (pc, instr) in func.code.iter().enumerate() {
        let mut bad_reg = None;
        for_each_reg(instr, func, &mut |r, width| {
            if r.0 as usize + width > func.nregs as usize {
                bad_reg = Some(r);
            }
        });
        if let Some(r) = bad_reg {
            return Err(err(
                Some(pc),
                format!("register {r:?} outside the frame of {}", func.nregs),
            ));
        }
        if let Some(t) = instr.target()
            && t as usize >= ncode
        {
            return Err(err(Some(pc), format!("jump target {t} outside the code")));
        }
        check_operands(program, func, instr).map_err(|m| err(Some(pc), m))?;
        if let Some(pair) = super::fuse::unfused(instr)
            && func.code.get(pc + 1) != Some(&pair.1)
        {
            return Err(err(
                Some(pc),
                "a superinstruction not followed by the jump it fuses".into(),
            ));
        }
    }
    Ok(())
}

fn check_callee(program: &Program, c: Callee) -> Result<(), String> {
    match c {
        Callee::Func(f) if f.0 as usize >= program.funcs.len() => {
            Err(format!("function f{} does not exist", f.0))
        }
        Callee::Native(n) if n.0 as usize >= program.natives.len() => {
            Err(format!("native n{} does not exist", n.0))
        }
        _ => Ok(()),
    }
}

/// Checks the table indices an instruction carries.
fn check_operands(program: &Program, func: &FuncProto, instr: &Instr) -> Result<(), String> {
    let ty_ok = |t: super::TypeId| {
        if (t.0 as usize) < program.types.len() {
            Ok(())
        } else {
            Err(format!("type t{} does not exist", t.0))
        }
    };
    match *instr {
        Instr::LoadConst { k, .. } if k.0 as usize >= program.consts.len() => {
            Err(format!("constant k{} does not exist", k.0))
        }
        Instr::LoadGlobal { g, .. }
        | Instr::StoreGlobal { g, .. }
        | Instr::AddrGlobal { g, .. }
            if g.0 as usize >= program.globals.len() =>
        {
            Err(format!("global g{} does not exist", g.0))
        }
        Instr::Call { func: f, .. } | Instr::MakeClosure { func: f, .. } => {
            check_callee(program, Callee::Func(f))
        }
        Instr::CallNative { native, .. } => check_callee(program, Callee::Native(native)),
        Instr::MakeFunc { callee, .. } | Instr::BindMethod { callee, .. } => {
            check_callee(program, callee)
        }
        Instr::CallIface { method, .. } | Instr::BindIfaceMethod { method, .. }
            if method.0 as usize >= program.symbols.len() =>
        {
            Err(format!("symbol m{} does not exist", method.0))
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
        | Instr::MakeChan { ty, .. } => ty_ok(ty),
        Instr::TypeAssert { ty, src_ty, .. } => ty_ok(ty).and(ty_ok(src_ty)),
        Instr::Select { table } => {
            let Some(t) = func.select_tables.get(table as usize) else {
                return Err(format!("select table {table} does not exist"));
            };
            let targets = t.cases.iter().map(|c| c.target).chain(t.default);
            match targets
                .into_iter()
                .find(|&pc| pc as usize >= func.code.len())
            {
                Some(pc) => Err(format!("select target {pc} outside the code")),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

/// Calls `f(reg, width)` for every register range an instruction reads or writes
/// (`width` consecutive registers starting at `reg`). Call bases are checked for their
/// argument registers only: the callee's window may extend past this frame.
pub(crate) fn for_each_reg(instr: &Instr, func: &FuncProto, f: &mut impl FnMut(Reg, usize)) {
    use Instr::*;
    match *instr {
        Move { dst, src } | Not { dst, src } | IsNil { dst, src } | NewCell { dst, src } => {
            f(dst, 1);
            f(src, 1)
        }
        LoadInt { dst, .. }
        | LoadBool { dst, .. }
        | LoadConst { dst, .. }
        | LoadNil { dst }
        | Zero { dst, .. }
        | LoadGlobal { dst, .. }
        | AddrGlobal { dst, .. }
        | MakeFunc { dst, .. }
        | LoadCapture { dst, .. }
        | GetUpval { dst, .. }
        | New { dst, .. }
        | Recover { dst } => f(dst, 1),
        StoreGlobal { src, .. } | SetUpval { src, .. } | Panic { src } => f(src, 1),
        AddInt { dst, a, b }
        | SubInt { dst, a, b }
        | MulInt { dst, a, b }
        | DivInt { dst, a, b }
        | RemInt { dst, a, b }
        | DivUint { dst, a, b }
        | RemUint { dst, a, b }
        | AndInt { dst, a, b }
        | OrInt { dst, a, b }
        | XorInt { dst, a, b }
        | AndNotInt { dst, a, b }
        | Shl { dst, a, b }
        | ShrInt { dst, a, b }
        | ShrUint { dst, a, b }
        | AddFloat { dst, a, b }
        | SubFloat { dst, a, b }
        | MulFloat { dst, a, b }
        | DivFloat { dst, a, b }
        | EqInt { dst, a, b }
        | NeInt { dst, a, b }
        | LtInt { dst, a, b }
        | LeInt { dst, a, b }
        | LtUint { dst, a, b }
        | LeUint { dst, a, b }
        | EqFloat { dst, a, b }
        | LtFloat { dst, a, b }
        | LeFloat { dst, a, b }
        | EqStr { dst, a, b }
        | LtStr { dst, a, b }
        | LeStr { dst, a, b }
        | Eq { dst, a, b }
        | Ne { dst, a, b }
        | Min { dst, a, b, .. }
        | Max { dst, a, b, .. }
        | ConcatStr { dst, a, b } => {
            f(dst, 1);
            f(a, 1);
            f(b, 1)
        }
        AddIntImm { dst, a, .. }
        | MulIntImm { dst, a, .. }
        | AndIntImm { dst, a, .. }
        | NegInt { dst, a }
        | ComplInt { dst, a }
        | NegFloat { dst, a } => {
            f(dst, 1);
            f(a, 1)
        }
        Wrap { dst, src, .. }
        | IntToFloat { dst, src }
        | UintToFloat { dst, src }
        | FloatToInt { dst, src, .. }
        | RuneToStr { dst, src }
        | BytesToStr { dst, src }
        | StrToBytes { dst, src }
        | RunesToStr { dst, src }
        | StrToRunes { dst, src }
        | MakeIface { dst, src, .. }
        | TypeAssert { dst, src, .. }
        | GetField { dst, src, .. }
        | Len { dst, src }
        | Cap { dst, src } => {
            f(dst, 1);
            f(src, 1)
        }
        SetField { dst, src, .. } => {
            f(dst, 1);
            f(src, 1)
        }
        Jump { .. } | RunDefers | Select { .. } => {}
        JumpIfTrue { cond, .. } | JumpIfFalse { cond, .. } => f(cond, 1),
        JumpIfLtIntImm { a, .. }
        | JumpIfLeIntImm { a, .. }
        | JumpIfGtIntImm { a, .. }
        | JumpIfGeIntImm { a, .. }
        | JumpIfEqIntImm { a, .. }
        | JumpIfNeIntImm { a, .. }
        | AddImmJumpIfLtImm { a, .. } => f(a, 1),
        JumpIfLtInt { a, b, .. }
        | AddImmJumpIfLt { a, b, .. }
        | JumpIfLeInt { a, b, .. }
        | JumpIfEqInt { a, b, .. }
        | JumpIfNeInt { a, b, .. } => {
            f(a, 1);
            f(b, 1)
        }
        Call { base, .. } => f(base, 1),
        CallClosure { f: fr, base, nargs }
        | Go { f: fr, base, nargs }
        | Defer { f: fr, base, nargs } => {
            f(fr, 1);
            f(base, nargs as usize)
        }
        CallNative { base, nargs, .. } => f(base, nargs as usize),
        CallIface { base, nargs, .. } => f(base, nargs as usize + 1),
        Return { src, n } => f(src, n as usize),
        MakeClosure { dst, base, n, .. } => {
            f(dst, 1);
            f(base, n as usize)
        }
        BindMethod { dst, recv, .. } | BindIfaceMethod { dst, recv, .. } => {
            f(dst, 1);
            f(recv, 1)
        }
        Load { dst, ptr } => {
            f(dst, 1);
            f(ptr, 1)
        }
        Store { ptr, src } => {
            f(ptr, 1);
            f(src, 1)
        }
        LoadField { dst, ptr, .. } | AddrField { dst, ptr, .. } => {
            f(dst, 1);
            f(ptr, 1)
        }
        StoreField { ptr, src, .. } => {
            f(ptr, 1);
            f(src, 1)
        }
        AddrIndex { dst, slice: a, idx }
        | AddrArrayIndex { dst, ptr: a, idx }
        | IndexArray { dst, arr: a, idx }
        | IndexSlice { dst, slice: a, idx }
        | IndexStr { dst, s: a, idx } => {
            f(dst, 1);
            f(a, 1);
            f(idx, 1)
        }
        SetIndexArray { arr: a, idx, src } | SetIndexSlice { slice: a, idx, src } => {
            f(a, 1);
            f(idx, 1);
            f(src, 1)
        }
        MakeAgg { dst, base, n } | MakeSliceFrom { dst, base, n } => {
            f(dst, 1);
            f(base, n as usize)
        }
        MakeSlice { dst, len, cap, .. } => {
            f(dst, 1);
            f(len, 1);
            f(cap, 1)
        }
        Slice { dst, src, lo, hi } => {
            f(dst, 1);
            f(src, 1);
            f(lo, 1);
            f(hi, 1)
        }
        Slice3 {
            dst,
            src,
            lo,
            hi,
            max,
        } => {
            f(dst, 1);
            f(src, 1);
            f(lo, 1);
            f(hi, 1);
            f(max, 1)
        }
        SliceArray { dst, ptr, lo, hi } => {
            f(dst, 1);
            f(ptr, 1);
            f(lo, 1);
            f(hi, 1)
        }
        Append {
            dst,
            slice,
            base,
            n,
            ..
        } => {
            f(dst, 1);
            f(slice, 1);
            f(base, n as usize)
        }
        AppendSlice {
            dst, slice, other, ..
        } => {
            f(dst, 1);
            f(slice, 1);
            f(other, 1)
        }
        Copy { dst, to, from } => {
            f(dst, 1);
            f(to, 1);
            f(from, 1)
        }
        DecodeRune {
            rune,
            width,
            s,
            idx,
        } => {
            f(rune, 1);
            f(width, 1);
            f(s, 1);
            f(idx, 1)
        }
        TypeAssertOk { dst, ok, src, .. } | RecvOk { dst, ok, ch: src } => {
            f(dst, 1);
            f(ok, 1);
            f(src, 1)
        }
        MakeMap { dst, hint: src, .. } | MakeChan { dst, cap: src, .. } => {
            f(dst, 1);
            f(src, 1)
        }
        MapGet { dst, map, key, .. } => {
            f(dst, 1);
            f(map, 1);
            f(key, 1)
        }
        MapGetOk { dst, map, key, .. } => {
            f(dst, 2);
            f(map, 1);
            f(key, 1)
        }
        MapSet { map, key, src } => {
            f(map, 1);
            f(key, 1);
            f(src, 1)
        }
        MapDelete { map, key } => {
            f(map, 1);
            f(key, 1)
        }
        Clear { src, .. } | Close { ch: src } => f(src, 1),
        MapIter { dst, map } => {
            f(dst, 1);
            f(map, 1)
        }
        MapIterNext { iter, key, val, .. } => {
            f(iter, 1);
            f(key, 1);
            f(val, 1)
        }
        Send { ch, src } => {
            f(ch, 1);
            f(src, 1)
        }
        Recv { dst, ch } => {
            f(dst, 1);
            f(ch, 1)
        }
        Print { base, n } | Println { base, n } => f(base, n as usize),
    }
    if let Select { table } = *instr
        && let Some(t) = func.select_tables.get(table as usize)
    {
        for case in &t.cases {
            match case.op {
                SelectOp::Send { ch, val } => {
                    f(ch, 1);
                    f(val, 1)
                }
                SelectOp::Recv { ch, val, ok } => {
                    f(ch, 1);
                    val.into_iter().chain(ok).for_each(|r| f(r, 1))
                }
            }
        }
    }
}
