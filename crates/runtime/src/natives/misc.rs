//! `runtime` (GOMAXPROCS, Gosched, Goexit, NumCPU, NumGoroutine) and `os.Exit`.

use super::{NativeFn, arg, ret};
use crate::goroutine::GState;
use crate::interp::Flow;
use crate::machine::Machine;
use crate::throw::Throw;
use crate::value::Value;

pub(super) fn lookup(key: &str) -> Option<NativeFn> {
    Some(match key {
        "runtime.GOMAXPROCS" => gomaxprocs,
        "runtime.Gosched" => gosched,
        "runtime.Goexit" => |_, _, _, _| Err(Throw::Goexit),
        "runtime.NumCPU" => |m, g, base, _| {
            ret(g, base, 0, Value::Int(m.cfg.procs as i64));
            Ok(Flow::Next)
        },
        "runtime.NumGoroutine" => |m, g, base, _| {
            ret(g, base, 0, Value::Int(m.sched.num_goroutine() as i64));
            Ok(Flow::Next)
        },
        "os.Exit" => |_, g, base, _| Err(Throw::Exit(arg(g, base, 0).as_int() as i32)),
        _ => return None,
    })
}

fn gomaxprocs(m: &mut Machine, g: &mut GState, base: usize, _n: usize) -> Result<Flow, Throw> {
    let n = arg(g, base, 0).as_int();
    let prev = m.sched.gomaxprocs() as i64;
    if n > 0 && n as usize != m.sched.gomaxprocs() {
        let (_, cur) = m.sched.set_gomaxprocs(m.cur, n.min(256) as usize);
        m.cur = cur;
    }
    ret(g, base, 0, Value::Int(prev));
    Ok(Flow::Next)
}

fn gosched(m: &mut Machine, _g: &mut GState, _base: usize, _n: usize) -> Result<Flow, Throw> {
    m.sched.gosched(m.cur);
    Ok(Flow::Yield)
}
