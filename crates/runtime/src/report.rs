//! Go's reports on stderr when a program dies: `panic: <value>` (printed as the runtime's
//! `printpanicval` does), `fatal error: <msg>`, the stack overflow report, the deadlock
//! report with a dump of every goroutine, each followed by `goroutine N [state]:` and
//! its frames. Only the first line is compared by tests; the rest is kept plausible
//! (`+0x..` offsets are fake but stable).

use std::fmt::Write;

use goroscope_compiler::bytecode::TypeKind;
use goroscope_sched::{Deadlock, GoId};

use crate::goroutine::{GState, TraceFrame};
use crate::machine::Machine;
use crate::print::print_float;
use crate::throw::Throw;
use crate::value::Value;

/// How many frames a trace shows before eliding the rest, as Go does (it shows 100).
const MAX_TRACE: usize = 50;

impl Machine {
    /// `g`'s frames, top first.
    pub(crate) fn stack_trace(&self, g: &GState) -> Vec<TraceFrame> {
        g.frames
            .iter()
            .rev()
            .map(|f| {
                let func = &self.prog.funcs[f.func as usize];
                let pc = (f.pc as usize).saturating_sub(1);
                TraceFrame {
                    func: func.name.clone(),
                    has_params: func.nparams > 0,
                    line: func.lines.get(pc).map_or(func.pos.line, |p| p.line),
                }
            })
            .collect()
    }

    fn write_frames(&self, out: &mut String, frames: &[TraceFrame]) {
        for (i, f) in frames.iter().enumerate() {
            if i == MAX_TRACE {
                let _ = writeln!(out, "...additional frames elided...");
                break;
            }
            let args = if f.has_params { "..." } else { "" };
            let _ = writeln!(
                out,
                "{}({args})\n\t{}:{} +0x{:x}",
                f.func,
                self.prog.file,
                f.line,
                0x1d + 8 * (f.line % 32)
            );
        }
    }

    fn write_created_by(&self, out: &mut String, g: &GState) {
        if let Some((f, parent)) = &g.created_by {
            let _ = writeln!(
                out,
                "created by {} in goroutine {parent}\n\t{}:{} +0x{:x}",
                f.func,
                self.prog.file,
                f.line,
                0x1d + 8 * (f.line % 32)
            );
        }
    }

    /// How `panic(v)` prints `v` (Go's printpanicval): `Error()`/`String()` results for
    /// errors and Stringers, plain values for basic types, `T(v)` for named basic types.
    pub(crate) fn panic_value_text(&mut self, g: &mut GState, v: &Value) -> String {
        let Value::Iface(i) = v else {
            return "nil".into();
        };
        if let Some(text) = self.call_string_method(g, v) {
            return text;
        }
        let desc = self.type_desc(i.ty).clone();
        let basic = matches!(desc.name.as_str(), "string" | "bool" | "float64")
            || (matches!(desc.kind, TypeKind::Int(_)) && !desc.name.contains('.'));
        let raw = match (&desc.kind, &i.val) {
            (TypeKind::String, Value::Str(s)) => {
                let s = String::from_utf8_lossy(s).into_owned();
                if basic { s } else { format!("\"{s}\"") }
            }
            (TypeKind::Int(k), Value::Int(n)) => {
                if k.is_signed() {
                    n.to_string()
                } else {
                    (*n as u64).to_string()
                }
            }
            (TypeKind::Float64, Value::Float(f)) => print_float(*f),
            (TypeKind::Bool, Value::Bool(b)) => b.to_string(),
            _ => {
                return format!(
                    "({}) {:#x}",
                    desc.name,
                    crate::print::address(&i.val).max(0xc000012000)
                );
            }
        };
        if basic {
            raw
        } else {
            format!("{}({raw})", desc.name)
        }
    }

    /// The report for a program killed by `t` on goroutine `g`: (exit code, reason, text).
    pub(crate) fn death_report(&mut self, g: &mut GState, t: Throw) -> (i32, String, String) {
        let mut out = String::new();
        let frames = self.stack_trace(g);
        match t {
            Throw::Panic(v) => {
                let (trace, earlier) = match g.panicking.take() {
                    Some(p) => (p.trace, p.earlier),
                    None => (frames, Vec::new()),
                };
                for e in &earlier {
                    let text = self.panic_value_text(g, e);
                    let _ = writeln!(out, "panic: {text}");
                }
                let text = self.panic_value_text(g, &v);
                let prefix = if earlier.is_empty() { "" } else { "\t" };
                let _ = writeln!(out, "{prefix}panic: {text}");
                if text.ends_with("nil pointer dereference") {
                    let _ = writeln!(
                        out,
                        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]"
                    );
                }
                let _ = writeln!(out, "\ngoroutine {} [running]:", g.id);
                self.write_frames(&mut out, &trace);
                self.write_created_by(&mut out, g);
                (2, "panic".into(), out)
            }
            Throw::RuntimeError(msg) => {
                let v = self.runtime_error(msg);
                self.death_report(g, Throw::Panic(v))
            }
            Throw::Fatal(msg) => {
                let _ = writeln!(out, "fatal error: {msg}\n\ngoroutine {} [running]:", g.id);
                self.write_frames(&mut out, &frames);
                self.write_created_by(&mut out, g);
                (2, format!("fatal error: {msg}"), out)
            }
            Throw::StackOverflow => {
                let _ = writeln!(
                    out,
                    "runtime: goroutine stack exceeds 1000000000-byte limit"
                );
                let _ = writeln!(
                    out,
                    "fatal error: stack overflow\n\ngoroutine {} [running]:",
                    g.id
                );
                self.write_frames(&mut out, &frames);
                (2, "fatal error: stack overflow".into(), out)
            }
            Throw::Limit(msg) => {
                let _ = writeln!(out, "{msg}");
                (2, msg, out)
            }
            Throw::Exit(code) => (code, format!("os.Exit({code})"), out),
            Throw::Goexit => (0, "goexit".into(), out),
            Throw::Internal(msg) => {
                let _ = writeln!(out, "goroscope: internal error: {msg}");
                (2, format!("internal error: {msg}"), out)
            }
        }
    }

    /// `fatal error: all goroutines are asleep - deadlock!` and the goroutine dump.
    pub(crate) fn deadlock_report(&self, d: Deadlock) -> String {
        let mut out = format!("fatal error: {}\n", d.message());
        if d == Deadlock::MainGoexit {
            return out;
        }
        for (i, slot) in self.gs.iter().enumerate() {
            let Some(g) = slot else { continue };
            let id = GoId(i as u64 + 1);
            let reason = self
                .sched
                .goroutine(id)
                .and_then(|s| s.wait_reason())
                .map_or("runnable".to_string(), |r| r.as_str().to_string());
            let _ = writeln!(out, "\ngoroutine {} [{reason}]:", id.0);
            self.write_frames(&mut out, &self.stack_trace(g));
            self.write_created_by(&mut out, g);
        }
        out
    }
}
