//! Per-goroutine state (Lua's `lua_State` to the machine's `global_State`): the register
//! file, the frame stack, deferred calls and the panic in progress.
//!
//! Invariants:
//! - `frames` is non-empty while the goroutine is alive; the top frame is the running one.
//! - frame `i+1`'s window starts at or above frame `i`'s base, and
//!   `regs.len() >= top.base + nregs(top)`.
//! - a frame's saved `pc` is the index of the next instruction it will execute; the line
//!   it is "at" is `lines[pc - 1]` (the call or the faulting instruction).
//! - `defers` holds the deferred calls of every frame, oldest first, each tagged with the
//!   index of its frame in `frames`: tags never decrease and are below `frames.len()`, so
//!   the top frame's calls are the tail of the list. (Kept outside the frames so that a
//!   frame is small and pushing or popping one touches no vector of its own.)

use std::rc::Rc;

use goroscope_compiler::bytecode::Reg;

use crate::value::{FuncVal, Value};

/// How a frame was entered, which decides what happens when it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// An ordinary call: results go to the caller's window.
    Call,
    /// The goroutine's first frame: returning ends the goroutine.
    Entry,
    /// A deferred call run by `RunDefers` or by panic/Goexit unwinding. `unwinding` is
    /// true when run by unwinding (then `recover` may stop the panic).
    Deferred { unwinding: bool },
    /// A call made by a native into bytecode (`call_nested`): returning hands the
    /// results back to the native.
    Nested,
    /// The function of `sync.Once.Do` (the scheduler's once id): when it returns or
    /// unwinds, the Once is marked done and its waiters released.
    OnceBody(u64),
}

/// One activation.
#[derive(Debug)]
pub struct Frame {
    pub func: u32,
    pub pc: u32,
    /// Absolute index of this frame's `r0` in the register file.
    pub base: u32,
    pub kind: FrameKind,
    /// The func value being run, when it has captures.
    pub closure: Option<Rc<FuncVal>>,
}

impl Frame {
    /// A frame about to run `func` from its first instruction, its `r0` at absolute
    /// register `base`.
    #[inline(always)]
    pub fn new(func: u32, base: usize, kind: FrameKind, closure: Option<Rc<FuncVal>>) -> Frame {
        Frame {
            func,
            pc: 0,
            base: base as u32,
            kind,
            closure,
        }
    }
}

/// A deferred call: the func value and its arguments, evaluated at `defer` time.
#[derive(Debug)]
pub struct Deferred {
    pub f: Value,
    pub args: Vec<Value>,
}

/// A panic in progress.
#[derive(Debug)]
pub struct Panicking {
    /// The value passed to `panic` (an interface value).
    pub value: Value,
    pub recovered: bool,
    /// Earlier panics replaced by this one (a panic while running deferred calls).
    pub earlier: Vec<Value>,
    /// The stack where the panic started, top first: (function, nparams, line).
    pub trace: Vec<TraceFrame>,
}

/// One line pair of a stack trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceFrame {
    pub func: String,
    pub has_params: bool,
    pub line: u32,
}

/// What a parked goroutine must do with the result of the operation it waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Write the received value (and `ok`) into registers of the top frame.
    Recv { dst: Option<Reg>, ok: Option<Reg> },
    /// A blocked send: nothing to write (a close makes it panic).
    Send,
    /// A blocked select of the top frame, table `table`.
    Select { table: u32 },
    /// A native's park (sleep, lock, wait): nothing to write.
    Native,
}

/// One goroutine's stack.
#[derive(Debug)]
pub struct GState {
    pub id: u64,
    pub regs: Vec<Value>,
    pub frames: Vec<Frame>,
    /// Deferred calls with the index of their frame (see the module doc).
    pub defers: Vec<(u32, Deferred)>,
    pub panicking: Option<Panicking>,
    /// `runtime.Goexit` is unwinding this goroutine.
    pub goexiting: bool,
    /// Set while parked.
    pub pending: Option<Pending>,
    /// The `*sync.WaitGroup` of `WaitGroup.Go`: `Done` is called when the goroutine ends.
    pub wg_done: Option<Value>,
    /// Where the `go` statement that created it ran (the dump's "created by" line) and
    /// the creating goroutine's id.
    pub created_by: Option<(TraceFrame, u64)>,
}

impl GState {
    pub fn new(id: u64) -> GState {
        GState {
            id,
            regs: Vec::new(),
            frames: Vec::new(),
            defers: Vec::new(),
            panicking: None,
            goexiting: false,
            pending: None,
            wg_done: None,
            created_by: None,
        }
    }

    /// Defers `d` in the top frame.
    pub fn push_defer(&mut self, d: Deferred) {
        if let Some(top) = self.frames.len().checked_sub(1) {
            self.defers.push((top as u32, d));
        }
    }

    /// Takes the top frame's most recent deferred call.
    pub fn pop_defer(&mut self) -> Option<Deferred> {
        let top = self.frames.len().checked_sub(1)?;
        match self.defers.last() {
            Some(&(f, _)) if f as usize == top => self.defers.pop().map(|(_, d)| d),
            _ => None,
        }
    }

    /// Pops the top frame, dropping the deferred calls it did not run.
    pub fn pop_frame(&mut self) -> Option<Frame> {
        let fr = self.frames.pop()?;
        let depth = self.frames.len();
        while self
            .defers
            .last()
            .is_some_and(|&(f, _)| f as usize >= depth)
        {
            self.defers.pop();
        }
        Some(fr)
    }
}
