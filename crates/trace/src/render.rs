//! A plain-text rendering of a [`Snapshot`]: what golden tests pin and what
//! `goroscope trace` can print. One line per P, goroutine, channel and timer.

use std::fmt::{self, Display, Write};

use crate::snapshot::{ChanSnap, GoState, Snapshot};

fn gs(ids: &[u64]) -> String {
    let names: Vec<String> = ids.iter().map(|g| format!("G{g}")).collect();
    format!("[{}]", names.join(" "))
}

fn opt_g(g: Option<u64>) -> String {
    g.map_or("-".to_owned(), |g| format!("G{g}"))
}

impl Display for Snapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "t={} events={}", self.t, self.applied)?;
        for p in &self.procs {
            match p.m {
                None => writeln!(f, "P{} idle", p.id)?,
                Some(m) => writeln!(
                    f,
                    "P{} M{m} running={} runnext={} local={}{}",
                    p.id,
                    opt_g(p.running),
                    opt_g(p.runnext),
                    gs(&p.local),
                    p.syscall
                        .map_or(String::new(), |g| format!(" syscall=G{g}"))
                )?,
            }
        }
        writeln!(f, "global={}", gs(&self.global))?;
        for g in self.goroutines.values() {
            let state = match g.state {
                GoState::Runnable => "runnable".to_owned(),
                GoState::Running => "running".to_owned(),
                GoState::Dead => "dead".to_owned(),
                GoState::Syscall => "syscall".to_owned(),
                GoState::Waiting => {
                    format!("waiting [{}]", g.wait_reason.as_deref().unwrap_or("?"))
                }
            };
            let func = g.func.as_deref().unwrap_or("?");
            writeln!(f, "G{} {func} {state}", g.id)?;
        }
        for c in self.chans.values() {
            writeln!(f, "{c}")?;
        }
        for (id, t) in &self.timers {
            writeln!(
                f,
                "timer{id} when={} period={} g={}",
                t.when,
                t.period,
                opt_g(t.g)
            )?;
        }
        for (kind, locks) in [("mutex", &self.mutexes), ("rwmutex", &self.rwmutexes)] {
            for (id, l) in locks {
                writeln!(
                    f,
                    "{kind}{id} holder={} readers={}",
                    opt_g(l.holder),
                    gs(&l.readers)
                )?;
            }
        }
        for (id, counter) in &self.waitgroups {
            writeln!(f, "waitgroup{id} counter={counter}")?;
        }
        if let Some(end) = &self.ending {
            writeln!(f, "ending={end:?}")?;
        }
        Ok(())
    }
}

impl Display for ChanSnap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = String::new();
        for (i, slot) in self.buf.iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            buf.push_str(slot.as_deref().unwrap_or("_"));
        }
        let waiters = |q: &[crate::snapshot::WaiterSnap]| {
            let mut s = String::new();
            for (i, w) in q.iter().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                let _ = write!(s, "G{}", w.g);
                if let Some(v) = &w.value {
                    let _ = write!(s, ":{v}");
                }
            }
            format!("[{s}]")
        };
        write!(
            f,
            "chan{} {} chan {} [{}] buf=[{buf}] sendx={} recvx={} sendq={} recvq={}{}",
            self.id,
            self.label.as_deref().unwrap_or("?"),
            self.elem.as_deref().unwrap_or("?"),
            self.buf.len(),
            self.sendx,
            self.recvx,
            waiters(&self.sendq),
            waiters(&self.recvq),
            if self.closed { " closed" } else { "" }
        )
    }
}
