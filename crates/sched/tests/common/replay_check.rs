//! Holds the trace to the machine: the snapshot replayed from the events recorded so far
//! must show exactly the machine's run queues, goroutine states and channels.

use goroscope_sched::{ChanId, Locker, Machine, MutexId, Status, WaitGroupId};
use goroscope_trace::{GoState, Snapshot};

pub fn agrees(m: &Machine<i64>, s: &Snapshot) -> Result<(), String> {
    if s.procs.len() < m.gomaxprocs() {
        return Err(format!(
            "{} Ps replayed, {} in the machine",
            s.procs.len(),
            m.gomaxprocs()
        ));
    }
    for (p, sp) in m.procs().iter().zip(&s.procs) {
        let local: Vec<u64> = p.runq.iter().map(|g| g.0).collect();
        let syscall = p.syscall.map(|sc| sc.g.0);
        let want = (
            p.curg.map(|g| g.0),
            syscall,
            p.runnext.map(|g| g.0),
            local,
            p.idle,
        );
        let got = (
            sp.running,
            sp.syscall,
            sp.runnext,
            sp.local.clone(),
            sp.m.is_none(),
        );
        if want != got {
            return Err(format!(
                "{}: machine (running, syscall, runnext, local, idle) {want:?}, replay {got:?}",
                p.id
            ));
        }
    }
    let global: Vec<u64> = m.global_queue().map(|g| g.0).collect();
    if global != s.global {
        return Err(format!(
            "global queue: machine {global:?}, replay {:?}",
            s.global
        ));
    }
    for g in m.goroutines() {
        let sg = s
            .goroutines
            .get(&g.id.0)
            .ok_or(format!("{} missing from replay", g.id))?;
        let (state, reason) = match g.status {
            Status::Runnable => (GoState::Runnable, None),
            Status::Running => (GoState::Running, None),
            Status::Waiting(r) => (GoState::Waiting, Some(r.as_str())),
            Status::Syscall => (GoState::Syscall, None),
            Status::Dead => (GoState::Dead, None),
        };
        if (state, reason) != (sg.state, sg.wait_reason.as_deref()) {
            return Err(format!(
                "{}: machine {state:?} {reason:?}, replay {:?} {:?}",
                g.id, sg.state, sg.wait_reason
            ));
        }
    }
    for (&id, sc) in &s.chans {
        let c = m
            .chan(ChanId(id))
            .ok_or(format!("chan{id} missing from machine"))?;
        let buf: Vec<Option<String>> = c.buf.iter().map(|v| v.map(|v| v.to_string())).collect();
        let sendq: Vec<u64> = c.sendq.iter().map(|w| w.g.0).collect();
        let recvq: Vec<u64> = c.recvq.iter().map(|w| w.g.0).collect();
        let want = (
            buf,
            c.sendx as u64,
            c.recvx as u64,
            c.qcount as u64,
            sendq,
            recvq,
            c.closed,
        );
        let got = (
            sc.buf.clone(),
            sc.sendx,
            sc.recvx,
            sc.qcount,
            sc.sendq.iter().map(|w| w.g).collect::<Vec<_>>(),
            sc.recvq.iter().map(|w| w.g).collect::<Vec<_>>(),
            sc.closed,
        );
        if want != got {
            return Err(format!("chan{id}: machine {want:?}, replay {got:?}"));
        }
    }
    for (&id, lock) in &s.mutexes {
        if lock.holder.is_some() != m.is_locked(Locker::Mutex(MutexId(id))) {
            return Err(format!("mutex{id}: replay holder {:?}", lock.holder));
        }
    }
    for (&id, &counter) in &s.waitgroups {
        if counter != m.waitgroup_counter(WaitGroupId(id)) {
            return Err(format!("waitgroup{id}: replay counter {counter}"));
        }
    }
    Ok(())
}
