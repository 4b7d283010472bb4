//! Go maps: keys compared with Go's `==` (structs, arrays, interfaces, floats with
//! `+0 == -0` and `NaN != NaN`), iteration in a seeded random order.
//!
//! Invariants: `entries` holds every live entry exactly once, in insertion order with
//! holes (`None`) left by deletions; `index` maps each live non-NaN key to its slot;
//! `live` counts the `Some` slots. Holes are compacted away when they outnumber live
//! entries. Iteration order never depends on the hash function: an iterator walks a
//! snapshot of the keys from a random start (so a program cannot rely on insertion order,
//! as in Go), and skips keys deleted meanwhile. `charge` holds `MAP_ENTRY_BYTES` per slot
//! of `entries`' capacity on the heap meter.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use crate::throw::Throw;
use crate::value::meter::{Charge, MAP_ENTRY_BYTES};
use crate::value::{Value, free_entries, go_equal, go_hash};

/// A map key with Go's equality. Keys that are unhashable (slices, maps, funcs inside an
/// interface) are rejected before they get here.
#[derive(Clone, Debug)]
struct Key(Value);

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        go_equal(&self.0, &other.0).unwrap_or(false)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        go_hash(&self.0, h)
    }
}

/// FNV-1a: deterministic and fast for short keys; the order of the hash table never
/// reaches the program (see the module doc).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, v: u64) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        h = (h ^ v).wrapping_mul(0x100_0000_01b3);
        self.0 = h ^ (h >> 29);
    }

    fn write_i64(&mut self, v: i64) {
        self.write_u64(v as u64)
    }

    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64)
    }
}

/// One map object (shared by every copy of the map value).
#[derive(Debug, Default)]
pub struct GoMap {
    entries: Vec<Option<(Value, Value)>>,
    index: HashMap<Key, usize, BuildHasherDefault<Fnv>>,
    live: usize,
    charge: Charge,
}

impl Drop for GoMap {
    /// The index's keys are copies of the entries' keys: dropping it first leaves the
    /// entries the last owners, freed without recursion (see `value::free`).
    fn drop(&mut self) {
        self.index.clear();
        free_entries(std::mem::take(&mut self.entries));
    }
}

impl std::fmt::Debug for Fnv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fnv")
    }
}

fn is_nan(k: &Value) -> bool {
    matches!(k, Value::Float(f) if f.is_nan())
}

impl GoMap {
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        let slot = *self.index.get(&Key(key.clone()))?;
        self.entries[slot].as_ref().map(|(_, v)| v.clone())
    }

    /// `m[key] = val`; `Err` when a new entry table would exceed the heap cap.
    pub fn insert(&mut self, key: Value, val: Value) -> Result<(), Throw> {
        if !is_nan(&key)
            && let Some(&slot) = self.index.get(&Key(key.clone()))
        {
            if let Some(e) = self.entries[slot].as_mut() {
                e.1 = val;
            }
            return Ok(());
        }
        if self.entries.len() == self.entries.capacity() {
            let slots = (self.entries.capacity() * 2).max(4);
            self.charge.resize(slots as u64 * MAP_ENTRY_BYTES)?;
            self.entries.reserve_exact(slots - self.entries.len());
        }
        if !is_nan(&key) {
            self.index.insert(Key(key.clone()), self.entries.len());
        }
        self.entries.push(Some((key, val)));
        self.live += 1;
        Ok(())
    }

    /// Keeps the charge equal to the entry table's capacity after it shrank.
    fn recharge(&mut self) {
        let _ = self
            .charge
            .resize(self.entries.capacity() as u64 * MAP_ENTRY_BYTES);
    }

    pub fn remove(&mut self, key: &Value) {
        if let Some(slot) = self.index.remove(&Key(key.clone())) {
            self.entries[slot] = None;
            self.live -= 1;
            if self.entries.len() > 8 && self.live * 2 < self.entries.len() {
                self.compact();
            }
        }
    }

    pub fn clear(&mut self) {
        self.entries = Vec::new();
        self.index.clear();
        self.live = 0;
        self.recharge();
    }

    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.entries.shrink_to(self.entries.len() * 2);
        self.recharge();
        self.index.clear();
        for (i, (k, _)) in self.entries.iter().flatten().enumerate() {
            if !is_nan(k) {
                self.index.insert(Key(k.clone()), i);
            }
        }
    }

    /// Calls `f` on every value the map holds a reference to: each live entry's key and
    /// value, and the index's copy of each key (for the cycle collector, which counts
    /// references; the index's order never matters there: its keys are copies of entry
    /// keys, so they reach no object the entries do not).
    pub(crate) fn each_value(&self, mut f: impl FnMut(&Value)) {
        for (k, v) in self.entries() {
            f(k);
            f(v);
        }
        for k in self.index.keys() {
            f(&k.0);
        }
    }

    /// Every live entry in insertion order (for fmt, which sorts them itself).
    pub fn entries(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter().flatten()
    }
}

/// An iterator over a snapshot of `map`'s keys, rotated to start at `start % len`
/// (`None`: a nil map, which has no entries).
pub fn iter(map: Option<&Rc<RefCell<GoMap>>>, start: u64) -> MapIter {
    let Some(map) = map else {
        return MapIter {
            map: None,
            keys: Vec::new(),
            pos: 0,
            nan_vals: Vec::new(),
        };
    };
    let m = map.borrow();
    let mut keys: Vec<Value> = m.entries().map(|(k, _)| k.clone()).collect();
    let n = keys.len();
    if n > 0 {
        keys.rotate_left((start % n as u64) as usize);
    }
    let nan_vals = m
        .entries()
        .filter(|(k, _)| is_nan(k))
        .map(|(_, v)| v.clone())
        .collect();
    MapIter {
        map: Some(map.clone()),
        keys,
        pos: 0,
        nan_vals,
    }
}

/// A `range` over a map in progress.
#[derive(Debug)]
pub struct MapIter {
    map: Option<Rc<RefCell<GoMap>>>,
    keys: Vec<Value>,
    pos: usize,
    /// Values of NaN keys (which cannot be looked up again), in order.
    nan_vals: Vec<Value>,
}

impl MapIter {
    /// The next entry still present in `map`.
    pub fn advance(&mut self) -> Option<(Value, Value)> {
        let map = self.map.clone()?;
        let map = map.borrow();
        while self.pos < self.keys.len() {
            let k = self.keys[self.pos].clone();
            self.pos += 1;
            if is_nan(&k) {
                if let Some(v) = self.nan_vals.pop() {
                    return Some((k, v));
                }
                continue;
            }
            if let Some(v) = map.get(&k) {
                return Some((k, v));
            }
        }
        None
    }
}
