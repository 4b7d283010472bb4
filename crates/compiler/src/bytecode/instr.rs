//! The instruction set: one `Instr` per operation, each with a one-line semantics comment in
//! the style of Lua's `lopcodes.h`. `r[x]` is register `x` of the current frame; `pc` is the
//! index of the next instruction; jump targets are absolute instruction indices in the same
//! function. "Panics" means a Go run-time panic (recoverable), with Go's message.
//!
//! Invariant: `size_of::<Instr>() <= 16` (checked below), so the interpreter's code array
//! stays dense; anything longer (select case lists) lives in a side table of the
//! [`FuncProto`](super::FuncProto).

use std::fmt;

/// A register of the current frame (frame-relative; see the frame layout in the module doc).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Reg(pub u16);

/// Index into [`Program::funcs`](super::Program::funcs).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FuncId(pub u32);

/// Index into [`Program::natives`](super::Program::natives).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NativeId(pub u32);

/// Index into [`Program::consts`](super::Program::consts).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ConstId(pub u32);

/// Index into [`Program::types`](super::Program::types).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TypeId(pub u32);

/// Index into [`Program::globals`](super::Program::globals).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct GlobalId(pub u32);

/// Index into [`Program::symbols`](super::Program::symbols): a method name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SymId(pub u32);

macro_rules! id_debug {
    ($($t:ident $prefix:literal),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    )*};
}
id_debug!(Reg "r", FuncId "f", NativeId "n", ConstId "k", TypeId "t", GlobalId "g", SymId "m");

/// What a call, closure or method value targets: a bytecode function or a native.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callee {
    Func(FuncId),
    Native(NativeId),
}

/// The Go integer kinds. A register holding an integer always holds it normalised to its
/// kind: signed kinds sign-extended to 64 bits, unsigned kinds zero-extended (`uint64` is
/// stored as its two's-complement bit pattern). `int`, `int64` = `I64`; `uint`, `uint64`,
/// `uintptr` = `U64`; `rune` = `I32`; `byte` = `U8`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntKind {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
}

impl IntKind {
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            IntKind::I8 | IntKind::I16 | IntKind::I32 | IntKind::I64
        )
    }

    pub fn bits(self) -> u32 {
        match self {
            IntKind::I8 | IntKind::U8 => 8,
            IntKind::I16 | IntKind::U16 => 16,
            IntKind::I32 | IntKind::U32 => 32,
            IntKind::I64 | IntKind::U64 => 64,
        }
    }

    /// Truncates `v` to this kind's width and re-extends it (Go's conversion and
    /// wrap-around on overflow).
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::I8 => v as i8 as i64,
            IntKind::I16 => v as i16 as i64,
            IntKind::I32 => v as i32 as i64,
            IntKind::I64 | IntKind::U64 => v,
            IntKind::U8 => v as u8 as i64,
            IntKind::U16 => v as u16 as i64,
            IntKind::U32 => v as u32 as i64,
        }
    }
}

/// How `min`/`max` compare their operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpKind {
    Int,
    Uint,
    Float,
    Str,
}

/// The instruction set. Operands named `dst` are written, all others read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    // ---- moves and constants ----
    /// r[dst] := r[src]
    Move { dst: Reg, src: Reg },
    /// r[dst] := imm (an int of any kind whose value fits in i32)
    LoadInt { dst: Reg, imm: i32 },
    /// r[dst] := v
    LoadBool { dst: Reg, v: bool },
    /// r[dst] := consts[k] (int, float or string)
    LoadConst { dst: Reg, k: ConstId },
    /// r[dst] := nil (nil pointer, slice, map, chan, func or interface)
    LoadNil { dst: Reg },
    /// r[dst] := the zero value of type ty (structs and arrays get zeroed fields/elements)
    Zero { dst: Reg, ty: TypeId },
    /// r[dst] := globals[g]
    LoadGlobal { dst: Reg, g: GlobalId },
    /// globals[g] := r[src]
    StoreGlobal { g: GlobalId, src: Reg },
    /// r[dst] := &globals[g]
    AddrGlobal { dst: Reg, g: GlobalId },

    // ---- integer arithmetic (64-bit wrapping; follow with Wrap for narrower kinds) ----
    /// r[dst] := r[a] + r[b]
    AddInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] + imm (also `a - c` as imm = -c)
    AddIntImm { dst: Reg, a: Reg, imm: i32 },
    /// r[dst] := r[a] * imm
    MulIntImm { dst: Reg, a: Reg, imm: i32 },
    /// r[dst] := r[a] & imm
    AndIntImm { dst: Reg, a: Reg, imm: i32 },
    /// r[dst] := r[a] - r[b]
    SubInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] * r[b]
    MulInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] / r[b] signed, truncated; panics "integer divide by zero" when r[b] == 0
    DivInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] % r[b] signed (sign of dividend); panics on zero divisor
    RemInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] / r[b] as u64; panics on zero divisor
    DivUint { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] % r[b] as u64; panics on zero divisor
    RemUint { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] & r[b]
    AndInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] | r[b]
    OrInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] ^ r[b]
    XorInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] &^ r[b]
    AndNotInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] << r[b] (count >= 64 gives 0; a negative count panics "negative shift amount")
    Shl { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] >> r[b] arithmetic (>= 64 gives 0 or -1); negative count panics
    ShrInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] >> r[b] logical on the u64 bit pattern (>= 64 gives 0); negative count panics
    ShrUint { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := -r[a] (wrapping)
    NegInt { dst: Reg, a: Reg },
    /// r[dst] := ^r[a] (bitwise complement)
    ComplInt { dst: Reg, a: Reg },
    /// r[dst] := kind.wrap(r[src]): int conversions and wrap-around after arithmetic on narrow kinds
    Wrap { dst: Reg, src: Reg, kind: IntKind },

    // ---- float64 arithmetic ----
    /// r[dst] := r[a] + r[b]
    AddFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] - r[b]
    SubFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] * r[b]
    MulFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] / r[b] (IEEE: division by zero gives ±Inf/NaN, no panic)
    DivFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := -r[a]
    NegFloat { dst: Reg, a: Reg },

    // ---- comparisons (Gt/Ge: swap the operands; never negate a float comparison) ----
    /// r[dst] := r[a] == r[b] (integers of any kind, bools)
    EqInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] != r[b] (integers of any kind, bools)
    NeInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] < r[b] signed
    LtInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] <= r[b] signed
    LeInt { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] < r[b] unsigned
    LtUint { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] <= r[b] unsigned
    LeUint { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] == r[b] (IEEE)
    EqFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] < r[b] (IEEE)
    LtFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] <= r[b] (IEEE)
    LeFloat { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] == r[b] bytewise
    EqStr { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] < r[b] bytewise
    LtStr { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] <= r[b] bytewise
    LeStr { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] == r[b] by Go's == for any comparable type (structs, arrays, pointers, chans, interfaces, nil); panics "comparing uncomparable type T" for interfaces holding one
    Eq { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[a] != r[b], as Eq
    Ne { dst: Reg, a: Reg, b: Reg },
    /// r[dst] := r[src] == nil (pointer, slice, map, chan, func, interface)
    IsNil { dst: Reg, src: Reg },
    /// r[dst] := !r[src]
    Not { dst: Reg, src: Reg },
    /// r[dst] := min(r[a], r[b]) (floats: NaN wins, min(-0, +0) = -0)
    Min {
        dst: Reg,
        a: Reg,
        b: Reg,
        kind: CmpKind,
    },
    /// r[dst] := max(r[a], r[b])
    Max {
        dst: Reg,
        a: Reg,
        b: Reg,
        kind: CmpKind,
    },

    // ---- control flow ----
    /// pc := target
    Jump { target: u32 },
    /// if r[cond] { pc := target }
    JumpIfTrue { cond: Reg, target: u32 },
    /// if !r[cond] { pc := target }
    JumpIfFalse { cond: Reg, target: u32 },
    /// if r[a] < r[b] (signed ints) { pc := target }
    JumpIfLtInt { a: Reg, b: Reg, target: u32 },
    /// if r[a] <= r[b] (signed ints) { pc := target }
    JumpIfLeInt { a: Reg, b: Reg, target: u32 },
    /// if r[a] == r[b] (ints) { pc := target }
    JumpIfEqInt { a: Reg, b: Reg, target: u32 },
    /// if r[a] != r[b] (ints) { pc := target }
    JumpIfNeInt { a: Reg, b: Reg, target: u32 },
    /// if r[a] < imm (signed ints) { pc := target }
    JumpIfLtIntImm { a: Reg, imm: i32, target: u32 },
    /// if r[a] <= imm (signed ints) { pc := target }
    JumpIfLeIntImm { a: Reg, imm: i32, target: u32 },
    /// if r[a] > imm (signed ints) { pc := target }
    JumpIfGtIntImm { a: Reg, imm: i32, target: u32 },
    /// if r[a] >= imm (signed ints) { pc := target }
    JumpIfGeIntImm { a: Reg, imm: i32, target: u32 },
    /// if r[a] == imm (ints; the register holds the kind-normalised value) { pc := target }
    JumpIfEqIntImm { a: Reg, imm: i32, target: u32 },
    /// if r[a] != imm (ints) { pc := target }
    JumpIfNeIntImm { a: Reg, imm: i32, target: u32 },

    // ---- superinstructions (made by `fuse` at load time, never by the compiler) ----
    /// r[a] := r[a] + step; if r[a] < limit { pc := target } else { pc := pc + 2 }: a
    /// loop's `i += step` fused with its `i < limit` test, which stays at pc+1 (a jump
    /// may land there, and an instruction budget that ends between the two runs the add
    /// alone). Counts as two instructions.
    AddImmJumpIfLtImm {
        a: Reg,
        step: i32,
        limit: i32,
        target: u32,
    },
    /// r[a] := r[a] + step; if r[a] < r[b] { pc := target } else { pc := pc + 2 }: as
    /// `AddImmJumpIfLtImm` with the bound in a register (`JumpIfLtInt` at pc+1).
    AddImmJumpIfLt {
        a: Reg,
        b: Reg,
        step: i32,
        target: u32,
    },

    // ---- calls (see "Calling convention" in the module doc) ----
    /// call funcs[func] with its frame based at r[base]; results land in r[base..]
    Call { func: FuncId, base: Reg },
    /// call the func value r[f] (closure, bound method or native) with args at r[base..]; panics on nil
    CallClosure { f: Reg, base: Reg, nargs: u16 },
    /// call natives[native] with args r[base..base+nargs]; results land in r[base..]
    CallNative {
        native: NativeId,
        base: Reg,
        nargs: u16,
    },
    /// r[base] is an interface: look up method sym in its dynamic type's method table and call it with the dynamic value as receiver; panics on a nil interface
    CallIface {
        method: SymId,
        base: Reg,
        nargs: u16,
    },
    /// return r[src..src+n] to the caller (copied to r[0..n] of this frame, i.e. the caller's r[base..])
    Return { src: Reg, n: u16 },
    /// r[dst] := func value for callee (no captures; method expressions, `go`/`defer` of static calls, natives as values)
    MakeFunc { dst: Reg, callee: Callee },
    /// r[dst] := closure of funcs[func] capturing r[base..base+n] (each normally a pointer to a boxed variable)
    MakeClosure {
        dst: Reg,
        func: FuncId,
        base: Reg,
        n: u16,
    },
    /// r[dst] := method value: callee with receiver r[recv] bound as its first argument
    BindMethod { dst: Reg, recv: Reg, callee: Callee },
    /// r[dst] := method value of the interface r[recv]'s dynamic method sym (receiver bound); panics on nil
    BindIfaceMethod { dst: Reg, recv: Reg, method: SymId },
    /// r[dst] := captures[idx] (the raw captured value, normally a pointer to a cell)
    LoadCapture { dst: Reg, idx: u16 },
    /// r[dst] := *captures[idx] (read a captured variable)
    GetUpval { dst: Reg, idx: u16 },
    /// *captures[idx] := r[src] (write a captured variable)
    SetUpval { idx: u16, src: Reg },

    // ---- goroutines, defer, panic ----
    /// start a goroutine calling func value r[f] with a copy of r[base..base+nargs]
    Go { f: Reg, base: Reg, nargs: u16 },
    /// push (r[f], copy of r[base..base+nargs]) on this frame's defer list; r[f] may be nil (panics when run)
    Defer { f: Reg, base: Reg, nargs: u16 },
    /// pop and call this frame's deferred calls, last in first out; then continue at pc+1
    RunDefers,
    /// panic(r[src]) where r[src] is an interface value (`panic(nil)` panics with *runtime.PanicNilError)
    Panic { src: Reg },
    /// r[dst] := recover() (an interface; nil unless called directly by a deferred call of a panicking goroutine)
    Recover { dst: Reg },

    // ---- pointers and boxed variables ----
    /// r[dst] := pointer to a fresh cell holding r[src] (boxes a variable that is captured or whose address is taken)
    NewCell { dst: Reg, src: Reg },
    /// r[dst] := new(T): pointer to a fresh cell holding the zero value of ty
    New { dst: Reg, ty: TypeId },
    /// r[dst] := *r[ptr]; panics on nil
    Load { dst: Reg, ptr: Reg },
    /// *r[ptr] := r[src]; panics on nil
    Store { ptr: Reg, src: Reg },
    /// r[dst] := (*r[ptr]).field; panics on nil
    LoadField { dst: Reg, ptr: Reg, field: u16 },
    /// (*r[ptr]).field := r[src]; panics on nil
    StoreField { ptr: Reg, field: u16, src: Reg },
    /// r[dst] := &(*r[ptr]).field; panics on nil
    AddrField { dst: Reg, ptr: Reg, field: u16 },
    /// r[dst] := &r[slice][r[idx]]; panics when out of range
    AddrIndex { dst: Reg, slice: Reg, idx: Reg },
    /// r[dst] := &(*r[ptr])[r[idx]] for a pointer to an array; panics on nil or out of range
    AddrArrayIndex { dst: Reg, ptr: Reg, idx: Reg },

    // ---- struct and array values held in registers (value semantics) ----
    /// r[dst] := struct or array value from r[base..base+n] (fields/elements in order)
    MakeAgg { dst: Reg, base: Reg, n: u16 },
    /// r[dst] := r[src].field (also array element with a constant index)
    GetField { dst: Reg, src: Reg, field: u16 },
    /// r[dst].field := r[src] (updates the value in register dst only)
    SetField { dst: Reg, field: u16, src: Reg },
    /// r[dst] := r[arr][r[idx]] for an array value; panics when out of range
    IndexArray { dst: Reg, arr: Reg, idx: Reg },
    /// r[arr][r[idx]] := r[src] for an array value in a register; panics when out of range
    SetIndexArray { arr: Reg, idx: Reg, src: Reg },

    // ---- slices and strings ----
    /// r[dst] := make(T, r[len], r[cap]) for slice type ty (pass the len register twice when cap is absent); panics "makeslice: len out of range" / "cap out of range"
    MakeSlice {
        dst: Reg,
        ty: TypeId,
        len: Reg,
        cap: Reg,
    },
    /// r[dst] := non-nil slice with elements r[base..base+n] (slice literals, variadic packing)
    MakeSliceFrom { dst: Reg, base: Reg, n: u16 },
    /// r[dst] := r[slice][r[idx]]; panics "index out of range [i] with length n" (nil slice: length 0)
    IndexSlice { dst: Reg, slice: Reg, idx: Reg },
    /// r[slice][r[idx]] := r[src] (writes the shared backing array); panics when out of range
    SetIndexSlice { slice: Reg, idx: Reg, src: Reg },
    /// r[dst] := byte r[s][r[idx]] as an int; panics when out of range
    IndexStr { dst: Reg, s: Reg, idx: Reg },
    /// r[dst] := r[src][r[lo]:r[hi]] for a slice or string; panics "slice bounds out of range [:h] with capacity c" etc.
    Slice {
        dst: Reg,
        src: Reg,
        lo: Reg,
        hi: Reg,
    },
    /// r[dst] := r[src][r[lo]:r[hi]:r[max]] for a slice
    Slice3 {
        dst: Reg,
        src: Reg,
        lo: Reg,
        hi: Reg,
        max: Reg,
    },
    /// r[dst] := (*r[ptr])[r[lo]:r[hi]] for a pointer to an array; the slice shares the array's storage
    SliceArray {
        dst: Reg,
        ptr: Reg,
        lo: Reg,
        hi: Reg,
    },
    /// r[dst] := append(r[slice], r[base..base+n]...) for slice type ty
    Append {
        dst: Reg,
        slice: Reg,
        base: Reg,
        n: u16,
        ty: TypeId,
    },
    /// r[dst] := append(r[slice], r[other]...) for slice type ty; r[other] may be a string when appending to []byte
    AppendSlice {
        dst: Reg,
        slice: Reg,
        other: Reg,
        ty: TypeId,
    },
    /// r[dst] := copy(r[to], r[from]) (r[from] may be a string); overlapping ranges behave like memmove
    Copy { dst: Reg, to: Reg, from: Reg },
    /// r[dst] := len(r[src]) for string, slice, array, map, chan (nil: 0)
    Len { dst: Reg, src: Reg },
    /// r[dst] := cap(r[src]) for slice, array, chan (nil: 0)
    Cap { dst: Reg, src: Reg },
    /// r[dst] := r[a] + r[b] (string concatenation)
    ConcatStr { dst: Reg, a: Reg, b: Reg },
    /// r[rune], r[width] := utf8.DecodeRuneInString(r[s][r[idx]:]) (invalid: U+FFFD, 1); for `range` over a string
    DecodeRune {
        rune: Reg,
        width: Reg,
        s: Reg,
        idx: Reg,
    },

    // ---- conversions ----
    /// r[dst] := float64(r[src]) from a signed int
    IntToFloat { dst: Reg, src: Reg },
    /// r[dst] := float64(r[src]) from an unsigned int
    UintToFloat { dst: Reg, src: Reg },
    /// r[dst] := kind(r[src]) from a float64, truncated toward zero then wrapped
    FloatToInt { dst: Reg, src: Reg, kind: IntKind },
    /// r[dst] := string(rune(r[src])) (invalid code points give "\uFFFD")
    RuneToStr { dst: Reg, src: Reg },
    /// r[dst] := string(r[src]) from []byte
    BytesToStr { dst: Reg, src: Reg },
    /// r[dst] := []byte(r[src])
    StrToBytes { dst: Reg, src: Reg },
    /// r[dst] := string(r[src]) from []rune
    RunesToStr { dst: Reg, src: Reg },
    /// r[dst] := []rune(r[src])
    StrToRunes { dst: Reg, src: Reg },

    // ---- interfaces ----
    /// r[dst] := interface holding r[src] with dynamic type ty (a concrete type; a nil pointer gives a non-nil interface)
    MakeIface { dst: Reg, src: Reg, ty: TypeId },
    /// r[dst] := r[src].(ty); ty concrete: the dynamic value; ty an interface: the interface itself; else panics "interface conversion: <src_ty> is X, not ty"
    TypeAssert {
        dst: Reg,
        src: Reg,
        ty: TypeId,
        src_ty: TypeId,
    },
    /// r[dst], r[ok] := r[src].(ty) comma-ok form (dst gets ty's zero value when !ok)
    TypeAssertOk {
        dst: Reg,
        ok: Reg,
        src: Reg,
        ty: TypeId,
    },

    // ---- maps ----
    /// r[dst] := make(map type ty, hint r[hint])
    MakeMap { dst: Reg, ty: TypeId, hint: Reg },
    /// r[dst] := r[map][r[key]], or the value type's zero when absent or the map is nil (ty is the map type)
    MapGet {
        dst: Reg,
        map: Reg,
        key: Reg,
        ty: TypeId,
    },
    /// r[dst], r[dst+1] := r[map][r[key]] comma-ok form (ty is the map type)
    MapGetOk {
        dst: Reg,
        map: Reg,
        key: Reg,
        ty: TypeId,
    },
    /// r[map][r[key]] := r[src]; panics "assignment to entry in nil map"; panics on unhashable interface keys
    MapSet { map: Reg, key: Reg, src: Reg },
    /// delete(r[map], r[key]) (nil map: no-op)
    MapDelete { map: Reg, key: Reg },
    /// clear(r[src]) for a map (removes all) or a slice (zeroes elements; ty is the slice type)
    Clear { src: Reg, ty: TypeId },
    /// r[dst] := an iterator over r[map]'s current keys in a seeded random order (nil map: empty)
    MapIter { dst: Reg, map: Reg },
    /// advance iterator r[iter]: r[key], r[val] := next live entry, or pc := done when exhausted (entries deleted meanwhile are skipped)
    MapIterNext {
        iter: Reg,
        key: Reg,
        val: Reg,
        done: u32,
    },

    // ---- channels ----
    /// r[dst] := make(chan type ty, r[cap]); panics "makechan: size out of range" when negative
    MakeChan { dst: Reg, ty: TypeId, cap: Reg },
    /// r[ch] <- r[src]; may park; panics "send on closed channel"; nil channel blocks forever
    Send { ch: Reg, src: Reg },
    /// r[dst] := <-r[ch]; may park; closed: the zero value
    Recv { dst: Reg, ch: Reg },
    /// r[dst], r[ok] := <-r[ch]
    RecvOk { dst: Reg, ok: Reg, ch: Reg },
    /// close(r[ch]); panics "close of nil channel" / "close of closed channel"
    Close { ch: Reg },
    /// select over select_tables[table]: performs one ready case (seeded random choice among the ready ones), writes its results and jumps to its target; else the default's target; else parks
    Select { table: u32 },

    // ---- builtins print/println (to stderr) ----
    /// print(r[base..base+n]...) with no separators
    Print { base: Reg, n: u16 },
    /// println(r[base..base+n]...) separated by spaces, then a newline
    Println { base: Reg, n: u16 },
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 16);

impl Instr {
    /// The jump target of a control-flow instruction, if it has one.
    pub fn target(&self) -> Option<u32> {
        match *self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfLtInt { target, .. }
            | Instr::JumpIfLeInt { target, .. }
            | Instr::JumpIfEqInt { target, .. }
            | Instr::JumpIfNeInt { target, .. }
            | Instr::JumpIfLtIntImm { target, .. }
            | Instr::JumpIfLeIntImm { target, .. }
            | Instr::JumpIfGtIntImm { target, .. }
            | Instr::JumpIfGeIntImm { target, .. }
            | Instr::JumpIfEqIntImm { target, .. }
            | Instr::JumpIfNeIntImm { target, .. }
            | Instr::AddImmJumpIfLtImm { target, .. }
            | Instr::AddImmJumpIfLt { target, .. } => Some(target),
            Instr::MapIterNext { done, .. } => Some(done),
            _ => None,
        }
    }

    /// Sets the jump target of a control-flow instruction (for the compiler's back-patching);
    /// returns false when the instruction has no target.
    pub fn set_target(&mut self, to: u32) -> bool {
        match self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfLtInt { target, .. }
            | Instr::JumpIfLeInt { target, .. }
            | Instr::JumpIfEqInt { target, .. }
            | Instr::JumpIfNeInt { target, .. }
            | Instr::JumpIfLtIntImm { target, .. }
            | Instr::JumpIfLeIntImm { target, .. }
            | Instr::JumpIfGtIntImm { target, .. }
            | Instr::JumpIfGeIntImm { target, .. }
            | Instr::JumpIfEqIntImm { target, .. }
            | Instr::JumpIfNeIntImm { target, .. }
            | Instr::AddImmJumpIfLtImm { target, .. }
            | Instr::AddImmJumpIfLt { target, .. }
            | Instr::MapIterNext { done: target, .. } => {
                *target = to;
                true
            }
            _ => false,
        }
    }
}
