//! The addresses a program can see (`print(&x)`, `%p`, `fmt.Println(&s)` of a pointer to a
//! non-struct, a panic value's pointer): pseudo-addresses handed out in the order objects
//! are first shown, so output never depends on where the host's allocator put them.
//!
//! Invariants: one object shows one address for the whole run, and two objects shown in
//! the same run never share one: the book keeps a clone of every object it named, so
//! the object stays alive and its host address cannot be reused by another. (The cost is
//! that shown objects are never freed; the output cap bounds how many can be shown.)

use std::collections::BTreeMap;

use super::Value;

/// The first address handed out; Go's heap addresses look like this.
const FIRST: u64 = 0x00c0_0001_2000;
/// The distance between two addresses handed out (16-byte aligned, like Go's).
const STEP: u64 = 0x20;

/// See the module doc.
#[derive(Debug, Default)]
pub struct AddressBook {
    /// Host address of an object → its address and a clone that keeps it alive. Looked up
    /// by key only: the map's order never reaches the program.
    named: BTreeMap<usize, (u64, Value)>,
}

impl AddressBook {
    /// The address of the object at host address `host`, which `object` refers to.
    pub fn address(&mut self, host: usize, object: &Value) -> u64 {
        let next = FIRST + STEP * self.named.len() as u64;
        self.named
            .entry(host)
            .or_insert_with(|| (next, object.clone()))
            .0
    }
}
