//! Timers of a running G: `time.Sleep`, channel timers (`time.After`, `NewTimer`,
//! `NewTicker`, `Tick`) with Go 1.23 Stop/Reset semantics, and function timers
//! (`time.AfterFunc`). Timers live in the heap of the P that armed them and fire when
//! that P (or a P stealing from it) finds them due.

use goroscope_trace::{EventKind, Obj, TimerKind};

use crate::chanops::{ChanInfo, RUNTIME_G};
use crate::g::{Status, WaitReason};
use crate::ids::{ChanId, GoId, PId, TimerId};
use crate::machine::{Cur, Elem, Machine, emit};
use crate::syncops::BlockResult;
use crate::timer::{Timer, TimerAction};

impl<V: Elem> Machine<V> {
    /// `time.Sleep(ns)`: parks with reason `sleep`; `ns <= 0` returns at once.
    pub fn sleep(&mut self, cur: Cur, ns: i64) -> BlockResult {
        self.step("sleep", cur);
        if ns <= 0 {
            return BlockResult::Done;
        }
        let when = self.now(cur.p).saturating_add(ns as u64);
        let id = match self.gs[cur.g.index()].sleep_timer {
            Some(id) => id,
            None => {
                let id = self.alloc_timer(TimerAction::Sleep(cur.g), cur.p);
                self.gs[cur.g.index()].sleep_timer = Some(id);
                id
            }
        };
        self.arm(id, cur.p, when, 0, Some(cur.g));
        self.park(cur, WaitReason::Sleep, Some(Obj::Timer(id.0)));
        BlockResult::Parked
    }

    /// `time.NewTimer(d)` / `time.After(d)` (period 0) and `time.NewTicker(d)` /
    /// `time.Tick(d)` (period d): a timer channel (`cap`/`len` report 0) and its timer.
    pub fn new_chan_timer(
        &mut self,
        cur: Cur,
        d: i64,
        period: i64,
        zero: V,
        info: ChanInfo<'_>,
    ) -> (TimerId, ChanId) {
        self.step("new_chan_timer", cur);
        let next_timer = TimerId(self.timers.len() as u64);
        let ch = self.new_chan(cur.p, 1, zero, Some(next_timer), info);
        let id = self.alloc_timer(TimerAction::Chan(ch), cur.p);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, period.max(0) as u64, None);
        (id, ch)
    }

    /// `time.AfterFunc(d, f)`: when it fires, a new goroutine starts whose first
    /// wakeup is `Wakeup::AfterFunc { token }`.
    pub fn new_func_timer(&mut self, cur: Cur, d: i64, token: u64) -> TimerId {
        self.step("new_func_timer", cur);
        let id = self.alloc_timer(TimerAction::Func(token), cur.p);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, 0, None);
        id
    }

    /// `Timer.Stop` / `Ticker.Stop`: true if the timer was pending, which for a Go 1.23
    /// timer channel includes a value sent but not yet received: the channel is drained,
    /// so no stale value is received afterwards.
    pub fn timer_stop(&mut self, cur: Cur, id: TimerId) -> bool {
        self.step("timer_stop", cur);
        let Some(t) = self.timers.get_mut(id.index()) else {
            return false;
        };
        let was_active = t.active;
        t.active = false;
        t.heaped = false;
        if was_active {
            emit!(self, cur.p, EventKind::TimerStop { timer: id.0 });
        }
        let drained = self.drain_timer_chan(cur.p, id);
        was_active || drained
    }

    /// `Timer.Reset(d)` (period 0) / `Ticker.Reset(d)` (period d): true if the timer
    /// was pending (as for Stop). Drains the channel like Stop, then re-arms at now + d.
    pub fn timer_reset(&mut self, cur: Cur, id: TimerId, d: i64, period: i64) -> bool {
        self.step("timer_reset", cur);
        let Some(t) = self.timers.get(id.index()) else {
            return false;
        };
        let was_active = t.active;
        let drained = self.drain_timer_chan(cur.p, id);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, period.max(0) as u64, None);
        was_active || drained
    }

    /// Empties a timer channel's buffer; true if a value was discarded (Go 1.23 then
    /// reports the timer as still pending: its value was never delivered).
    fn drain_timer_chan(&mut self, p: PId, id: TimerId) -> bool {
        let TimerAction::Chan(ch) = self.timers[id.index()].action else {
            return false;
        };
        let c = &mut self.chans[ch.index()];
        if c.qcount == 0 {
            return false;
        }
        c.drain();
        emit!(self, p, EventKind::ChanDrain { ch: ch.0 });
        true
    }

    fn alloc_timer(&mut self, action: TimerAction, p: PId) -> TimerId {
        self.timers.push(Timer {
            when: 0,
            period: 0,
            action,
            active: false,
            heaped: false,
            seq: 0,
            p,
        });
        TimerId(self.timers.len() as u64 - 1)
    }

    /// Arms (or re-arms) a timer. Sleep and function timers go into `p`'s heap; a
    /// channel timer only while a G is blocked receiving from its channel (Go 1.23).
    fn arm(&mut self, id: TimerId, p: PId, when: u64, period: u64, g: Option<GoId>) {
        self.timer_seq += 1;
        let t = &mut self.timers[id.index()];
        t.when = when;
        t.period = period;
        t.active = true;
        t.heaped = false;
        t.seq = self.timer_seq;
        let kind = match t.action {
            TimerAction::Sleep(_) => TimerKind::Sleep,
            TimerAction::Chan(_) => TimerKind::Chan,
            TimerAction::Func(_) => TimerKind::Func,
        };
        emit!(
            self,
            p,
            EventKind::TimerSet {
                timer: id.0,
                when,
                period,
                kind,
                g: g.map(|g| g.0)
            }
        );
        match self.timers[id.index()].action {
            TimerAction::Chan(ch) => self.sync_timer_heap(ch, p),
            TimerAction::Sleep(_) | TimerAction::Func(_) => self.heap_push(id, p),
        }
    }

    fn heap_push(&mut self, id: TimerId, p: PId) {
        let t = &mut self.timers[id.index()];
        t.heaped = true;
        t.p = p;
        self.ps[p.index()].timers.push(t.when, t.seq, id);
    }

    /// Go 1.23 keeps a channel timer in a heap only while some G is blocked on its
    /// channel: an unwatched timer neither wakes an idle P nor keeps checkdead from
    /// reporting a deadlock. Called whenever the channel's `recvq` changes.
    pub(crate) fn sync_timer_heap(&mut self, ch: ChanId, p: PId) {
        let Some(id) = self.chans[ch.index()].timer else {
            return;
        };
        let blocked = !self.chans[ch.index()].recvq.is_empty();
        let t = &mut self.timers[id.index()];
        if blocked && t.active && !t.heaped {
            self.heap_push(id, p);
        } else if !blocked && t.heaped {
            // Retire the heap entry; `when` stays for a later receiver.
            self.timer_seq += 1;
            t.seq = self.timer_seq;
            t.heaped = false;
        }
    }

    /// Go's maybeRunChan: a receiver polling an unwatched, expired channel timer runs it
    /// first, so the value is there as if the timer had fired on time.
    pub(crate) fn maybe_run_chan(&mut self, ch: ChanId, p: PId) {
        let Some(id) = self.chans[ch.index()].timer else {
            return;
        };
        let t = &self.timers[id.index()];
        if t.active && !t.heaped && t.when <= self.clock_of(p) {
            self.fire_timer(id, p);
        }
    }

    /// Runs a due timer on `p` (its heap entry, if any, already popped).
    pub(crate) fn fire_timer(&mut self, id: TimerId, p: PId) {
        let t = &mut self.timers[id.index()];
        let (when, period, action) = (t.when, t.period, t.action);
        t.active = false;
        t.heaped = false;
        emit!(
            self,
            p,
            EventKind::TimerFire {
                timer: id.0,
                p: p.0
            }
        );
        // A ticker re-arms for the next multiple of its period after now.
        if let Some(elapsed) = self.clock_of(p).saturating_sub(when).checked_div(period) {
            let next = when.saturating_add(period.saturating_mul(1 + elapsed));
            self.timer_seq += 1;
            let t = &mut self.timers[id.index()];
            t.when = next;
            t.active = true;
            t.seq = self.timer_seq;
        }
        match action {
            TimerAction::Sleep(g) => {
                if self.gs[g.index()].status == Status::Waiting(WaitReason::Sleep) {
                    self.goready(g, p);
                }
            }
            TimerAction::Chan(ch) => {
                // A non-blocking send: a full buffer (an undrained ticker) drops the tick.
                let _dropped_when_full = self.try_send(p, RUNTIME_G, ch, V::from_time(when));
                self.sync_timer_heap(ch, p);
            }
            TimerAction::Func(token) => self.newproc_timer(p, token),
        }
    }
}
