//! The interpreter loop: runs one goroutine's frames for at most a budget of
//! instructions, until it blocks, yields, finishes or the program ends.
//!
//! The loop keeps `pc`, `base` and the current code slice in locals and reloads them only
//! when the frame stack changes (call, return, panic), so a simple instruction is a load,
//! a `match` and a register write: no allocation, no hashing, no reference counting for
//! scalars. Registers are addressed as `regs[base + r]`.
//!
//! Hooks for later: every heap read and write of a user-visible variable goes through
//! `Load`/`Store`/field/index instructions handled here, which is where a race detector
//! will observe accesses; channel and sync operations go through `sched_ops`, where
//! happens-before edges will be recorded. Neither costs anything today.

use std::rc::Rc;

use goroscope_compiler::bytecode::{Callee, Instr, Reg};

use crate::fast;
use crate::goroutine::{Deferred, Frame, FrameKind, GState, Panicking};
use crate::machine::Machine;
use crate::ops;
use crate::throw::Throw;
use crate::value::{FuncVal, Place, Root, Value, go_equal};

/// Why `execute` returned.
#[derive(Debug)]
pub enum Stop {
    /// The instruction budget is used up; the goroutine can continue.
    Budget,
    /// The goroutine parked (its `pending` says what for).
    Park,
    /// `runtime.Gosched`, or a scheduler call that took the goroutine off its P.
    Yield,
    /// The goroutine's function returned (or it finished a `Goexit`).
    Done,
    /// A `Nested` frame returned: its results are at its base.
    Nested,
    /// A panic unwound through a `Nested` frame: the native caller gets the value.
    NestedPanic(Value),
    /// The program ends (unrecovered panic, fatal error, limit, `os.Exit`).
    Die(Throw),
}

/// What a call sequence did.
pub enum Flow {
    /// Continue with the next instruction of the same frame.
    Next,
    /// The frame stack changed: reload the top frame.
    Reload,
    /// The goroutine parked.
    Park,
    /// The goroutine left its P (Gosched, GOMAXPROCS change).
    Yield,
}

impl Machine {
    /// Runs goroutine `g` for at most `budget` instructions; returns the number executed
    /// and why it stopped.
    pub(crate) fn execute(&mut self, g: &mut GState, budget: u64) -> (u64, Stop) {
        let prog = self.prog.clone();
        let max_frames = self.cfg.max_frames;
        let mut n: u64 = 0;
        'outer: loop {
            let Some(top) = g.frames.last() else {
                return (n, Stop::Done);
            };
            let Some(mut win) = fast::Window::of(&prog.funcs, top) else {
                let t = Throw::Internal(format!("frame of a missing function {}", top.func));
                return (n, Stop::Die(t));
            };
            let mut pc = top.pc as usize;
            let res: Result<std::convert::Infallible, Throw> = loop {
                if win.func.code.get(pc).is_some_and(fast::handles) {
                    pc = fast::run(&prog.funcs, max_frames, g, &mut win, pc, &mut n, budget);
                }
                let func = win.func;
                let code = &func.code[..];
                let base = win.base;
                // The frame's window as a local slice: indexing checks against a length held
                // in a register. Arms that hand `g` to a helper end with `continue 'outer`,
                // which re-derives the window (the register file may have grown).
                let Some(regs) = g.regs.get_mut(win.range()) else {
                    let t =
                        Throw::Internal(format!("{}: register window outside the file", func.name));
                    return (n, Stop::Die(t));
                };

                macro_rules! r {
                    ($r:expr) => {
                        regs[$r.0 as usize]
                    };
                }
                macro_rules! put_int {
                    ($r:expr, $v:expr) => {{
                        let v = $v;
                        fast::set_int(&mut r!($r), v)
                    }};
                }
                macro_rules! put_bool {
                    ($r:expr, $v:expr) => {{
                        let v = $v;
                        fast::set_bool(&mut r!($r), v)
                    }};
                }
                macro_rules! put_float {
                    ($r:expr, $v:expr) => {{
                        let v = $v;
                        fast::set_float(&mut r!($r), v)
                    }};
                }
                macro_rules! int {
                    ($r:expr) => {
                        r!($r).as_int()
                    };
                }
                macro_rules! flt {
                    ($r:expr) => {
                        r!($r).as_float()
                    };
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(t) => break Err(t),
                        }
                    };
                }
                macro_rules! save_pc {
                    () => {
                        if let Some(f) = g.frames.last_mut() {
                            f.pc = pc as u32;
                        }
                    };
                }
                macro_rules! flow {
                    ($e:expr) => {
                        match tri!($e) {
                            Flow::Next | Flow::Reload => continue 'outer,
                            Flow::Park => return (n, Stop::Park),
                            Flow::Yield => return (n, Stop::Yield),
                        }
                    };
                }
                // A channel operation that completes leaves the frame stack as it was: go on
                // in this frame (re-deriving only the register window) at the local `pc`.
                macro_rules! chan_flow {
                    ($e:expr) => {
                        match tri!($e) {
                            Flow::Next => continue,
                            Flow::Reload => continue 'outer,
                            Flow::Park => return (n, Stop::Park),
                            Flow::Yield => return (n, Stop::Yield),
                        }
                    };
                }

                if n >= budget {
                    save_pc!();
                    return (n, Stop::Budget);
                }
                n += 1;
                let Some(&ins) = code.get(pc) else {
                    break Err(Throw::Internal(format!(
                        "{} ran past its last instruction",
                        func.name
                    )));
                };
                pc += 1;
                match ins {
                    Instr::LoadConst { dst, k } => r!(dst) = self.consts[k.0 as usize].clone(),
                    Instr::LoadNil { dst } => r!(dst) = Value::Nil,
                    Instr::Zero { dst, ty } => r!(dst) = self.zero(ty),
                    Instr::LoadGlobal { dst, g: gl } => {
                        r!(dst) = self.globals[gl.0 as usize].borrow().clone()
                    }
                    Instr::StoreGlobal { g: gl, src } => {
                        *self.globals[gl.0 as usize].borrow_mut() = r!(src).clone()
                    }
                    Instr::AddrGlobal { dst, g: gl } => {
                        r!(dst) = Value::Cell(self.globals[gl.0 as usize].clone())
                    }

                    Instr::DivInt { dst, a, b } => {
                        let d = int!(b);
                        if d == 0 {
                            break Err(Throw::divide_by_zero());
                        }
                        put_int!(dst, int!(a).wrapping_div(d))
                    }
                    Instr::RemInt { dst, a, b } => {
                        let d = int!(b);
                        if d == 0 {
                            break Err(Throw::divide_by_zero());
                        }
                        put_int!(dst, int!(a).wrapping_rem(d))
                    }
                    Instr::DivUint { dst, a, b } => {
                        let d = int!(b) as u64;
                        if d == 0 {
                            break Err(Throw::divide_by_zero());
                        }
                        put_int!(dst, ((int!(a) as u64) / d) as i64)
                    }
                    Instr::RemUint { dst, a, b } => {
                        let d = int!(b) as u64;
                        if d == 0 {
                            break Err(Throw::divide_by_zero());
                        }
                        put_int!(dst, ((int!(a) as u64) % d) as i64)
                    }
                    Instr::Shl { dst, a, b } => {
                        let c = tri!(ops::shift_count(int!(b)));
                        put_int!(dst, ops::shl(int!(a), c))
                    }
                    Instr::ShrInt { dst, a, b } => {
                        let c = tri!(ops::shift_count(int!(b)));
                        put_int!(dst, ops::shr_int(int!(a), c))
                    }
                    Instr::ShrUint { dst, a, b } => {
                        let c = tri!(ops::shift_count(int!(b)));
                        put_int!(dst, ops::shr_uint(int!(a), c))
                    }
                    Instr::EqStr { dst, a, b } => {
                        put_bool!(dst, r!(a).as_bytes() == r!(b).as_bytes())
                    }
                    Instr::LtStr { dst, a, b } => {
                        put_bool!(dst, r!(a).as_bytes() < r!(b).as_bytes())
                    }
                    Instr::LeStr { dst, a, b } => {
                        put_bool!(dst, r!(a).as_bytes() <= r!(b).as_bytes())
                    }
                    Instr::Eq { dst, a, b } => {
                        let e = tri!(self.equal(&r!(a), &r!(b)));
                        put_bool!(dst, e)
                    }
                    Instr::Ne { dst, a, b } => {
                        let e = tri!(self.equal(&r!(a), &r!(b)));
                        put_bool!(dst, !e)
                    }
                    Instr::IsNil { dst, src } => put_bool!(dst, r!(src).is_nil()),
                    Instr::Min { dst, a, b, kind } => {
                        r!(dst) = ops::min_max(&r!(a), &r!(b), kind, true)
                    }
                    Instr::Max { dst, a, b, kind } => {
                        r!(dst) = ops::min_max(&r!(a), &r!(b), kind, false)
                    }

                    // Executed by the fast path, which stops only before other instructions.
                    fast::simple_instr!() => {
                        break Err(Throw::Internal(
                            "a simple instruction left the fast path".into(),
                        ));
                    }
                    Instr::Call { func: f, base: b } => {
                        save_pc!();
                        tri!(self.push_frame(g, f.0, base + b.0 as usize, FrameKind::Call, None));
                        continue 'outer;
                    }
                    Instr::CallClosure { f, base: b, nargs } => {
                        let fv = match &r!(f) {
                            Value::Func(fv) => fv.clone(),
                            _ => break Err(Throw::nil_deref()),
                        };
                        save_pc!();
                        flow!(self.call_value(
                            g,
                            &fv,
                            base + b.0 as usize,
                            nargs as usize,
                            FrameKind::Call
                        ));
                    }
                    Instr::CallNative {
                        native,
                        base: b,
                        nargs,
                    } => {
                        save_pc!();
                        flow!(self.call_native(g, native.0, base + b.0 as usize, nargs as usize));
                    }
                    Instr::CallIface {
                        method,
                        base: b,
                        nargs,
                    } => {
                        let (callee, recv) = tri!(self.resolve_method(&r!(b), method));
                        r!(b) = recv;
                        save_pc!();
                        let abs = base + b.0 as usize;
                        flow!(self.call_callee(
                            g,
                            callee,
                            None,
                            abs,
                            nargs as usize + 1,
                            FrameKind::Call
                        ));
                    }
                    Instr::Return { src, n: cnt } => {
                        fast::return_results(regs, src.0 as usize, cnt as usize);
                        match self.pop_frame(g) {
                            Ok(None) => continue 'outer,
                            Ok(Some(stop)) => return (n, stop),
                            Err(t) => {
                                break Err(t);
                            }
                        }
                    }
                    Instr::MakeFunc { dst, callee } => {
                        r!(dst) = Value::func(FuncVal {
                            callee,
                            recv: None,
                            captures: Box::new([]),
                        })
                    }
                    Instr::MakeClosure {
                        dst,
                        func: f,
                        base: b,
                        n: cnt,
                    } => {
                        let start = b.0 as usize;
                        let captures: Box<[Value]> = regs[start..start + cnt as usize].into();
                        r!(dst) = Value::func(FuncVal {
                            callee: Callee::Func(f),
                            recv: None,
                            captures,
                        })
                    }
                    Instr::BindMethod { dst, recv, callee } => {
                        let rv = r!(recv).clone();
                        r!(dst) = Value::func(FuncVal {
                            callee,
                            recv: Some(rv),
                            captures: Box::new([]),
                        })
                    }
                    Instr::BindIfaceMethod { dst, recv, method } => {
                        let (callee, rv) = tri!(self.resolve_method(&r!(recv), method));
                        r!(dst) = Value::func(FuncVal {
                            callee,
                            recv: Some(rv),
                            captures: Box::new([]),
                        })
                    }
                    Instr::LoadCapture { dst, idx } => {
                        r!(dst) = tri!(capture(g.frames.last(), idx)).clone()
                    }
                    Instr::GetUpval { dst, idx } => {
                        let v = tri!(load_ptr(tri!(capture(g.frames.last(), idx))));
                        r!(dst) = v
                    }
                    Instr::SetUpval { idx, src } => {
                        let v = r!(src).clone();
                        tri!(store_ptr(tri!(capture(g.frames.last(), idx)), v))
                    }

                    Instr::Go { f, base: b, nargs } => {
                        let fv = match &r!(f) {
                            Value::Func(fv) => fv.clone(),
                            _ => break Err(Throw::plain("go of nil func value")),
                        };
                        let start = b.0 as usize;
                        let args = regs[start..start + nargs as usize].to_vec();
                        save_pc!();
                        flow!(self.spawn(g, fv, args));
                    }
                    Instr::Defer { f, base: b, nargs } => {
                        let start = b.0 as usize;
                        let d = Deferred {
                            f: r!(f).clone(),
                            args: regs[start..start + nargs as usize].to_vec(),
                        };
                        g.push_defer(d);
                    }
                    Instr::RunDefers => {
                        let d = g.pop_defer();
                        if let Some(d) = d {
                            pc -= 1; // run RunDefers again when the deferred call returns
                            save_pc!();
                            flow!(self.call_deferred(g, d, false));
                        }
                    }
                    Instr::Panic { src } => {
                        let v = r!(src).clone();
                        let v = if v.is_nil() {
                            self.panic_nil_error()
                        } else {
                            v
                        };
                        break Err(Throw::Panic(v));
                    }
                    Instr::Recover { dst } => r!(dst) = recover(&g.frames, &mut g.panicking),

                    Instr::NewCell { dst, src } => r!(dst) = Value::cell(r!(src).clone()),
                    Instr::New { dst, ty } => r!(dst) = Value::cell(self.zero(ty)),
                    Instr::Load { dst, ptr } => r!(dst) = tri!(load_ptr(&r!(ptr))),
                    Instr::Store { ptr, src } => {
                        let v = r!(src).clone();
                        tri!(store_ptr(&r!(ptr), v))
                    }
                    Instr::LoadField { dst, ptr, field } => {
                        r!(dst) = tri!(load_field(&r!(ptr), field))
                    }
                    Instr::StoreField { ptr, field, src } => {
                        let v = r!(src).clone();
                        tri!(store_field(&r!(ptr), field, v))
                    }
                    Instr::AddrField { dst, ptr, field } => {
                        r!(dst) = tri!(addr_child(&r!(ptr), field as u32))
                    }
                    Instr::AddrIndex { dst, slice, idx } => {
                        r!(dst) = tri!(addr_index(&r!(slice), int!(idx)))
                    }
                    Instr::AddrArrayIndex { dst, ptr, idx } => {
                        let i = int!(idx);
                        let len = ops::len(&tri!(load_ptr(&r!(ptr))));
                        if i < 0 || i >= len {
                            break Err(Throw::bounds(i, len as usize));
                        }
                        r!(dst) = tri!(addr_child(&r!(ptr), i as u32))
                    }

                    Instr::MakeAgg {
                        dst,
                        base: b,
                        n: cnt,
                    } => {
                        let start = b.0 as usize;
                        r!(dst) = Value::agg(&regs[start..start + cnt as usize])
                    }
                    Instr::GetField { dst, src, field } => {
                        r!(dst) = match &r!(src) {
                            Value::Agg(a) => a.get(field as usize).cloned().unwrap_or_default(),
                            _ => break Err(Throw::Internal("GetField of a non-struct".into())),
                        }
                    }
                    Instr::SetField { dst, field, src } => {
                        let v = r!(src).clone();
                        match &mut r!(dst) {
                            Value::Agg(a) => {
                                if let Some(slot) = crate::value::agg_mut(a).get_mut(field as usize)
                                {
                                    *slot = v
                                }
                            }
                            _ => break Err(Throw::Internal("SetField of a non-struct".into())),
                        }
                    }
                    Instr::IndexArray { dst, arr, idx } => {
                        r!(dst) = tri!(ops::index_array(&r!(arr), int!(idx)))
                    }
                    Instr::SetIndexArray { arr, idx, src } => {
                        let (i, v) = (int!(idx), r!(src).clone());
                        tri!(ops::set_index_array(&mut r!(arr), i, v))
                    }

                    Instr::MakeSlice { dst, ty, len, cap } => {
                        let zero = self.elem_zero(ty);
                        r!(dst) = tri!(ops::make_slice(int!(len), int!(cap), &zero))
                    }
                    Instr::MakeSliceFrom {
                        dst,
                        base: b,
                        n: cnt,
                    } => {
                        let start = b.0 as usize;
                        r!(dst) = Value::slice_from_vec(regs[start..start + cnt as usize].to_vec())
                    }
                    Instr::IndexSlice { dst, slice, idx } => {
                        r!(dst) = tri!(ops::index_slice(&r!(slice), int!(idx)))
                    }
                    Instr::SetIndexSlice { slice, idx, src } => {
                        let v = r!(src).clone();
                        tri!(ops::set_index_slice(&r!(slice), int!(idx), v))
                    }
                    Instr::IndexStr { dst, s, idx } => {
                        r!(dst) = tri!(ops::index_str(&r!(s), int!(idx)))
                    }
                    Instr::Slice { dst, src, lo, hi } => {
                        r!(dst) = tri!(ops::slice(&r!(src), int!(lo), int!(hi)))
                    }
                    Instr::Slice3 {
                        dst,
                        src,
                        lo,
                        hi,
                        max,
                    } => r!(dst) = tri!(ops::slice3(&r!(src), int!(lo), int!(hi), int!(max))),
                    Instr::SliceArray { dst, ptr, lo, hi } => {
                        r!(dst) = tri!(ops::slice_array(&r!(ptr), int!(lo), int!(hi)))
                    }
                    Instr::Append {
                        dst,
                        slice,
                        base: b,
                        n: cnt,
                        ty,
                    } => {
                        let zero = self.elem_zero(ty);
                        let start = b.0 as usize;
                        let v = tri!(ops::append(
                            &r!(slice),
                            &regs[start..start + cnt as usize],
                            &zero
                        ));
                        r!(dst) = v
                    }
                    Instr::AppendSlice {
                        dst,
                        slice,
                        other,
                        ty,
                    } => {
                        let zero = self.elem_zero(ty);
                        let items = ops::elems(&r!(other));
                        r!(dst) = tri!(ops::append(&r!(slice), &items, &zero))
                    }
                    Instr::Copy { dst, to, from } => {
                        put_int!(dst, tri!(ops::copy(&r!(to), &r!(from))))
                    }
                    Instr::Len { dst, src } => {
                        put_int!(
                            dst,
                            match &r!(src) {
                                Value::Chan(c) => self.chan_len(*c),
                                v => ops::len(v),
                            }
                        )
                    }
                    Instr::Cap { dst, src } => {
                        put_int!(
                            dst,
                            match &r!(src) {
                                Value::Chan(c) => self.chan_cap(*c),
                                v => ops::cap(v),
                            }
                        )
                    }
                    Instr::ConcatStr { dst, a, b } => {
                        let (x, y) = (r!(a).as_bytes(), r!(b).as_bytes());
                        let v = if y.is_empty() {
                            r!(a).clone()
                        } else if x.is_empty() {
                            r!(b).clone()
                        } else {
                            let mut s = Vec::with_capacity(x.len() + y.len());
                            s.extend_from_slice(x);
                            s.extend_from_slice(y);
                            tri!(self.check_str_len(s.len()));
                            Value::str(&s)
                        };
                        r!(dst) = v
                    }
                    Instr::DecodeRune {
                        rune,
                        width,
                        s,
                        idx,
                    } => {
                        let i = int!(idx).max(0) as usize;
                        let b = r!(s).as_bytes();
                        let (ru, w) = ops::decode_rune(b.get(i..).unwrap_or(&[]));
                        put_int!(rune, ru);
                        put_int!(width, w as i64)
                    }

                    Instr::IntToFloat { dst, src } => put_float!(dst, int!(src) as f64),
                    Instr::UintToFloat { dst, src } => put_float!(dst, int!(src) as u64 as f64),
                    Instr::FloatToInt { dst, src, kind } => {
                        put_int!(dst, kind.wrap(ops::float_to_int(flt!(src))))
                    }
                    Instr::RuneToStr { dst, src } => {
                        let mut out = Vec::with_capacity(4);
                        ops::encode_rune(int!(src), &mut out);
                        r!(dst) = Value::str(&out)
                    }
                    Instr::BytesToStr { dst, src } => r!(dst) = tri!(ops::bytes_to_str(&r!(src))),
                    Instr::StrToBytes { dst, src } => r!(dst) = tri!(ops::str_to_bytes(&r!(src))),
                    Instr::RunesToStr { dst, src } => r!(dst) = tri!(ops::runes_to_str(&r!(src))),
                    Instr::StrToRunes { dst, src } => r!(dst) = tri!(ops::str_to_runes(&r!(src))),

                    Instr::MakeIface { dst, src, ty } => {
                        let v = r!(src).clone();
                        r!(dst) = Value::iface(ty, v)
                    }
                    Instr::TypeAssert {
                        dst,
                        src,
                        ty,
                        src_ty,
                    } => r!(dst) = tri!(self.type_assert(&r!(src), ty, src_ty)),
                    Instr::TypeAssertOk { dst, ok, src, ty } => {
                        let (v, good) = self.type_assert_ok(&r!(src), ty);
                        r!(dst) = v;
                        put_bool!(ok, good)
                    }

                    Instr::MakeMap { dst, .. } => r!(dst) = Value::new_map(),
                    Instr::MapGet { dst, map, key, ty } => {
                        let v = tri!(self.map_get(&r!(map), &r!(key), ty)).0;
                        r!(dst) = v
                    }
                    Instr::MapGetOk { dst, map, key, ty } => {
                        let (v, ok) = tri!(self.map_get(&r!(map), &r!(key), ty));
                        r!(dst) = v;
                        put_bool!(Reg(dst.0 + 1), ok)
                    }
                    Instr::MapSet { map, key, src } => {
                        let (k, v) = (r!(key).clone(), r!(src).clone());
                        tri!(self.map_set(&r!(map), k, v))
                    }
                    Instr::MapDelete { map, key } => {
                        tri!(self.map_delete(&r!(map), &r!(key)))
                    }
                    Instr::Clear { src, ty } => match &r!(src) {
                        Value::Map(m) => m.borrow_mut().clear(),
                        v => tri!(ops::clear_slice(v, &self.elem_zero(ty))),
                    },
                    Instr::MapIter { dst, map } => {
                        let start = self.rand_u64();
                        let it = match &r!(map) {
                            Value::Map(m) => crate::map::iter(Some(m), start),
                            _ => crate::map::iter(None, 0),
                        };
                        r!(dst) = Value::MapIter(Rc::new(std::cell::RefCell::new(it)))
                    }
                    Instr::MapIterNext {
                        iter,
                        key,
                        val,
                        done,
                    } => {
                        let next = match &r!(iter) {
                            Value::MapIter(it) => it.borrow_mut().advance(),
                            _ => {
                                break Err(Throw::Internal(
                                    "MapIterNext without an iterator".into(),
                                ));
                            }
                        };
                        match next {
                            Some((k, v)) => {
                                r!(key) = k;
                                r!(val) = v
                            }
                            None => pc = done as usize,
                        }
                    }

                    Instr::MakeChan { dst, ty, cap } => {
                        let c = int!(cap);
                        let line = func.lines.get(pc - 1).map(|p| p.line);
                        let label = func.chan_labels.iter().find(|l| l.0 as usize == pc - 1);
                        r!(dst) = tri!(self.make_chan(ty, c, line, label.map(|l| l.1.as_str())))
                    }
                    Instr::Send { ch, src } => {
                        let (c, v) = (Machine::chan_id(&r!(ch)), r!(src).clone());
                        save_pc!();
                        chan_flow!(self.chan_send(g, c, v))
                    }
                    Instr::Recv { dst, ch } => {
                        let c = Machine::chan_id(&r!(ch));
                        save_pc!();
                        chan_flow!(self.chan_recv(g, c, Some(dst), None))
                    }
                    Instr::RecvOk { dst, ok, ch } => {
                        let c = Machine::chan_id(&r!(ch));
                        save_pc!();
                        chan_flow!(self.chan_recv(g, c, Some(dst), Some(ok)))
                    }
                    Instr::Close { ch } => {
                        let c = Machine::chan_id(&r!(ch));
                        save_pc!();
                        chan_flow!(self.chan_close(g, c))
                    }
                    Instr::Select { table } => {
                        save_pc!();
                        flow!(self.select(g, &func.select_tables[table as usize], table))
                    }

                    Instr::Print { base: b, n: cnt } | Instr::Println { base: b, n: cnt } => {
                        let start = b.0 as usize;
                        let ln = matches!(ins, Instr::Println { .. });
                        let text =
                            crate::print::print_values(&regs[start..start + cnt as usize], ln);
                        tri!(self.write_stderr(text.as_bytes()))
                    }
                }
            };
            // An instruction threw.
            if let Some(f) = g.frames.last_mut() {
                f.pc = pc as u32;
            }
            let Err(t) = res;
            match self.throw(g, t) {
                None => continue 'outer,
                Some(stop) => return (n, stop),
            }
        }
    }

    /// Pushes a frame for bytecode function `func` whose window starts at absolute
    /// register `abs_base` (the arguments are already there).
    pub(crate) fn push_frame(
        &mut self,
        g: &mut GState,
        func: u32,
        abs_base: usize,
        kind: FrameKind,
        closure: Option<Rc<FuncVal>>,
    ) -> Result<(), Throw> {
        if g.frames.len() >= self.cfg.max_frames {
            return Err(Throw::StackOverflow);
        }
        let Some(proto) = self.prog.funcs.get(func as usize) else {
            return Err(Throw::Internal(format!(
                "call of a missing function {func}"
            )));
        };
        let need = fast::regs_needed(proto, abs_base);
        if g.regs.len() < need {
            g.regs.resize(need.max(g.regs.len() * 2), Value::Nil);
        }
        g.frames.push(Frame::new(func, abs_base, kind, closure));
        Ok(())
    }

    /// Pops the returning frame; `Some(stop)` when execution must leave the loop.
    fn pop_frame(&mut self, g: &mut GState) -> Result<Option<Stop>, Throw> {
        let Some(fr) = g.pop_frame() else {
            return Ok(Some(Stop::Done));
        };
        match fr.kind {
            FrameKind::Call => Ok(None),
            FrameKind::OnceBody(id) => {
                self.sched.once_done(self.cur, goroscope_sched::OnceId(id));
                Ok(None)
            }
            FrameKind::Entry => Ok(Some(Stop::Done)),
            FrameKind::Nested => Ok(Some(Stop::Nested)),
            FrameKind::Deferred { unwinding: false } => Ok(None),
            FrameKind::Deferred { unwinding: true } => {
                if g.panicking.as_ref().is_some_and(|p| p.recovered) {
                    g.panicking = None;
                    let Some(top) = g.frames.last_mut() else {
                        return Ok(Some(Stop::Done));
                    };
                    match self.prog.funcs[top.func as usize].recover_pc {
                        Some(rpc) => top.pc = rpc,
                        None => {
                            return Err(Throw::Internal(
                                "recovered in a frame without recover_pc".into(),
                            ));
                        }
                    }
                    Ok(None)
                } else {
                    Ok(self.unwind(g))
                }
            }
        }
    }

    /// Calls a func value with `nargs` arguments at absolute register `abs_base`.
    pub(crate) fn call_value(
        &mut self,
        g: &mut GState,
        fv: &Rc<FuncVal>,
        abs_base: usize,
        nargs: usize,
        kind: FrameKind,
    ) -> Result<Flow, Throw> {
        let bound =
            (fv.recv.is_some() || !fv.captures.is_empty()).then(|| (fv.clone(), fv.recv.clone()));
        self.call_callee(g, fv.callee, bound, abs_base, nargs, kind)
    }

    /// Calls `callee`; `bound` carries the func value (for captures) and a bound receiver,
    /// which is inserted before the arguments.
    pub(crate) fn call_callee(
        &mut self,
        g: &mut GState,
        callee: Callee,
        bound: Option<(Rc<FuncVal>, Option<Value>)>,
        abs_base: usize,
        mut nargs: usize,
        kind: FrameKind,
    ) -> Result<Flow, Throw> {
        let mut closure = None;
        if let Some((fv, recv)) = bound {
            if let Some(recv) = recv {
                let need = abs_base + nargs + 2;
                if g.regs.len() < need {
                    g.regs.resize(need, Value::Nil);
                }
                g.regs[abs_base..abs_base + nargs + 1].rotate_right(1);
                g.regs[abs_base] = recv;
                nargs += 1;
            }
            if !fv.captures.is_empty() {
                closure = Some(fv);
            }
        }
        match callee {
            Callee::Func(f) => {
                self.push_frame(g, f.0, abs_base, kind, closure)?;
                Ok(Flow::Reload)
            }
            Callee::Native(nat) => {
                let flow = self.call_native(g, nat.0, abs_base, nargs)?;
                // A native run as a deferred call or a goroutine body returns at once.
                match kind {
                    FrameKind::Call => Ok(flow),
                    _ => Ok(match flow {
                        Flow::Next => Flow::Reload,
                        f => f,
                    }),
                }
            }
        }
    }

    /// Runs native `id` with its arguments at `abs_base`.
    pub(crate) fn call_native(
        &mut self,
        g: &mut GState,
        id: u32,
        abs_base: usize,
        nargs: usize,
    ) -> Result<Flow, Throw> {
        let need = abs_base + nargs.max(4) + 1;
        if g.regs.len() < need {
            g.regs.resize(need, Value::Nil);
        }
        crate::value::meter::check()?;
        let f = self.natives[id as usize];
        f(self, g, abs_base, nargs)
    }

    /// Calls a deferred call above the top frame's registers.
    pub(crate) fn call_deferred(
        &mut self,
        g: &mut GState,
        d: Deferred,
        unwinding: bool,
    ) -> Result<Flow, Throw> {
        let Some(top) = g.frames.last() else {
            return Ok(Flow::Reload);
        };
        let abs = top.base as usize + self.prog.funcs[top.func as usize].nregs as usize;
        let need = abs + d.args.len() + 2;
        if g.regs.len() < need {
            g.regs.resize(need, Value::Nil);
        }
        let nargs = d.args.len();
        for (i, a) in d.args.into_iter().enumerate() {
            g.regs[abs + i] = a;
        }
        let Value::Func(fv) = d.f else {
            return Err(Throw::nil_deref());
        };
        let flow = self.call_value(g, &fv, abs, nargs, FrameKind::Deferred { unwinding })?;
        Ok(flow)
    }

    /// Handles a throw from the running goroutine: starts a panic (unwinding), or ends
    /// the program. `None`: continue executing the (new) top frame.
    pub(crate) fn throw(&mut self, g: &mut GState, t: Throw) -> Option<Stop> {
        let value = match t {
            Throw::Panic(v) => v,
            Throw::RuntimeError(msg) => self.runtime_error(msg),
            Throw::Goexit => {
                g.goexiting = true;
                return self.unwind(g);
            }
            other => return Some(Stop::Die(other)),
        };
        let mut earlier = Vec::new();
        if let Some(p) = g.panicking.take() {
            earlier = p.earlier;
            if !p.recovered {
                earlier.push(p.value);
            }
        }
        let trace = self.stack_trace(g);
        g.panicking = Some(Panicking {
            value,
            recovered: false,
            earlier,
            trace,
        });
        self.unwind(g)
    }

    /// Runs deferred calls of the panicking (or Goexit-ing) goroutine from the top frame
    /// down, popping frames that have none left.
    pub(crate) fn unwind(&mut self, g: &mut GState) -> Option<Stop> {
        loop {
            g.frames.last()?;
            if let Some(d) = g.pop_defer() {
                let depth = g.frames.len();
                match self.call_deferred(g, d, true) {
                    Ok(Flow::Reload) | Ok(Flow::Next) => {
                        // A bytecode deferred call was pushed: run it. A native one already
                        // ran: look at the next defer.
                        if g.frames.len() > depth {
                            return None;
                        }
                        continue;
                    }
                    Ok(Flow::Park) => return Some(Stop::Park),
                    Ok(Flow::Yield) => return Some(Stop::Yield),
                    Err(t) => return self.throw(g, t),
                }
            }
            let fr = g.pop_frame()?;
            match fr.kind {
                FrameKind::OnceBody(id) => {
                    self.sched.once_done(self.cur, goroscope_sched::OnceId(id))
                }
                FrameKind::Nested => {
                    let v = g.panicking.take().map_or(Value::Nil, |p| p.value);
                    return Some(Stop::NestedPanic(v));
                }
                FrameKind::Entry => {
                    return Some(if g.goexiting {
                        Stop::Done
                    } else {
                        let v = g.panicking.as_ref().map_or(Value::Nil, |p| p.value.clone());
                        Stop::Die(Throw::Panic(v))
                    });
                }
                _ => {}
            }
        }
    }
}

/// `recover()`: stops the panic if called directly by a deferred call during unwinding.
fn recover(frames: &[Frame], panicking: &mut Option<Panicking>) -> Value {
    let direct = frames
        .last()
        .is_some_and(|f| f.kind == FrameKind::Deferred { unwinding: true });
    match panicking {
        Some(p) if direct && !p.recovered => {
            p.recovered = true;
            p.value.clone()
        }
        _ => Value::Nil,
    }
}

fn capture(frame: Option<&Frame>, idx: u16) -> Result<&Value, Throw> {
    frame
        .and_then(|f| f.closure.as_ref())
        .and_then(|c| c.captures.get(idx as usize))
        .ok_or_else(|| Throw::Internal(format!("capture {idx} missing")))
}

/// `*p`.
pub(crate) fn load_ptr(p: &Value) -> Result<Value, Throw> {
    match p {
        Value::Cell(c) => Ok(c.borrow().clone()),
        Value::Ptr(pl) => Ok(pl.load()),
        Value::Nil => Err(Throw::nil_deref()),
        _ => Err(Throw::Internal("Load through a non-pointer".into())),
    }
}

/// `*p = v`.
pub(crate) fn store_ptr(p: &Value, v: Value) -> Result<(), Throw> {
    match p {
        Value::Cell(c) => {
            *c.borrow_mut() = v;
            Ok(())
        }
        Value::Ptr(pl) => {
            pl.store(v);
            Ok(())
        }
        Value::Nil => Err(Throw::nil_deref()),
        _ => Err(Throw::Internal("Store through a non-pointer".into())),
    }
}

fn load_field(p: &Value, field: u16) -> Result<Value, Throw> {
    match p {
        Value::Cell(c) => match &*c.borrow() {
            Value::Agg(a) => Ok(a.get(field as usize).cloned().unwrap_or_default()),
            _ => Err(Throw::Internal("LoadField of a non-struct".into())),
        },
        Value::Ptr(pl) => Ok(pl.child(field as u32).load()),
        Value::Nil => Err(Throw::nil_deref()),
        _ => Err(Throw::Internal("LoadField through a non-pointer".into())),
    }
}

fn store_field(p: &Value, field: u16, v: Value) -> Result<(), Throw> {
    match p {
        Value::Cell(c) => match &mut *c.borrow_mut() {
            Value::Agg(a) => {
                if let Some(slot) = crate::value::agg_mut(a).get_mut(field as usize) {
                    *slot = v;
                }
                Ok(())
            }
            _ => Err(Throw::Internal("StoreField of a non-struct".into())),
        },
        Value::Ptr(pl) => {
            pl.child(field as u32).store(v);
            Ok(())
        }
        Value::Nil => Err(Throw::nil_deref()),
        _ => Err(Throw::Internal("StoreField through a non-pointer".into())),
    }
}

/// `&(*p).f` or `&(*p)[i]`.
fn addr_child(p: &Value, i: u32) -> Result<Value, Throw> {
    let place = match p {
        Value::Cell(c) => Place {
            root: Root::Cell(c.clone()),
            path: vec![i],
        },
        Value::Ptr(pl) => pl.child(i),
        Value::Nil => return Err(Throw::nil_deref()),
        _ => {
            return Err(Throw::Internal(
                "address of a field through a non-pointer".into(),
            ));
        }
    };
    Ok(Value::ptr(place))
}

/// `&s[i]`.
fn addr_index(s: &Value, i: i64) -> Result<Value, Throw> {
    match s {
        Value::Slice(sl) if i >= 0 && (i as u64) < sl.len as u64 => {
            let idx = sl.off + i as u32;
            let place = match &*sl.backing {
                crate::value::Backing::Vec(_) => Place {
                    root: Root::Elem(sl.backing.clone(), idx),
                    path: Vec::new(),
                },
                crate::value::Backing::Array(pl) => pl.child(idx),
            };
            Ok(Value::ptr(place))
        }
        Value::Slice(sl) => Err(Throw::bounds(i, sl.len as usize)),
        _ => Err(Throw::bounds(i, 0)),
    }
}

impl Machine {
    /// Go's `==`, panicking on uncomparable dynamic types.
    pub(crate) fn equal(&self, a: &Value, b: &Value) -> Result<bool, Throw> {
        go_equal(a, b).map_err(|ty| {
            Throw::RuntimeError(format!(
                "runtime error: comparing uncomparable type {}",
                self.prog.types[ty.0 as usize].name
            ))
        })
    }

    /// The callee of method `sym` of the interface value `v` and the receiver to pass.
    pub(crate) fn resolve_method(
        &self,
        v: &Value,
        sym: goroscope_compiler::bytecode::SymId,
    ) -> Result<(Callee, Value), Throw> {
        let Value::Iface(i) = v else {
            return Err(Throw::nil_deref());
        };
        let methods = &self.prog.types[i.ty.0 as usize].methods;
        let Ok(k) = methods.binary_search_by_key(&sym, |m| m.name) else {
            return Err(Throw::Internal(format!(
                "type {} has no method {}",
                self.prog.types[i.ty.0 as usize].name, self.prog.symbols[sym.0 as usize]
            )));
        };
        let m = methods[k];
        let recv = if m.deref_recv {
            load_ptr(&i.val)?
        } else {
            i.val.clone()
        };
        Ok((m.callee, recv))
    }
}
