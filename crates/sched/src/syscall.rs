//! System calls (Go's entersyscall/exitsyscall and sysmon's retake/handoffp).
//!
//! A G in a syscall keeps its M and, at first, its P: the P runs nothing else. If the
//! call lasts longer than a sysmon tick and there is work the P could do, sysmon
//! retakes the P and hands it to another M; when the call returns, the G takes its P
//! back if it is still held, else any idle P, else it queues on the global run queue.
//!
//! Invariant: a G in `Status::Syscall` is either the `syscall` of exactly one P or in
//! `Machine::detached` exactly once.

use goroscope_trace::EventKind;

use crate::g::Status;
use crate::ids::PId;
use crate::machine::{Cur, Elem, Machine, emit, emit_at};
use crate::p::{InSyscall, P};

impl<V: Elem> Machine<V> {
    /// The running G makes a system call lasting `ns` of virtual time. It stops running
    /// (like a park); it resumes, with no wakeup, when the call returns.
    pub fn entersyscall(&mut self, cur: Cur, ns: u64) {
        self.step("entersyscall", cur);
        let now = self.now(cur.p);
        self.stop_running(cur);
        self.gs[cur.g.index()].status = Status::Syscall;
        self.ps[cur.p.index()].syscall = Some(InSyscall {
            g: cur.g,
            since: now,
            until: now.saturating_add(ns),
        });
        emit!(
            self,
            cur.p,
            EventKind::GoSysCall {
                g: cur.g.0,
                p: cur.p.0
            }
        );
    }

    /// When sysmon would retake `pp` from its syscall: after one tick if the P has local
    /// work or no other P is idle or spinning to take work, else after 10 ms.
    pub(crate) fn retake_at(&self, pp: &P, sc: InSyscall) -> u64 {
        let needed = pp.has_work() || self.nmspinning + self.pidle.len() == 0;
        let wait = if needed {
            self.cfg.syscall_retake_ns
        } else {
            self.cfg.syscall_retake_idle_ns
        };
        sc.since.saturating_add(wait)
    }

    /// sysmon retakes `p` at `now` and hands it off (handoffp): to a new M if there is
    /// work or nobody else to look for it, else to the idle list.
    pub(crate) fn retake(&mut self, p: PId, now: u64) {
        let pp = &mut self.ps[p.index()];
        let Some(sc) = pp.syscall.take() else { return };
        pp.clock = pp.clock.max(now);
        if let Some(m) = pp.m.take() {
            self.detached.push((sc.g, m, sc.until));
        }
        emit!(self, p, EventKind::ProcRetake { p: p.0, g: sc.g.0 });
        if self.ps[p.index()].has_work() || !self.global.is_empty() {
            self.startp(p, now, false);
        } else if self.nmspinning + self.pidle.len() == 0 {
            self.startp(p, now, true);
        } else {
            self.stopp(p);
        }
    }

    /// The syscall on `p` returns at `now` while the G still holds `p`: it goes on
    /// running there, in the same time slice.
    pub(crate) fn exitsyscall_fast(&mut self, p: PId, sc: InSyscall, now: u64) -> Cur {
        let g = sc.g;
        let pp = &mut self.ps[p.index()];
        pp.syscall = None;
        pp.clock = pp.clock.max(now);
        pp.curg = Some(g);
        let gg = &mut self.gs[g.index()];
        gg.status = Status::Running;
        gg.p = Some(p);
        emit!(
            self,
            p,
            EventKind::GoSysExit {
                g: g.0,
                p: Some(p.0)
            }
        );
        Cur { p, g }
    }

    /// The syscall of `detached[i]` returns at `now`: its M takes an idle P and goes
    /// on running the G, or, with none free, queues the G globally and parks.
    pub(crate) fn exitsyscall_detached(&mut self, i: usize, now: u64) -> Option<Cur> {
        let (g, m, _) = self.detached.remove(i);
        self.midle.push(m);
        let gg = &mut self.gs[g.index()];
        gg.ready_at = now;
        let Some(&p) = self.pidle.last() else {
            gg.status = Status::Runnable;
            self.global.push_back(g);
            emit_at!(self, now, EventKind::GoSysExit { g: g.0, p: None });
            return None;
        };
        self.startp(p, now, false);
        let pp = &mut self.ps[p.index()];
        pp.curg = Some(g);
        pp.schedtick += 1;
        pp.schedwhen = pp.clock;
        let gg = &mut self.gs[g.index()];
        gg.status = Status::Running;
        gg.p = Some(p);
        emit!(
            self,
            p,
            EventKind::GoSysExit {
                g: g.0,
                p: Some(p.0)
            }
        );
        Some(Cur { p, g })
    }
}
