//! `check_invariants`: the machine's structural invariants, and the watch that checks
//! them after every scheduling step when `Config::check_invariants` is on.
//!
//! The invariants (Go's runtime keeps the same ones, mostly implicitly):
//! - **One place per G.** A `Running` G is the curg of exactly the P it names; a
//!   `Runnable` G is on exactly one run queue (a P's runnext or ring, or the global
//!   queue); a `Waiting` G is on exactly one wait list, the one its reason names (a
//!   channel's sendq or recvq, a Mutex's or Once's waiters, an RWMutex's blocked readers
//!   or its pending writer, a WaitGroup's or Cond's waiters, its armed sleep timer),
//!   except that a G blocked in `select` holds one sudog per case on the channels it
//!   selects on and nothing else, and a G blocked forever (nil channel, empty select)
//!   is on none; a G in a syscall is the syscall of one P or detached once; a dead G is
//!   nowhere. Only a runnable G carries a wake-up or a lock to retake.
//! - **Bounds.** Run queue rings within capacity; every hchan invariant (`HChan::check`:
//!   buffer within capacity, no sender and receiver waiting together...).
//! - **Ps and Ms.** Idle Ps are exactly those on `pidle` and hold no G, work or M;
//!   `nmspinning` counts the spinning Ps; no M is in two places.
//! - **Sync objects.** A Mutex with waiters is locked or has a woken waiter on its way
//!   (exactly one runnable G then retakes it); an RWMutex's pending writer and blocked
//!   readers exist only while a writer is announced; WaitGroup and Once waiters only
//!   while there is something to wait for.
//! - **Timers.** A heaped timer is armed and has its current entry in the heap of the
//!   P it names; an armed sleep or function timer is heaped; a channel timer is heaped
//!   exactly while armed and watched by a blocked receiver.
//!
//! # The per-step watch
//!
//! A step is one operation of a running G (`chan_send`, `rw_lock`, `sleep`...) or one
//! transition of the scheduler loop (preemption, sysmon's retake, a syscall's return,
//! findRunnable with execute, a timer firing). Every step announces itself on entry
//! ([`Machine::step`]); with the watch on, that checks the state the previous step left,
//! so each state between two steps is checked once. The first violation is kept, named
//! after the step that produced it ([`Machine::invariant_violation`]).
//!
//! A check walks the whole state, so checking after every step of a program with ten
//! thousand goroutines would cost a hundred million visits per second of the program.
//! The watch therefore earns [`STEP_ALLOWANCE`] visits per step (saving at most the size
//! of the state) and checks when it has earned that size: a state of up to that many
//! objects (every test
//! scenario, nearly every corpus program) is checked after every step; a larger one
//! every few steps, the report then naming the steps since the last check.

use crate::g::{Relock, Status, WaitReason};
use crate::ids::{GoId, MId};
use crate::machine::{Cur, Elem, Machine};
use crate::sync::{Locker, MutexCore, OnceState};
use crate::timer::TimerAction;

/// A wait list or queue a G was found on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Running,
    Queued,
    Syscall,
    /// A wait list; the reason a G parked on it has.
    Wait(WaitReason),
}

/// Where one G was found: how often, the first two places (for the report), and the
/// sudogs of a select (which may be several).
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    count: u32,
    first: [Option<Place>; 2],
    select_sudogs: u32,
}

/// Objects (goroutines, channels, timers, sync objects) the watch may visit per step.
pub(crate) const STEP_ALLOWANCE: usize = 512;

/// A step: its name and the G and P it ran for, if any.
type Step = (&'static str, Option<Cur>);

/// What the watch remembers between steps.
#[derive(Clone, Debug, Default)]
pub(crate) struct Watch {
    /// The first step since the last check, and the last one: the steps the next check
    /// examines the result of.
    since: Option<(Step, Step)>,
    /// Visits earned and not spent yet.
    credit: usize,
    /// The first violation found, with the steps after which it was found.
    broken: Option<String>,
}

fn describe((name, cur): Step) -> String {
    match cur {
        None => name.to_owned(),
        Some(c) => format!("{name} ({} on {})", c.g, c.p),
    }
}

/// A checker over one machine state: where every G was found.
struct Census {
    seen: Vec<Seen>,
}

impl Census {
    fn put(&mut self, g: GoId, place: Place) -> Result<(), String> {
        let s = self.seen.get_mut(g.index()).ok_or(format!("unknown {g}"))?;
        if let Some(slot) = s.first.get_mut(s.count as usize) {
            *slot = Some(place);
        }
        s.count += 1;
        Ok(())
    }

    fn put_select(&mut self, g: GoId) -> Result<(), String> {
        let s = self.seen.get_mut(g.index()).ok_or(format!("unknown {g}"))?;
        s.select_sudogs += 1;
        Ok(())
    }
}

impl<V: Elem> Machine<V> {
    /// Announces a step: with `Config::check_invariants` on, checks the state the
    /// previous step left (keeping the first violation), then remembers this one.
    /// `cur` is the G and P it runs for. (Nothing is built before the flag's test, so
    /// with the watch off a step costs one load and one branch.)
    #[inline]
    pub(crate) fn step(&mut self, name: &'static str, cur: Cur) {
        if self.cfg.check_invariants {
            self.watch_step(name, Some(cur));
        }
    }

    /// A step of the scheduler loop, which runs for no G.
    #[inline]
    pub(crate) fn step_sched(&mut self, name: &'static str) {
        if self.cfg.check_invariants {
            self.watch_step(name, None);
        }
    }

    #[cold]
    #[inline(never)]
    fn watch_step(&mut self, name: &'static str, cur: Option<Cur>) {
        if self.watch.broken.is_some() {
            return;
        }
        let size = self.gs.len() + self.chans.len() + self.timers.len() + self.sync.len();
        let w = &mut self.watch;
        w.credit = (w.credit + STEP_ALLOWANCE).min(size);
        if w.credit == size {
            w.credit = 0;
            if let Err(e) = self.check_invariants() {
                let after = match self.watch.since {
                    None => "the start".to_owned(),
                    Some((first, last)) if first == last => describe(last),
                    Some((first, last)) => {
                        format!(
                            "one of the steps from {} to {}",
                            describe(first),
                            describe(last)
                        )
                    }
                };
                self.watch.broken = Some(format!("after {after}: {e}"));
            }
            self.watch.since = None;
        }
        let step = (name, cur);
        let w = &mut self.watch;
        w.since = Some(w.since.map_or((step, step), |(first, _)| (first, step)));
    }

    /// The first invariant violation the per-step watch found (`Config::check_invariants`),
    /// naming the step after which it was found. The state the last step left is checked
    /// by the next step: call [`check_invariants`](Self::check_invariants) for it.
    pub fn invariant_violation(&self) -> Option<&str> {
        self.watch.broken.as_deref()
    }

    /// Checks every invariant of the module doc; returns the first violation.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut census = Census {
            seen: vec![Seen::default(); self.gs.len()],
        };
        self.check_ps(&mut census)?;
        self.check_chans(&mut census)?;
        self.check_sync(&mut census)?;
        self.check_timers(&mut census)?;
        self.check_places(&census)
    }

    /// Ps, Ms, run queues, syscalls.
    fn check_ps(&self, census: &mut Census) -> Result<(), String> {
        let mut spinning = 0;
        let mut ms: Vec<MId> = self.midle.clone();
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
            if !p.idle && p.m.is_none() {
                return Err(format!("{} is not idle but has no M", p.id));
            }
            ms.extend(p.m);
            spinning += usize::from(p.spinning);
            if let Some(sc) = p.syscall {
                census.put(sc.g, Place::Syscall)?;
                if p.curg.is_some() || p.idle {
                    return Err(format!(
                        "{} holds {} in a syscall but runs or is idle",
                        p.id, sc.g
                    ));
                }
            }
            if let Some(g) = p.curg {
                census.put(g, Place::Running)?;
                if self.gs[g.index()].p != Some(p.id) {
                    return Err(format!("{g} runs on {} but says otherwise", p.id));
                }
            }
            for g in p.runnext.into_iter().chain(p.runq.iter()) {
                census.put(g, Place::Queued)?;
            }
        }
        if spinning != self.nmspinning {
            return Err(format!(
                "nmspinning {} but {spinning} spinning Ps",
                self.nmspinning
            ));
        }
        for &g in &self.global {
            census.put(g, Place::Queued)?;
        }
        for &(g, m, _) in &self.detached {
            census.put(g, Place::Syscall)?;
            ms.push(m);
        }
        ms.sort();
        if let Some(w) = ms.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("{} is in two places", w[0]));
        }
        if ms.last().is_some_and(|m| m.0 >= self.mcount) {
            return Err(format!("an M beyond mcount {}", self.mcount));
        }
        Ok(())
    }

    /// hchans and their sudogs.
    fn check_chans(&self, census: &mut Census) -> Result<(), String> {
        for (i, c) in self.chans.iter().enumerate() {
            c.check().map_err(|e| format!("chan{i}: {e}"))?;
            let queues = [
                (&c.sendq, WaitReason::ChanSend),
                (&c.recvq, WaitReason::ChanReceive),
            ];
            for (q, reason) in queues {
                for s in q {
                    let Some(case) = s.case else {
                        census.put(s.g, Place::Wait(reason))?;
                        continue;
                    };
                    census.put_select(s.g)?;
                    let g = &self.gs[s.g.index()];
                    if g.status != Status::Waiting(WaitReason::Select)
                        || !g.select_chans.iter().any(|ch| ch.index() == i)
                    {
                        return Err(format!(
                            "chan{i}: sudog of {} for case {case}, which is not selecting on it",
                            s.g
                        ));
                    }
                }
            }
            if let Some(t) = c.timer
                && self.timers.get(t.index()).map(|t| t.action)
                    != Some(TimerAction::Chan(crate::ids::ChanId(i as u64)))
            {
                return Err(format!(
                    "chan{i}: its timer{} is not its channel timer",
                    t.0
                ));
            }
        }
        Ok(())
    }

    /// Mutexes, RWMutexes, WaitGroups, Onces and Conds.
    fn check_sync(&self, census: &mut Census) -> Result<(), String> {
        let s = &self.sync;
        let cores = s
            .mutexes
            .iter()
            .enumerate()
            .map(|(i, m)| (Locker::Mutex(crate::ids::MutexId(i as u64)), m))
            .chain(
                s.rwmutexes
                    .iter()
                    .enumerate()
                    .map(|(i, rw)| (Locker::RWMutex(crate::ids::RWMutexId(i as u64)), &rw.w)),
            );
        // The lockers woken waiters are on their way to retake.
        let retaking: Vec<Locker> = self
            .gs
            .iter()
            .filter_map(|g| match g.relock {
                Some(Relock::Lock {
                    locker,
                    retry: true,
                }) => Some(locker),
                _ => None,
            })
            .collect();
        for (locker, core) in cores {
            let woken = retaking.iter().filter(|&&l| l == locker).count();
            if core.woken != (woken == 1) || woken > 1 {
                return Err(format!(
                    "{locker:?}: woken {} but {woken} Gs retake it",
                    core.woken
                ));
            }
            check_core(census, locker, core)?;
        }
        for (i, rw) in s.rwmutexes.iter().enumerate() {
            let announced = rw.reader_count < 0;
            if announced && !rw.w.locked {
                return Err(format!(
                    "rwmutex{i}: a writer is announced without the lock"
                ));
            }
            if rw.writer.is_some() != (rw.reader_wait > 0) || rw.reader_wait < 0 {
                return Err(format!(
                    "rwmutex{i}: reader_wait {} but pending writer {:?}",
                    rw.reader_wait, rw.writer
                ));
            }
            if (rw.writer.is_some() || !rw.readers.is_empty()) && !announced {
                return Err(format!("rwmutex{i}: waiters but no writer announced"));
            }
            for &g in &rw.readers {
                census.put(g, Place::Wait(WaitReason::SyncRWMutexRLock))?;
            }
            if let Some(g) = rw.writer {
                census.put(g, Place::Wait(WaitReason::SyncRWMutexLock))?;
            }
        }
        for (i, wg) in s.waitgroups.iter().enumerate() {
            if !wg.waiters.is_empty() && wg.counter == 0 {
                return Err(format!("waitgroup{i}: waiters at counter 0"));
            }
            for &g in &wg.waiters {
                census.put(g, Place::Wait(WaitReason::SyncWaitGroupWait))?;
            }
        }
        for (i, once) in s.onces.iter().enumerate() {
            if !once.waiters.is_empty() && !matches!(once.state, OnceState::Running(_)) {
                return Err(format!("once{i}: waiters but the function is not running"));
            }
            for &g in &once.waiters {
                census.put(g, Place::Wait(WaitReason::SyncMutexLock))?;
            }
        }
        for c in &s.conds {
            for &(g, _) in &c.waiters {
                census.put(g, Place::Wait(WaitReason::SyncCondWait))?;
            }
        }
        Ok(())
    }

    /// Timers and their heap entries; armed sleep timers hold their G.
    fn check_timers(&self, census: &mut Census) -> Result<(), String> {
        // The P whose heap holds each timer's current entry.
        let mut current = vec![None; self.timers.len()];
        for p in &self.ps {
            for (when, seq, id) in p.timers.entries() {
                let Some(t) = self.timers.get(id.index()) else {
                    return Err(format!("{}'s heap names an unknown timer{}", p.id, id.0));
                };
                if t.seq == seq && t.when != when {
                    return Err(format!(
                        "timer{}: an entry of its seq at another time",
                        id.0
                    ));
                }
                if t.seq == seq {
                    if current[id.index()].is_some() {
                        return Err(format!("timer{}: two current heap entries", id.0));
                    }
                    current[id.index()] = Some(p.id);
                }
            }
        }
        for (i, t) in self.timers.iter().enumerate() {
            if t.heaped && !(t.active && current[i] == Some(t.p)) {
                return Err(format!(
                    "timer{i}: heaped on {} but active {} with its entry on {:?}",
                    t.p, t.active, current[i]
                ));
            }
            match t.action {
                TimerAction::Sleep(g) if t.active => {
                    if !t.heaped {
                        return Err(format!("timer{i}: an armed sleep timer is not heaped"));
                    }
                    census.put(g, Place::Wait(WaitReason::Sleep))?;
                }
                TimerAction::Func(_) if t.active && !t.heaped => {
                    return Err(format!("timer{i}: an armed function timer is not heaped"));
                }
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
        Ok(())
    }

    /// Every G is exactly where its status says.
    fn check_places(&self, census: &Census) -> Result<(), String> {
        for (g, seen) in self.gs.iter().zip(&census.seen) {
            let found = &seen.first[..(seen.count as usize).min(2)];
            if (g.wakeup.is_some() || g.relock.is_some()) && g.status != Status::Runnable {
                return Err(format!("{} is {:?} with a pending wake-up", g.id, g.status));
            }
            if seen.select_sudogs > 0 && g.status != Status::Waiting(WaitReason::Select) {
                return Err(format!(
                    "{} is {:?} but holds select sudogs",
                    g.id, g.status
                ));
            }
            let want = match g.status {
                Status::Running => Some(Place::Running),
                Status::Runnable => Some(Place::Queued),
                Status::Syscall => Some(Place::Syscall),
                Status::Waiting(WaitReason::Select) => {
                    if seen.select_sudogs == 0 && !g.select_chans.is_empty() {
                        return Err(format!("{} selects but holds no sudog", g.id));
                    }
                    None
                }
                Status::Waiting(r) if r.is_forever() => None,
                Status::Waiting(r) => Some(Place::Wait(r)),
                Status::Dead => None,
            };
            let ok = match want {
                Some(place) => seen.count == 1 && found == [Some(place)],
                None => seen.count == 0,
            };
            if !ok {
                return Err(format!(
                    "{} is {:?} but found {} times, at {found:?}",
                    g.id, g.status, seen.count
                ));
            }
        }
        Ok(())
    }
}

/// One mutex: waiters only while locked or while a woken waiter is on its way.
fn check_core(census: &mut Census, locker: Locker, core: &MutexCore) -> Result<(), String> {
    if !core.waiters.is_empty() && !core.locked && !core.woken {
        return Err(format!("{locker:?}: waiters but neither locked nor woken"));
    }
    if core.starving && !core.locked && core.waiters.is_empty() {
        return Err(format!(
            "{locker:?}: starving while free and without waiters"
        ));
    }
    for &g in &core.waiters {
        census.put(g, Place::Wait(WaitReason::SyncMutexLock))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chanops::{ChanInfo, RecvResult};
    use crate::config::Config;
    use crate::machine::Next;
    use crate::syncops::BlockResult;

    fn machine(check: bool) -> Machine<i64> {
        Machine::new(Config {
            gomaxprocs: 1,
            check_invariants: check,
            ..Config::default()
        })
    }

    fn run(m: &mut Machine<i64>) -> Cur {
        match m.next_slice() {
            Next::Run { cur, .. } => cur,
            Next::Deadlock(d) => panic!("{}", d.message()),
        }
    }

    /// A machine where main has started G2 and G3 and blocked receiving on a channel,
    /// so that every kind of place is occupied: a running G, queued Gs, a parked G.
    fn busy() -> (Machine<i64>, Cur) {
        let mut m = machine(false);
        let cur = run(&mut m);
        let ch = m.make_chan(cur, 0, 0, ChanInfo::default());
        m.newproc(cur, None, None);
        m.newproc(cur, None, None);
        assert_eq!(m.chan_recv(cur, Some(ch)), RecvResult::Parked);
        let cur = run(&mut m);
        m.check_invariants().unwrap();
        (m, cur)
    }

    /// Asserts that `m` is caught broken, with `want` in the report.
    fn assert_broken(m: &Machine<i64>, want: &str) {
        let report = m.check_invariants().expect_err("a broken state passes");
        assert!(report.contains(want), "{report}");
    }

    #[test]
    fn a_g_on_two_run_queues_is_caught() {
        let (mut m, cur) = busy();
        let queued = m.ps[cur.p.index()].runq.iter().next().unwrap();
        m.global.push_back(queued);
        assert_broken(&m, "found 2 times");
    }

    #[test]
    fn a_runnable_g_on_no_queue_is_caught() {
        let (mut m, cur) = busy();
        m.ps[cur.p.index()].runq.pop_front();
        assert_broken(&m, "is Runnable but found 0 times");
    }

    #[test]
    fn a_channel_buffer_over_capacity_is_caught() {
        let (mut m, _) = busy();
        m.chans[0].qcount = 1;
        assert_broken(&m, "chan0: qcount 1 > dataqsiz 0");
    }

    #[test]
    fn a_parked_g_on_no_wait_list_or_on_two_is_caught() {
        let (mut m, _) = busy();
        let recvq = std::mem::take(&mut m.chans[0].recvq);
        assert_broken(&m, "G1 is Waiting(ChanReceive) but found 0 times");
        m.chans[0].recvq = recvq;
        m.sync.mutexes.push(MutexCore {
            locked: true,
            waiters: [GoId::MAIN].into(),
            ..MutexCore::default()
        });
        assert_broken(&m, "G1 is Waiting(ChanReceive) but found 2 times");
    }

    #[test]
    fn a_parked_g_on_the_wrong_kind_of_list_is_caught() {
        let (mut m, _) = busy();
        let sudog = m.chans[0].recvq.pop_front().unwrap();
        m.chans[0].sendq.push_back(sudog);
        assert_broken(&m, "at [Some(Wait(ChanSend))]");
    }

    #[test]
    fn broken_sync_and_timer_state_is_caught() {
        let (mut m, cur) = busy();
        // A mutex with a waiter, free, and nobody woken.
        m.gs[0].status = Status::Waiting(WaitReason::SyncMutexLock);
        m.chans[0].recvq.clear();
        m.sync.mutexes.push(MutexCore {
            waiters: [GoId::MAIN].into(),
            ..MutexCore::default()
        });
        assert_broken(&m, "neither locked nor woken");
        m.sync.mutexes[0].locked = true;
        m.check_invariants().unwrap();
        // A sleeping G whose timer is not in any heap.
        assert_eq!(m.sleep(cur, 100), BlockResult::Parked);
        m.check_invariants().unwrap();
        let p = m.timers[0].p;
        m.ps[p.index()].timers = Default::default();
        assert_broken(&m, "timer0: heaped");
    }

    #[test]
    fn the_watch_names_the_step_that_broke_the_state() {
        let mut m = machine(true);
        let cur = run(&mut m);
        m.newproc(cur, None, None);
        assert_eq!(m.invariant_violation(), None);
        // Corrupt the state as a buggy newproc would: the new G is queued twice.
        m.global.push_back(GoId(2));
        let ch = m.make_chan(cur, 1, 0, ChanInfo::default());
        let report = m.invariant_violation().expect("caught at the next step");
        assert!(
            report.starts_with("after newproc (G1 on P0): G2 is Runnable but found 2 times"),
            "{report}"
        );
        // Only the first violation is kept.
        m.chan_send(cur, Some(ch), 1);
        assert!(
            m.invariant_violation()
                .unwrap()
                .starts_with("after newproc")
        );
    }

    #[test]
    fn a_large_state_is_checked_every_few_steps() {
        let mut m = machine(true);
        let cur = run(&mut m);
        for _ in 0..2 * STEP_ALLOWANCE {
            m.newproc(cur, None, None);
        }
        m.global.push_back(GoId::MAIN);
        let mut steps = 0;
        while m.invariant_violation().is_none() {
            m.make_chan(cur, 0, 0, ChanInfo::default());
            steps += 1;
        }
        // About 1,025 goroutines and channels, 512 visits earned per step.
        assert!((1..=3).contains(&steps), "caught after {steps} steps");
        let report = m.invariant_violation().unwrap();
        assert!(
            report.starts_with("after one of the steps from ")
                && report.contains(" to make_chan (G1 on P0): G1 is Running but found 2 times"),
            "{report}"
        );
    }

    #[test]
    fn the_watch_is_off_by_default() {
        let mut m: Machine<i64> = Machine::new(Config::default());
        let cur = run(&mut m);
        m.global.push_back(GoId::MAIN);
        m.newproc(cur, None, None);
        assert_eq!(m.invariant_violation(), None);
        assert!(m.check_invariants().is_err());
    }
}
