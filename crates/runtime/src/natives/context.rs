//! `context`: Background/TODO, WithCancel, WithTimeout/WithDeadline, WithValue, Done,
//! Err, Value, Canceled, DeadlineExceeded. Contexts live in the machine's table (`Machine::contexts`);
//! a context value is an interface holding `*context.cancelCtx{#h}` with `#h` = index + 1.
//! Cancelling closes the Done channel (made lazily) and cancels every child; a deadline
//! is a function timer that cancels with `DeadlineExceeded` when it fires. A
//! `WithValue` context is a child like any other (so it is cancelled with its parent and
//! inherits its deadline) that also carries one key/value pair; `Value` walks up the
//! parents.

use std::rc::Rc;

use goroscope_compiler::bytecode::Callee;

use super::{NativeFn, arg, ret};
use crate::goroutine::GState;
use crate::interp::{Flow, load_ptr};
use crate::machine::{Machine, TimerFunc};
use crate::throw::Throw;
use crate::value::{FuncVal, Value};

/// One context.
#[derive(Debug, Default)]
pub struct Ctx {
    /// The Done channel, once someone asked for it.
    done: Option<u64>,
    /// nil until cancelled, then Canceled or DeadlineExceeded.
    err: Value,
    children: Vec<usize>,
    /// Background and TODO are never cancelled and have a nil Done channel.
    background: bool,
    deadline: Option<i64>,
    /// The context this one was derived from (none for Background/TODO).
    parent: Option<usize>,
    /// The pair of a `WithValue` context.
    value: Option<(Value, Value)>,
}

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "context.Background" | "context.TODO" => background,
        "context.WithCancel" => with_cancel,
        "context.WithTimeout" => |m, g, b, n| {
            let when = m.now_ns().saturating_add(arg(g, b, 1).as_int());
            with_deadline_at(m, g, b, n, when)
        },
        "context.WithDeadline" => |m, g, b, n| {
            let when = match arg(g, b, 1) {
                Value::Agg(a) => a.first().map_or(0, Value::as_int),
                _ => 0,
            };
            with_deadline_at(m, g, b, n, when)
        },
        "context.Canceled" => |m, g, b, _| {
            let v = canceled(m);
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "context.DeadlineExceeded" => |m, g, b, _| {
            let v = deadline_exceeded(m);
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "context.deadlineExceededError.Error" => |_, g, b, _| {
            ret(g, b, 0, Value::str(b"context deadline exceeded"));
            Ok(Flow::Next)
        },
        "context.(*cancelCtx).Done" => done,
        "context.(*cancelCtx).Err" => |m, g, b, _| {
            let i = ctx_index(&arg(g, b, 0))?;
            let e = m.contexts.get(i).map_or(Value::Nil, |c| c.err.clone());
            ret(g, b, 0, e);
            Ok(Flow::Next)
        },
        "context.(*cancelCtx).Deadline" => |m, g, b, _| {
            let i = ctx_index(&arg(g, b, 0))?;
            let d = m.contexts.get(i).and_then(|c| c.deadline);
            ret(g, b, 0, super::time::time_value(d.unwrap_or(0)));
            ret(g, b, 1, Value::Bool(d.is_some()));
            Ok(Flow::Next)
        },
        "context.WithValue" => with_value,
        "context.(*cancelCtx).Value" => |m, g, b, _| {
            let (i, key) = (ctx_index(&arg(g, b, 0))?, arg(g, b, 1));
            let v = m.ctx_lookup(i, &key);
            ret(g, b, 0, v);
            Ok(Flow::Next)
        },
        "context.cancel" => |m, g, b, _| {
            let i = ctx_index(&arg(g, b, 0))?;
            let err = canceled(m);
            m.cancel_ctx(i, err);
            Ok(Flow::Next)
        },
        _ => return None,
    })
}

/// `context.Canceled` (one value for the whole run, so `==` works).
pub(crate) fn canceled(m: &mut Machine) -> Value {
    if let Some(v) = m.cached.get("context.Canceled") {
        return v.clone();
    }
    let v = super::errors::new_error_string(m, Value::str(b"context canceled"));
    m.cached.insert("context.Canceled", v.clone());
    v
}

/// `context.DeadlineExceeded`.
pub(crate) fn deadline_exceeded(m: &mut Machine) -> Value {
    if let Some(v) = m.cached.get("context.DeadlineExceeded") {
        return v.clone();
    }
    let v = Value::iface(m.rt.deadline_error, Value::Agg(Vec::new().into()));
    m.cached.insert("context.DeadlineExceeded", v.clone());
    v
}

fn ctx_value(m: &Machine, i: usize) -> Value {
    Value::iface(
        m.rt.cancel_ctx,
        Value::cell(Value::Agg(vec![Value::Int(i as i64 + 1)].into())),
    )
}

fn ctx_index(v: &Value) -> Result<usize, Throw> {
    match load_ptr(v)? {
        Value::Agg(a) => Ok((a.first().map_or(0, Value::as_int) - 1).max(0) as usize),
        _ => Err(Throw::nil_deref()),
    }
}

/// The context index inside a `context.Context` interface value.
fn parent_index(v: &Value) -> Result<usize, Throw> {
    match v {
        Value::Iface(i) => ctx_index(&i.val),
        _ => Err(Throw::plain("cannot create context from nil parent")),
    }
}

fn background(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    m.contexts.push(Ctx {
        background: true,
        ..Ctx::default()
    });
    let v = ctx_value(m, m.contexts.len() - 1);
    ret(g, b, 0, v);
    Ok(Flow::Next)
}

/// A new child of the context in argument 0; returns (ctx, cancel) in the results.
fn new_child(
    m: &mut Machine,
    g: &mut GState,
    b: usize,
    deadline: Option<i64>,
) -> Result<usize, Throw> {
    let parent = parent_index(&arg(g, b, 0))?;
    let i = m.contexts.len();
    let inherited = m.contexts.get(parent).and_then(|p| p.deadline);
    let deadline = match (deadline, inherited) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    m.contexts.push(Ctx {
        deadline,
        parent: Some(parent),
        ..Ctx::default()
    });
    let parent_err = m.contexts.get(parent).map_or(Value::Nil, |p| p.err.clone());
    if let Some(p) = m.contexts.get_mut(parent) {
        p.children.push(i);
    }
    if !parent_err.is_nil() {
        m.cancel_ctx(i, parent_err);
    }
    let ctx = ctx_value(m, i);
    let cancel_native = m.rt.cancel_native;
    let cancel = Value::Func(Rc::new(FuncVal {
        callee: Callee::Native(cancel_native),
        recv: Some(match &ctx {
            Value::Iface(x) => x.val.clone(),
            _ => Value::Nil,
        }),
        captures: Box::new([]),
    }));
    ret(g, b, 0, ctx);
    ret(g, b, 1, cancel);
    Ok(i)
}

fn with_cancel(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    new_child(m, g, b, None)?;
    Ok(Flow::Next)
}

fn with_deadline_at(
    m: &mut Machine,
    g: &mut GState,
    b: usize,
    _n: usize,
    when: i64,
) -> Result<Flow, Throw> {
    let i = new_child(m, g, b, Some(when))?;
    let d = when - m.now_ns();
    if d <= 0 {
        let err = deadline_exceeded(m);
        m.cancel_ctx(i, err);
    } else if m.contexts[i].err.is_nil() {
        let token = m.add_timer_func(TimerFunc::CancelCtx(i));
        m.sched.new_func_timer(m.cur, d, token);
    }
    Ok(Flow::Next)
}

/// `context.WithValue(parent, key, val)`: Go panics on a nil or uncomparable key.
fn with_value(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    let parent = parent_index(&arg(g, b, 0))?;
    let (key, val) = (arg(g, b, 1), arg(g, b, 2));
    let refuse = |m: &Machine, msg: &str| {
        Throw::Panic(Value::iface(m.rt.string_type, Value::str(msg.as_bytes())))
    };
    match &key {
        Value::Iface(k) if matches!(k.val, Value::Slice(_) | Value::Map(_) | Value::Func(_)) => {
            return Err(refuse(m, "key is not comparable"));
        }
        Value::Iface(_) => {}
        _ => return Err(refuse(m, "nil key")),
    }
    let i = m.contexts.len();
    let (background, deadline, err) = m
        .contexts
        .get(parent)
        .map_or((true, None, Value::Nil), |p| (p.background, p.deadline, p.err.clone()));
    m.contexts.push(Ctx {
        background,
        deadline,
        err,
        parent: Some(parent),
        value: Some((key, val)),
        ..Ctx::default()
    });
    if let Some(p) = m.contexts.get_mut(parent) {
        p.children.push(i);
    }
    let v = ctx_value(m, i);
    ret(g, b, 0, v);
    Ok(Flow::Next)
}

fn done(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    let i = ctx_index(&arg(g, b, 0))?;
    let ch = m.ctx_done(i);
    ret(g, b, 0, ch);
    Ok(Flow::Next)
}

impl Machine {
    /// The Done channel of context `i` (nil for Background), made on first use; closed
    /// already if the context is cancelled.
    fn ctx_done(&mut self, i: usize) -> Value {
        let Some(c) = self.contexts.get(i) else {
            return Value::Nil;
        };
        if c.background {
            return Value::Nil;
        }
        if let Some(ch) = c.done {
            return Value::Chan(ch);
        }
        let cancelled = !c.err.is_nil();
        let info = goroscope_sched::ChanInfo {
            elem: Some("struct {}"),
            label: Some("ctx.Done()"),
            line: None,
        };
        let ch = self
            .sched
            .make_chan(self.cur, 0, Value::Agg(Vec::new().into()), info);
        if cancelled {
            let _ = self.sched.chan_close(self.cur, Some(ch));
        }
        self.contexts[i].done = Some(ch.0);
        Value::Chan(ch.0)
    }

    /// `ctx.Value(key)` of context `i`: the value of the nearest `WithValue` ancestor
    /// (itself included) whose key equals `key`, else nil.
    fn ctx_lookup(&self, i: usize, key: &Value) -> Value {
        let mut cur = Some(i);
        while let Some(c) = cur.and_then(|c| self.contexts.get(c)) {
            if let Some((k, v)) = &c.value
                && crate::value::go_equal(k, key) == Ok(true)
            {
                return v.clone();
            }
            cur = c.parent;
        }
        Value::Nil
    }

    /// Cancels context `i` and its descendants with `err` (first cancellation wins).
    pub(crate) fn cancel_ctx(&mut self, i: usize, err: Value) {
        let mut stack = vec![i];
        while let Some(i) = stack.pop() {
            let Some(c) = self.contexts.get_mut(i) else {
                continue;
            };
            if !c.err.is_nil() || c.background {
                continue;
            }
            c.err = err.clone();
            stack.extend(c.children.iter().copied());
            if let Some(ch) = c.done {
                let _ = self
                    .sched
                    .chan_close(self.cur, Some(goroscope_sched::ChanId(ch)));
            }
        }
    }
}
