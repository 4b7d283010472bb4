//! The cycle collector: frees garbage that reference counting cannot (a doubly linked
//! list node, a struct pointing to itself, a closure capturing the variable that holds
//! it, a map holding itself through an interface, a slice element pointing into its own
//! backing array).
//!
//! # How
//!
//! Every cycle passes through a mutable container, since an immutable object (`Agg`,
//! `Iface`, `FuncVal`, `Place`) can only refer to objects made before it. The mutable
//! containers that hold values are boxed variables (`Cell`), backing arrays
//! (`Backing::Vec`) and maps; each registers itself here when made ([`track_cell`],
//! [`track_backing`], [`track_map`]), as a weak reference. A collection is *trial
//! deletion* (as in CPython's collector; Bacon and Rajan's synchronous cycle collection):
//!
//! 1. **Scan**: walk every object reachable from the registered containers, counting for
//!    each how many of its strong references are held inside the walked objects.
//! 2. **Mark**: an object whose strong count exceeds that internal count is referenced
//!    from outside the walked graph: a register, a global, a channel buffer, a timer's
//!    closure, the address book, a Rust local of the instruction running. Everything
//!    reachable from such an object is live.
//! 3. **Clear**: a registered container not marked is cyclic garbage: its contents are
//!    replaced by nil values, which breaks its cycles, and reference counting frees the
//!    rest.
//!
//! So the collector needs no list of the machine's roots, and may run at any point of a
//! run (in the middle of an instruction, inside a native).
//!
//! # Invariants (soundness: nothing reachable is freed or altered)
//!
//! - An edge is counted as internal only if it is a strong reference held in the contents
//!   of a walked object that the scan read; every content is read once, so an object's
//!   internal count never exceeds the references really held by walked objects. A
//!   container borrowed at the time of the collection is not read: its references count
//!   as external (the objects it holds stay live).
//! - Mark follows the edges scan recorded, which are the graph as it is (nothing runs
//!   between the two), so every object reachable from an externally referenced one is
//!   marked.
//! - Only registered containers are cleared, and only when unmarked: no path leads to
//!   them from outside the walked graph, so no code can reach them.
//! - The collector allocates no value and runs no Go code: output, trace, virtual time
//!   and printed addresses (the address book holds its objects, so they stay live) do not
//!   change. Node order is the registry's order (a `HashMap` is used for look-ups only).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use super::meter::{OBJECT_BYTES, STR_TRACKED, object_bytes};
use super::{Backing, FuncVal, Iface, MAP_HEADER_VALUES, Place, Root, Value, Var};
use crate::map::GoMap;

/// A container that may close a cycle, held weakly.
enum Tracked {
    Cell(Weak<Var>),
    Backing(Weak<Backing>),
    Map(Weak<RefCell<GoMap>>),
}

impl Tracked {
    fn is_live(&self) -> bool {
        match self {
            Tracked::Cell(w) => w.strong_count() > 0,
            Tracked::Backing(w) => w.strong_count() > 0,
            Tracked::Map(w) => w.strong_count() > 0,
        }
    }

    fn upgrade(&self) -> Option<Obj> {
        Some(match self {
            Tracked::Cell(w) => Obj::Cell(w.upgrade()?),
            Tracked::Backing(w) => Obj::Backing(w.upgrade()?),
            Tracked::Map(w) => Obj::Map(w.upgrade()?),
        })
    }
}

/// The registered containers of this thread (every machine on the thread shares it: the
/// collection needs no roots, so containers of several machines do not disturb it).
/// Invariant: dead entries are dropped once the list has doubled since the last prune,
/// so it holds at most twice the live containers (plus a floor).
#[derive(Default)]
struct Registry {
    entries: Vec<Tracked>,
    pruned_len: usize,
}

/// The registry is pruned when it exceeds twice its pruned length and this floor.
const PRUNE_FLOOR: usize = 1024;

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::default();
}

fn track(t: Tracked) {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.entries.push(t);
        if r.entries.len() > 2 * r.pruned_len.max(PRUNE_FLOOR) {
            r.entries.retain(Tracked::is_live);
            r.pruned_len = r.entries.len();
        }
    })
}

/// Registers a boxed variable (a `Cell`).
pub fn track_cell(c: &Rc<Var>) {
    track(Tracked::Cell(Rc::downgrade(c)))
}

/// Registers a backing array (only `Backing::Vec` holds values of its own; an
/// `Array` backing refers to a place whose root is registered).
pub fn track_backing(b: &Rc<Backing>) {
    if let Backing::Vec(_) = &**b {
        track(Tracked::Backing(Rc::downgrade(b)))
    }
}

/// Registers a map.
pub fn track_map(m: &Rc<RefCell<GoMap>>) {
    track(Tracked::Map(Rc::downgrade(m)))
}

/// How many registered containers are alive (for tests: a program that leaks none
/// returns this to its baseline once its machine is dropped and a collection ran).
pub fn live_containers() -> usize {
    REGISTRY.with(|r| r.borrow().entries.iter().filter(|t| t.is_live()).count())
}

/// What a collection found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Collected {
    /// Containers cleared (cyclic garbage).
    pub freed: usize,
    /// Estimated bytes of the small objects (cells, aggregates, closures, interfaces,
    /// pointers, short strings) still reachable from registered containers.
    pub small_bytes: u64,
}

/// One object of the walked graph, held strongly while the collection runs.
enum Obj {
    Cell(Rc<Var>),
    Backing(Rc<Backing>),
    Map(Rc<RefCell<GoMap>>),
    Agg(Rc<[Value]>),
    Func(Rc<FuncVal>),
    Iface(Rc<Iface>),
    Ptr(Rc<Place>),
}

/// A strong reference found in an object's contents.
enum Edge<'a> {
    Obj(&'a Value),
    Cell(&'a Rc<Var>),
    Backing(&'a Rc<Backing>),
}

fn addr<T: ?Sized>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const u8 as usize
}

impl Edge<'_> {
    /// The object this edge refers to, as a new strong reference; `None` for a leaf (a
    /// string, an opaque object, a map iterator) that cannot close a cycle.
    fn target(&self) -> Option<Obj> {
        Some(match self {
            Edge::Cell(c) => Obj::Cell(Rc::clone(c)),
            Edge::Backing(b) => Obj::Backing(Rc::clone(b)),
            Edge::Obj(v) => match v {
                Value::Cell(c) => Obj::Cell(c.clone()),
                Value::Slice(s) => Obj::Backing(s.backing.clone()),
                Value::Map(m) => Obj::Map(m.clone()),
                Value::Agg(a) => Obj::Agg(a.clone()),
                Value::Func(f) => Obj::Func(f.clone()),
                Value::Iface(i) => Obj::Iface(i.clone()),
                Value::Ptr(p) => Obj::Ptr(p.clone()),
                _ => return None,
            },
        })
    }

    /// The object referred to when it is immutable and this is its only reference: it is
    /// walked as part of the object holding the edge (its reachability is its holder's,
    /// and it can be referenced from nowhere else), which keeps it out of the graph.
    fn sole_immutable(&self) -> Option<Obj> {
        let Edge::Obj(v) = self else { return None };
        Some(match v {
            Value::Agg(a) if Rc::strong_count(a) == 1 => Obj::Agg(a.clone()),
            Value::Func(f) if Rc::strong_count(f) == 1 => Obj::Func(f.clone()),
            Value::Iface(i) if Rc::strong_count(i) == 1 => Obj::Iface(i.clone()),
            Value::Ptr(p) if Rc::strong_count(p) == 1 => Obj::Ptr(p.clone()),
            _ => return None,
        })
    }

    /// The key ([`Obj::key`]) of the object referred to, without taking a reference.
    fn key(&self) -> Option<usize> {
        Some(match self {
            Edge::Cell(c) => addr(c),
            Edge::Backing(b) => addr(b),
            Edge::Obj(v) => match v {
                Value::Cell(c) => addr(c),
                Value::Slice(s) => addr(&s.backing),
                Value::Map(m) => addr(m),
                Value::Agg(a) => addr(a),
                Value::Func(f) => addr(f),
                Value::Iface(i) => addr(i),
                Value::Ptr(p) => addr(p),
                _ => return None,
            },
        })
    }
}

fn place_edges<'a>(p: &'a Place, f: &mut dyn FnMut(Edge<'a>)) {
    match &p.root {
        Root::Cell(c) => f(Edge::Cell(c)),
        Root::Elem(b, _) => f(Edge::Backing(b)),
    }
}

impl Obj {
    /// The object's address: distinct live objects have distinct keys.
    fn key(&self) -> usize {
        match self {
            Obj::Cell(c) => addr(c),
            Obj::Backing(b) => addr(b),
            Obj::Map(m) => addr(m),
            Obj::Agg(a) => addr(a),
            Obj::Func(f) => addr(f),
            Obj::Iface(i) => addr(i),
            Obj::Ptr(p) => addr(p),
        }
    }

    fn strong(&self) -> usize {
        match self {
            Obj::Cell(c) => Rc::strong_count(c),
            Obj::Backing(b) => Rc::strong_count(b),
            Obj::Map(m) => Rc::strong_count(m),
            Obj::Agg(a) => Rc::strong_count(a),
            Obj::Func(f) => Rc::strong_count(f),
            Obj::Iface(i) => Rc::strong_count(i),
            Obj::Ptr(p) => Rc::strong_count(p),
        }
    }

    /// Calls `f` on every strong reference held in the object's contents (none for a
    /// container borrowed right now: see the module doc).
    fn edges(&self, f: &mut dyn FnMut(Edge<'_>)) {
        match self {
            Obj::Cell(c) => {
                if let Ok(v) = c.try_borrow() {
                    f(Edge::Obj(&v))
                }
            }
            Obj::Backing(b) => match &**b {
                Backing::Vec(e) => {
                    if let Ok(v) = e.try_borrow() {
                        v.iter().for_each(|x| f(Edge::Obj(x)))
                    }
                }
                Backing::Array(p) => place_edges(p, f),
            },
            Obj::Map(m) => {
                if let Ok(m) = m.try_borrow() {
                    m.each_value(|x| f(Edge::Obj(x)))
                }
            }
            Obj::Agg(a) => a.iter().for_each(|x| f(Edge::Obj(x))),
            Obj::Func(fv) => {
                if let Some(r) = &fv.recv {
                    f(Edge::Obj(r))
                }
                fv.captures.iter().for_each(|x| f(Edge::Obj(x)))
            }
            Obj::Iface(i) => f(Edge::Obj(&i.val)),
            Obj::Ptr(p) => place_edges(p, f),
        }
    }

    /// Calls `f` on every edge leading out of the object and the immutable objects only
    /// it refers to ([`Edge::sole_immutable`], walked through); returns the small-object
    /// bytes of those walked through.
    /// `inner` is scratch space (empty on entry and on return).
    fn outer_edges(&self, inner: &mut Vec<Obj>, f: &mut dyn FnMut(Edge<'_>)) -> u64 {
        let mut route = |e: Edge<'_>, inner: &mut Vec<Obj>| match e.sole_immutable() {
            Some(o) => inner.push(o),
            None => f(e),
        };
        self.edges(&mut |e| route(e, inner));
        let mut bytes = 0;
        while let Some(o) = inner.pop() {
            bytes += o.small_bytes();
            o.edges(&mut |e| route(e, inner));
        }
        bytes
    }

    /// The object's bytes in the small-object estimate (a backing array's elements and a
    /// map's entries are charged on the meter by their own `Charge`).
    fn small_bytes(&self) -> u64 {
        object_bytes(match self {
            Obj::Backing(_) => return 0,
            Obj::Map(_) => MAP_HEADER_VALUES,
            Obj::Cell(_) | Obj::Iface(_) | Obj::Ptr(_) => 1,
            Obj::Agg(a) => a.len() as u64,
            Obj::Func(f) => f.values(),
        })
    }

    /// Replaces the contents of a garbage container by nil values (a backing array keeps
    /// its length: `Elems` never changes length).
    fn clear(&self) -> bool {
        match self {
            Obj::Cell(c) => c.try_borrow_mut().map(|mut v| *v = Value::Nil).is_ok(),
            Obj::Backing(b) => match &**b {
                Backing::Vec(e) => e
                    .try_borrow_mut()
                    .map(|mut v| v.iter_mut().for_each(|x| *x = Value::Nil))
                    .is_ok(),
                Backing::Array(_) => false,
            },
            Obj::Map(m) => m.try_borrow_mut().map(|mut m| m.clear()).is_ok(),
            _ => false,
        }
    }
}

/// A hasher for object addresses (look-ups only; never iterated): a multiplicative hash,
/// rotated so that the well-mixed high bits pick the bucket (addresses are aligned: their
/// low bits are always zero).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0.rotate_left(32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_usize(*b as usize);
        }
    }

    fn write_usize(&mut self, v: usize) {
        self.0 = (self.0 ^ v as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;

struct Node {
    obj: Obj,
    /// Strong references to the object held by walked objects.
    internal: usize,
    /// The node's out-edges: `Graph::edges[edges.0..edges.1]`.
    edges: (u32, u32),
    /// Small-object bytes of the object, of the objects walked through with it, and of
    /// the short strings first seen from it.
    bytes: u64,
    marked: bool,
}

/// The walked graph (see the module doc).
#[derive(Default)]
struct Graph {
    nodes: Vec<Node>,
    index: AddrMap<usize>,
    /// Every node's out-edges (node indices), node after node.
    edges: Vec<u32>,
    /// Short strings already counted.
    strings: HashSet<usize, BuildHasherDefault<AddrHasher>>,
    /// Scratch space of [`Obj::outer_edges`].
    inner: Vec<Obj>,
}

impl Graph {
    /// The node of `obj`, added if new.
    fn add(&mut self, obj: Obj) -> usize {
        *self.index.entry(obj.key()).or_insert_with(|| {
            self.nodes.push(Node {
                obj,
                internal: 0,
                edges: (0, 0),
                bytes: 0,
                marked: false,
            });
            self.nodes.len() - 1
        })
    }

    /// Scan: every object reachable from the registered containers, with its internal
    /// reference count, its out-edges and its bytes.
    fn scan(&mut self) {
        let roots: Vec<Obj> = REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            r.entries.retain(Tracked::is_live);
            r.pruned_len = r.entries.len();
            r.entries.iter().filter_map(Tracked::upgrade).collect()
        });
        self.nodes.reserve(roots.len());
        self.index.reserve(roots.len());
        for obj in roots {
            self.add(obj);
        }
        let mut found: Vec<Result<usize, Obj>> = Vec::new();
        let mut i = 0;
        while i < self.nodes.len() {
            let Graph {
                nodes,
                index,
                strings,
                inner,
                ..
            } = self;
            let mut bytes = nodes[i].obj.small_bytes();
            let mut str_bytes = 0;
            bytes += nodes[i].obj.outer_edges(inner, &mut |e| {
                if let Edge::Obj(Value::Str(s)) = e {
                    if s.len() < STR_TRACKED && strings.insert(addr(s)) {
                        str_bytes += OBJECT_BYTES + s.len() as u64;
                    }
                } else if let Some(key) = e.key() {
                    match index.get(&key) {
                        Some(&j) => found.push(Ok(j)),
                        None => found.extend(e.target().map(Err)),
                    }
                }
            });
            let start = self.edges.len() as u32;
            for f in found.drain(..) {
                let j = f.unwrap_or_else(|obj| self.add(obj));
                self.nodes[j].internal += 1;
                self.edges.push(j as u32);
            }
            let node = &mut self.nodes[i];
            node.edges = (start, self.edges.len() as u32);
            node.bytes = bytes + str_bytes;
            i += 1;
        }
    }

    /// Mark: everything reachable from an externally referenced object. Returns the
    /// bytes of the marked objects.
    fn mark(&mut self) -> u64 {
        // One strong reference of each object is the graph's own.
        let mut work: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].obj.strong() > self.nodes[i].internal + 1)
            .collect();
        for &i in &work {
            self.nodes[i].marked = true;
        }
        let mut bytes = 0u64;
        while let Some(i) = work.pop() {
            let (start, end) = self.nodes[i].edges;
            bytes += self.nodes[i].bytes;
            for &j in &self.edges[start as usize..end as usize] {
                let n = &mut self.nodes[j as usize];
                if !n.marked {
                    n.marked = true;
                    work.push(j as usize);
                }
            }
        }
        bytes
    }
}

/// Runs a collection over this thread's registered containers (see the module doc).
pub fn collect() -> Collected {
    let mut g = Graph::default();
    g.scan();
    let small_bytes = g.mark();
    let freed = g
        .nodes
        .iter()
        .filter(|n| !n.marked && n.obj.clear())
        .count();
    // Dropping the graph frees the garbage: every container in it is already empty, so
    // no drop recurses far.
    drop(g);
    Collected { freed, small_bytes }
}
