//! `check_invariants`: the machine's structural invariants, checked by tests after
//! every step. Returns a description of the first violation.

use crate::g::Status;
use crate::ids::GoId;
use crate::machine::{Elem, Machine};
use crate::timer::TimerAction;

/// Where a G was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Running,
    Queued,
    Waiting,
    Syscall,
}

impl<V: Elem> Machine<V> {
    /// Checks: every G is where its status says and in one place only (a select may hold
    /// several sudogs); run queues within capacity; idle Ps hold no work; the spinning
    /// count; every hchan invariant.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut places: Vec<Vec<Place>> = vec![Vec::new(); self.gs.len()];
        let mut put = |g: GoId, place: Place| -> Result<(), String> {
            places
                .get_mut(g.index())
                .ok_or(format!("unknown {g}"))?
                .push(place);
            Ok(())
        };
        let mut spinning = 0;
        for p in &self.ps {
            if p.runq.len() > p.runq.capacity() {
                return Err(format!("{} ring over capacity", p.id));
            }
            if p.idle != self.pidle.contains(&p.id) {
                return Err(format!("{} idle flag disagrees with pidle", p.id));
            }
            if p.idle && (p.curg.is_some() || p.has_work() || p.m.is_some() || p.spinning) {
                return Err(format!("idle {} holds work or an M", p.id));
            }
            spinning += usize::from(p.spinning);
            if let Some(sc) = p.syscall {
                put(sc.g, Place::Syscall)?;
                if p.curg.is_some() || p.m.is_none() || p.idle {
                    return Err(format!(
                        "{} holds {} in a syscall but runs or lacks an M",
                        p.id, sc.g
                    ));
                }
            }
            if let Some(g) = p.curg {
                put(g, Place::Running)?;
                if self.gs[g.index()].p != Some(p.id) {
                    return Err(format!("{g} runs on {} but says otherwise", p.id));
                }
            }
            for g in p.runnext.into_iter().chain(p.runq.iter()) {
                put(g, Place::Queued)?;
            }
        }
        if spinning != self.nmspinning {
            return Err(format!(
                "nmspinning {} but {spinning} spinning Ps",
                self.nmspinning
            ));
        }
        for &g in &self.global {
            put(g, Place::Queued)?;
        }
        for &(g, _, _) in &self.detached {
            put(g, Place::Syscall)?;
        }
        for (i, c) in self.chans.iter().enumerate() {
            c.check().map_err(|e| format!("chan{i}: {e}"))?;
            for s in c.sendq.iter().chain(&c.recvq) {
                if s.case.is_none() {
                    put(s.g, Place::Waiting)?;
                }
            }
        }
        let s = &self.sync;
        let mutex_waiters = s
            .mutexes
            .iter()
            .chain(s.rwmutexes.iter().map(|rw| &rw.w))
            .flat_map(|m| m.waiters.iter());
        let rw_waiters = s
            .rwmutexes
            .iter()
            .flat_map(|rw| rw.readers.iter().chain(rw.writer.iter()));
        let others = s
            .waitgroups
            .iter()
            .flat_map(|w| w.waiters.iter())
            .chain(s.onces.iter().flat_map(|o| o.waiters.iter()));
        let cond_waiters = s
            .conds
            .iter()
            .flat_map(|c| c.waiters.iter().map(|(g, _)| g));
        for &g in mutex_waiters
            .chain(rw_waiters)
            .chain(others)
            .chain(cond_waiters)
        {
            put(g, Place::Waiting)?;
        }
        for (i, t) in self.timers.iter().enumerate() {
            match t.action {
                TimerAction::Sleep(g) if t.active => put(g, Place::Waiting)?,
                TimerAction::Chan(ch) => {
                    let watched = !self.chans[ch.index()].recvq.is_empty();
                    if t.heaped != (t.active && watched) {
                        return Err(format!(
                            "timer{i}: heaped {} but active {} watched {watched}",
                            t.heaped, t.active
                        ));
                    }
                }
                _ => {}
            }
        }
        for (g, found) in self.gs.iter().zip(&places) {
            let want = match g.status {
                Status::Running => Some(Place::Running),
                Status::Runnable => Some(Place::Queued),
                Status::Waiting(r) if r.is_forever() => None,
                Status::Waiting(crate::g::WaitReason::Select) => {
                    let held = self
                        .chans
                        .iter()
                        .any(|c| c.sendq.iter().chain(&c.recvq).any(|s| s.g == g.id));
                    if !held && !g.select_chans.is_empty() {
                        return Err(format!("{} selects but holds no sudog", g.id));
                    }
                    if !found.is_empty() {
                        return Err(format!("{} selects but is also at {found:?}", g.id));
                    }
                    continue;
                }
                Status::Waiting(_) => Some(Place::Waiting),
                Status::Syscall => Some(Place::Syscall),
                Status::Dead => None,
            };
            let ok = match want {
                Some(place) => found.as_slice() == [place],
                None => found.is_empty(),
            };
            if !ok {
                return Err(format!("{} is {:?} but found at {found:?}", g.id, g.status));
            }
        }
        Ok(())
    }
}
