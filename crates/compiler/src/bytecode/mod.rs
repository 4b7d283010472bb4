//! The bytecode format: a compiled Go program as pure data (like clox's `chunk` or Lua's
//! `lopcodes.h`). The compiler produces a [`Program`]; `goroscope-runtime` executes it;
//! [`disassemble`] prints it as stable text for golden tests.
//!
//! # The machine model
//!
//! A register machine. Each goroutine owns one growable register file and a stack of
//! frames; a frame is a window `r[0..nregs]` of that file starting at the frame's *base*.
//! Instructions ([`Instr`]) are typed (`AddInt`, `AddFloat`, `ConcatStr`, ...): the
//! compiler picks the instruction from the static type, and the machine never checks
//! types in the hot loop. Values are Go values: integers normalised to their kind (see
//! [`IntKind`]), float64, bool, strings (immutable byte sequences, possibly invalid UTF-8),
//! and references (pointers, slices, maps, chans, funcs, interfaces; `nil` for each).
//!
//! ## Frame layout of a [`FuncProto`]
//!
//! ```text
//!  r0 .. r(nparams-1)        parameters (receiver first for methods; a variadic
//!                            parameter is one slice)
//!  r(nparams) .. r(nregs-1)  locals and temporaries, allocated by the compiler
//!  on Return { src, n }      r[src..src+n] is copied to r0..r(n-1): the results
//! ```
//!
//! Registers start as `nil` for non-parameters: the compiler initialises every variable
//! explicitly (`LoadInt`, `Zero`, ...) before reading it.
//!
//! ## Calling convention
//!
//! Lua-style overlapping windows, so arguments are never copied: to call, the caller
//! writes the arguments into consecutive registers `r[base..base+nargs]`, where `base` is
//! above every register it still needs after the call, and executes `Call { func, base }`.
//! The callee's `r0` is the caller's `r[base]`. When the callee returns, its results are
//! in the caller's `r[base..base+nresults]`; registers above those are clobbered.
//!
//! * `Call`: a statically known bytecode function.
//! * `CallClosure { f, base, nargs }`: a func value (see below) in `r[f]`; a nil func value
//!   panics with the nil-dereference error.
//! * `CallNative { native, base, nargs }`: `natives[native]` is a standard-library key such
//!   as `"fmt.Println"`, `"strings.Repeat"`, `"sync.(*WaitGroup).Add"`,
//!   `"time.Duration.String"` (the names the type checker records). Arguments are
//!   `r[base..base+nargs]`, a method's receiver first (a pointer for pointer receivers:
//!   `&wg`); results are written to `r[base..]`. A variadic parameter is **one slice
//!   argument**: for `fmt.Println(a, b)` the compiler boxes `a` and `b` with `MakeIface`
//!   into consecutive registers, packs them with `MakeSliceFrom`, and passes that slice;
//!   `f(xs...)` passes `xs` itself. A package-level variable of the standard library
//!   (`context.Canceled`, `context.DeadlineExceeded`) is read by a zero-argument native of
//!   that name, which always returns the same value (so `==` and `errors.Is` work).
//!   Natives may park the goroutine (`time.Sleep`, `(*sync.Mutex).Lock`); the compiler
//!   does not care.
//! * `CallIface { method, base, nargs }`: `r[base]` holds an interface value and
//!   `r[base+1..base+1+nargs]` the other arguments. The machine looks `method` (a name in
//!   [`Program::symbols`]) up in the method table of the dynamic type's [`TypeDesc`],
//!   replaces `r[base]` with the dynamic value (dereferenced when the entry says
//!   `deref_recv`) and calls the entry's callee as above.
//!
//! ## Func values, closures and captured variables
//!
//! A func value is a callee (bytecode function or native) plus an optional bound receiver
//! plus captures. `MakeFunc` makes one with neither (a top-level function or a method
//! expression used as a value). `BindMethod`/`BindIfaceMethod` make a method value
//! `x.M`: the receiver is evaluated and bound now and passed as the first argument when
//! called. `MakeClosure { func, base, n }` captures `r[base..base+n]`.
//!
//! A local variable whose address is taken (`&x`, slicing an array, a pointer-receiver
//! method call on it), or that a closure captures and something writes after its
//! declaration, is **boxed**: the compiler creates it with `NewCell` and the variable's
//! register holds the pointer; reads and writes use `Load`/`Store`. A closure captures the
//! pointers, and inside the closure body `GetUpval idx`/`SetUpval idx` read and write
//! through `captures[idx]` (`LoadCapture` yields the pointer itself, e.g. to capture it
//! again in a nested closure or to take `&x`). A captured variable that nothing writes
//! after its declaration stays in its register and is captured by value: `captures[idx]`
//! is the value, read with `LoadCapture`. Go 1.22 per-iteration loop variables: a fresh
//! `NewCell` per iteration.
//!
//! ## Values: copies, pointers, aggregates
//!
//! Struct and array values in registers have value semantics automatically: `Move`,
//! passing, storing and `GetField` copy (cheaply, copy-on-write), `SetField` and
//! `SetIndexArray` change only the register written. To change a struct in place through
//! a pointer use `StoreField`, or `AddrField` + `Store` for nested paths. `AddrField`,
//! `AddrIndex` and `AddrArrayIndex` make interior pointers (`&s.f`, `&xs[i]`,
//! `(*p)[i]`), which stay valid and aliased like Go's. `SliceArray` slices an array
//! through a pointer to it, so the slice shares the array's storage (`arr[1:4]` on a
//! local array: box `arr`, then `SliceArray`).
//!
//! Slices share backing arrays; `Append` reuses spare capacity or reallocates. Maps and
//! channels are references; a nil map reads as empty and panics on write.
//!
//! ## Methods and interfaces
//!
//! Static method calls are ordinary calls of the method's function (receiver first;
//! name `main.T.M` or `main.(*T).M`). Interface values are (dynamic [`TypeId`], value),
//! built by `MakeIface` whenever a concrete value is converted to an interface
//! (assignment, argument passing, return, `panic(v)`, variadic `...any` packing).
//! Interface-to-interface conversion is a plain `Move`. Each [`TypeDesc`] that is ever
//! put in an interface lists its methods in `methods`, sorted by [`SymId`]; promoted
//! methods of embedded fields need a wrapper function generated by the compiler (the
//! table maps a name to one callee and a `deref_recv` flag, nothing more).
//! `TypeAssert`/`TypeAssertOk` test a dynamic type against a concrete type (id equality)
//! or an interface type (method-set inclusion). Type switches are chains of
//! `TypeAssertOk` + `JumpIfFalse` (a `nil` case is `IsNil`).
//!
//! Standard-library struct types (`sync.Mutex`, `sync.WaitGroup`, `time.Timer`,
//! `atomic.Int64`...) are ordinary struct descriptors with the checker's field layout,
//! hidden fields included; natives receive pointers to them (`&mu`) and keep the machine's
//! state in the hidden field, so their zero values work and no special instruction exists.
//!
//! Standard-library values that user code sees through interfaces (`errors.New`'s error,
//! `fmt.Errorf`'s wrapper, contexts, `*strconv.NumError`) get type descriptors that the
//! machine appends at load time, with native methods; the compiler just emits
//! `CallIface { method: "Error" }` etc.
//!
//! ## defer, recover, go
//!
//! `Defer { f, base, nargs }` evaluates the func value and the arguments now and pushes
//! them on the frame's defer list; for `defer mu.Unlock()` use `BindMethod` with
//! `Callee::Native` (or `MakeFunc` and pass `&mu` as the argument); for
//! `defer fmt.Println("x")` pack the arguments as for a call. `RunDefers` runs the list
//! last in first out. A function that defers must execute `RunDefers` before each
//! `Return`, after storing its results (so deferred closures can change named results:
//! those are boxed if captured, and must be loaded into the result registers *after*
//! `RunDefers`).
//!
//! When a panic is recovered by a deferred call of frame F, F resumes at
//! [`FuncProto::recover_pc`]: the compiler emits there the epilogue
//! `RunDefers; <load the named results or zero values>; Return`. Every function that
//! contains `Defer` must have a `recover_pc`. `Recover` yields nil unless executed by a
//! function called directly as a deferred call of a panicking goroutine.
//!
//! `Go { f, base, nargs }` starts a goroutine calling the func value `r[f]` with a copy of
//! the arguments (use `MakeFunc` for `go worker(i)`); the results are discarded.
//!
//! ## select
//!
//! `Select { table }` refers to [`FuncProto::select_tables`]. Each case names its channel
//! and value/destination registers (all evaluated before the `Select`, in source order,
//! as Go does) and the pc of its body; `default` has a pc too. The machine performs one
//! case and jumps to its pc, so there is no dispatch code after a `Select`.
//!
//! ## Program entry
//!
//! The machine zero-initialises every global, runs `inits` in order on goroutine 1
//! (package variable initialisers then `init` functions, in Go's order), then `main`.
//! When `main` returns the program exits with status 0.
//!
//! ## Line table
//!
//! `FuncProto::lines[i]` is the source position of `code[i]`: panics, stack traces,
//! deadlock dumps and the editor's "current line" of each goroutine come from it.

mod disasm;
mod fuse;
mod instr;
mod types;
mod validate;

pub use disasm::disassemble;
pub use fuse::fuse;
pub use instr::{
    Callee, CmpKind, ConstId, FuncId, GlobalId, Instr, IntKind, NativeId, Reg, SymId, TypeId,
};
pub use types::{ChanDir, Field, Method, TypeDesc, TypeKind};
pub use validate::{ValidateError, validate};

/// A whole compiled program.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program {
    /// The source file name used in stack traces (`/tmp/prog.go` style; the CLI sets it).
    pub file: String,
    pub funcs: Vec<FuncProto>,
    pub consts: Vec<Const>,
    /// Standard-library native keys, indexed by [`NativeId`] (e.g. `"fmt.Println"`). The
    /// machine resolves them when it loads the program and refuses unknown keys.
    pub natives: Vec<String>,
    /// Type descriptors, indexed by [`TypeId`].
    pub types: Vec<TypeDesc>,
    /// Method names, indexed by [`SymId`] (each name once).
    pub symbols: Vec<String>,
    pub globals: Vec<Global>,
    /// Package initialisation, in order: variable initialisers and `init` functions.
    pub inits: Vec<FuncId>,
    /// `main.main`.
    pub main: FuncId,
}

/// A constant of the pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    /// Bytes, not `String`: Go strings may hold invalid UTF-8 (`"\xff"`).
    Str(Vec<u8>),
}

/// A package-level variable (zero-initialised by the machine before `inits` run).
#[derive(Clone, Debug, PartialEq)]
pub struct Global {
    pub name: String,
    pub ty: TypeId,
}

/// A source position, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// One compiled function (top-level function, method, closure body or compiler-made
/// wrapper). Frame layout and calling convention: see the module doc.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FuncProto {
    /// Go's name, as stack traces print it: `main.worker`, `main.(*T).M`, `main.T.M`,
    /// `main.main.func1` (closures numbered per enclosing function), `main.init`.
    pub name: String,
    /// Position of the declaration (the `func` keyword).
    pub pos: Pos,
    /// Number of parameter registers, receiver included.
    pub nparams: u16,
    /// Number of results.
    pub nresults: u16,
    /// Frame size: every register the code names is `< nregs`, and `nregs >= nparams`,
    /// `nregs >= nresults`. A call's `base + callee needs` may exceed it: the machine grows
    /// the register file.
    pub nregs: u16,
    /// Number of captured values a closure of this function expects (`MakeClosure`'s `n`).
    pub ncaptures: u16,
    pub code: Vec<Instr>,
    /// `lines[i]` is the position of `code[i]`; same length as `code`.
    pub lines: Vec<Pos>,
    /// Where the frame resumes after one of its deferred calls recovered a panic.
    pub recover_pc: Option<u32>,
    pub select_tables: Vec<SelectTable>,
    /// Names of the registers that hold named variables, for debuggers and dumps
    /// (`(register, name)`, optional).
    pub var_names: Vec<(Reg, String)>,
    /// The place a `MakeChan`'s channel is stored in, when the `make` is the whole value
    /// assigned to it (`jobs := make(chan int)`, `s.ch = make(...)`, `chs[i] = ...`, a
    /// struct literal's field): `(pc of the MakeChan, the place as the source spells
    /// it)`, in pc order. The machine labels the channel with it in the trace.
    pub chan_labels: Vec<(u32, String)>,
}

/// The cases of one `select` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectTable {
    pub cases: Vec<SelectCase>,
    /// The pc of the `default` body, if there is one (then the select never parks).
    pub default: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelectCase {
    pub op: SelectOp,
    /// The pc of the case body.
    pub target: u32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SelectOp {
    /// `case r[ch] <- r[val]:`
    Send { ch: Reg, val: Reg },
    /// `case v, ok := <-r[ch]:` with optional destinations for the value and `ok`.
    Recv {
        ch: Reg,
        val: Option<Reg>,
        ok: Option<Reg>,
    },
}

impl Program {
    /// The function named `name`, if any (linear search; for tests and tools).
    pub fn func_by_name(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .position(|f| f.name == name)
            .map(|i| FuncId(i as u32))
    }

    /// The symbol id of a method name, if the program uses it.
    pub fn symbol(&self, name: &str) -> Option<SymId> {
        self.symbols
            .iter()
            .position(|s| s == name)
            .map(|i| SymId(i as u32))
    }
}

#[cfg(test)]
mod tests;
