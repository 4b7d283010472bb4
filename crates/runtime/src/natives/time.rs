//! `time` on the virtual clock: Sleep, Now/Since/Until and `Time` methods, `Duration`
//! methods (text by `goroscope-fmt`), channel timers (After, Tick, NewTimer, NewTicker
//! with Stop/Reset, Go 1.23 semantics) and AfterFunc.
//!
//! Representation: a `time.Time` is its struct `{#wall int64}` holding nanoseconds since
//! the Unix epoch; the clock starts at 2009-11-10 23:00:00 UTC ([`EPOCH_NS`]). A `*Timer`
//! or `*Ticker` points to `{C, #h}` where `#h` is the scheduler's timer id + 1.

use goroscope_sched as sched;

use super::{NativeFn, arg, ret, s};
use crate::goroutine::{GState, Pending};
use crate::interp::{Flow, load_ptr};
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::Value;

/// 2009-11-10 23:00:00 UTC in nanoseconds since the Unix epoch (the playground's clock).
pub const EPOCH_NS: i64 = 1_257_894_000 * 1_000_000_000;

/// Wall-clock nanoseconds since the Unix epoch at virtual time `virtual_ns`. Saturates at
/// `i64::MAX`: a program can sleep for `1<<63 - 1` ns, which puts the virtual clock
/// about 292 years past a start that is already 40 years after the epoch.
pub fn wall_ns(virtual_ns: u64) -> i64 {
    EPOCH_NS.saturating_add(i64::try_from(virtual_ns).unwrap_or(i64::MAX))
}

/// A `time.Time` value at `ns` since the Unix epoch.
pub fn time_value(ns: i64) -> Value {
    Value::Agg(vec![Value::Int(ns)].into())
}

fn wall(v: &Value) -> i64 {
    match v {
        Value::Agg(a) => a.first().map_or(0, Value::as_int),
        _ => 0,
    }
}

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "time.Sleep" => sleep,
        "time.Now" => |m, g, b, _| {
            let now = m.now_ns();
            ret(g, b, 0, time_value(now));
            Ok(Flow::Next)
        },
        "time.Since" => |m, g, b, _| {
            let d = m.now_ns() - wall(&arg(g, b, 0));
            ret(g, b, 0, Value::Int(d));
            Ok(Flow::Next)
        },
        "time.Until" => |m, g, b, _| {
            let d = wall(&arg(g, b, 0)) - m.now_ns();
            ret(g, b, 0, Value::Int(d));
            Ok(Flow::Next)
        },
        "time.Time.Add" => |_, g, b, _| {
            let t = wall(&arg(g, b, 0)).wrapping_add(arg(g, b, 1).as_int());
            ret(g, b, 0, time_value(t));
            Ok(Flow::Next)
        },
        "time.Time.Sub" => |_, g, b, _| two(g, b, |x, y| Value::Int(x.wrapping_sub(y))),
        "time.Time.After" => |_, g, b, _| two(g, b, |x, y| Value::Bool(x > y)),
        "time.Time.Before" => |_, g, b, _| two(g, b, |x, y| Value::Bool(x < y)),
        "time.Time.Equal" => |_, g, b, _| two(g, b, |x, y| Value::Bool(x == y)),
        "time.Time.IsZero" => |_, g, b, _| {
            let z = wall(&arg(g, b, 0)) == 0;
            ret(g, b, 0, Value::Bool(z));
            Ok(Flow::Next)
        },
        "time.Duration.String" => |_, g, b, _| {
            let d = arg(g, b, 0).as_int();
            ret(g, b, 0, s(goroscope_fmt::duration::string(d)));
            Ok(Flow::Next)
        },
        "time.Duration.Hours" => |_, g, b, _| dur_f(g, b, goroscope_fmt::duration::hours),
        "time.Duration.Minutes" => |_, g, b, _| dur_f(g, b, goroscope_fmt::duration::minutes),
        "time.Duration.Seconds" => |_, g, b, _| dur_f(g, b, goroscope_fmt::duration::seconds),
        "time.Duration.Milliseconds" => {
            |_, g, b, _| dur_i(g, b, goroscope_fmt::duration::milliseconds)
        }
        "time.Duration.Microseconds" => {
            |_, g, b, _| dur_i(g, b, goroscope_fmt::duration::microseconds)
        }
        "time.Duration.Nanoseconds" => |_, g, b, _| dur_i(g, b, |d| d),
        "time.Duration.Abs" => |_, g, b, _| dur_i(g, b, goroscope_fmt::duration::abs),
        "time.Duration.Round" => |_, g, b, _| two_int(g, b, goroscope_fmt::duration::round),
        "time.Duration.Truncate" => |_, g, b, _| two_int(g, b, goroscope_fmt::duration::truncate),
        "time.After" => |m, g, b, _| {
            let (_, ch) = m.chan_timer(arg(g, b, 0).as_int(), 0);
            ret(g, b, 0, ch);
            Ok(Flow::Next)
        },
        "time.Tick" => |m, g, b, _| {
            let d = arg(g, b, 0).as_int();
            let ch = if d <= 0 {
                Value::Nil
            } else {
                m.chan_timer(d, d).1
            };
            ret(g, b, 0, ch);
            Ok(Flow::Next)
        },
        "time.NewTimer" => |m, g, b, _| new_timer(m, g, b, false),
        "time.NewTicker" => |m, g, b, _| {
            if arg(g, b, 0).as_int() <= 0 {
                return Err(Throw::Panic(Value::iface(
                    m.rt.string_type,
                    s("non-positive interval for NewTicker"),
                )));
            }
            new_timer(m, g, b, true)
        },
        "time.AfterFunc" => after_func,
        "time.(*Timer).Stop" | "time.(*Ticker).Stop" => |m, g, b, _| {
            let id = timer_id(&arg(g, b, 0))?;
            let was = m.sched.timer_stop(m.cur, id);
            ret(g, b, 0, Value::Bool(was));
            Ok(Flow::Next)
        },
        "time.(*Timer).Reset" => |m, g, b, _| {
            let id = timer_id(&arg(g, b, 0))?;
            let was = m.sched.timer_reset(m.cur, id, arg(g, b, 1).as_int(), 0);
            ret(g, b, 0, Value::Bool(was));
            Ok(Flow::Next)
        },
        "time.(*Ticker).Reset" => |m, g, b, _| {
            let id = timer_id(&arg(g, b, 0))?;
            let d = arg(g, b, 1).as_int();
            m.sched.timer_reset(m.cur, id, d, d);
            Ok(Flow::Next)
        },
        _ => return None,
    })
}

fn two(g: &mut GState, b: usize, f: impl Fn(i64, i64) -> Value) -> Result<Flow, Throw> {
    let v = f(wall(&arg(g, b, 0)), wall(&arg(g, b, 1)));
    ret(g, b, 0, v);
    Ok(Flow::Next)
}

fn two_int(g: &mut GState, b: usize, f: impl Fn(i64, i64) -> i64) -> Result<Flow, Throw> {
    let v = f(arg(g, b, 0).as_int(), arg(g, b, 1).as_int());
    ret(g, b, 0, Value::Int(v));
    Ok(Flow::Next)
}

fn dur_f(g: &mut GState, b: usize, f: impl Fn(i64) -> f64) -> Result<Flow, Throw> {
    let v = f(arg(g, b, 0).as_int());
    ret(g, b, 0, Value::Float(v));
    Ok(Flow::Next)
}

fn dur_i(g: &mut GState, b: usize, f: impl Fn(i64) -> i64) -> Result<Flow, Throw> {
    let v = f(arg(g, b, 0).as_int());
    ret(g, b, 0, Value::Int(v));
    Ok(Flow::Next)
}

fn sleep(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    match m.sched.sleep(m.cur, arg(g, b, 0).as_int()) {
        sched::BlockResult::Done => Ok(Flow::Next),
        sched::BlockResult::Parked => {
            g.pending = Some(Pending::Native);
            Ok(Flow::Park)
        }
    }
}

fn timer_id(p: &Value) -> Result<sched::TimerId, Throw> {
    match load_ptr(p)? {
        Value::Agg(a) => Ok(sched::TimerId(
            (a.get(1).map_or(1, Value::as_int) - 1).max(0) as u64,
        )),
        _ => Err(Throw::nil_deref()),
    }
}

fn new_timer(m: &mut Machine, g: &mut GState, b: usize, ticker: bool) -> Result<Flow, Throw> {
    let d = arg(g, b, 0).as_int();
    let (id, ch) = m.chan_timer(d, if ticker { d } else { 0 });
    ret(
        g,
        b,
        0,
        Value::cell(Value::Agg(vec![ch, Value::Int(id.0 as i64 + 1)].into())),
    );
    Ok(Flow::Next)
}

fn after_func(m: &mut Machine, g: &mut GState, b: usize, _n: usize) -> Result<Flow, Throw> {
    let d = arg(g, b, 0).as_int();
    let Value::Func(f) = arg(g, b, 1) else {
        return Err(Throw::nil_deref());
    };
    let token = m.add_timer_func(crate::machine::TimerFunc::Call(f));
    let id = m.sched.new_func_timer(m.cur, d, token);
    ret(
        g,
        b,
        0,
        Value::cell(Value::Agg(
            vec![Value::Nil, Value::Int(id.0 as i64 + 1)].into(),
        )),
    );
    Ok(Flow::Next)
}

impl Machine {
    /// The virtual wall clock of the running P, in ns since the Unix epoch.
    pub(crate) fn now_ns(&self) -> i64 {
        wall_ns(self.sched.now(self.cur.p))
    }

    /// A timer channel firing after `d` (and every `period` if non-zero).
    pub(crate) fn chan_timer(&mut self, d: i64, period: i64) -> (sched::TimerId, Value) {
        let info = sched::ChanInfo {
            elem: Some("time.Time"),
            label: None,
            line: None,
        };
        let (id, ch) = self
            .sched
            .new_chan_timer(self.cur, d, period, time_value(0), info);
        (id, Value::Chan(ch.0))
    }
}
