//! `sync` (Mutex, RWMutex, WaitGroup, Once, Cond) and `sync/atomic`, over the scheduler's
//! sync objects. A sync value's hidden handle field holds the scheduler id + 1 once used
//! (0 in the zero value), so zero values work and copies made before first use are
//! independent objects, as in Go.
//!
//! A `Cond`'s Locker is a `*sync.Mutex`, a `*sync.RWMutex`, or a value of a user type
//! that embeds one (its promoted Lock/Unlock are the embedded mutex's; a type that
//! redefines them is still locked through the embedded mutex). `RWMutex.RLocker()` is
//! the RWMutex pointer under the runtime type `*sync.rlocker`, whose methods are the
//! RLock/RUnlock natives; a Cond over it is refused (the scheduler's Cond relocks
//! writers only).

use std::rc::Rc;

use goroscope_compiler::bytecode::{IntKind, TypeId, TypeKind};
use goroscope_sched::{self as sched, BlockResult, Locker, OnceResult, SyncError};

use super::{NativeFn, arg, ret};
use crate::goroutine::{FrameKind, GState, Pending};
use crate::interp::{Flow, load_ptr, store_ptr};
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::{Place, Root, Value};

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "sync.(*Mutex).Lock" => mutex_lock,
        "sync.(*Mutex).Unlock" => mutex_unlock,
        "sync.(*Mutex).TryLock" => mutex_try_lock,
        "sync.(*RWMutex).Lock" => rw_lock,
        "sync.(*RWMutex).Unlock" => rw_unlock,
        "sync.(*RWMutex).RLock" => rw_rlock,
        "sync.(*RWMutex).RUnlock" => rw_runlock,
        "sync.(*RWMutex).TryLock" => rw_try_lock,
        "sync.(*RWMutex).TryRLock" => rw_try_rlock,
        "sync.(*RWMutex).RLocker" => |m, g, base, _n| {
            let rw = arg(g, base, 0);
            ret(g, base, 0, Value::iface(m.rt.rlocker, rw));
            Ok(Flow::Next)
        },
        "sync.(*WaitGroup).Add" => wg_add,
        "sync.(*WaitGroup).Done" => wg_done,
        "sync.(*WaitGroup).Wait" => wg_wait,
        "sync.(*WaitGroup).Go" => wg_go,
        "sync.(*Once).Do" => once_do,
        "sync.NewCond" => new_cond,
        "sync.(*Cond).Wait" => cond_wait,
        "sync.(*Cond).Signal" => cond_signal,
        "sync.(*Cond).Broadcast" => cond_broadcast,
        _ => return atomic(key),
    })
}

/// A pointer to field `i` of the struct `p` points to.
pub(super) fn field_ptr(p: &Value, i: u32) -> Result<Value, Throw> {
    let place = match p {
        Value::Cell(c) => Place {
            root: Root::Cell(c.clone()),
            path: vec![i],
        },
        Value::Ptr(pl) => pl.child(i),
        _ => return Err(Throw::nil_deref()),
    };
    Ok(Value::Ptr(Rc::new(place)))
}

/// The scheduler id behind the handle field `i` of `*p`, created by `make` on first use.
fn handle(p: &Value, i: u32, make: impl FnOnce() -> u64) -> Result<u64, Throw> {
    let f = field_ptr(p, i)?;
    match load_ptr(&f)? {
        Value::Int(h) if h > 0 => Ok(h as u64 - 1),
        _ => {
            let id = make();
            store_ptr(&f, Value::Int(id as i64 + 1))?;
            Ok(id)
        }
    }
}

fn mutex_id(m: &mut Machine, p: &Value) -> Result<sched::MutexId, Throw> {
    Ok(sched::MutexId(handle(p, 0, || m.sched.new_mutex().0)?))
}

fn rw_id(m: &mut Machine, p: &Value) -> Result<sched::RWMutexId, Throw> {
    Ok(sched::RWMutexId(handle(p, 0, || m.sched.new_rwmutex().0)?))
}

fn wg_id(m: &mut Machine, p: &Value) -> Result<sched::WaitGroupId, Throw> {
    Ok(sched::WaitGroupId(handle(p, 0, || {
        m.sched.new_waitgroup().0
    })?))
}

fn blocked(g: &mut GState, r: BlockResult) -> Flow {
    match r {
        BlockResult::Done => Flow::Next,
        BlockResult::Parked => {
            g.pending = Some(Pending::Native);
            Flow::Park
        }
    }
}

/// A sync misuse in Go's words: fatal errors cannot be recovered; the WaitGroup one is a
/// panic with a string value.
pub(super) fn sync_error(m: &Machine, e: SyncError) -> Throw {
    if e.is_fatal() {
        Throw::Fatal(e.message().into())
    } else {
        Throw::Panic(Value::iface(
            m.rt.string_type,
            Value::str(e.message().as_bytes()),
        ))
    }
}

fn mutex_lock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = mutex_id(m, &arg(g, base, 0))?;
    let r = m.sched.mutex_lock(m.cur, id);
    Ok(blocked(g, r))
}

fn mutex_unlock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = mutex_id(m, &arg(g, base, 0))?;
    m.sched
        .mutex_unlock(m.cur, id)
        .map_err(|e| sync_error(m, e))?;
    Ok(Flow::Next)
}

fn mutex_try_lock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = mutex_id(m, &arg(g, base, 0))?;
    let ok = m.sched.mutex_try_lock(m.cur, id);
    ret(g, base, 0, Value::Bool(ok));
    Ok(Flow::Next)
}

fn rw_lock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    let r = m.sched.rw_lock(m.cur, id);
    Ok(blocked(g, r))
}

fn rw_unlock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    m.sched.rw_unlock(m.cur, id).map_err(|e| sync_error(m, e))?;
    Ok(Flow::Next)
}

fn rw_rlock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    let r = m.sched.rw_rlock(m.cur, id);
    Ok(blocked(g, r))
}

fn rw_runlock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    m.sched
        .rw_runlock(m.cur, id)
        .map_err(|e| sync_error(m, e))?;
    Ok(Flow::Next)
}

/// `RWMutex.TryLock`: succeeds when neither a writer nor a reader holds the lock.
fn rw_try_lock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    let ok = m.sched.rw_try_lock(m.cur, id);
    ret(g, base, 0, Value::Bool(ok));
    Ok(Flow::Next)
}

/// `RWMutex.TryRLock`: succeeds unless a writer holds the lock or waits for readers.
fn rw_try_rlock(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = rw_id(m, &arg(g, base, 0))?;
    let ok = m.sched.rw_try_rlock(m.cur, id);
    ret(g, base, 0, Value::Bool(ok));
    Ok(Flow::Next)
}

fn wg_add(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = wg_id(m, &arg(g, base, 0))?;
    let delta = arg(g, base, 1).as_int();
    m.sched
        .wg_add(m.cur, id, delta)
        .map_err(|e| sync_error(m, e))?;
    Ok(Flow::Next)
}

fn wg_done(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = wg_id(m, &arg(g, base, 0))?;
    m.sched
        .wg_add(m.cur, id, -1)
        .map_err(|e| sync_error(m, e))?;
    Ok(Flow::Next)
}

/// `WaitGroup.Done` for a goroutine started by `WaitGroup.Go`, when it ends.
pub(crate) fn wg_done_ptr(m: &mut Machine, wg: &Value) -> Result<(), Throw> {
    let id = wg_id(m, wg)?;
    m.sched.wg_add(m.cur, id, -1).map_err(|e| sync_error(m, e))
}

fn wg_wait(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = wg_id(m, &arg(g, base, 0))?;
    let r = m.sched.wg_wait(m.cur, id);
    Ok(blocked(g, r))
}

fn wg_go(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let wg = arg(g, base, 0);
    let id = wg_id(m, &wg)?;
    m.sched.wg_add(m.cur, id, 1).map_err(|e| sync_error(m, e))?;
    let Value::Func(f) = arg(g, base, 1) else {
        return Err(Throw::nil_deref());
    };
    m.spawn_with(g, f, Vec::new(), Some(wg))
}

fn once_do(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let p = arg(g, base, 0);
    let id = sched::OnceId(handle(&p, 0, || m.sched.new_once().0)?);
    match m.sched.once_do(m.cur, id) {
        OnceResult::Done => Ok(Flow::Next),
        OnceResult::Parked => {
            g.pending = Some(Pending::Native);
            Ok(Flow::Park)
        }
        OnceResult::Run => {
            let Value::Func(f) = arg(g, base, 1) else {
                return Err(Throw::nil_deref());
            };
            let flow = m.call_value(g, &f, base, 0, FrameKind::OnceBody(id.0))?;
            if matches!(flow, Flow::Next) {
                // A native function ran to completion already.
                m.sched.once_done(m.cur, id);
            }
            Ok(flow)
        }
    }
}

fn new_cond(_m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let l = arg(g, base, 0);
    ret(
        g,
        base,
        0,
        Value::cell(Value::Agg(vec![l, Value::Int(0)].into())),
    );
    Ok(Flow::Next)
}

fn cond_id(m: &mut Machine, p: &Value) -> Result<sched::CondId, Throw> {
    Ok(sched::CondId(handle(p, 1, || m.sched.new_cond().0)?))
}

fn cond_wait(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let p = arg(g, base, 0);
    let id = cond_id(m, &p)?;
    let Value::Iface(l) = load_ptr(&field_ptr(&p, 0)?)? else {
        return Err(Throw::nil_deref());
    };
    let locker = cond_locker(m, l.ty, &l.val, 0)?;
    m.sched
        .cond_wait(m.cur, id, locker)
        .map_err(|e| sync_error(m, e))?;
    g.pending = Some(Pending::Native);
    Ok(Flow::Park)
}

/// The mutex behind a Cond's Locker `v` of dynamic type `ty`: a `*sync.Mutex` or
/// `*sync.RWMutex`, or one embedded (at any depth, by value or by pointer) in the struct
/// `v` is or points to.
fn cond_locker(m: &mut Machine, ty: TypeId, v: &Value, depth: u32) -> Result<Locker, Throw> {
    let desc = m.type_desc(ty).clone();
    let found = match (desc.name.as_str(), &desc.kind) {
        ("*sync.Mutex", _) => Some(Locker::Mutex(mutex_id(m, v)?)),
        ("*sync.RWMutex", _) => Some(Locker::RWMutex(rw_id(m, v)?)),
        _ if depth > 8 || v.is_nil() => None,
        (_, TypeKind::Pointer { elem }) => embedded_locker(m, *elem, v, depth)?,
        (_, TypeKind::Struct { fields }) => {
            // A struct value: only mutexes embedded by pointer are reachable.
            let mut found = None;
            for (i, f) in fields.iter().enumerate().filter(|(_, f)| f.embedded) {
                let inner = match v {
                    Value::Agg(a) => a.get(i).cloned().unwrap_or_default(),
                    _ => Value::Nil,
                };
                if let Ok(l) = cond_locker(m, f.ty, &inner, depth + 1) {
                    found = Some(l);
                    break;
                }
            }
            found
        }
        _ => None,
    };
    found.ok_or_else(|| {
        Throw::Fatal(format!(
            "goroscope: sync.Cond with a Locker of type {} is not supported (only sync.Mutex, sync.RWMutex and types embedding one)",
            desc.name
        ))
    })
}

/// The mutex embedded in the struct of type `st` that `ptr` points to.
fn embedded_locker(
    m: &mut Machine,
    st: TypeId,
    ptr: &Value,
    depth: u32,
) -> Result<Option<Locker>, Throw> {
    let TypeKind::Struct { fields } = m.type_desc(st).kind.clone() else {
        return Ok(None);
    };
    for (i, f) in fields.iter().enumerate().filter(|(_, f)| f.embedded) {
        let at = field_ptr(ptr, i as u32)?;
        let found = match (m.type_desc(f.ty).name.as_str(), &m.type_desc(f.ty).kind) {
            ("sync.Mutex", _) => Some(Locker::Mutex(mutex_id(m, &at)?)),
            ("sync.RWMutex", _) => Some(Locker::RWMutex(rw_id(m, &at)?)),
            (_, TypeKind::Struct { .. }) if depth < 8 => embedded_locker(m, f.ty, &at, depth + 1)?,
            (_, TypeKind::Pointer { .. }) => cond_locker(m, f.ty, &load_ptr(&at)?, depth + 1).ok(),
            _ => None,
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn cond_signal(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = cond_id(m, &arg(g, base, 0))?;
    m.sched.cond_signal(m.cur, id);
    Ok(Flow::Next)
}

fn cond_broadcast(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let id = cond_id(m, &arg(g, base, 0))?;
    m.sched.cond_broadcast(m.cur, id);
    Ok(Flow::Next)
}

// ---- sync/atomic ----

/// The operations of `sync/atomic`, on a pointer to an integer (functions) or to the
/// hidden field of `atomic.Int64` & co. (methods). Atomic operations are single
/// instructions of the machine, so they are atomic by construction.
#[derive(Clone, Copy)]
enum AtomicOp {
    Add,
    Cas,
    Load,
    Store,
    Swap,
}

fn atomic(key: &str) -> Option<NativeFn> {
    let f: NativeFn = match key.strip_prefix("sync/atomic.")? {
        "AddInt32" | "(*Int32).Add" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Add, IntKind::I32)
        }
        "AddInt64" | "(*Int64).Add" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Add, IntKind::I64)
        }
        "AddUint32" | "(*Uint32).Add" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Add, IntKind::U32)
        }
        "AddUint64" | "(*Uint64).Add" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Add, IntKind::U64)
        }
        "CompareAndSwapInt32" | "(*Int32).CompareAndSwap" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Cas, IntKind::I32)
        }
        "CompareAndSwapInt64" | "(*Int64).CompareAndSwap" | "(*Bool).CompareAndSwap" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Cas, IntKind::I64)
        }
        "CompareAndSwapUint32" | "(*Uint32).CompareAndSwap" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Cas, IntKind::U32)
        }
        "CompareAndSwapUint64" | "(*Uint64).CompareAndSwap" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Cas, IntKind::U64)
        }
        "LoadInt32" | "LoadInt64" | "LoadUint32" | "LoadUint64" | "(*Int32).Load"
        | "(*Int64).Load" | "(*Uint32).Load" | "(*Uint64).Load" | "(*Bool).Load" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Load, IntKind::I64)
        }
        "StoreInt32" | "StoreInt64" | "StoreUint32" | "StoreUint64" | "(*Int32).Store"
        | "(*Int64).Store" | "(*Uint32).Store" | "(*Uint64).Store" | "(*Bool).Store" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Store, IntKind::I64)
        }
        "SwapInt32" | "SwapInt64" | "SwapUint32" | "SwapUint64" | "(*Int32).Swap"
        | "(*Int64).Swap" | "(*Uint32).Swap" | "(*Uint64).Swap" | "(*Bool).Swap" => {
            |m, g, b, n| atomic_op(m, g, b, n, AtomicOp::Swap, IntKind::I64)
        }
        _ => return None,
    };
    Some(f)
}

fn atomic_op(
    _m: &mut Machine,
    g: &mut GState,
    base: usize,
    _n: usize,
    op: AtomicOp,
    kind: IntKind,
) -> Result<Flow, Throw> {
    let p = arg(g, base, 0);
    // Methods of atomic.Int64 & co. get a pointer to the struct: use its hidden field.
    let p = match load_ptr(&p)? {
        Value::Agg(_) => field_ptr(&p, 0)?,
        _ => p,
    };
    let old = load_ptr(&p)?;
    match op {
        AtomicOp::Add => {
            let v = Value::Int(kind.wrap(old.as_int().wrapping_add(arg(g, base, 1).as_int())));
            store_ptr(&p, v.clone())?;
            ret(g, base, 0, v);
        }
        AtomicOp::Cas => {
            let (want, new) = (arg(g, base, 1), arg(g, base, 2));
            let hit = crate::value::go_equal(&old, &want).unwrap_or(false);
            if hit {
                store_ptr(&p, new)?;
            }
            ret(g, base, 0, Value::Bool(hit));
        }
        AtomicOp::Load => ret(g, base, 0, old),
        AtomicOp::Store => store_ptr(&p, arg(g, base, 1))?,
        AtomicOp::Swap => {
            store_ptr(&p, arg(g, base, 1))?;
            ret(g, base, 0, old);
        }
    }
    Ok(Flow::Next)
}
