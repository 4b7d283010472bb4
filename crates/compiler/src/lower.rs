//! The lowering context: program-wide tables being built ([`Compiler`]) plus the state of
//! the one function being emitted ([`FuncState`]), and the emission primitives every
//! other lowering module uses (registers, jumps, positions, diagnostics).
//!
//! **Register discipline (a stack, like Lua's):** `FuncState::top` is the first free
//! register; everything below it is live. Variables take registers when declared and
//! keep them to the end of their scope; temporaries are allocated above and released by
//! resetting `top` to a mark. A call's base is always `top`, so it lies above every live
//! register, as the calling convention requires.
//!
//! **Invariant:** lowering never panics; anything it cannot lower becomes a
//! [`Diagnostic`] and the emitted code is discarded (compile returns the diagnostics).

use std::collections::{BTreeSet, HashMap, HashSet};

use goroscope_syntax::ast::{self, NodeId};
use goroscope_syntax::{Diagnostic, LineIndex, Span};
use goroscope_types::Info;
use goroscope_types::objects::ObjectId;
use goroscope_types::types::{TypeId, TypeTable};

use crate::bytecode::{
    self as bc, Const, ConstId, FuncId, FuncProto, Global, GlobalId, Instr, NativeId, Pos, Reg,
    SymId, TypeDesc,
};
use crate::generic::Subst;

/// The frame size limit; it leaves headroom below `u16::MAX` so register arithmetic on
/// windows (`base + i`) cannot overflow.
const MAX_REGS: u16 = 60_000;

/// The longest run of consecutive registers one construct may take (call arguments,
/// literal elements), so `base + i` stays below `u16::MAX` even at `MAX_REGS`.
const MAX_WINDOW: usize = 4096;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarLoc {
    /// Its value is in this register.
    Reg(Reg),
    /// This register holds a pointer to the variable's cell (`Load`/`Store`).
    Boxed(Reg),
    /// A captured variable of the enclosing function: `captures[idx]` points to its cell.
    Upval(u16),
    /// A captured variable never written after its declaration (see `escape`):
    /// `captures[idx]` is its value.
    Captured(u16),
}

/// What a function or method declaration is compiled as: the declaration's object and
/// the type arguments of a generic instantiation (empty otherwise).
pub type FuncKey = (ObjectId, Vec<TypeId>);

/// A compiler-generated function that has been requested but not emitted yet.
#[derive(Clone, Debug)]
pub enum Job {
    /// A declared function or method (possibly a generic instantiation).
    Decl { key: FuncKey, id: FuncId },
    /// A method-table or method-expression wrapper for the method `name` of `recv`.
    Wrapper {
        recv: TypeId,
        name: String,
        id: FuncId,
    },
}

/// The targets of `break`/`continue` inside one loop, switch or select.
#[derive(Debug, Default)]
pub struct Breakable {
    pub label: Option<String>,
    pub is_loop: bool,
    /// Jumps to patch with the statement's end.
    pub breaks: Vec<u32>,
    /// Jumps to patch with the continue point (loops only).
    pub continues: Vec<u32>,
}

/// The state of the function being emitted.
#[derive(Default)]
pub struct FuncState {
    pub proto: FuncProto,
    /// Labels asked for channels of `make` calls not lowered yet (see `chanlabel`).
    pub chan_names: Vec<(NodeId, String)>,
    /// First free register.
    pub top: u16,
    pub vars: HashMap<ObjectId, VarLoc>,
    /// One per result: the named result's object (if named) and its type.
    pub results: Vec<(Option<ObjectId>, TypeId)>,
    /// The function body contains `defer` (so returns run `RunDefers` first).
    pub has_defer: bool,
    pub breakables: Vec<Breakable>,
    /// Function literals lowered so far directly inside this function (for naming).
    pub closures: u32,
    /// This function is a function literal (nested literals are named `outer.N`).
    pub is_closure: bool,
    /// `go`/`defer` wrappers of builtin calls made so far (for naming).
    pub wraps: u32,
    /// The label of the labelled statement being lowered, for the loop, switch or
    /// select it labels.
    pub pending_label: Option<String>,
    /// Type-parameter substitution of a generic instantiation.
    pub subst: Subst,
    pub pos: Pos,
    /// The span `pos` was taken from (where resource-limit errors are reported).
    pub span: Span,
}

/// Program-wide state.
pub struct Compiler<'a> {
    pub file: &'a ast::File,
    pub info: &'a Info,
    /// The file's text (channel labels quote assignment targets).
    pub src: &'a str,
    /// The checker's type table, extended with the types generic instantiation creates.
    pub types: TypeTable,
    pub lines: LineIndex,
    pub errors: Vec<Diagnostic>,
    pub funcs: Vec<FuncProto>,
    pub consts: Vec<Const>,
    const_index: HashMap<ConstKey, ConstId>,
    pub natives: Vec<String>,
    native_index: HashMap<String, NativeId>,
    pub symbols: Vec<String>,
    symbol_index: HashMap<String, SymId>,
    pub type_descs: Vec<TypeDesc>,
    /// The checker type each descriptor was made from.
    pub desc_source: Vec<TypeId>,
    pub type_index: HashMap<TypeId, bc::TypeId>,
    /// Descriptors of types converted to interfaces: they need method tables.
    pub iface_types: BTreeSet<bc::TypeId>,
    pub globals: Vec<Global>,
    pub global_index: HashMap<ObjectId, GlobalId>,
    pub func_index: HashMap<FuncKey, FuncId>,
    pub wrapper_index: HashMap<(TypeId, String), FuncId>,
    pub jobs: Vec<Job>,
    /// Function and method declarations by their object.
    pub decls: HashMap<ObjectId, &'a ast::FuncDecl>,
    /// Variables that live in heap cells (captured or address taken).
    pub boxed: HashSet<ObjectId>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(Vec<u8>),
}

/// The lowering context: the program being built and the function being emitted.
pub struct Lower<'a> {
    pub c: Compiler<'a>,
    pub f: FuncState,
}

impl<'a> Compiler<'a> {
    pub fn new(file: &'a ast::File, info: &'a Info, src: &'a str) -> Compiler<'a> {
        Compiler {
            file,
            info,
            src,
            types: info.types.clone(),
            lines: LineIndex::new(src),
            errors: Vec::new(),
            funcs: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            natives: Vec::new(),
            native_index: HashMap::new(),
            symbols: Vec::new(),
            symbol_index: HashMap::new(),
            type_descs: Vec::new(),
            desc_source: Vec::new(),
            type_index: HashMap::new(),
            iface_types: BTreeSet::new(),
            globals: Vec::new(),
            global_index: HashMap::new(),
            func_index: HashMap::new(),
            wrapper_index: HashMap::new(),
            jobs: Vec::new(),
            decls: HashMap::new(),
            boxed: HashSet::new(),
        }
    }

    pub fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.errors.push(Diagnostic::new(span, msg));
    }

    pub fn pos(&self, span: Span) -> Pos {
        let (line, col) = self.lines.line_col(span.start);
        Pos { line, col }
    }

    fn intern_const(&mut self, key: ConstKey, c: Const) -> ConstId {
        if let Some(&k) = self.const_index.get(&key) {
            return k;
        }
        let k = ConstId(self.consts.len() as u32);
        self.consts.push(c);
        self.const_index.insert(key, k);
        k
    }

    pub fn const_int(&mut self, v: i64) -> ConstId {
        self.intern_const(ConstKey::Int(v), Const::Int(v))
    }

    pub fn const_float(&mut self, v: f64) -> ConstId {
        self.intern_const(ConstKey::Float(v.to_bits()), Const::Float(v))
    }

    pub fn const_str(&mut self, v: &[u8]) -> ConstId {
        self.intern_const(ConstKey::Str(v.to_vec()), Const::Str(v.to_vec()))
    }

    pub fn native(&mut self, key: &str) -> NativeId {
        if let Some(&n) = self.native_index.get(key) {
            return n;
        }
        let n = NativeId(self.natives.len() as u32);
        self.natives.push(key.to_string());
        self.native_index.insert(key.to_string(), n);
        n
    }

    pub fn symbol(&mut self, name: &str) -> SymId {
        if let Some(&s) = self.symbol_index.get(name) {
            return s;
        }
        let s = SymId(self.symbols.len() as u32);
        self.symbols.push(name.to_string());
        self.symbol_index.insert(name.to_string(), s);
        s
    }

    /// Reserves a function slot (filled when its body is emitted).
    pub fn reserve_func(&mut self, name: String, pos: Pos) -> FuncId {
        let id = FuncId(self.funcs.len() as u32);
        self.funcs.push(FuncProto {
            name,
            pos,
            ..FuncProto::default()
        });
        id
    }
}

impl<'a> Lower<'a> {
    pub fn info(&self) -> &'a Info {
        self.c.info
    }

    pub fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.c.error(span, msg);
    }

    pub fn unsupported(&mut self, span: Span, what: &str) {
        self.c
            .error(span, format!("{what} is not supported by Goroscope"));
    }

    pub fn set_pos(&mut self, span: Span) {
        self.f.span = span;
        self.f.pos = self.c.pos(span);
    }

    /// Appends an instruction at the current position; returns its pc.
    pub fn emit(&mut self, i: Instr) -> u32 {
        let pc = self.f.proto.code.len() as u32;
        self.f.proto.code.push(i);
        self.f.proto.lines.push(self.f.pos);
        pc
    }

    /// The pc the next instruction will get.
    pub fn here(&self) -> u32 {
        self.f.proto.code.len() as u32
    }

    /// Points the jump at `pc` to `target`.
    pub fn patch(&mut self, pc: u32, target: u32) {
        if let Some(i) = self.f.proto.code.get_mut(pc as usize) {
            i.set_target(target);
        }
    }

    /// Points the jump at `pc` to the next instruction.
    pub fn patch_here(&mut self, pc: u32) {
        let h = self.here();
        self.patch(pc, h);
    }

    /// Whether control can reach the next instruction: the last one is not a `Return`,
    /// `Jump` or `Panic`, or some jump already targets the next pc.
    pub fn falls_through(&self) -> bool {
        let code = &self.f.proto.code;
        let here = code.len() as u32;
        let ends = matches!(
            code.last(),
            Some(Instr::Return { .. } | Instr::Jump { .. } | Instr::Panic { .. })
        );
        !ends || code.iter().any(|i| i.target() == Some(here))
    }

    /// A jump to be patched, unless control cannot reach this point (then `None`).
    pub fn jump_if_reachable(&mut self) -> Option<u32> {
        self.falls_through().then(|| self.jump())
    }

    pub fn jump(&mut self) -> u32 {
        self.emit(Instr::Jump { target: 0 })
    }

    /// A fresh register at the top of the frame.
    pub fn alloc(&mut self) -> Reg {
        let r = self.f.top;
        if r >= MAX_REGS {
            let span = self.f.span;
            if !self
                .c
                .errors
                .iter()
                .any(|e| e.message.contains("too many registers"))
            {
                self.error(
                    span,
                    "function needs too many registers: it is not supported by Goroscope",
                );
            }
            return Reg(r);
        }
        self.f.top += 1;
        self.f.proto.nregs = self.f.proto.nregs.max(self.f.top);
        Reg(r)
    }

    /// `n` consecutive fresh registers; returns the first.
    pub fn alloc_n(&mut self, n: usize) -> Reg {
        if n > MAX_WINDOW {
            let span = self.f.span;
            self.error(
                span,
                format!(
                    "a list of {n} values is not supported by Goroscope (at most {MAX_WINDOW})"
                ),
            );
            return Reg(0);
        }
        let first = Reg(self.f.top);
        for _ in 0..n {
            self.alloc();
        }
        // A zero-width window still needs its base inside the frame.
        self.f.proto.nregs = self.f.proto.nregs.max(first.0 + 1);
        first
    }

    pub fn mark(&self) -> u16 {
        self.f.top
    }

    pub fn release(&mut self, mark: u16) {
        self.f.top = mark;
    }

    /// Makes sure the frame covers `r`, e.g. for call results above the arguments.
    pub fn cover(&mut self, r: u16) {
        self.f.proto.nregs = self.f.proto.nregs.max(r + 1);
    }

    /// The substituted type of an expression (untyped constants get their default type).
    pub fn ty(&mut self, id: NodeId) -> TypeId {
        let t = self.info().expr(id).map_or(TypeId::INVALID, |tv| tv.ty);
        let t = self.subst(t);
        self.c.types.default_type(t)
    }

    pub fn obj_ty(&mut self, obj: ObjectId) -> TypeId {
        let t = self.info().object(obj).ty;
        self.subst(t)
    }

    pub fn subst(&mut self, t: TypeId) -> TypeId {
        if self.f.subst.is_empty() {
            return t;
        }
        let s = std::mem::take(&mut self.f.subst);
        let r = s.apply(&mut self.c.types, t);
        self.f.subst = s;
        r
    }
}
