//! The machine: global state shared by all goroutines (Lua's `global_State`): the
//! program, constants, globals, natives, the scheduler model, the goroutine stacks, the
//! output, budgets — and the slice loop that drives it all.
//!
//! # Driving it
//!
//! `Machine::new(program, config)` validates and loads the program (goroutine 1 will run
//! the package initialisers, then `main.main`). `run_slice(n)` executes at most `n`
//! instructions and returns `Running` or `Finished(Exit)`, so a worker can run in slices
//! and answer Stop/Pause quickly. Output accumulates in `take_output()`; events (when
//! `Config::record_events`) in `take_events()`.
//!
//! # Virtual time
//!
//! Every instruction costs [`NS_PER_INSTR`] of virtual time on the P running it; a call
//! of a native costs the same as any instruction, plus whatever virtual time the native
//! itself waits (`time.Sleep`). Time is charged to the scheduler in batches of at most
//! [`BATCH`] instructions, so the P interleaving grain and sysmon's 10 ms preemption
//! are exact to within one batch. Parallel Ps interleave by the scheduler's seeded choice.
//!
//! # Limits
//!
//! An instruction budget per run (bulk operations are charged per element they touch),
//! a cap on the estimated heap (`value::meter` says what it counts), on live goroutines,
//! on output bytes, on string and slice sizes, and on frame depth (deep recursion reports
//! Go's stack overflow). Each ends the run with exit code 2 and a message on stderr
//! saying which limit was hit.

use std::rc::Rc;

use goroscope_compiler::bytecode::{self, ChanDir, Const, Program, TypeDesc, TypeId, TypeKind};
use goroscope_sched::{self as sched, Cur, GoId, Next};
use goroscope_trace::{Event, EventKind, Stream};

use crate::goroutine::{FrameKind, GState, Pending};
use crate::interp::{Flow, Stop};
use crate::natives::{self, NativeFn, RuntimeTypes};
use crate::throw::Throw;
use crate::value::meter::{self, Meter};
use crate::value::{FuncVal, Value, Var};

/// Virtual nanoseconds per instruction.
pub const NS_PER_INSTR: u64 = 1;
/// A batch cut off by the end of a slice (see `Machine::carried`).
#[derive(Clone, Copy)]
struct Carried {
    cur: Cur,
    /// Instructions left in the batch.
    batch: u64,
    /// Instructions (and bulk work) the batch ran before the cut, not yet charged to the
    /// P's clock: the clock moves only when a batch ends, wherever the slices end.
    uncharged: u64,
}

/// Instructions executed between two charges of virtual time to the scheduler.
pub const BATCH: u64 = 1000;

/// How a run is configured. Behaviour is a function of (program, config).
#[derive(Clone, Debug)]
pub struct Config {
    /// GOMAXPROCS at start.
    pub procs: usize,
    pub seed: u64,
    /// Record scheduling and sync events (off for speed).
    pub record_events: bool,
    /// Total instructions before the run is stopped.
    pub max_instructions: u64,
    /// Live goroutines at once.
    pub max_goroutines: usize,
    /// Bytes written to stdout and stderr together.
    pub max_output: usize,
    /// Frames on one goroutine's stack before `fatal error: stack overflow`.
    pub max_frames: usize,
    /// Estimated heap bytes (see `value::meter`) the program may hold at once.
    pub max_heap: u64,
    /// Scheduler parameters other than procs/seed/record (local queue size, 61, ...).
    pub sched: sched::Config,
    /// Check the scheduler's invariants after every scheduling step (tests; sets
    /// `sched.check_invariants`). A violation ends the run with an internal error.
    pub check_invariants: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            procs: 4,
            seed: 1,
            record_events: false,
            max_instructions: 20_000_000_000,
            max_goroutines: 1_000_000,
            max_output: 64 << 20,
            max_frames: 100_000,
            max_heap: 512 << 20,
            sched: sched::Config::default(),
            check_invariants: false,
        }
    }
}

/// How the program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    /// 0 normal, 2 panic/fatal error/deadlock/limit, N for `os.Exit(N)`.
    pub code: i32,
    /// A one-line summary for tools (`main returned`, `panic`, `deadlock`, the limit).
    pub reason: String,
}

/// Result of [`Machine::run_slice`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SliceResult {
    Running,
    Finished(Exit),
}

/// What a function timer runs, in a new goroutine, when it fires.
pub(crate) enum TimerFunc {
    /// `time.AfterFunc(d, f)`.
    Call(Rc<FuncVal>),
    /// A `context.WithTimeout` deadline: cancel context `ctx` with DeadlineExceeded.
    CancelCtx(usize),
}

/// What the slice loop does after a goroutine stopped.
enum Leave {
    /// Keep running it.
    Stay,
    /// It parked or yielded: keep its stack.
    LeftP,
    /// It is dead (or the program ended).
    Ended,
}

impl Leave {
    /// Whether the slice loop keeps running the goroutine; clears `alive` when it ended.
    #[inline]
    fn keep_running(self, alive: &mut bool) -> bool {
        match self {
            Leave::Stay => true,
            Leave::LeftP => false,
            Leave::Ended => {
                *alive = false;
                false
            }
        }
    }
}

/// One chunk of program output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stream: Stream,
    pub bytes: Vec<u8>,
}

/// Why a program could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The machine; see the module doc.
pub struct Machine {
    pub(crate) prog: Rc<Program>,
    pub(crate) cfg: Config,
    pub(crate) consts: Vec<Value>,
    pub(crate) natives: Vec<NativeFn>,
    pub(crate) globals: Vec<Rc<Var>>,
    zeros: Vec<Option<Value>>,
    pub(crate) rt: RuntimeTypes,
    pub(crate) sched: sched::Machine<Value>,
    /// Goroutine stacks, `GoId(n)` at index n-1; `None` once dead (or while running).
    pub(crate) gs: Vec<Option<Box<GState>>>,
    /// The running goroutine's token.
    pub(crate) cur: Cur,
    /// The batch the end of the last `run_slice` interrupted. The next slice resumes it
    /// without asking the scheduler and finishes it before looking at the P's deadline,
    /// exactly as if the slice had gone on: so how a run is cut into slices (the CLI's,
    /// the worker's, a step's) never changes which goroutine runs when, nor the time any
    /// event or `time.Now` sees.
    carried: Option<Carried>,
    live_goroutines: usize,
    output: Vec<Output>,
    output_bytes: usize,
    executed: u64,
    exit: Option<Exit>,
    rng: sched::Rng,
    /// Function timers by token (`Wakeup::AfterFunc`).
    timer_funcs: Vec<TimerFunc>,
    /// Contexts (`context` package state), see `natives::context`.
    pub(crate) contexts: Vec<crate::natives::Ctx>,
    /// Standard-library values that must keep their identity (`context.Canceled`...).
    pub(crate) cached: std::collections::BTreeMap<&'static str, Value>,
    /// The heap estimate and bulk work of this run.
    pub(crate) meter: Rc<Meter>,
    /// `go native(args)` bodies by goroutine id, run when the goroutine first runs.
    pub(crate) go_natives: std::collections::BTreeMap<u64, (Rc<FuncVal>, Vec<Value>)>,
}

impl sched::Elem for Value {
    fn display(&self) -> String {
        crate::print::display(self)
    }

    fn from_time(now_ns: u64) -> Self {
        Value::Int(crate::natives::time::wall_ns(now_ns))
    }
}

impl Machine {
    /// Loads `program`: validates it, resolves natives, adds the runtime's own types, and
    /// makes goroutine 1 ready to run the initialisers and `main.main`.
    pub fn new(program: Program, config: Config) -> Result<Machine, LoadError> {
        bytecode::validate(&program).map_err(|e| LoadError(e.to_string()))?;
        let mut program = program;
        bytecode::fuse(&mut program);
        let rt = natives::install(&mut program);
        let mut resolved = Vec::with_capacity(program.natives.len());
        for name in &program.natives {
            match natives::lookup(name) {
                Some(f) => resolved.push(f),
                None => {
                    return Err(LoadError(format!(
                        "unsupported standard-library function {name}"
                    )));
                }
            }
        }
        for t in &mut program.types {
            t.methods.sort_by_key(|m| m.name);
        }
        let consts = program
            .consts
            .iter()
            .map(|c| match c {
                Const::Int(i) => Value::Int(*i),
                Const::Float(f) => Value::Float(*f),
                Const::Str(s) => Value::str(s),
            })
            .collect();
        let mut scfg = config.sched.clone();
        scfg.gomaxprocs = config.procs.max(1);
        scfg.seed = config.seed;
        scfg.record = config.record_events;
        scfg.check_invariants |= config.check_invariants;
        let sched = sched::Machine::new(scfg);
        let cur = Cur {
            p: sched::PId(0),
            g: GoId::MAIN,
        };
        let ntypes = program.types.len();
        let mut m = Machine {
            consts,
            natives: resolved,
            globals: Vec::new(),
            zeros: vec![None; ntypes],
            rt,
            cur,
            live_goroutines: 1,
            output: Vec::new(),
            output_bytes: 0,
            executed: 0,
            exit: None,
            rng: sched::Rng::new(config.seed ^ 0x9e37_79b9_7f4a_7c15),
            timer_funcs: Vec::new(),
            carried: None,
            contexts: Vec::new(),
            cached: Default::default(),
            meter: Rc::new(Meter::new(config.max_heap, config.max_instructions)),
            go_natives: Default::default(),
            cfg: config,
            gs: Vec::new(),
            prog: Rc::new(program),
            sched,
        };
        m.globals = (0..m.prog.globals.len())
            .map(|i| {
                let ty = m.prog.globals[i].ty;
                crate::value::new_cell(m.zero(ty))
            })
            .collect();
        let mut g1 = GState::new(1);
        let prog = m.prog.clone();
        m.push_entry(&mut g1, prog.main.0)
            .map_err(|t| LoadError(t.to_string()))?;
        for init in prog.inits.iter().rev() {
            m.push_frame(&mut g1, init.0, 0, FrameKind::Call, None)
                .map_err(|t| LoadError(t.to_string()))?;
        }
        m.gs.push(Some(Box::new(g1)));
        Ok(m)
    }

    fn push_entry(&mut self, g: &mut GState, func: u32) -> Result<(), Throw> {
        self.push_frame(g, func, 0, FrameKind::Entry, None)
    }

    /// Executes at most `max_instructions` instructions.
    pub fn run_slice(&mut self, max_instructions: u64) -> SliceResult {
        let mut left = max_instructions;
        let _meter = meter::enter(&self.meter);
        while self.exit.is_none() && left > 0 {
            let (next, mut batch, mut uncharged) = match self.carried.take() {
                Some(c) => (
                    Next::Run {
                        cur: c.cur,
                        wakeup: None,
                    },
                    c.batch,
                    c.uncharged,
                ),
                None => (self.sched.next_slice(), BATCH, 0),
            };
            match next {
                Next::Deadlock(d) => self.deadlock(d),
                Next::Run { cur, wakeup } => {
                    self.cur = cur;
                    let idx = cur.g.0 as usize - 1;
                    let slot = self.gs.get_mut(idx).and_then(Option::take);
                    let (mut g, wakeup) = match (slot, wakeup) {
                        (Some(g), w) => (g, w),
                        (None, Some(sched::Wakeup::AfterFunc { token })) => {
                            match self.start_timer_func(cur.g, token) {
                                Ok(g) => (g, None),
                                Err(t) => {
                                    let mut g = GState::new(cur.g.0);
                                    self.die(&mut g, t);
                                    break;
                                }
                            }
                        }
                        (None, _) => {
                            self.finish(Exit {
                                code: 2,
                                reason: format!(
                                    "internal error: no stack for goroutine {}",
                                    cur.g.0
                                ),
                            });
                            break;
                        }
                    };
                    // A stop is handled where it is returned, never moved around the loop:
                    // `Stop` is large, and copying it right after `execute` wrote it stalls.
                    let mut first = self.resume(&mut g, wakeup);
                    if !self.go_natives.is_empty()
                        && let Some((f, args)) = self.go_natives.remove(&cur.g.0)
                    {
                        first = self.start_native_body(&mut g, f, args);
                    }
                    let mut alive = true;
                    let mut running = match first {
                        None => true,
                        Some(s) => self.after_stop(&mut g, s).keep_running(&mut alive),
                    };
                    while running {
                        if self.exit.is_some() {
                            break;
                        }
                        if left == 0 {
                            self.carried = Some(Carried {
                                cur,
                                batch,
                                uncharged,
                            });
                            break;
                        }
                        self.meter.set_executed(self.executed);
                        let (n, s) = self.execute(&mut g, left.min(batch));
                        // Bulk work counts as instructions for the budget and the clock
                        // (not for the batch grain).
                        let work = self.meter.take_work();
                        if let Some(t) = self.meter.take_over() {
                            self.die(&mut g, t);
                            break;
                        }
                        left = left.saturating_sub(n + work);
                        self.executed += n + work;
                        if matches!(s, Stop::Budget) && n < batch {
                            // The slice ended inside the batch: the next slice finishes it
                            // and charges the clock for all of it.
                            batch -= n;
                            uncharged += n + work;
                            continue;
                        }
                        let ran = std::mem::take(&mut uncharged) + n + work;
                        let over = self.sched.charge(self.cur.p, ran * NS_PER_INSTR);
                        batch = BATCH;
                        if let Some(e) = self.sched.invariant_violation() {
                            let e = e.to_owned();
                            self.die(
                                &mut g,
                                Throw::Internal(format!("scheduler invariant broken: {e}")),
                            );
                            break;
                        }
                        if self.executed > self.cfg.max_instructions {
                            let msg = format!(
                                "goroscope: the program was stopped after {} instructions (the playground's budget)\n",
                                self.cfg.max_instructions
                            );
                            self.write_raw(Stream::Stderr, msg.as_bytes());
                            self.finish(Exit {
                                code: 2,
                                reason: "instruction budget exhausted".into(),
                            });
                            break;
                        }
                        running = match s {
                            Stop::Budget => !over,
                            other => self.after_stop(&mut g, other).keep_running(&mut alive),
                        };
                    }
                    if alive {
                        if self.sched.recording() && self.carried.is_none() {
                            // Where the goroutine stopped: the editor marks this line.
                            let (_, line) = self.frame_position(&g);
                            self.sched
                                .record(cur.p, EventKind::GoLine { g: cur.g.0, line });
                        }
                        if let Some(slot) = self.gs.get_mut(idx) {
                            *slot = Some(g);
                        }
                    }
                }
            }
        }
        match &self.exit {
            Some(e) => SliceResult::Finished(e.clone()),
            None => SliceResult::Running,
        }
    }

    /// Runs the program to the end (or its budget).
    pub fn run(&mut self) -> Exit {
        loop {
            if let SliceResult::Finished(e) = self.run_slice(1 << 20) {
                return e;
            }
        }
    }

    /// Handles a stop of the running goroutine.
    fn after_stop(&mut self, g: &mut GState, s: Stop) -> Leave {
        match s {
            Stop::Budget => Leave::Stay,
            Stop::Park | Stop::Yield => Leave::LeftP,
            Stop::Done => {
                if g.id == 1 && !g.goexiting {
                    self.finish(Exit {
                        code: 0,
                        reason: "main returned".into(),
                    });
                } else {
                    if let Some(wg) = g.wg_done.take()
                        && let Err(t) = crate::natives::wg_done_ptr(self, &wg)
                    {
                        self.die(g, t);
                        return Leave::Ended;
                    }
                    self.live_goroutines -= 1;
                    self.meter.release(meter::STACK_BYTES);
                    self.sched.goexit(self.cur);
                }
                Leave::Ended
            }
            Stop::Nested | Stop::NestedPanic(_) => {
                self.die(
                    g,
                    Throw::Internal("a nested call returned to the scheduler".into()),
                );
                Leave::Ended
            }
            Stop::Die(t) => {
                self.die(g, t);
                Leave::Ended
            }
        }
    }

    /// Delivers the result of the operation `g` was parked in; may start a panic.
    fn resume(&mut self, g: &mut GState, wakeup: Option<sched::Wakeup<Value>>) -> Option<Stop> {
        let pending = g.pending.take();
        let w = wakeup?;
        match (w, pending) {
            (sched::Wakeup::Recv { value, ok }, Some(Pending::Recv { dst, ok: okr })) => {
                write_top(g, dst, value);
                write_top(g, okr, Value::Bool(ok));
                None
            }
            (sched::Wakeup::Select { case, recv }, Some(Pending::Select { table })) => {
                self.select_done(g, table, case, recv);
                None
            }
            (sched::Wakeup::SendOnClosed, _) => {
                self.throw(g, Throw::plain("send on closed channel"))
            }
            _ => None,
        }
    }

    pub(crate) fn finish(&mut self, e: Exit) {
        if self.exit.is_none() {
            let p = self.cur.p;
            self.sched.record(p, EventKind::Exit { code: e.code });
            self.exit = Some(e);
            // Frees the run's cyclic garbage (and earlier machines' on this thread).
            self.meter.collect();
        }
    }

    /// Ends the program because of `t` on goroutine `g`, writing Go's report.
    pub(crate) fn die(&mut self, g: &mut GState, t: Throw) {
        // A limit exceeded earlier explains whatever went wrong after it.
        let t = self.meter.take_over().unwrap_or(t);
        let (code, reason, text) = self.death_report(g, t);
        self.write_raw(Stream::Stderr, text.as_bytes());
        self.finish(Exit { code, reason });
    }

    fn deadlock(&mut self, d: sched::Deadlock) {
        let text = self.deadlock_report(d);
        self.write_raw(Stream::Stderr, text.as_bytes());
        self.finish(Exit {
            code: 2,
            reason: "deadlock".into(),
        });
    }

    // ---- output ----

    /// Writes program output, enforcing the output cap.
    pub(crate) fn write(&mut self, stream: Stream, bytes: &[u8]) -> Result<(), Throw> {
        if self.output_bytes + bytes.len() > self.cfg.max_output {
            return Err(Throw::Limit(format!(
                "goroscope: the program was stopped after writing {} bytes of output (the playground's limit)",
                self.cfg.max_output
            )));
        }
        self.write_raw(stream, bytes);
        Ok(())
    }

    pub(crate) fn write_stderr(&mut self, bytes: &[u8]) -> Result<(), Throw> {
        self.write(Stream::Stderr, bytes)
    }

    fn write_raw(&mut self, stream: Stream, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.output_bytes += bytes.len();
        if self.sched.recording() {
            let text = String::from_utf8_lossy(bytes).into_owned();
            self.sched
                .record(self.cur.p, EventKind::Output { stream, text });
        }
        match self.output.last_mut() {
            Some(o) if o.stream == stream => o.bytes.extend_from_slice(bytes),
            _ => self.output.push(Output {
                stream,
                bytes: bytes.to_vec(),
            }),
        }
    }

    /// Takes the output produced since the last call, in order.
    pub fn take_output(&mut self) -> Vec<Output> {
        std::mem::take(&mut self.output)
    }

    /// Takes the events recorded since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        self.sched.take_events()
    }

    /// The scheduler model, for inspection (tests, snapshots).
    pub fn scheduler(&self) -> &sched::Machine<Value> {
        &self.sched
    }

    /// Instructions executed so far.
    pub fn instructions(&self) -> u64 {
        self.executed
    }

    /// The program being run (with the runtime's own types appended).
    pub fn program(&self) -> &Program {
        &self.prog
    }

    /// Checks a string of `n` bytes about to be made against the size limit and the
    /// heap cap, and charges the work of writing it.
    pub(crate) fn check_str_len(&self, n: usize) -> Result<(), Throw> {
        if n as i64 > crate::ops::MAX_ELEMS {
            return Err(Throw::Limit(format!(
                "goroscope: a string of {n} bytes exceeds the playground's limit"
            )));
        }
        meter::work_bytes(n)?;
        meter::check_fits(n as u64)
    }

    pub(crate) fn add_executed(&mut self, n: u64) {
        self.executed += n;
    }

    pub(crate) fn rand_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }

    // ---- types and zero values ----

    pub(crate) fn type_desc(&self, ty: TypeId) -> &TypeDesc {
        &self.prog.types[ty.0 as usize]
    }

    /// The zero value of `ty`.
    pub(crate) fn zero(&mut self, ty: TypeId) -> Value {
        if let Some(Some(v)) = self.zeros.get(ty.0 as usize) {
            return v.clone();
        }
        let v = self.build_zero(ty, 0);
        if let Some(slot) = self.zeros.get_mut(ty.0 as usize) {
            *slot = Some(v.clone());
        }
        v
    }

    fn build_zero(&self, ty: TypeId, depth: u32) -> Value {
        let Some(desc) = self.prog.types.get(ty.0 as usize) else {
            return Value::Nil;
        };
        if depth > 64 {
            return Value::Nil;
        }
        match &desc.kind {
            TypeKind::Bool => Value::Bool(false),
            TypeKind::Int(_) => Value::Int(0),
            TypeKind::Float64 => Value::Float(0.0),
            TypeKind::String => Value::Str(Rc::from(&b""[..])),
            TypeKind::Array { len, elem } => {
                let bytes =
                    meter::flat_values(&self.prog.types, ty, 0).saturating_mul(meter::VALUE_BYTES);
                if !self.meter.could_fit(bytes) {
                    self.meter.refuse(bytes);
                    return Value::Nil;
                }
                let z = self.build_zero(*elem, depth + 1);
                Value::Agg(vec![z; *len as usize].into())
            }
            TypeKind::Struct { fields } => Value::Agg(
                fields
                    .iter()
                    .map(|f| self.build_zero(f.ty, depth + 1))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            TypeKind::Opaque(name)
                if name.starts_with("atomic.")
                    || name == "time.Time"
                    || name == "time.Duration" =>
            {
                if name == "atomic.Bool" {
                    Value::Bool(false)
                } else {
                    Value::Int(0)
                }
            }
            _ => Value::Nil,
        }
    }

    /// The zero value of the element type of slice, map (value) or chan type `ty`.
    pub(crate) fn elem_zero(&mut self, ty: TypeId) -> Value {
        let elem = match self.prog.types.get(ty.0 as usize).map(|t| &t.kind) {
            Some(TypeKind::Slice { elem })
            | Some(TypeKind::Chan { elem, .. })
            | Some(TypeKind::Array { elem, .. }) => *elem,
            Some(TypeKind::Map { value, .. }) => *value,
            Some(TypeKind::Pointer { elem }) => *elem,
            _ => return Value::Nil,
        };
        self.zero(elem)
    }

    // ---- goroutines ----

    /// `go f(args)`.
    pub(crate) fn spawn(
        &mut self,
        g: &mut GState,
        fv: Rc<FuncVal>,
        args: Vec<Value>,
    ) -> Result<Flow, Throw> {
        self.spawn_with(g, fv, args, None)
    }

    /// `go f(args)`; with `wg`, `wg.Done()` runs when the goroutine ends (`WaitGroup.Go`).
    pub(crate) fn spawn_with(
        &mut self,
        g: &mut GState,
        fv: Rc<FuncVal>,
        args: Vec<Value>,
        wg: Option<Value>,
    ) -> Result<Flow, Throw> {
        if self.live_goroutines >= self.cfg.max_goroutines {
            return Err(Throw::Limit(format!(
                "goroscope: the program was stopped at {} live goroutines (the playground's limit)",
                self.cfg.max_goroutines
            )));
        }
        self.meter.reserve(meter::STACK_BYTES)?;
        let name = self.callee_name(fv.callee);
        let (caller, line) = self.frame_position(g);
        let id = self.sched.newproc(self.cur, Some(&name), Some(line));
        let mut ng = GState::new(id.0);
        ng.wg_done = wg;
        ng.created_by = Some((
            crate::goroutine::TraceFrame {
                func: caller,
                has_params: false,
                line,
            },
            g.id,
        ));
        if let bytecode::Callee::Native(_) = fv.callee {
            // `go fmt.Println(x)`: the native runs on the new goroutine when it first runs.
            self.go_natives.insert(id.0, (fv, args));
        } else {
            let nargs = args.len();
            ng.regs = args;
            ng.regs.push(Value::Nil);
            self.call_value(&mut ng, &fv, 0, nargs, FrameKind::Entry)?;
        }
        let idx = id.0 as usize - 1;
        if self.gs.len() <= idx {
            self.gs.resize_with(idx + 1, || None);
        }
        self.gs[idx] = Some(Box::new(ng));
        self.live_goroutines += 1;
        Ok(Flow::Next)
    }

    pub(crate) fn add_timer_func(&mut self, f: TimerFunc) -> u64 {
        self.timer_funcs.push(f);
        self.timer_funcs.len() as u64 - 1
    }

    /// The stack of goroutine `id`, which the scheduler started for function timer `token`.
    fn start_timer_func(&mut self, id: GoId, token: u64) -> Result<Box<GState>, Throw> {
        let mut g = GState::new(id.0);
        self.live_goroutines += 1;
        self.meter.reserve(meter::STACK_BYTES)?;
        let idx = id.0 as usize - 1;
        if self.gs.len() <= idx {
            self.gs.resize_with(idx + 1, || None);
        }
        match self.timer_funcs.get(token as usize) {
            Some(TimerFunc::Call(f)) => {
                let f = f.clone();
                g.regs.push(Value::Nil);
                self.call_value(&mut g, &f, 0, 0, FrameKind::Entry)?;
            }
            Some(TimerFunc::CancelCtx(ctx)) => {
                let ctx = *ctx;
                let err = crate::natives::deadline_exceeded(self);
                self.cancel_ctx(ctx, err);
            }
            None => {}
        }
        Ok(Box::new(g))
    }

    pub(crate) fn callee_name(&self, c: bytecode::Callee) -> String {
        match c {
            bytecode::Callee::Func(f) => self.prog.funcs[f.0 as usize].name.clone(),
            bytecode::Callee::Native(n) => self.prog.natives[n.0 as usize].clone(),
        }
    }

    /// The function name and line of `g`'s top frame.
    pub(crate) fn frame_position(&self, g: &GState) -> (String, u32) {
        match g.frames.last() {
            Some(f) => {
                let func = &self.prog.funcs[f.func as usize];
                let pc = (f.pc as usize).saturating_sub(1);
                (
                    func.name.clone(),
                    func.lines.get(pc).map_or(func.pos.line, |p| p.line),
                )
            }
            None => ("main.main".into(), 0),
        }
    }

    // ---- channels ----

    /// The channel a value refers to; None for nil (or a non-channel).
    #[inline]
    pub(crate) fn chan_id(c: &Value) -> Option<sched::ChanId> {
        match c {
            Value::Chan(id) => Some(sched::ChanId(*id)),
            _ => None,
        }
    }

    pub(crate) fn chan_len(&self, c: u64) -> i64 {
        self.sched.chan_len(Some(sched::ChanId(c))) as i64
    }

    pub(crate) fn chan_cap(&self, c: u64) -> i64 {
        self.sched.chan_cap(Some(sched::ChanId(c))) as i64
    }

    pub(crate) fn make_chan(
        &mut self,
        ty: TypeId,
        cap: i64,
        line: Option<u32>,
        label: Option<&str>,
    ) -> Result<Value, Throw> {
        if !(0..=crate::ops::MAX_ELEMS).contains(&cap) {
            return Err(Throw::plain("makechan: size out of range"));
        }
        // The scheduler keeps every hchan: its buffer stays charged for the whole run.
        self.meter.reserve(cap as u64 * meter::VALUE_BYTES)?;
        let zero = self.elem_zero(ty);
        let elem = match &self.type_desc(ty).kind {
            TypeKind::Chan {
                elem,
                dir: ChanDir::Both | ChanDir::Send | ChanDir::Recv,
            } => Some(self.type_desc(*elem).name.clone()),
            _ => None,
        };
        let info = sched::ChanInfo {
            elem: elem.as_deref(),
            label,
            line,
        };
        let id = self.sched.make_chan(self.cur, cap as usize, zero, info);
        Ok(Value::Chan(id.0))
    }

    pub(crate) fn chan_send(
        &mut self,
        g: &mut GState,
        c: Option<sched::ChanId>,
        v: Value,
    ) -> Result<Flow, Throw> {
        match self.sched.chan_send(self.cur, c, v) {
            sched::SendResult::Done => Ok(Flow::Next),
            sched::SendResult::Parked => {
                g.pending = Some(Pending::Send);
                Ok(Flow::Park)
            }
            sched::SendResult::Panic(p) => Err(Throw::plain(p.message())),
        }
    }

    pub(crate) fn chan_recv(
        &mut self,
        g: &mut GState,
        c: Option<sched::ChanId>,
        dst: Option<bytecode::Reg>,
        ok: Option<bytecode::Reg>,
    ) -> Result<Flow, Throw> {
        match self.sched.chan_recv(self.cur, c) {
            sched::RecvResult::Done { value, ok: okv } => {
                write_top(g, dst, value);
                write_top(g, ok, Value::Bool(okv));
                Ok(Flow::Next)
            }
            sched::RecvResult::Parked => {
                g.pending = Some(Pending::Recv { dst, ok });
                Ok(Flow::Park)
            }
        }
    }

    pub(crate) fn chan_close(
        &mut self,
        _g: &mut GState,
        c: Option<sched::ChanId>,
    ) -> Result<Flow, Throw> {
        match self.sched.chan_close(self.cur, c) {
            Ok(()) => Ok(Flow::Next),
            Err(p) => Err(Throw::plain(p.message())),
        }
    }

    /// `select`: sets the top frame's pc to the chosen case (or parks).
    pub(crate) fn select(
        &mut self,
        g: &mut GState,
        table: &bytecode::SelectTable,
        idx: u32,
    ) -> Result<Flow, Throw> {
        let base = g.frames.last().map_or(0, |f| f.base as usize);
        let cases = table
            .cases
            .iter()
            .map(|c| match c.op {
                bytecode::SelectOp::Send { ch, val } => sched::Case::Send(
                    Self::chan_id(&g.regs[base + ch.0 as usize]),
                    g.regs[base + val.0 as usize].clone(),
                ),
                bytecode::SelectOp::Recv { ch, .. } => {
                    sched::Case::Recv(Self::chan_id(&g.regs[base + ch.0 as usize]))
                }
            })
            .collect();
        match self.sched.select(self.cur, cases, table.default.is_some()) {
            sched::SelectResult::Chosen { case, recv } => {
                self.select_done(g, idx, case, recv);
                Ok(Flow::Reload)
            }
            sched::SelectResult::Default => {
                if let (Some(top), Some(d)) = (g.frames.last_mut(), table.default) {
                    top.pc = d;
                }
                Ok(Flow::Reload)
            }
            sched::SelectResult::Parked => {
                g.pending = Some(Pending::Select { table: idx });
                Ok(Flow::Park)
            }
            sched::SelectResult::Panic(p) => Err(Throw::plain(p.message())),
        }
    }

    /// Writes a completed select case's results and jumps to its body.
    fn select_done(
        &mut self,
        g: &mut GState,
        table: u32,
        case: usize,
        recv: Option<(Value, bool)>,
    ) {
        let prog = self.prog.clone();
        let Some(top) = g.frames.last() else { return };
        let Some(c) = prog.funcs[top.func as usize]
            .select_tables
            .get(table as usize)
            .and_then(|t| t.cases.get(case))
        else {
            return;
        };
        if let (bytecode::SelectOp::Recv { val, ok, .. }, Some((v, okv))) = (c.op, recv) {
            write_top(g, val, v);
            write_top(g, ok, Value::Bool(okv));
        }
        if let Some(top) = g.frames.last_mut() {
            top.pc = c.target;
        }
    }
}

/// Writes `v` into register `r` of `g`'s top frame (if `r` is given).
pub(crate) fn write_top(g: &mut GState, r: Option<bytecode::Reg>, v: Value) {
    if let (Some(r), Some(top)) = (r, g.frames.last()) {
        let i = top.base as usize + r.0 as usize;
        if let Some(slot) = g.regs.get_mut(i) {
            crate::fast::set_value(slot, v);
        }
    }
}
