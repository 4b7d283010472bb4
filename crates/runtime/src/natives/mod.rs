//! The standard-library subset, implemented natively, looked up by the keys the type
//! checker gives them (`fmt.Println`, `sync.(*WaitGroup).Add`, `time.Duration.String`).
//!
//! Calling convention (see the bytecode module doc): a native gets the goroutine, the
//! absolute index of its first argument register and the argument count; it writes its
//! results to the same registers from the first on. A variadic parameter arrives as one
//! slice. A native that blocks asks the scheduler, which parks the goroutine, and returns
//! `Flow::Park`; the operation is complete when the goroutine resumes.
//!
//! Standard-library structs keep their run-time state behind a hidden first-or-last field
//! (`#h uintptr`, see the checker's stdlib table): it holds `Int(0)` in the zero value and
//! the natives replace it with the scheduler object's id + 1 (mutexes, wait groups...) or
//! with an `Opaque` (builders, random sources) the first time they are used.
//!
//! Values the standard library creates and user code only sees through interfaces
//! (`errors.New`'s `*errors.errorString`, `fmt.Errorf`'s `*fmt.wrapError`, contexts...)
//! get type descriptors that [`install`] appends to the program at load time (or reuses,
//! when the compiler already made one with the same name).

mod context;
mod errors;
mod fmt;
mod math;
mod misc;
mod rand;
mod strconv;
mod strings;
mod sync;
pub(crate) mod time;

use goroscope_compiler::bytecode::{
    Callee, Field, Method, NativeId, Program, SymId, TypeDesc, TypeId, TypeKind,
};

use crate::goroutine::GState;
use crate::interp::Flow;
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::Value;

pub(crate) use context::{Ctx, deadline_exceeded};
pub(crate) use sync::wg_done_ptr;

/// A native function: (machine, goroutine, first argument register, argument count).
pub type NativeFn = fn(&mut Machine, &mut GState, usize, usize) -> Result<Flow, Throw>;

/// The type ids (and method names) of the values the runtime itself creates.
#[derive(Clone, Debug, Default)]
pub struct RuntimeTypes {
    pub runtime_error: TypeId,
    pub panic_nil_error: TypeId,
    pub error_string: TypeId,
    pub wrap_error: TypeId,
    pub wrap_errors: TypeId,
    pub join_error: TypeId,
    pub num_error: TypeId,
    pub deadline_error: TypeId,
    pub cancel_ctx: TypeId,
    pub rng_source: TypeId,
    pub string_type: TypeId,
    pub sym_error: SymId,
    pub sym_string: SymId,
    pub sym_unwrap: SymId,
    /// The native behind the cancel functions `context.WithCancel` returns.
    pub cancel_native: NativeId,
}

/// Argument `i` of a native call.
pub(crate) fn arg(g: &GState, base: usize, i: usize) -> Value {
    g.regs.get(base + i).cloned().unwrap_or_default()
}

/// Writes result `i` of a native call.
pub(crate) fn ret(g: &mut GState, base: usize, i: usize, v: Value) {
    if base + i >= g.regs.len() {
        g.regs.resize(base + i + 1, Value::Nil);
    }
    g.regs[base + i] = v;
}

fn sym(p: &mut Program, name: &str) -> SymId {
    match p.symbol(name) {
        Some(s) => s,
        None => {
            p.symbols.push(name.into());
            SymId(p.symbols.len() as u32 - 1)
        }
    }
}

fn native(p: &mut Program, key: &str) -> NativeId {
    match p.natives.iter().position(|n| n == key) {
        Some(i) => NativeId(i as u32),
        None => {
            p.natives.push(key.into());
            NativeId(p.natives.len() as u32 - 1)
        }
    }
}

/// The type named `name` (reused if the compiler made it, else appended), with native
/// methods `(method name, native key)` added to its table.
fn ensure_type(p: &mut Program, name: &str, kind: TypeKind, methods: &[(&str, &str)]) -> TypeId {
    let id = match p.types.iter().position(|t| t.name == name) {
        Some(i) => TypeId(i as u32),
        None => {
            p.types.push(TypeDesc {
                name: name.into(),
                kind,
                methods: Vec::new(),
            });
            TypeId(p.types.len() as u32 - 1)
        }
    };
    for (m, key) in methods {
        let name = sym(p, m);
        let callee = Callee::Native(native(p, key));
        let table = &mut p.types[id.0 as usize].methods;
        if !table.iter().any(|x| x.name == name) {
            table.push(Method {
                name,
                callee,
                deref_recv: false,
            });
        }
    }
    id
}

fn field(name: &str, ty: TypeId) -> Field {
    Field {
        name: name.into(),
        ty,
        embedded: false,
    }
}

/// Appends the runtime's own types to `p` (see the module doc).
pub fn install(p: &mut Program) -> RuntimeTypes {
    let string_type = ensure_type(p, "string", TypeKind::String, &[]);
    let uintptr = ensure_type(
        p,
        "uintptr",
        TypeKind::Int(goroscope_compiler::bytecode::IntKind::U64),
        &[],
    );
    let sym_error = sym(p, "Error");
    let error_iface = ensure_type(
        p,
        "error",
        TypeKind::Interface {
            methods: vec![sym_error],
        },
        &[],
    );
    let error_slice = ensure_type(p, "[]error", TypeKind::Slice { elem: error_iface }, &[]);
    let runtime_error = ensure_type(
        p,
        "runtime.Error",
        TypeKind::String,
        &[("Error", "runtime.Error.Error")],
    );
    let panic_nil_error = ensure_type(
        p,
        "*runtime.PanicNilError",
        TypeKind::String,
        &[("Error", "runtime.Error.Error")],
    );
    let ptr_struct = |p: &mut Program, name: &str, fields: Vec<Field>, methods: &[(&str, &str)]| {
        let st = ensure_type(p, name, TypeKind::Struct { fields }, &[]);
        ensure_type(
            p,
            &format!("*{name}"),
            TypeKind::Pointer { elem: st },
            methods,
        )
    };
    let error_string = ptr_struct(
        p,
        "errors.errorString",
        vec![field("s", string_type)],
        &[("Error", "errors.(*errorString).Error")],
    );
    let wrap_error = ptr_struct(
        p,
        "fmt.wrapError",
        vec![field("msg", string_type), field("err", error_iface)],
        &[
            ("Error", "fmt.(*wrapError).Error"),
            ("Unwrap", "fmt.(*wrapError).Unwrap"),
        ],
    );
    let wrap_errors = ptr_struct(
        p,
        "fmt.wrapErrors",
        vec![field("msg", string_type), field("errs", error_slice)],
        &[
            ("Error", "fmt.(*wrapError).Error"),
            ("Unwrap", "fmt.(*wrapErrors).Unwrap"),
        ],
    );
    let join_error = ptr_struct(
        p,
        "errors.joinError",
        vec![field("errs", error_slice)],
        &[
            ("Error", "errors.(*joinError).Error"),
            ("Unwrap", "fmt.(*wrapErrors).Unwrap"),
        ],
    );
    let num_error = ptr_struct(
        p,
        "strconv.NumError",
        vec![
            field("Func", string_type),
            field("Num", string_type),
            field("Err", error_iface),
        ],
        &[
            ("Error", "strconv.(*NumError).Error"),
            ("Unwrap", "strconv.(*NumError).Unwrap"),
        ],
    );
    let deadline_error = ensure_type(
        p,
        "context.deadlineExceededError",
        TypeKind::Struct { fields: Vec::new() },
        &[("Error", "context.deadlineExceededError.Error")],
    );
    let cancel_ctx = ptr_struct(
        p,
        "context.cancelCtx",
        vec![field("#h", uintptr)],
        &[
            ("Deadline", "context.(*cancelCtx).Deadline"),
            ("Done", "context.(*cancelCtx).Done"),
            ("Err", "context.(*cancelCtx).Err"),
            ("Value", "context.(*cancelCtx).Value"),
        ],
    );
    let rng_source = ptr_struct(
        p,
        "rand.rngSource",
        vec![field("#h", uintptr)],
        &[
            ("Int63", "math/rand.(*rngSource).Int63"),
            ("Seed", "math/rand.(*rngSource).Seed"),
        ],
    );
    RuntimeTypes {
        runtime_error,
        panic_nil_error,
        error_string,
        wrap_error,
        wrap_errors,
        join_error,
        num_error,
        deadline_error,
        cancel_ctx,
        rng_source,
        string_type,
        sym_error,
        sym_string: sym(p, "String"),
        sym_unwrap: sym(p, "Unwrap"),
        cancel_native: native(p, "context.cancel"),
    }
}

/// The native implementing `key`, if the subset has it.
pub fn lookup(key: &str) -> Option<NativeFn> {
    fmt::lookup(key)
        .or_else(|| errors::lookup(key))
        .or_else(|| strings::lookup(key))
        .or_else(|| strconv::lookup(key))
        .or_else(|| math::lookup(key))
        .or_else(|| time::lookup(key))
        .or_else(|| sync::lookup(key))
        .or_else(|| context::lookup(key))
        .or_else(|| rand::lookup(key))
        .or_else(|| misc::lookup(key))
}

impl Machine {
    /// Calls `callee` (a bytecode function or native) to completion on goroutine `g`
    /// from inside a native, with a bound receiver/captures from `bound`. The inner
    /// `Err` is a panic of the callee (its value). Blocking inside is a fatal error.
    pub(crate) fn call_nested(
        &mut self,
        g: &mut GState,
        fv: &std::rc::Rc<crate::value::FuncVal>,
        args: &[Value],
        nresults: usize,
    ) -> Result<Result<Vec<Value>, Value>, Throw> {
        let abs = match g.frames.last() {
            Some(top) => top.base as usize + self.prog.funcs[top.func as usize].nregs as usize + 8,
            None => 8,
        };
        let need = abs + args.len() + nresults + 2;
        if g.regs.len() < need {
            g.regs.resize(need, Value::Nil);
        }
        for (i, a) in args.iter().enumerate() {
            g.regs[abs + i] = a.clone();
        }
        let depth = g.frames.len();
        let flow = self.call_value(g, fv, abs, args.len(), crate::goroutine::FrameKind::Nested)?;
        let results = |g: &GState| g.regs[abs..abs + nresults].to_vec();
        if g.frames.len() == depth {
            return match flow {
                Flow::Park | Flow::Yield => Err(blocked()),
                _ => Ok(Ok(results(g))),
            };
        }
        loop {
            let (n, stop) = self.execute(g, crate::machine::BATCH);
            self.charge_nested(n)?;
            match stop {
                crate::interp::Stop::Nested => return Ok(Ok(results(g))),
                crate::interp::Stop::NestedPanic(v) => return Ok(Err(v)),
                crate::interp::Stop::Budget => {}
                crate::interp::Stop::Die(t) => return Err(t),
                _ => return Err(blocked()),
            }
        }
    }

    /// The `Error()` (preferred) or `String()` text of interface value `v`, if its dynamic
    /// type has such a method; a panic inside gives Go's `%!v(PANIC=...)` form.
    pub(crate) fn call_string_method(&mut self, g: &mut GState, v: &Value) -> Option<String> {
        let Value::Iface(i) = v else { return None };
        let (kind, text) = self.method_text(g, i.ty, &i.val)?;
        Some(match text {
            Ok(t) => String::from_utf8_lossy(&t).into_owned(),
            Err(p) => {
                let inner = self.panic_value_text(g, &p);
                format!("%!v(PANIC={kind} method: {inner})")
            }
        })
    }

    /// Runs the `Error`/`String` method of dynamic type `ty` on `val`.
    pub(crate) fn method_text(
        &mut self,
        g: &mut GState,
        ty: TypeId,
        val: &Value,
    ) -> Option<(&'static str, Result<Vec<u8>, Value>)> {
        let methods = &self.prog.types[ty.0 as usize].methods;
        let find = |s: SymId| {
            methods
                .binary_search_by_key(&s, |m| m.name)
                .ok()
                .map(|k| methods[k])
        };
        let (kind, m) = match find(self.rt.sym_error) {
            Some(m) => ("Error", m),
            None => ("String", find(self.rt.sym_string)?),
        };
        let recv = if m.deref_recv {
            match crate::interp::load_ptr(val) {
                Ok(v) => v,
                Err(_) => return Some((kind, Err(Value::Nil))),
            }
        } else {
            val.clone()
        };
        let fv = std::rc::Rc::new(crate::value::FuncVal {
            callee: m.callee,
            recv: None,
            captures: Box::new([]),
        });
        match self.call_nested(g, &fv, &[recv], 1) {
            Ok(Ok(r)) => Some((
                kind,
                Ok(r.first().map(|v| v.as_bytes().to_vec()).unwrap_or_default()),
            )),
            Ok(Err(p)) => Some((kind, Err(p))),
            Err(_) => Some((kind, Ok(b"<blocked>".to_vec()))),
        }
    }

    /// Runs the native body of `go f(args)` on its goroutine `g` (which has no frames),
    /// the first time the goroutine is scheduled: what the goroutine does next.
    pub(crate) fn start_native_body(
        &mut self,
        g: &mut GState,
        f: std::rc::Rc<crate::value::FuncVal>,
        args: Vec<Value>,
    ) -> Option<crate::interp::Stop> {
        use crate::interp::Stop;
        let nargs = args.len();
        g.regs = args;
        g.regs.push(Value::Nil);
        match self.call_value(g, &f, 0, nargs, crate::goroutine::FrameKind::Entry) {
            Ok(Flow::Park) => Some(Stop::Park),
            Ok(Flow::Yield) => Some(Stop::Yield),
            Ok(Flow::Next | Flow::Reload) => Some(Stop::Done),
            Err(t) => self.throw(g, t),
        }
    }

    fn charge_nested(&mut self, n: u64) -> Result<(), Throw> {
        self.add_executed(n);
        self.sched
            .charge(self.cur.p, n * crate::machine::NS_PER_INSTR);
        Ok(())
    }
}

fn blocked() -> Throw {
    Throw::Fatal("goroscope: a method called by the standard library (String, Error, a sync.Once function) blocked; this is not supported".into())
}

/// A Go string result (its bytes charged as bulk work: a run past the budget ends at
/// the next check).
pub(crate) fn s(v: impl Into<Vec<u8>>) -> Value {
    let v = v.into();
    crate::value::meter::note_work((v.len() as u64).div_ceil(crate::value::meter::BYTES_PER_INSTR));
    Value::str(&v)
}
