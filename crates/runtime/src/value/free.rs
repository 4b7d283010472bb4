//! Freeing values without recursion: a million-node linked list, a chain of slices of
//! slices, of interfaces holding arrays of interfaces, of closures capturing closures,
//! is freed in constant host stack.
//!
//! # Why
//!
//! Rust's drop glue frees an object by dropping its contents, which frees the objects
//! they were the last owner of, and so on: one host stack frame per link of the chain.
//! A Go program can build chains as long as its heap allows, and dropping one (`head =
//! nil`, the end of a run) would overflow the host's stack.
//!
//! # How
//!
//! Every chain a program can build runs through an object that can hold values of its
//! own type: a boxed variable ([`Var`](super::Var)), a backing array
//! ([`Elems`](super::Elems)), a map, an interface, a func value. (Aggregates nest only as
//! deep as the program text's types; a `Place` holds no value, only a root that is a
//! boxed variable or a backing array.) Each of those has a `Drop` that, when its contents
//! are not trivially freed ([`Value::frees_shallowly`]), moves them out and hands them
//! to [`free`]:
//!
//! - the outermost `free` on the thread (no free running) marks the thread as freeing,
//!   drops what it was given, then drops whatever was queued meanwhile, last in first out,
//!   until the queue is empty;
//! - a `free` while one is running (a drop inside that drop) only queues its values.
//!
//! So the host stack holds at most one object's drop glue down to the next such object
//! (bounded by the program text's type nesting), and the queue holds a chain's frontier:
//! one entry per link being freed, popped before the next link is reached. A vector's
//! elements (a backing array, a map's entries) are dropped from the last; when one
//! queues orphans, the rest of the vector is queued beneath them, so freeing a slice of
//! a million lists does not queue a million lists at once.
//!
//! # Cost
//!
//! A drop runs this code only when an object's last reference goes away and it holds a
//! value that is itself the last reference to an object holding more than leaves
//! ([`Value::frees_shallowly`]): dropping a scalar, a string, a shared reference, or a
//! small struct or interface box of those (the hot path of the interpreter) never
//! reaches the queue.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Value;

/// Values whose owner was freed and that are the last reference to an object.
enum Orphans {
    One(Value),
    /// The elements of a backing array or a closure's captures.
    Many(Vec<Value>),
    /// A map's entries.
    Entries(Vec<Option<(Value, Value)>>),
}

thread_local! {
    /// Whether a [`free`] is running on this thread (see the module doc).
    static FREEING: Cell<bool> = const { Cell::new(false) };
    /// Orphans queued by drops nested in the running [`free`].
    static QUEUE: RefCell<Vec<Orphans>> = const { RefCell::new(Vec::new()) };
}

/// Frees `orphans` in constant host stack (see the module doc).
fn free(orphans: Orphans) {
    match FREEING.try_with(|f| f.replace(true)) {
        Ok(false) => {}
        Ok(true) => {
            enqueue(orphans);
            return;
        }
        // The thread is exiting and its queue is gone: nothing long can be left to free.
        Err(_) => return drop(orphans),
    }
    let _running = Running;
    let mut next = Some(orphans);
    while let Some(orphans) = next {
        orphans.drop_some();
        next = with_queue(Vec::pop).flatten();
    }
}

/// Frees the elements of a backing array or a closure's captures.
pub(super) fn free_values(values: Vec<Value>) {
    if !values.is_empty() {
        free(Orphans::Many(values))
    }
}

/// Frees a map's entries.
pub(crate) fn free_entries(entries: Vec<Option<(Value, Value)>>) {
    if !entries.is_empty() {
        free(Orphans::Entries(entries))
    }
}

/// Runs `f` on the queue; `None` once the thread's queue is gone (the thread is
/// exiting).
fn with_queue<R>(f: impl FnOnce(&mut Vec<Orphans>) -> R) -> Option<R> {
    QUEUE.try_with(|q| f(&mut q.borrow_mut())).ok()
}

fn enqueue(orphans: Orphans) {
    let mut orphans = Some(orphans);
    with_queue(|q| q.extend(orphans.take()));
    // Without a queue (the thread is exiting) the orphans are dropped on the spot.
    drop(orphans)
}

/// Ends the running [`free`] when dropped (also if a drop unwinds).
struct Running;

impl Drop for Running {
    fn drop(&mut self) {
        FREEING.set(false)
    }
}

impl Orphans {
    /// Drops these orphans. Called by the running [`free`] with no borrow of the queue
    /// held: the drops queue what they orphan.
    fn drop_some(self) {
        match self {
            Orphans::One(v) => drop(v),
            Orphans::Many(vs) => drop_each(vs, Value::frees_shallowly, Orphans::Many),
            Orphans::Entries(es) => drop_each(
                es,
                |e| {
                    e.as_ref()
                        .is_none_or(|(k, v)| k.frees_shallowly() && v.frees_shallowly())
                },
                Orphans::Entries,
            ),
        }
    }
}

/// Drops `items` from the last, until one queues orphans: then the rest is queued
/// beneath them (taken up again once that item's chain is freed), so the queue holds a
/// chain's frontier, not every chain of a long vector at once. Items that free
/// shallowly are dropped without looking at the queue.
fn drop_each<T>(mut items: Vec<T>, shallow: impl Fn(&T) -> bool, rest: fn(Vec<T>) -> Orphans) {
    while let Some(item) = items.pop() {
        if shallow(&item) {
            continue;
        }
        let queued = with_queue(|q| q.len());
        drop(item);
        if let Some(queued) = queued
            && !items.is_empty()
            && with_queue(|q| q.len()) > Some(queued)
        {
            let rest = rest(items);
            with_queue(|q| q.insert(queued, rest));
            return;
        }
    }
}

impl Value {
    /// Whether dropping this value frees nothing that holds values: a scalar, a string,
    /// an opaque object, or a reference that is not the last one to its object.
    #[inline]
    fn is_leaf(&self) -> bool {
        match self {
            Value::Nil
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Chan(_)
            | Value::Str(_)
            | Value::Opaque(_) => true,
            Value::Agg(a) => Rc::strong_count(a) > 1,
            Value::Slice(s) => Rc::strong_count(&s.backing) > 1,
            Value::Map(m) => Rc::strong_count(m) > 1,
            Value::Cell(c) => Rc::strong_count(c) > 1,
            Value::Ptr(p) => Rc::strong_count(p) > 1,
            Value::Func(f) => Rc::strong_count(f) > 1,
            Value::Iface(i) => Rc::strong_count(i) > 1,
            Value::MapIter(it) => Rc::strong_count(it) > 1,
        }
    }

    /// Whether dropping this value in any drop is bounded without help from [`free`]: a
    /// leaf ([`Value::is_leaf`]), or the last reference to a struct, an interface or a
    /// boxed variable whose contents are leaves (the common short-lived objects, freed
    /// on the spot rather than queued).
    #[inline]
    pub(super) fn frees_shallowly(&self) -> bool {
        match self {
            Value::Agg(a) => Rc::strong_count(a) > 1 || a.iter().all(Value::is_leaf),
            Value::Iface(i) => Rc::strong_count(i) > 1 || i.val.is_leaf(),
            Value::Cell(c) => Rc::strong_count(c) > 1 || c.try_borrow().is_ok_and(|v| v.is_leaf()),
            v => v.is_leaf(),
        }
    }

    /// Hands this value to [`free`] unless it frees shallowly (the `Drop` of an object
    /// holding it, with `self` its slot).
    #[inline]
    pub(super) fn free_in_place(&mut self) {
        if !self.frees_shallowly() {
            free(Orphans::One(std::mem::take(self)))
        }
    }
}
