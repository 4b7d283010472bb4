//! The run's meter: an estimate of the bytes the program holds on its heap (capped by
//! `Config::max_heap`) and the bulk work of operations that touch many elements at once
//! (charged to the instruction budget and to virtual time).
//!
//! # What the heap estimate counts
//!
//! Sizes are fixed estimates, the same on every target (a wasm32 `Value` is smaller than
//! a native one, but behaviour must not depend on the target):
//! - a slice's backing array: [`VALUE_BYTES`] per element of capacity, from its creation
//!   until the last slice of it is dropped;
//! - a map: [`MAP_ENTRY_BYTES`] per slot of its entry table, while the map lives;
//! - a channel's buffer: [`VALUE_BYTES`] per slot, for the rest of the run (the
//!   scheduler keeps every hchan);
//! - a live goroutine: [`STACK_BYTES`] (Go's initial stack size);
//! - a string of at least [`STR_TRACKED`] bytes: its length, while it lives;
//! - small objects, [`object_bytes`] of their values: a boxed variable (`Cell`: an
//!   escaped variable, `new`, `&T{}`, a global) 1 value, an aggregate (struct or array
//!   made by a literal or copied on write) 1 per element, a closure or method value 1 plus
//!   its captures, an interface box 1, an interior pointer 1, a map's own object
//!   [`super::MAP_HEADER_VALUES`]; a short string [`OBJECT_BYTES`] plus its length.
//!   Counting one is a thread-local add and compare ([`note_small`]); they are not
//!   tracked one by one, so between collections the estimate counts every small object
//!   made since the last one (dead or not), and a collection resets it to the small
//!   objects reachable from cells, backing arrays and maps.
//!
//! Not counted: registers themselves, the zero values the machine caches per type (only
//! an array type whose zero value alone exceeds the cap is refused, see
//! [`flat_values`]), small objects reachable only from registers or channel buffers once
//! a collection has run, the trace's event log.
//!
//! # When memory is given back
//!
//! Reference counting frees an object when its last reference goes. Reference cycles
//! are freed by the collector (`super::collect`, which says how): a collection runs
//! - when the estimate reaches `next_gc`: twice the estimate after the previous
//!   collection, at least [`MIN_NEXT_GC`] (Go's GOGC=100 pacing);
//! - before the cap is declared exceeded, unless the estimate grew by less than an
//!   eighth since the previous collection: walking the heap for every allocation near
//!   the cap would stall the run. So a run whose heap, right after a collection, holds
//!   more than about 8/9 of the cap is stopped the next time it reaches the cap, even if
//!   what it allocated since is already dead;
//! - when a run finishes (`Machine::finish`): the run's cyclic garbage, and that of
//!   machines dropped earlier on the thread (a worker running many programs one after
//!   another keeps at most the last finished run's objects).
//!
//! A collection never changes what the program observes: it runs no Go code, costs no
//! instructions and no virtual time, and frees only what no code can reach.
//!
//! # Invariants
//!
//! - `live` is the sum of the bytes of every [`Charge`] still alive plus the reservations
//!   not yet released; `str_bytes` is the sum of the lengths in `strings` (live or not:
//!   dead ones are dropped by `prune`, which runs before the cap is declared exceeded).
//! - `small` plus the thread's not yet taken fast-path count is the small-object bytes
//!   of the last collection plus every small object counted since; the fast path looks
//!   at the meter only when its count passes `room`, which is at most what is left
//!   before `next_gc` and before the cap.
//! - `over` is set once the cap or the budget was exceeded by an operation that could
//!   not fail on the spot; the machine ends the run at the next check (`check`, a native
//!   call or the end of the instruction batch), so at most one such operation runs past
//!   a limit.
//!
//! The meter of the machine that is running is found through a thread-local ([`enter`])
//! so value constructors need no machine; values made outside a run are not counted.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use goroscope_compiler::bytecode::{TypeDesc, TypeId, TypeKind};

use super::Value;
use super::address::AddressBook;
use crate::throw::Throw;

/// Estimated bytes of one value (a slice element, a channel slot).
pub const VALUE_BYTES: u64 = 32;
/// Estimated bytes of a heap object's header (reference counts), added to its values.
pub const OBJECT_BYTES: u64 = 16;
/// Estimated bytes of a small object holding `values` values.
pub fn object_bytes(values: u64) -> u64 {
    OBJECT_BYTES + values * VALUE_BYTES
}

/// The heap estimate at which the first collection runs (Go's minimum heap target).
pub const MIN_NEXT_GC: u64 = 4 << 20;
/// Estimated bytes of one map slot (key, value, index entry).
pub const MAP_ENTRY_BYTES: u64 = 112;
/// Estimated bytes of a goroutine (Go starts each goroutine with a 2 KiB stack).
pub const STACK_BYTES: u64 = 2048;
/// Strings shorter than this are not counted (tracking each would cost more than it
/// tells).
pub const STR_TRACKED: usize = 1024;
/// Bytes moved per instruction of bulk work (a word).
pub const BYTES_PER_INSTR: u64 = 8;
/// Bulk work below this many instructions is covered by the instruction that does it
/// (so small appends and copies cost no meter look-up on the hot path).
pub const SMALL_WORK: u64 = 16;

/// Which limit an operation that could not fail on the spot exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Over {
    Heap { want: u64 },
    Budget,
}

/// See the module doc.
#[derive(Debug)]
pub struct Meter {
    max_heap: u64,
    max_instructions: u64,
    live: Cell<u64>,
    strings: RefCell<Vec<Weak<[u8]>>>,
    str_bytes: Cell<u64>,
    /// Small objects: their bytes found live by the last collection plus the bytes
    /// allocated since (see the module doc).
    small: Cell<u64>,
    /// The heap estimate at which the next collection runs.
    next_gc: Cell<u64>,
    /// The heap estimate right after the last collection.
    last_live: Cell<u64>,
    /// `strings.len()` after the last prune (the ledger is pruned when it doubles).
    pruned_len: Cell<usize>,
    /// Bulk work charged since the machine last took it.
    work: Cell<u64>,
    /// Bulk work allowed before the instruction budget runs out.
    work_left: Cell<u64>,
    over: Cell<Option<Over>>,
    /// The addresses the program has seen (see `address`): like the heap estimate, the
    /// per-run state that value code reaches without a machine.
    addresses: RefCell<AddressBook>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Meter>>> = const { RefCell::new(None) };
    /// Small-object bytes counted on the fast path, not yet added to a meter.
    static SMALL: Small = const { Small { new: Cell::new(0), room: Cell::new(u64::MAX) } };
}

/// The fast path's counter of small objects (see [`note_small`]).
struct Small {
    /// Bytes allocated since the current meter last took them.
    new: Cell<u64>,
    /// Bytes that may be allocated before the current meter must look (at the next
    /// collection or at the cap); `u64::MAX` outside a run.
    room: Cell<u64>,
}

fn current() -> Option<Rc<Meter>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// The address the running program sees for the object at host address `host` (which
/// `object` refers to); `None` outside a run.
pub fn address_of(host: usize, object: &Value) -> Option<u64> {
    current().map(|m| m.addresses.borrow_mut().address(host, object))
}

/// Makes `meter` the current one until the guard is dropped (the previous one is
/// restored, so machines may run inside each other's slices on one thread).
pub fn enter(meter: &Rc<Meter>) -> Entered {
    let prev = CURRENT.with(|c| c.replace(Some(meter.clone())));
    if let Some(p) = &prev {
        p.take_small();
    }
    SMALL.with(|s| s.new.set(0));
    meter.set_room();
    Entered(prev)
}

/// Restores the previous current meter when dropped.
pub struct Entered(Option<Rc<Meter>>);

impl Drop for Entered {
    fn drop(&mut self) {
        let prev = self.0.take();
        let left = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), prev.clone()));
        if let Some(m) = left {
            m.take_small();
        }
        match prev {
            Some(p) => p.set_room(),
            None => SMALL.with(|s| s.room.set(u64::MAX)),
        }
    }
}

fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

impl Meter {
    pub fn new(max_heap: u64, max_instructions: u64) -> Meter {
        Meter {
            max_heap,
            max_instructions,
            live: Cell::new(0),
            strings: RefCell::new(Vec::new()),
            str_bytes: Cell::new(0),
            small: Cell::new(0),
            next_gc: Cell::new(MIN_NEXT_GC),
            last_live: Cell::new(0),
            pruned_len: Cell::new(0),
            work: Cell::new(0),
            work_left: Cell::new(max_instructions),
            over: Cell::new(None),
            addresses: RefCell::default(),
        }
    }

    /// The estimated live heap, in bytes.
    pub fn heap_bytes(&self) -> u64 {
        self.live
            .get()
            .saturating_add(self.str_bytes.get())
            .saturating_add(self.small.get())
    }

    /// Adds the small objects counted on the fast path to the estimate.
    fn take_small(&self) {
        let new = SMALL.with(|s| s.new.replace(0));
        self.small.set(self.small.get().saturating_add(new));
    }

    /// Lets the fast path count small objects up to the next collection or the cap.
    fn set_room(&self) {
        let limit = self.next_gc.get().min(self.max_heap);
        let room = limit.saturating_sub(self.heap_bytes());
        SMALL.with(|s| s.room.set(room));
    }

    /// Runs a collection (dead strings are dropped from the ledger, cyclic garbage is
    /// freed, the small-object estimate becomes what is still reachable) and sets the
    /// next one at twice the heap that survived it (Go's GOGC=100 pacing).
    #[cold]
    pub fn collect(&self) {
        self.take_small();
        self.prune();
        let c = super::collect::collect();
        self.small.set(c.small_bytes);
        let live = self.heap_bytes();
        self.last_live.set(live);
        self.next_gc.set(live.saturating_mul(2).max(MIN_NEXT_GC));
        self.set_room();
    }

    /// Collects when the estimate reached the pacing target.
    #[inline]
    fn pace(&self) {
        if self.heap_bytes() >= self.next_gc.get() {
            self.collect();
        }
    }

    fn heap_throw(&self, want: u64) -> Throw {
        Throw::Limit(format!(
            "goroscope: out of memory: allocating {} MiB would take the program's heap past {} MiB (the playground's limit; Go itself would report \"fatal error: runtime: out of memory\")",
            mib(want),
            mib(self.max_heap)
        ))
    }

    fn budget_throw(&self) -> Throw {
        Throw::Limit(format!(
            "goroscope: the program was stopped after {} instructions (the playground's budget)",
            self.max_instructions
        ))
    }

    /// Drops dead strings from the ledger.
    fn prune(&self) {
        let mut strings = self.strings.borrow_mut();
        strings.retain(|w| w.strong_count() > 0);
        let bytes = strings
            .iter()
            .map(|w| w.upgrade().map_or(0, |s| s.len() as u64))
            .sum();
        self.str_bytes.set(bytes);
        self.pruned_len.set(strings.len());
    }

    /// Whether `bytes` more fit under the cap, after dropping dead strings from the
    /// ledger (cheap) and then collecting if that may help: not when the heap grew by
    /// less than an eighth since the last collection (a collection could free at most
    /// that growth: the cap is declared exceeded at once, instead of walking the whole
    /// heap for every allocation near the cap).
    #[inline]
    fn fits(&self, bytes: u64) -> bool {
        self.heap_bytes().saturating_add(bytes) <= self.max_heap
            || self.fits_after_collecting(bytes)
    }

    #[cold]
    fn fits_after_collecting(&self, bytes: u64) -> bool {
        let fits = |m: &Meter| m.heap_bytes().saturating_add(bytes) <= m.max_heap;
        self.take_small();
        self.prune();
        if fits(self) {
            return true;
        }
        let live = self.last_live.get();
        if self.heap_bytes().saturating_sub(live) < live / 8 {
            return false;
        }
        self.collect();
        fits(self)
    }

    /// Records that an allocation of `bytes` was refused without failing on the spot
    /// (the run ends with the heap limit at the next check).
    pub fn refuse(&self, bytes: u64) {
        self.flag(Over::Heap { want: bytes });
    }

    /// Whether a value of `bytes` could ever fit under the cap.
    pub fn could_fit(&self, bytes: u64) -> bool {
        bytes <= self.max_heap
    }

    /// Adds `bytes` to the heap; `Err` (after adding) when the cap is exceeded. For
    /// memory the machine owns outside values: goroutine stacks, channel buffers.
    pub fn reserve(&self, bytes: u64) -> Result<(), Throw> {
        let ok = self.fits(bytes);
        self.live.set(self.live.get().saturating_add(bytes));
        self.pace();
        if ok {
            Ok(())
        } else {
            Err(self.heap_throw(bytes))
        }
    }

    /// Gives back a [`Meter::reserve`].
    pub fn release(&self, bytes: u64) {
        self.live.set(self.live.get().saturating_sub(bytes));
    }

    /// Sets the bulk work allowed before the instruction budget runs out, given the
    /// instructions executed so far.
    pub fn set_executed(&self, executed: u64) {
        self.work_left
            .set(self.max_instructions.saturating_sub(executed));
    }

    /// The bulk work charged since the last call (to add to the instructions executed).
    pub fn take_work(&self) -> u64 {
        self.work.replace(0)
    }

    /// The limit an operation exceeded without failing (the run must end with it).
    pub fn take_over(&self) -> Option<Throw> {
        Some(match self.over.take()? {
            Over::Heap { want } => self.heap_throw(want),
            Over::Budget => self.budget_throw(),
        })
    }

    fn work(&self, n: u64) -> Result<(), Throw> {
        let left = self.work_left.get();
        if n > left {
            self.work_left.set(0);
            return Err(self.budget_throw());
        }
        self.work_left.set(left - n);
        self.work.set(self.work.get() + n);
        Ok(())
    }

    fn check(&self) -> Result<(), Throw> {
        match self.over.get() {
            Some(Over::Heap { want }) => Err(self.heap_throw(want)),
            Some(Over::Budget) => Err(self.budget_throw()),
            None => Ok(()),
        }
    }

    fn flag(&self, over: Over) {
        if self.over.get().is_none() {
            self.over.set(Some(over));
        }
    }
}

/// `Err` when an earlier operation exceeded a limit it could not fail on.
pub fn check() -> Result<(), Throw> {
    current().map_or(Ok(()), |m| m.check())
}

/// Charges `n` instructions of bulk work before doing it: `Err` when the budget would
/// run out (or a limit was already exceeded).
pub fn work(n: u64) -> Result<(), Throw> {
    if n < SMALL_WORK {
        return Ok(());
    }
    match current() {
        Some(m) => {
            m.check()?;
            m.work(n)
        }
        None => Ok(()),
    }
}

/// Charges the work of moving `bytes` bytes.
pub fn work_bytes(bytes: usize) -> Result<(), Throw> {
    work((bytes as u64).div_ceil(BYTES_PER_INSTR))
}

/// Charges `n` instructions of work already done or that cannot fail here: `false` (and
/// the run will end) when the budget ran out.
pub fn note_work(n: u64) -> bool {
    if n < SMALL_WORK {
        return true;
    }
    match current() {
        Some(m) => {
            let ok = m.work(n).is_ok();
            if !ok {
                m.flag(Over::Budget);
            }
            ok && m.over.get().is_none()
        }
        None => true,
    }
}

/// `Err` when `bytes` more would not fit under the heap cap (nothing is charged: the
/// value made next charges itself).
pub fn check_fits(bytes: u64) -> Result<(), Throw> {
    match current() {
        Some(m) if !m.fits(bytes) => Err(m.heap_throw(bytes)),
        Some(m) => m.check(),
        None => Ok(()),
    }
}

/// Counts a small object of `bytes` just made (a cell, an aggregate, a closure, an
/// interface box, a pointer, a short string). The fast path is a thread-local add and
/// compare; the meter looks only when the room before the next collection or the cap is
/// used up, and then ends the run at the next check if the cap is exceeded even after a
/// collection.
#[inline]
pub fn note_small(bytes: u64) {
    let over = SMALL.with(|s| {
        let new = s.new.get() + bytes;
        s.new.set(new);
        new > s.room.get()
    });
    if over {
        small_room_used_up(bytes);
    }
}

#[cold]
fn small_room_used_up(bytes: u64) {
    let Some(m) = current() else {
        SMALL.with(|s| s.new.set(0));
        return;
    };
    m.take_small();
    if m.over.get().is_some() {
        // The run ends at the next check: no more looking (nor collecting) until then.
        SMALL.with(|s| s.room.set(u64::MAX));
        return;
    }
    if m.fits(0) {
        m.pace();
    } else {
        m.flag(Over::Heap { want: bytes });
    }
    m.set_room();
}

/// Counts a string the program just made: a short one as a small object, a long one in
/// the ledger.
pub fn note_str(s: &Rc<[u8]>) {
    if s.len() < STR_TRACKED {
        note_small(OBJECT_BYTES + s.len() as u64);
        return;
    }
    let Some(m) = current() else { return };
    let bytes = s.len() as u64;
    let ok = m.fits(bytes);
    let grown = {
        let mut strings = m.strings.borrow_mut();
        strings.push(Rc::downgrade(s));
        strings.len() > 2 * m.pruned_len.get().max(64)
    };
    m.str_bytes.set(m.str_bytes.get() + bytes);
    if grown {
        m.prune();
    }
    m.pace();
    if !ok {
        m.flag(Over::Heap { want: bytes });
    }
}

/// How many values a zero value of type `ty` holds once every array and struct in it
/// is materialised (saturating): arrays are not counted on the meter, but one larger
/// than the whole cap is refused when its zero value is first built.
pub fn flat_values(types: &[TypeDesc], ty: TypeId, depth: u32) -> u64 {
    match types.get(ty.0 as usize).map(|t| &t.kind) {
        _ if depth > 64 => 1,
        Some(TypeKind::Array { len, elem }) => {
            (*len as u64).saturating_mul(flat_values(types, *elem, depth + 1))
        }
        Some(TypeKind::Struct { fields }) => fields.iter().fold(0u64, |n, f| {
            n.saturating_add(flat_values(types, f.ty, depth + 1))
        }),
        _ => 1,
    }
}

/// Bytes of the heap estimate held by a value; released when the value is dropped.
/// Made while no machine runs, it counts nothing.
#[derive(Debug)]
pub struct Charge {
    meter: Option<Rc<Meter>>,
    bytes: u64,
}

impl Default for Charge {
    /// An empty charge on the current meter (it may grow with [`Charge::resize`]).
    fn default() -> Charge {
        Charge {
            meter: current(),
            bytes: 0,
        }
    }
}

impl Charge {
    /// Charges `bytes` before allocating them: `Err` when they would exceed the cap.
    pub fn new(bytes: u64) -> Result<Charge, Throw> {
        let mut c = Charge::default();
        c.resize(bytes)?;
        Ok(c)
    }

    /// Charges `bytes` already allocated; when they exceed the cap the run ends at the
    /// next check.
    pub fn note(bytes: u64) -> Charge {
        let mut c = Charge::default();
        if c.resize(bytes).is_err()
            && let Some(m) = &c.meter
        {
            m.flag(Over::Heap { want: bytes });
        }
        c
    }

    /// Makes the charge `bytes` (growing: `Err`, with nothing charged, when they would
    /// exceed the cap).
    pub fn resize(&mut self, bytes: u64) -> Result<(), Throw> {
        let Some(m) = &self.meter else {
            return Ok(());
        };
        if bytes > self.bytes {
            let more = bytes - self.bytes;
            if !m.fits(more) {
                return Err(m.heap_throw(more));
            }
            m.live.set(m.live.get().saturating_add(more));
            m.pace();
        } else {
            m.release(self.bytes - bytes);
        }
        self.bytes = bytes;
        Ok(())
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        if let Some(m) = &self.meter {
            m.release(self.bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_are_released_when_dropped() {
        let m = Rc::new(Meter::new(1000, 1_000_000));
        let _e = enter(&m);
        let a = Charge::new(600).unwrap();
        assert!(Charge::new(600).is_err());
        assert_eq!(m.heap_bytes(), 600);
        drop(a);
        assert_eq!(m.heap_bytes(), 0);
        assert!(Charge::new(600).is_ok());
    }

    #[test]
    fn dead_strings_are_pruned_before_the_cap_is_declared_exceeded() {
        let m = Rc::new(Meter::new(3000, 1_000_000));
        let _e = enter(&m);
        let s: Rc<[u8]> = Rc::from(vec![b'x'; 2000]);
        note_str(&s);
        assert_eq!(m.heap_bytes(), 2000);
        assert!(check_fits(2000).is_err());
        drop(s);
        assert!(check_fits(2000).is_ok());
        assert_eq!(m.heap_bytes(), 0);
    }

    #[test]
    fn work_beyond_the_budget_fails_before_it_is_done() {
        let m = Rc::new(Meter::new(1000, 100));
        let _e = enter(&m);
        m.set_executed(40);
        assert!(work(50).is_ok());
        assert!(work(50).is_err());
        assert_eq!(m.take_work(), 50);
    }

    #[test]
    fn nothing_is_counted_outside_a_run() {
        assert!(Charge::new(u64::MAX).is_ok());
        assert!(work(u64::MAX).is_ok());
    }
}
