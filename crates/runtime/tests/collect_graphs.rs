//! Fuzz-style check of the cycle collector (`value::collect`) on random object graphs:
//! whatever is reachable from the values a test holds survives a collection unchanged
//! (same objects, same contents), everything else registered is freed, and dropping the
//! held values then leaves nothing behind.

use std::collections::BTreeMap;
use std::rc::Rc;

use goroscope_compiler::bytecode::{Callee, FuncId, TypeId};
use goroscope_runtime::value::{Backing, FuncVal, Place, Root, Value, collect};
use goroscope_sched::Rng;

/// A container of the graph: a boxed variable, a slice (its backing array) or a map.
fn new_container(rng: &mut Rng) -> Value {
    match rng.below(3) {
        0 => Value::cell(Value::Nil),
        1 => Value::slice_from_vec(vec![Value::Nil; 1 + rng.below(3)]),
        _ => Value::new_map(),
    }
}

/// A value referring to random containers, possibly through immutable objects.
fn random_value(rng: &mut Rng, cs: &[Value], depth: u32) -> Value {
    let pick = |rng: &mut Rng| cs[rng.below(cs.len())].clone();
    match if depth > 2 {
        rng.below(3)
    } else {
        rng.below(9)
    } {
        0 => Value::Int(rng.below(100) as i64),
        1 => Value::str(format!("s{}", rng.below(5)).as_bytes()),
        2 => pick(rng),
        3 => {
            let n = 1 + rng.below(3);
            let elems: Vec<Value> = (0..n).map(|_| random_value(rng, cs, depth + 1)).collect();
            Value::agg(&elems)
        }
        4 => Value::iface(TypeId(0), random_value(rng, cs, depth + 1)),
        5 => Value::func(FuncVal {
            callee: Callee::Func(FuncId(0)),
            recv: None,
            captures: (0..rng.below(3))
                .map(|_| random_value(rng, cs, depth + 1))
                .collect(),
        }),
        6 => match pick(rng) {
            Value::Cell(c) => Value::ptr(Place {
                root: Root::Cell(c),
                path: Vec::new(),
            }),
            Value::Slice(s) => Value::ptr(Place {
                root: Root::Elem(s.backing.clone(), 0),
                path: Vec::new(),
            }),
            other => other,
        },
        _ => pick(rng),
    }
}

/// Stores `v` somewhere in container `c`.
fn store(rng: &mut Rng, c: &Value, v: Value) {
    match c {
        Value::Cell(cell) => *cell.borrow_mut() = v,
        Value::Slice(s) => s.set(rng.below(s.len as usize) as u32, v),
        Value::Map(m) => m
            .borrow_mut()
            .insert(Value::Int(rng.below(4) as i64), v)
            .expect("no meter outside a run"),
        _ => unreachable!("not a container"),
    }
}

/// A description of everything reachable from `roots`: objects are named by the order
/// of first visit, so it changes if an object or a content changes. Also counts the
/// containers reached.
#[derive(Default)]
struct Fingerprint {
    ids: BTreeMap<usize, usize>,
    text: Vec<String>,
    containers: usize,
}

impl Fingerprint {
    fn of(roots: &[Value]) -> Fingerprint {
        let mut f = Fingerprint::default();
        for r in roots {
            f.value(r);
        }
        f
    }

    /// Whether `addr` was seen before; names it otherwise.
    fn seen(&mut self, addr: usize, kind: &str) -> bool {
        let n = self.ids.len();
        if let Some(id) = self.ids.get(&addr) {
            self.text.push(format!("{kind}#{id}"));
            return true;
        }
        self.ids.insert(addr, n);
        self.text.push(format!("{kind}#{n}:"));
        false
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Int(i) => self.text.push(format!("{i}")),
            Value::Str(s) => self.text.push(String::from_utf8_lossy(s).into_owned()),
            Value::Nil => self.text.push("nil".into()),
            Value::Cell(c) => {
                if !self.seen(Rc::as_ptr(c) as *const u8 as usize, "cell") {
                    self.containers += 1;
                    self.value(&c.borrow());
                }
            }
            Value::Slice(s) => self.backing(&s.backing),
            Value::Map(m) => {
                if !self.seen(Rc::as_ptr(m) as *const u8 as usize, "map") {
                    self.containers += 1;
                    let entries: Vec<(Value, Value)> = m.borrow().entries().cloned().collect();
                    for (k, x) in entries {
                        self.value(&k);
                        self.value(&x);
                    }
                }
            }
            Value::Agg(a) => {
                if !self.seen(Rc::as_ptr(a) as *const u8 as usize, "agg") {
                    a.iter().for_each(|x| self.value(x));
                }
            }
            Value::Iface(i) => {
                if !self.seen(Rc::as_ptr(i) as *const u8 as usize, "iface") {
                    self.value(&i.val);
                }
            }
            Value::Func(f) => {
                if !self.seen(Rc::as_ptr(f) as *const u8 as usize, "func") {
                    f.captures.iter().for_each(|x| self.value(x));
                }
            }
            Value::Ptr(p) => {
                if !self.seen(Rc::as_ptr(p) as *const u8 as usize, "ptr") {
                    match &p.root {
                        Root::Cell(c) => self.value(&Value::Cell(c.clone())),
                        Root::Elem(b, _) => self.backing(b),
                    }
                }
            }
            other => self.text.push(format!("{other:?}")),
        }
    }

    /// A backing array: every element (a slice sees part of it; the array holds all).
    fn backing(&mut self, b: &Rc<Backing>) {
        if !self.seen(Rc::as_ptr(b) as *const u8 as usize, "backing") {
            self.containers += 1;
            if let Backing::Vec(elems) = &**b {
                let elems: Vec<Value> = elems.borrow().clone();
                elems.iter().for_each(|x| self.value(x));
            }
        }
    }
}

#[test]
fn reachable_objects_survive_a_collection_and_garbage_does_not() {
    collect::collect();
    let baseline = collect::live_containers();
    let mut freed_total = 0;
    for seed in 1..=300u64 {
        let mut rng = Rng::new(seed);
        let cs: Vec<Value> = (0..2 + rng.below(30))
            .map(|_| new_container(&mut rng))
            .collect();
        for _ in 0..rng.below(60) {
            let v = random_value(&mut rng, &cs, 0);
            let c = &cs[rng.below(cs.len())];
            store(&mut rng, c, v);
        }
        let roots: Vec<Value> = (0..rng.below(4))
            .map(|_| random_value(&mut rng, &cs, 0))
            .collect();
        drop(cs);
        let before = Fingerprint::of(&roots);
        let c = collect::collect();
        let after = Fingerprint::of(&roots);
        assert_eq!(
            before.text, after.text,
            "seed {seed}: a reachable object changed"
        );
        assert_eq!(
            collect::live_containers(),
            baseline + before.containers,
            "seed {seed}: unreachable containers were kept"
        );
        freed_total += c.freed;
        drop(roots);
        collect::collect();
        assert_eq!(collect::live_containers(), baseline, "seed {seed}");
    }
    assert!(freed_total > 100, "the graphs had little cyclic garbage");
}

#[test]
fn a_container_borrowed_during_a_collection_is_not_read() {
    collect::collect();
    let baseline = collect::live_containers();
    // Two cells holding each other; `a` is borrowed (as by an instruction in progress)
    // while a collection runs: what it holds cannot be read, so counts as external.
    let a = Value::cell(Value::Nil);
    let b = Value::cell(a.clone());
    let (Value::Cell(ac), Value::Cell(bc)) = (&a, &b) else {
        unreachable!()
    };
    *ac.borrow_mut() = b.clone();
    let weak_b = Rc::downgrade(bc);
    drop(b);
    let guard = ac.borrow_mut();
    assert_eq!(collect::collect().freed, 0);
    drop(guard);
    let b = weak_b.upgrade().expect("b is kept while a is borrowed");
    assert!(matches!(&*b.borrow(), Value::Cell(x) if Rc::ptr_eq(x, ac)));
    drop(b);
    assert_eq!(collect::collect().freed, 0, "a is held by the test");
    drop(a);
    assert_eq!(collect::collect().freed, 2);
    assert_eq!(collect::live_containers(), baseline);
    assert!(weak_b.upgrade().is_none());
}
