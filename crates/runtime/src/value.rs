//! Run-time values: what a register, a struct field, a slice element or a map entry holds.
//!
//! Representation (32 bytes, no allocation for scalars, so the hot loop never allocates):
//! - integers of every kind are `Int(i64)`, normalised to their kind (see `IntKind`);
//!   `float64` is `Float`; `bool` is `Bool`.
//! - strings are immutable shared bytes (`Str`), possibly invalid UTF-8.
//! - structs and arrays are `Agg`: an `Rc<[Value]>` with **copy-on-write**. Copying a value
//!   clones the `Rc`; every write goes through [`agg_mut`] (`Rc::make_mut`), which copies
//!   the elements first when they are shared. So Go's value semantics hold without the compiler
//!   emitting copies.
//! - a pointer to a whole boxed variable is `Cell` (identity = the `Rc`); an interior
//!   pointer (`&s.f`, `&xs[i]`) is `Ptr`: a root plus a path of field/element indices,
//!   read and written through the root, so it aliases exactly like Go's.
//! - slices are `Slice`: a shared backing store plus offset/len/cap. The backing store is
//!   a vector (from `make`, literals, `append`) or a place holding an array (slicing an
//!   array through a pointer), so slices of arrays alias the array.
//! - maps are shared (`Map`), channels are ids of the scheduler's hchans (`Chan`),
//!   functions are `Func`, interfaces are `Iface` (dynamic type id + value), runtime
//!   objects of the standard library (`sync.Mutex`, `strings.Builder`, ...) are `Opaque`.
//! - `Nil` is the nil of every reference kind and the lazily-initialised zero value of
//!   opaque types.
//!
//! Memory: objects are reference counted; the mutable containers (cells, backing arrays,
//! maps) are made by [`new_cell`], [`Backing::new_vec`] and [`Value::new_map`], which
//! register them with the cycle collector ([`collect`]); [`meter`] estimates the heap.
//! Every object that can hold a value of its own type frees its contents through
//! [`free`], so that freeing a long chain of objects does not recurse once per link.

pub mod address;
pub mod collect;
mod free;
pub mod meter;

pub(crate) use free::free_entries;

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use goroscope_compiler::bytecode::{Callee, TypeId};

use crate::map::GoMap;
use crate::opaque::Opaque;

/// A Go value; see the module doc.
#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<[u8]>),
    Agg(Rc<[Value]>),
    Slice(Slice),
    Map(Rc<RefCell<GoMap>>),
    Chan(u64),
    Cell(Rc<Var>),
    Ptr(Rc<Place>),
    Func(Rc<FuncVal>),
    Iface(Rc<Iface>),
    Opaque(Rc<RefCell<Opaque>>),
    /// A map iterator (only ever in a register, made by `MapIter`).
    MapIter(Rc<RefCell<crate::map::MapIter>>),
}

const _: () = assert!(std::mem::size_of::<Value>() <= 32);

/// A slice header: `cap` elements of `backing` from `off` are addressable, `len` visible.
#[derive(Clone, Debug)]
pub struct Slice {
    pub backing: Rc<Backing>,
    pub off: u32,
    pub len: u32,
    pub cap: u32,
}

/// Values a map's own object counts as on the small-object estimate (its entries are
/// charged by the map's `Charge`).
pub const MAP_HEADER_VALUES: u64 = 2;

/// A boxed variable holding `v` (a `Cell` value's object, a global): registered with the
/// cycle collector and counted on the heap meter.
pub fn new_cell(v: Value) -> Rc<Var> {
    let c = Rc::new(Var(RefCell::new(v)));
    collect::track_cell(&c);
    meter::note_small(meter::object_bytes(1));
    c
}

/// A boxed variable: the object a `Cell` value points to (read and written as a
/// `RefCell<Value>`; its contents are freed through [`free`]).
#[derive(Debug)]
pub struct Var(RefCell<Value>);

impl Deref for Var {
    type Target = RefCell<Value>;

    fn deref(&self) -> &RefCell<Value> {
        &self.0
    }
}

impl Drop for Var {
    fn drop(&mut self) {
        self.0.get_mut().free_in_place()
    }
}

/// The array behind a slice.
#[derive(Debug)]
pub enum Backing {
    /// An array made by `make`, a literal or `append`; its length is the capacity.
    Vec(Elems),
    /// An array variable (or field) sliced through a pointer: elements are read and written
    /// through the place, so the array and the slice alias.
    Array(Place),
}

impl Backing {
    /// A backing array of `elems`, registered with the cycle collector (the elements are
    /// charged by `elems`, and only they: a slice of `n` elements weighs exactly `n`
    /// values on the meter).
    pub fn new_vec(elems: Elems) -> Rc<Backing> {
        let b = Rc::new(Backing::Vec(elems));
        collect::track_backing(&b);
        b
    }
}

/// The elements of a [`Backing::Vec`] and their charge on the heap meter (the vector
/// never changes length, so the charge stays exact).
#[derive(Debug)]
pub struct Elems {
    elems: RefCell<Vec<Value>>,
    _charge: meter::Charge,
}

impl Elems {
    /// Elements already allocated; counted on the heap meter (the run ends at the next
    /// check if they do not fit).
    pub fn new(v: Vec<Value>) -> Elems {
        let charge = meter::Charge::note(v.len() as u64 * meter::VALUE_BYTES);
        Elems::charged(v, charge)
    }

    /// Elements whose bytes were charged before they were allocated.
    pub fn charged(v: Vec<Value>, charge: meter::Charge) -> Elems {
        Elems {
            elems: RefCell::new(v),
            _charge: charge,
        }
    }
}

impl Drop for Elems {
    fn drop(&mut self) {
        free::free_values(std::mem::take(self.elems.get_mut()))
    }
}

impl Deref for Elems {
    type Target = RefCell<Vec<Value>>;

    fn deref(&self) -> &RefCell<Vec<Value>> {
        &self.elems
    }
}

/// Where an interior pointer points: inside `root`, following `path` (field or array
/// indices through nested aggregates).
#[derive(Clone, Debug)]
pub struct Place {
    pub root: Root,
    pub path: Vec<u32>,
}

#[derive(Clone, Debug)]
pub enum Root {
    /// A boxed variable, a `new` object or a global.
    Cell(Rc<Var>),
    /// Element `idx` of a slice's backing store.
    Elem(Rc<Backing>, u32),
}

/// A func value: a callee with an optional bound receiver (method values) and captures
/// (closures).
#[derive(Debug)]
pub struct FuncVal {
    pub callee: Callee,
    pub recv: Option<Value>,
    pub captures: Box<[Value]>,
}

impl FuncVal {
    /// The values the func value holds (callee and receiver count as one).
    pub fn values(&self) -> u64 {
        1 + self.captures.len() as u64
    }
}

impl Drop for FuncVal {
    fn drop(&mut self) {
        if let Some(recv) = &mut self.recv {
            recv.free_in_place()
        }
        if !self.captures.iter().all(Value::frees_shallowly) {
            free::free_values(std::mem::take(&mut self.captures).into_vec())
        }
    }
}

/// A non-nil interface value.
#[derive(Clone, Debug)]
pub struct Iface {
    pub ty: TypeId,
    pub val: Value,
}

impl Drop for Iface {
    fn drop(&mut self) {
        self.val.free_in_place()
    }
}

impl Value {
    /// A string value (counted on the heap meter when long).
    pub fn str(bytes: &[u8]) -> Value {
        let s: Rc<[u8]> = Rc::from(bytes);
        meter::note_str(&s);
        Value::Str(s)
    }

    pub fn from_string(s: String) -> Value {
        Value::str(s.as_bytes())
    }

    pub fn iface(ty: TypeId, val: Value) -> Value {
        meter::note_small(meter::object_bytes(1));
        Value::Iface(Rc::new(Iface { ty, val }))
    }

    pub fn cell(v: Value) -> Value {
        Value::Cell(new_cell(v))
    }

    /// A struct or array value of `elems`.
    pub fn agg(elems: &[Value]) -> Value {
        meter::note_small(meter::object_bytes(elems.len() as u64));
        Value::Agg(elems.into())
    }

    /// A func value (a closure, a method value).
    pub fn func(f: FuncVal) -> Value {
        meter::note_small(meter::object_bytes(f.values()));
        Value::Func(Rc::new(f))
    }

    /// A pointer to `place`.
    pub fn ptr(place: Place) -> Value {
        meter::note_small(meter::object_bytes(1));
        Value::Ptr(Rc::new(place))
    }

    /// A new empty map.
    pub fn new_map() -> Value {
        let m = Rc::default();
        collect::track_map(&m);
        meter::note_small(meter::object_bytes(MAP_HEADER_VALUES));
        Value::Map(m)
    }

    pub fn slice_from_vec(v: Vec<Value>) -> Value {
        let n = v.len() as u32;
        Value::Slice(Slice {
            backing: Backing::new_vec(Elems::new(v)),
            off: 0,
            len: n,
            cap: n,
        })
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// The integer in an `Int` (a `Bool` as 0 or 1, for `==` on bools; 0 for anything
    /// else, callers use it on ints only). The int case is tested first and alone: it is
    /// the interpreter's hottest read.
    #[inline(always)]
    pub fn as_int(&self) -> i64 {
        if let Value::Int(i) = self {
            *i
        } else {
            self.as_int_other()
        }
    }

    #[cold]
    fn as_int_other(&self) -> i64 {
        match self {
            Value::Bool(b) => *b as i64,
            _ => 0,
        }
    }

    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            _ => 0.0,
        }
    }

    pub fn as_bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Str(s) => s,
            _ => &[],
        }
    }
}

impl Slice {
    /// The visible elements, copied out.
    pub fn to_vec(&self) -> Vec<Value> {
        (0..self.len).map(|i| self.get(i)).collect()
    }

    /// Element `i` (`i < cap`).
    pub fn get(&self, i: u32) -> Value {
        let idx = (self.off + i) as usize;
        match &*self.backing {
            Backing::Vec(v) => v.borrow().get(idx).cloned().unwrap_or_default(),
            Backing::Array(place) => match place.load() {
                Value::Agg(a) => a.get(idx).cloned().unwrap_or_default(),
                _ => Value::Nil,
            },
        }
    }

    /// Sets element `i` (`i < cap`).
    pub fn set(&self, i: u32, v: Value) {
        let idx = (self.off + i) as usize;
        match &*self.backing {
            Backing::Vec(vec) => {
                if let Some(slot) = vec.borrow_mut().get_mut(idx) {
                    *slot = v;
                }
            }
            Backing::Array(place) => place.child(idx as u32).store(v),
        }
    }
}

impl Place {
    /// The place of field or element `i` inside this one.
    pub fn child(&self, i: u32) -> Place {
        let mut path = Vec::with_capacity(self.path.len() + 1);
        path.extend_from_slice(&self.path);
        path.push(i);
        Place {
            root: self.root.clone(),
            path,
        }
    }

    /// `*p`.
    pub fn load(&self) -> Value {
        let root = self.root.load();
        let mut cur = root;
        for &i in &self.path {
            cur = match &cur {
                Value::Agg(a) => a.get(i as usize).cloned().unwrap_or_default(),
                _ => return Value::Nil,
            };
        }
        cur
    }

    /// `*p = v`.
    pub fn store(&self, v: Value) {
        self.root.modify(|root| store_path(root, &self.path, v));
    }
}

/// The elements of an aggregate for writing: copied first when shared (copy-on-write),
/// and the copy of a large one is charged as bulk work (one instruction per element).
pub fn agg_mut(a: &mut Rc<[Value]>) -> &mut [Value] {
    if Rc::strong_count(a) > 1 {
        meter::note_work(a.len() as u64);
        meter::note_small(meter::object_bytes(a.len() as u64));
    }
    Rc::make_mut(a)
}

fn store_path(slot: &mut Value, path: &[u32], v: Value) {
    match path.split_first() {
        None => *slot = v,
        Some((&i, rest)) => {
            if let Value::Agg(a) = slot
                && let Some(inner) = agg_mut(a).get_mut(i as usize)
            {
                store_path(inner, rest, v);
            }
        }
    }
}

impl Root {
    pub fn load(&self) -> Value {
        match self {
            Root::Cell(c) => c.borrow().clone(),
            Root::Elem(b, i) => match &**b {
                Backing::Vec(v) => v.borrow().get(*i as usize).cloned().unwrap_or_default(),
                Backing::Array(place) => place.child(*i).load(),
            },
        }
    }

    /// Runs `f` on the root slot in place.
    pub fn modify(&self, f: impl FnOnce(&mut Value)) {
        match self {
            Root::Cell(c) => f(&mut c.borrow_mut()),
            Root::Elem(b, i) => match &**b {
                Backing::Vec(v) => {
                    if let Some(slot) = v.borrow_mut().get_mut(*i as usize) {
                        f(slot)
                    }
                }
                Backing::Array(place) => {
                    let inner = place.child(*i);
                    let mut v = inner.load();
                    f(&mut v);
                    inner.store(v);
                }
            },
        }
    }

    fn same(&self, other: &Root) -> bool {
        match (self, other) {
            (Root::Cell(a), Root::Cell(b)) => Rc::ptr_eq(a, b),
            (Root::Elem(a, i), Root::Elem(b, j)) => Rc::ptr_eq(a, b) && i == j,
            _ => false,
        }
    }

    fn addr(&self) -> usize {
        match self {
            Root::Cell(c) => Rc::as_ptr(c) as usize,
            Root::Elem(b, i) => Rc::as_ptr(b) as usize + 8 * *i as usize,
        }
    }
}

/// Nesting depth up to which [`go_equal`] and [`go_hash`] recurse; deeper values (only
/// interfaces holding arrays or structs holding interfaces nest without bound) continue
/// on an explicit stack.
const MAX_RECURSION: u32 = 128;

/// Go's `==` on two values of the same static type. `Err(type)` when an interface holds an
/// uncomparable dynamic type (the caller panics). Type ids of interfaces must match.
pub fn go_equal(a: &Value, b: &Value) -> Result<bool, TypeId> {
    equal_within(a, b, 0)
}

/// One step of `==`: a result, or the pairs of values the result depends on.
enum EqualStep<'a> {
    Done(bool),
    Elems(&'a [Value], &'a [Value]),
    Dynamic(&'a Value, &'a Value),
}

fn equal_step<'a>(a: &'a Value, b: &'a Value) -> Result<EqualStep<'a>, TypeId> {
    Ok(EqualStep::Done(match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Agg(x), Value::Agg(y)) => {
            if Rc::ptr_eq(x, y) && !contains_float(x) {
                return Ok(EqualStep::Done(true));
            }
            return Ok(EqualStep::Elems(x, y));
        }
        (Value::Chan(x), Value::Chan(y)) => x == y,
        (Value::Cell(x), Value::Cell(y)) => Rc::ptr_eq(x, y),
        (Value::Ptr(x), Value::Ptr(y)) => x.root.same(&y.root) && x.path == y.path,
        (Value::Map(x), Value::Map(y)) => Rc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Rc::ptr_eq(x, y),
        (Value::Opaque(x), Value::Opaque(y)) => Rc::ptr_eq(x, y),
        (Value::Iface(x), Value::Iface(y)) => {
            if x.ty != y.ty {
                return Ok(EqualStep::Done(false));
            }
            if matches!(x.val, Value::Slice(_) | Value::Map(_) | Value::Func(_)) {
                return Err(x.ty);
            }
            return Ok(EqualStep::Dynamic(&x.val, &y.val));
        }
        _ => false,
    }))
}

fn equal_within(a: &Value, b: &Value, depth: u32) -> Result<bool, TypeId> {
    if depth == MAX_RECURSION {
        return equal_deep(a, b);
    }
    Ok(match equal_step(a, b)? {
        EqualStep::Done(r) => r,
        EqualStep::Elems(x, y) => {
            for (p, q) in x.iter().zip(y.iter()) {
                if !equal_within(p, q, depth + 1)? {
                    return Ok(false);
                }
            }
            true
        }
        EqualStep::Dynamic(x, y) => equal_within(x, y, depth + 1)?,
    })
}

/// [`equal_within`] on an explicit stack: the same pairs compared in the same order.
fn equal_deep(a: &Value, b: &Value) -> Result<bool, TypeId> {
    let mut pending = vec![(a, b)];
    while let Some((a, b)) = pending.pop() {
        match equal_step(a, b)? {
            EqualStep::Done(true) => {}
            EqualStep::Done(false) => return Ok(false),
            EqualStep::Elems(x, y) => pending.extend(x.iter().zip(y.iter()).rev()),
            EqualStep::Dynamic(x, y) => pending.push((x, y)),
        }
    }
    Ok(true)
}

fn contains_float(xs: &[Value]) -> bool {
    xs.iter().any(|v| match v {
        Value::Float(_) => true,
        Value::Agg(a) => contains_float(a),
        Value::Iface(_) => true,
        _ => false,
    })
}

/// Feeds a hash of `v` consistent with [`go_equal`] into `h` (`+0` and `-0` hash alike).
pub fn go_hash(v: &Value, h: &mut impl std::hash::Hasher) {
    hash_within(v, h, 0)
}

fn hash_within(v: &Value, h: &mut impl std::hash::Hasher, depth: u32) {
    if depth == MAX_RECURSION {
        return hash_deep(v, h);
    }
    match hash_step(v, h) {
        HashStep::Done => {}
        HashStep::Elems(a) => a.iter().for_each(|x| hash_within(x, h, depth + 1)),
        HashStep::Dynamic(x) => hash_within(x, h, depth + 1),
    }
}

/// [`hash_within`] on an explicit stack: the same values fed in the same order.
fn hash_deep(v: &Value, h: &mut impl std::hash::Hasher) {
    let mut pending = vec![v];
    while let Some(v) = pending.pop() {
        match hash_step(v, h) {
            HashStep::Done => {}
            HashStep::Elems(a) => pending.extend(a.iter().rev()),
            HashStep::Dynamic(x) => pending.push(x),
        }
    }
}

/// One step of hashing: what `v` feeds itself, and the values still to hash after it.
enum HashStep<'a> {
    Done,
    Elems(&'a [Value]),
    Dynamic(&'a Value),
}

fn hash_step<'a>(v: &'a Value, h: &mut impl std::hash::Hasher) -> HashStep<'a> {
    use std::hash::Hash;
    match v {
        Value::Nil => 0u8.hash(h),
        Value::Bool(b) => b.hash(h),
        Value::Int(i) => i.hash(h),
        Value::Float(f) => (f + 0.0).to_bits().hash(h),
        Value::Str(s) => s.hash(h),
        Value::Agg(a) => return HashStep::Elems(a),
        Value::Chan(c) => c.hash(h),
        Value::Cell(c) => (Rc::as_ptr(c) as usize).hash(h),
        Value::Ptr(p) => {
            p.root.addr().hash(h);
            p.path.hash(h)
        }
        Value::Iface(i) => {
            i.ty.0.hash(h);
            return HashStep::Dynamic(&i.val);
        }
        Value::Map(m) => (Rc::as_ptr(m) as usize).hash(h),
        Value::Func(f) => (Rc::as_ptr(f) as usize).hash(h),
        Value::Opaque(o) => (Rc::as_ptr(o) as usize).hash(h),
        Value::Slice(_) | Value::MapIter(_) => 1u8.hash(h),
    }
    HashStep::Done
}
