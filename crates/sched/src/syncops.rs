//! `sync` operations of a running G: Mutex (normal and starvation mode), RWMutex
//! (writer preference), WaitGroup, Once and Cond. The interpreter allocates objects
//! lazily (`new_mutex`...) and keeps the ids in its Go values.
//!
//! A parked G resumes holding what it asked for: the machine retakes locks for it
//! (see `Relock`) before handing it back to the interpreter.

use goroscope_trace::{EventKind, Obj, SyncOp};

use crate::g::{Relock, WaitReason};
use crate::ids::{CondId, GoId, MutexId, OnceId, PId, RWMutexId, WaitGroupId};
use crate::machine::{Cur, Elem, Machine, emit};
use crate::sync::{Locker, MutexCore, OnceState, RWMUTEX_MAX_READERS};

/// Result of an operation that may block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockResult {
    Done,
    /// The G parked; when resumed the operation has completed.
    Parked,
}

/// Result of `Once.Do`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnceResult {
    /// The caller runs the function, then calls `once_done` (even if it panics).
    Run,
    /// Already done: skip the function.
    Done,
    /// The function is running in another G; when resumed, it has completed.
    Parked,
}

/// A misuse of a sync object: Go's message and whether it is a fatal error (which
/// `recover` cannot catch) or a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncError {
    UnlockOfUnlockedMutex,
    UnlockOfUnlockedRWMutex,
    RUnlockOfUnlockedRWMutex,
    NegativeWaitGroupCounter,
}

impl SyncError {
    pub fn message(self) -> &'static str {
        match self {
            SyncError::UnlockOfUnlockedMutex => "sync: unlock of unlocked mutex",
            SyncError::UnlockOfUnlockedRWMutex => "sync: Unlock of unlocked RWMutex",
            SyncError::RUnlockOfUnlockedRWMutex => "sync: RUnlock of unlocked RWMutex",
            SyncError::NegativeWaitGroupCounter => "sync: negative WaitGroup counter",
        }
    }

    /// True for `fatal error: ...`, false for `panic: ...`.
    pub fn is_fatal(self) -> bool {
        self != SyncError::NegativeWaitGroupCounter
    }
}

fn obj(locker: Locker) -> Obj {
    match locker {
        Locker::Mutex(id) => Obj::Mutex(id.0),
        Locker::RWMutex(id) => Obj::RWMutex(id.0),
    }
}

/// Appends a fresh object to its table and returns its index, the object's id.
fn push_default<T: Default>(table: &mut Vec<T>) -> u64 {
    table.push(T::default());
    table.len() as u64 - 1
}

impl<V: Elem> Machine<V> {
    pub fn new_mutex(&mut self) -> MutexId {
        MutexId(push_default(&mut self.sync.mutexes))
    }

    pub fn new_rwmutex(&mut self) -> RWMutexId {
        RWMutexId(push_default(&mut self.sync.rwmutexes))
    }

    pub fn new_waitgroup(&mut self) -> WaitGroupId {
        WaitGroupId(push_default(&mut self.sync.waitgroups))
    }

    pub fn new_once(&mut self) -> OnceId {
        OnceId(push_default(&mut self.sync.onces))
    }

    pub fn new_cond(&mut self) -> CondId {
        CondId(push_default(&mut self.sync.conds))
    }

    /// Whether a Mutex, or an RWMutex's writer lock, is held (for inspection).
    pub fn is_locked(&self, locker: Locker) -> bool {
        match locker {
            Locker::Mutex(id) => self.sync.mutexes.get(id.index()).is_some_and(|m| m.locked),
            Locker::RWMutex(id) => self
                .sync
                .rwmutexes
                .get(id.index())
                .is_some_and(|rw| rw.w.locked),
        }
    }

    /// A WaitGroup's counter (for inspection).
    pub fn waitgroup_counter(&self, id: WaitGroupId) -> i64 {
        self.sync
            .waitgroups
            .get(id.index())
            .map_or(0, |wg| wg.counter)
    }

    fn core(&mut self, locker: Locker) -> &mut MutexCore {
        match locker {
            Locker::Mutex(id) => &mut self.sync.mutexes[id.index()],
            Locker::RWMutex(id) => &mut self.sync.rwmutexes[id.index()].w,
        }
    }

    /// `Mutex.Lock`.
    pub fn mutex_lock(&mut self, cur: Cur, id: MutexId) -> BlockResult {
        self.step("mutex_lock", cur);
        self.lock(cur, Locker::Mutex(id), false)
    }

    /// `Mutex.Unlock`.
    pub fn mutex_unlock(&mut self, cur: Cur, id: MutexId) -> Result<(), SyncError> {
        self.step("mutex_unlock", cur);
        self.unlock(cur, Locker::Mutex(id))
    }

    /// `Mutex.TryLock`.
    pub fn mutex_try_lock(&mut self, cur: Cur, id: MutexId) -> bool {
        self.step("mutex_try_lock", cur);
        let core = &mut self.sync.mutexes[id.index()];
        if core.locked || core.starving {
            return false;
        }
        core.locked = true;
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: Obj::Mutex(id.0),
                g: cur.g.0,
                op: SyncOp::Lock
            }
        );
        true
    }

    /// Locks `locker` for the running G, parking it when taken. For an RWMutex, the
    /// writer then waits for active readers.
    fn lock(&mut self, cur: Cur, locker: Locker, retry: bool) -> BlockResult {
        let now = self.now(cur.p);
        let threshold = self.cfg.starvation_threshold_ns;
        let g = cur.g;
        let since = self.gs[g.index()].wait_since;
        let core = self.core(locker);
        if retry {
            core.woken = false;
        }
        if !core.locked && !core.starving {
            core.locked = true;
            self.gs[g.index()].wait_since = None;
            emit!(
                self,
                cur.p,
                EventKind::Sync {
                    obj: obj(locker),
                    g: g.0,
                    op: SyncOp::Lock
                }
            );
            return match locker {
                Locker::RWMutex(id) => self.rw_announce(cur, id),
                Locker::Mutex(_) => BlockResult::Done,
            };
        }
        let mut starved = false;
        if retry {
            if !core.starving && since.is_some_and(|s| now.saturating_sub(s) >= threshold) {
                core.starving = true;
                starved = true;
            }
            core.waiters.push_front(g);
        } else {
            core.waiters.push_back(g);
            self.gs[g.index()].wait_since = Some(now);
        }
        if starved {
            emit!(
                self,
                cur.p,
                EventKind::Sync {
                    obj: obj(locker),
                    g: g.0,
                    op: SyncOp::Starving
                }
            );
        }
        self.park(cur, WaitReason::SyncMutexLock, Some(obj(locker)));
        BlockResult::Parked
    }

    /// Unlocks `locker`: in starvation mode ownership passes to the first waiter; in
    /// normal mode the lock is released and the first waiter woken to compete.
    fn unlock(&mut self, cur: Cur, locker: Locker) -> Result<(), SyncError> {
        let now = self.now(cur.p);
        let threshold = self.cfg.starvation_threshold_ns;
        let core = self.core(locker);
        if !core.locked {
            return Err(match locker {
                Locker::Mutex(_) => SyncError::UnlockOfUnlockedMutex,
                Locker::RWMutex(_) => SyncError::UnlockOfUnlockedRWMutex,
            });
        }
        let wake = if core.starving {
            let w = core.waiters.pop_front();
            if w.is_none() {
                core.locked = false;
                core.starving = false;
            }
            w.map(|w| (w, true))
        } else {
            core.locked = false;
            match core.woken {
                true => None,
                false => core.waiters.pop_front().map(|w| (w, false)),
            }
        };
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: obj(locker),
                g: cur.g.0,
                op: SyncOp::Unlock
            }
        );
        if let Some((w, handoff)) = wake {
            let relock = if handoff {
                let waited = self.gs[w.index()]
                    .wait_since
                    .map_or(0, |s| now.saturating_sub(s));
                let core = self.core(locker);
                if core.waiters.is_empty() || waited < threshold {
                    core.starving = false;
                }
                self.gs[w.index()].wait_since = None;
                emit!(
                    self,
                    cur.p,
                    EventKind::Sync {
                        obj: obj(locker),
                        g: w.0,
                        op: SyncOp::Lock
                    }
                );
                match locker {
                    Locker::RWMutex(id) => Some(Relock::RWAnnounce(id)),
                    Locker::Mutex(_) => None,
                }
            } else {
                self.core(locker).woken = true;
                Some(Relock::Lock {
                    locker,
                    retry: true,
                })
            };
            self.gs[w.index()].relock = relock;
            self.goready(w, cur.p);
        }
        Ok(())
    }

    /// Retakes a lock for a G being scheduled; false if it parked again.
    pub(crate) fn relock(&mut self, cur: Cur, relock: Relock) -> bool {
        let result = match relock {
            Relock::Lock { locker, retry } => self.lock(cur, locker, retry),
            Relock::RWAnnounce(id) => self.rw_announce(cur, id),
        };
        result == BlockResult::Done
    }

    /// RWMutex.Lock after taking the writer mutex: announce the writer (new readers
    /// now block) and wait for the active readers to leave.
    fn rw_announce(&mut self, cur: Cur, id: RWMutexId) -> BlockResult {
        let rw = &mut self.sync.rwmutexes[id.index()];
        let active = rw.reader_count;
        rw.reader_count -= RWMUTEX_MAX_READERS;
        if active != 0 {
            rw.reader_wait += active;
            rw.writer = Some(cur.g);
            self.park(cur, WaitReason::SyncRWMutexLock, Some(Obj::RWMutex(id.0)));
            return BlockResult::Parked;
        }
        BlockResult::Done
    }

    /// `RWMutex.Lock`.
    pub fn rw_lock(&mut self, cur: Cur, id: RWMutexId) -> BlockResult {
        self.step("rw_lock", cur);
        self.lock(cur, Locker::RWMutex(id), false)
    }

    /// `RWMutex.Unlock`: readers blocked behind this writer are all released.
    pub fn rw_unlock(&mut self, cur: Cur, id: RWMutexId) -> Result<(), SyncError> {
        self.step("rw_unlock", cur);
        let rw = &mut self.sync.rwmutexes[id.index()];
        let r = rw.reader_count + RWMUTEX_MAX_READERS;
        if r >= RWMUTEX_MAX_READERS || !rw.w.locked {
            return Err(SyncError::UnlockOfUnlockedRWMutex);
        }
        rw.reader_count = r;
        let readers: Vec<_> = rw.readers.drain(..).collect();
        for g in readers {
            self.rw_event(cur.p, id, g, SyncOp::RLock);
            self.goready(g, cur.p);
        }
        self.unlock(cur, Locker::RWMutex(id))
    }

    /// Records a Sync event of RWMutex `id` by `g`.
    fn rw_event(&mut self, p: PId, id: RWMutexId, g: GoId, op: SyncOp) {
        emit!(
            self,
            p,
            EventKind::Sync {
                obj: Obj::RWMutex(id.0),
                g: g.0,
                op
            }
        );
    }

    /// `RWMutex.TryLock` (Go's: the writer mutex's TryLock, then readerCount from 0 to
    /// -rwmutexMaxReaders): succeeds only when no writer holds or waits for the writer
    /// mutex (nor is it handed to a starving waiter) and no reader holds the lock. Never
    /// blocks; a failed try changes nothing (Go's undo, `w.Unlock`, wakes no one: a free
    /// mutex with waiters always has a woken one on its way).
    pub fn rw_try_lock(&mut self, cur: Cur, id: RWMutexId) -> bool {
        self.step("rw_try_lock", cur);
        let rw = &mut self.sync.rwmutexes[id.index()];
        if rw.w.locked || rw.w.starving || rw.reader_count != 0 {
            return false;
        }
        rw.w.locked = true;
        rw.reader_count = -RWMUTEX_MAX_READERS;
        self.rw_event(cur.p, id, cur.g, SyncOp::Lock);
        true
    }

    /// `RWMutex.TryRLock`: succeeds unless a writer holds the lock or is pending
    /// (announced, waiting for readers to leave); a writer still queued on the writer
    /// mutex does not stop it. Never blocks.
    pub fn rw_try_rlock(&mut self, cur: Cur, id: RWMutexId) -> bool {
        self.step("rw_try_rlock", cur);
        let rw = &mut self.sync.rwmutexes[id.index()];
        if rw.reader_count < 0 {
            return false;
        }
        rw.reader_count += 1;
        self.rw_event(cur.p, id, cur.g, SyncOp::RLock);
        true
    }

    /// `RWMutex.RLock`: blocks while a writer is pending or holds the lock.
    pub fn rw_rlock(&mut self, cur: Cur, id: RWMutexId) -> BlockResult {
        self.step("rw_rlock", cur);
        let rw = &mut self.sync.rwmutexes[id.index()];
        rw.reader_count += 1;
        if rw.reader_count < 0 {
            rw.readers.push_back(cur.g);
            self.park(cur, WaitReason::SyncRWMutexRLock, Some(Obj::RWMutex(id.0)));
            return BlockResult::Parked;
        }
        self.rw_event(cur.p, id, cur.g, SyncOp::RLock);
        BlockResult::Done
    }

    /// `RWMutex.RUnlock`: the last reader a pending writer waits for wakes it.
    pub fn rw_runlock(&mut self, cur: Cur, id: RWMutexId) -> Result<(), SyncError> {
        self.step("rw_runlock", cur);
        let rw = &mut self.sync.rwmutexes[id.index()];
        let r = rw.reader_count - 1;
        if r < 0 && (r + 1 == 0 || r + 1 == -RWMUTEX_MAX_READERS) {
            return Err(SyncError::RUnlockOfUnlockedRWMutex);
        }
        rw.reader_count = r;
        let mut wake = None;
        if r < 0 {
            rw.reader_wait -= 1;
            if rw.reader_wait == 0 {
                wake = rw.writer.take();
            }
        }
        self.rw_event(cur.p, id, cur.g, SyncOp::RUnlock);
        if let Some(w) = wake {
            self.goready(w, cur.p);
        }
        Ok(())
    }

    /// `WaitGroup.Add(delta)` (`Done` is `Add(-1)`). Reaching zero releases every waiter.
    pub fn wg_add(&mut self, cur: Cur, id: WaitGroupId, delta: i64) -> Result<(), SyncError> {
        self.step("wg_add", cur);
        let wg = &mut self.sync.waitgroups[id.index()];
        wg.counter = wg.counter.saturating_add(delta);
        let counter = wg.counter;
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: Obj::WaitGroup(id.0),
                g: cur.g.0,
                op: SyncOp::Add { delta, counter }
            }
        );
        if counter < 0 {
            return Err(SyncError::NegativeWaitGroupCounter);
        }
        if counter == 0 {
            let waiters: Vec<_> = self.sync.waitgroups[id.index()].waiters.drain(..).collect();
            for g in waiters {
                self.goready(g, cur.p);
            }
        }
        Ok(())
    }

    /// `WaitGroup.Wait`.
    pub fn wg_wait(&mut self, cur: Cur, id: WaitGroupId) -> BlockResult {
        self.step("wg_wait", cur);
        let wg = &mut self.sync.waitgroups[id.index()];
        if wg.counter == 0 {
            emit!(
                self,
                cur.p,
                EventKind::Sync {
                    obj: Obj::WaitGroup(id.0),
                    g: cur.g.0,
                    op: SyncOp::Done
                }
            );
            return BlockResult::Done;
        }
        wg.waiters.push_back(cur.g);
        self.park(
            cur,
            WaitReason::SyncWaitGroupWait,
            Some(Obj::WaitGroup(id.0)),
        );
        BlockResult::Parked
    }

    /// `Once.Do`, first half: who runs the function.
    pub fn once_do(&mut self, cur: Cur, id: OnceId) -> OnceResult {
        self.step("once_do", cur);
        let once = &mut self.sync.onces[id.index()];
        match once.state {
            OnceState::Done => OnceResult::Done,
            OnceState::NotStarted => {
                once.state = OnceState::Running(cur.g);
                OnceResult::Run
            }
            OnceState::Running(_) => {
                once.waiters.push_back(cur.g);
                self.park(cur, WaitReason::SyncMutexLock, Some(Obj::Once(id.0)));
                OnceResult::Parked
            }
        }
    }

    /// `Once.Do`, second half: the function returned (or panicked); waiters go on.
    pub fn once_done(&mut self, cur: Cur, id: OnceId) {
        self.step("once_done", cur);
        let once = &mut self.sync.onces[id.index()];
        once.state = OnceState::Done;
        let waiters: Vec<_> = once.waiters.drain(..).collect();
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: Obj::Once(id.0),
                g: cur.g.0,
                op: SyncOp::Done
            }
        );
        for g in waiters {
            self.goready(g, cur.p);
        }
    }

    /// `Cond.Wait`: unlock `locker`, wait for Signal/Broadcast, relock. Always parks
    /// unless unlocking fails; the G resumes holding `locker` again.
    pub fn cond_wait(&mut self, cur: Cur, id: CondId, locker: Locker) -> Result<(), SyncError> {
        self.step("cond_wait", cur);
        match locker {
            Locker::Mutex(m) => self.mutex_unlock(cur, m)?,
            Locker::RWMutex(rw) => self.rw_unlock(cur, rw)?,
        }
        self.sync.conds[id.index()]
            .waiters
            .push_back((cur.g, locker));
        self.park(cur, WaitReason::SyncCondWait, Some(Obj::Cond(id.0)));
        Ok(())
    }

    /// `Cond.Signal`: wake the longest waiter.
    pub fn cond_signal(&mut self, cur: Cur, id: CondId) {
        self.step("cond_signal", cur);
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: Obj::Cond(id.0),
                g: cur.g.0,
                op: SyncOp::Signal
            }
        );
        if let Some(w) = self.sync.conds[id.index()].waiters.pop_front() {
            self.wake_cond_waiter(cur, w);
        }
    }

    /// `Cond.Broadcast`: wake every waiter, in order.
    pub fn cond_broadcast(&mut self, cur: Cur, id: CondId) {
        self.step("cond_broadcast", cur);
        emit!(
            self,
            cur.p,
            EventKind::Sync {
                obj: Obj::Cond(id.0),
                g: cur.g.0,
                op: SyncOp::Broadcast
            }
        );
        let waiters: Vec<_> = self.sync.conds[id.index()].waiters.drain(..).collect();
        for w in waiters {
            self.wake_cond_waiter(cur, w);
        }
    }

    fn wake_cond_waiter(&mut self, cur: Cur, (g, locker): (GoId, Locker)) {
        self.gs[g.index()].relock = Some(Relock::Lock {
            locker,
            retry: false,
        });
        self.goready(g, cur.p);
    }
}
