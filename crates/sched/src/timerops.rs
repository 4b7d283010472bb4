//! Timers of a running G: `time.Sleep`, channel timers (`time.After`, `NewTimer`,
//! `NewTicker`, `Tick`) with Go 1.23 Stop/Reset semantics, and function timers
//! (`time.AfterFunc`). Timers live in the heap of the P that armed them and fire when
//! that P (or a P stealing from it) finds them due.

use goroscope_trace::{EventKind, Obj, TimerKind};

use crate::chanops::{ChanInfo, RUNTIME_G};
use crate::g::{Status, WaitReason};
use crate::ids::{ChanId, PId, TimerId};
use crate::machine::{Cur, Elem, Machine, emit};
use crate::syncops::BlockResult;
use crate::timer::{Timer, TimerAction};

impl<V: Elem> Machine<V> {
    /// `time.Sleep(ns)`: parks with reason `sleep`; `ns <= 0` returns at once.
    pub fn sleep(&mut self, cur: Cur, ns: i64) -> BlockResult {
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
        let ch = self.new_chan(cur.p, 1, zero, true, info);
        let id = self.alloc_timer(TimerAction::Chan(ch), cur.p);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, period.max(0) as u64, None);
        (id, ch)
    }

    /// `time.AfterFunc(d, f)`: when it fires, a new goroutine starts whose first
    /// wakeup is `Wakeup::AfterFunc { token }`.
    pub fn new_func_timer(&mut self, cur: Cur, d: i64, token: u64) -> TimerId {
        let id = self.alloc_timer(TimerAction::Func(token), cur.p);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, 0, None);
        id
    }

    /// `Timer.Stop` / `Ticker.Stop`: true if the timer was pending. A timer channel is
    /// drained, so no stale value is received afterwards (Go 1.23).
    pub fn timer_stop(&mut self, cur: Cur, id: TimerId) -> bool {
        let Some(t) = self.timers.get_mut(id.index()) else {
            return false;
        };
        let was_active = t.active;
        t.active = false;
        if was_active {
            emit!(self, cur.p, EventKind::TimerStop { timer: id.0 });
        }
        self.drain_timer_chan(cur.p, id);
        was_active
    }

    /// `Timer.Reset(d)` (period 0) / `Ticker.Reset(d)` (period d): true if the timer
    /// was pending. Drains the channel like Stop, then re-arms at now + d.
    pub fn timer_reset(&mut self, cur: Cur, id: TimerId, d: i64, period: i64) -> bool {
        let Some(t) = self.timers.get(id.index()) else {
            return false;
        };
        let was_active = t.active;
        self.drain_timer_chan(cur.p, id);
        let when = self.now(cur.p).saturating_add(d.max(0) as u64);
        self.arm(id, cur.p, when, period.max(0) as u64, None);
        was_active
    }

    fn drain_timer_chan(&mut self, p: PId, id: TimerId) {
        if let TimerAction::Chan(ch) = self.timers[id.index()].action {
            let c = &mut self.chans[ch.index()];
            if c.qcount > 0 {
                c.drain();
                emit!(self, p, EventKind::ChanDrain { ch: ch.0 });
            }
        }
    }

    fn alloc_timer(&mut self, action: TimerAction, p: PId) -> TimerId {
        self.timers.push(Timer {
            when: 0,
            period: 0,
            action,
            active: false,
            seq: 0,
            p,
        });
        TimerId(self.timers.len() as u64 - 1)
    }

    /// Arms (or re-arms) a timer in `p`'s heap.
    fn arm(&mut self, id: TimerId, p: PId, when: u64, period: u64, g: Option<crate::ids::GoId>) {
        self.timer_seq += 1;
        let t = &mut self.timers[id.index()];
        t.when = when;
        t.period = period;
        t.active = true;
        t.seq = self.timer_seq;
        t.p = p;
        let kind = match t.action {
            TimerAction::Sleep(_) => TimerKind::Sleep,
            TimerAction::Chan(_) => TimerKind::Chan,
            TimerAction::Func(_) => TimerKind::Func,
        };
        self.ps[p.index()].timers.push(when, self.timer_seq, id);
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
    }

    /// Runs a due timer on `p` (its heap entry already popped).
    pub(crate) fn fire_timer(&mut self, id: TimerId, p: PId) {
        let t = &mut self.timers[id.index()];
        let (when, period, action) = (t.when, t.period, t.action);
        t.active = false;
        emit!(
            self,
            p,
            EventKind::TimerFire {
                timer: id.0,
                p: p.0
            }
        );
        if period > 0 {
            // A ticker re-arms for the next multiple of its period after now.
            let now = self.clock_of(p);
            let next = when + period * (1 + now.saturating_sub(when) / period);
            self.timer_seq += 1;
            let t = &mut self.timers[id.index()];
            t.when = next;
            t.active = true;
            t.seq = self.timer_seq;
            t.p = p;
            self.ps[p.index()].timers.push(next, self.timer_seq, id);
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
            }
            TimerAction::Func(token) => self.newproc_timer(p, token),
        }
    }
}
