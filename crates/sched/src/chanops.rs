//! Channel operations of a running G: make, send, receive, close, len/cap, select
//! (Go's chansend, chanrecv, closechan and selectgo).
//!
//! A woken receiver finds its value in its `Wakeup` (handed out by `Machine::next_slice`); a
//! woken sender needs nothing. Every wake-up goes into the waker's runnext (goready).

use goroscope_trace::{Dir, EventKind, Obj, Via};

use crate::chan::{HChan, Sudog};
use crate::g::{WaitReason, Wakeup};
use crate::ids::{ChanId, GoId, PId, TimerId};
use crate::machine::{Cur, Elem, Machine, emit};

/// What the view knows about a channel: element type, variable name, line of `make`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChanInfo<'a> {
    pub elem: Option<&'a str>,
    pub label: Option<&'a str>,
    pub line: Option<u32>,
}

/// A run-time panic raised by a channel operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanPanic {
    SendOnClosed,
    CloseOfClosed,
    CloseOfNil,
}

impl ChanPanic {
    /// Go's panic message.
    pub fn message(self) -> &'static str {
        match self {
            ChanPanic::SendOnClosed => "send on closed channel",
            ChanPanic::CloseOfClosed => "close of closed channel",
            ChanPanic::CloseOfNil => "close of nil channel",
        }
    }
}

/// Result of a send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendResult {
    Done,
    /// The G parked; when resumed its wakeup is None (sent) or `SendOnClosed`.
    Parked,
    Panic(ChanPanic),
}

/// Result of a receive.
#[derive(Clone, Debug, PartialEq)]
pub enum RecvResult<V> {
    /// `ok` is false when the channel is closed and empty (`value` is the zero value).
    Done { value: V, ok: bool },
    /// The G parked; when resumed its wakeup is `Wakeup::Recv`.
    Parked,
}

/// One case of a select.
#[derive(Clone, Debug, PartialEq)]
pub enum Case<V> {
    Send(Option<ChanId>, V),
    Recv(Option<ChanId>),
}

/// Result of a select.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectResult<V> {
    /// Case `case` proceeded; `recv` holds (value, ok) for a receive case.
    Chosen {
        case: usize,
        recv: Option<(V, bool)>,
    },
    Default,
    /// The G parked; when resumed its wakeup is `Wakeup::Select` or `SendOnClosed`.
    Parked,
    Panic(ChanPanic),
}

/// Why a non-blocking send did not happen.
pub(crate) enum SendFail<V> {
    Closed,
    WouldBlock(V),
}

/// The goroutine id events use for the runtime itself (a timer sending).
pub(crate) const RUNTIME_G: GoId = GoId(0);

impl<V: Elem> Machine<V> {
    /// `make(chan T, cap)`.
    pub fn make_chan(&mut self, cur: Cur, cap: usize, zero: V, info: ChanInfo<'_>) -> ChanId {
        self.step("make_chan", cur);
        self.new_chan(cur.p, cap, zero, None, info)
    }

    pub(crate) fn new_chan(
        &mut self,
        p: PId,
        cap: usize,
        zero: V,
        timer: Option<TimerId>,
        info: ChanInfo<'_>,
    ) -> ChanId {
        let ch = ChanId(self.chans.len() as u64);
        self.chans.push(HChan::new(cap, zero, timer));
        emit!(
            self,
            p,
            EventKind::ChanMake {
                ch: ch.0,
                cap: cap as u64,
                elem: info.elem.map(str::to_owned),
                label: info.label.map(str::to_owned),
                line: info.line
            }
        );
        ch
    }

    /// `len(ch)`; 0 for nil.
    pub fn chan_len(&self, ch: Option<ChanId>) -> usize {
        ch.and_then(|c| self.chans.get(c.index()))
            .map_or(0, HChan::len)
    }

    /// `cap(ch)`; 0 for nil.
    pub fn chan_cap(&self, ch: Option<ChanId>) -> usize {
        ch.and_then(|c| self.chans.get(c.index()))
            .map_or(0, HChan::cap)
    }

    /// The hchan, for inspection.
    pub fn chan(&self, ch: ChanId) -> Option<&HChan<V>> {
        self.chans.get(ch.index())
    }

    /// `ch <- v`. A nil channel blocks forever.
    #[inline(always)]
    pub fn chan_send(&mut self, cur: Cur, ch: Option<ChanId>, v: V) -> SendResult {
        self.step("chan_send", cur);
        let Some(ch) = ch else {
            self.park(cur, WaitReason::ChanSendNilChan, None);
            return SendResult::Parked;
        };
        match self.try_send(cur.p, cur.g, ch, v) {
            Ok(()) => SendResult::Done,
            Err(SendFail::Closed) => SendResult::Panic(ChanPanic::SendOnClosed),
            Err(SendFail::WouldBlock(v)) => {
                self.enqueue(cur.g, ch, Dir::Send, Some(v), None);
                self.park(cur, WaitReason::ChanSend, Some(Obj::Chan(ch.0)));
                SendResult::Parked
            }
        }
    }

    /// `<-ch`. A nil channel blocks forever.
    #[inline(always)]
    pub fn chan_recv(&mut self, cur: Cur, ch: Option<ChanId>) -> RecvResult<V> {
        self.step("chan_recv", cur);
        let Some(ch) = ch else {
            self.park(cur, WaitReason::ChanReceiveNilChan, None);
            return RecvResult::Parked;
        };
        match self.try_recv(cur.p, cur.g, ch) {
            Some((value, ok)) => RecvResult::Done { value, ok },
            None => {
                self.enqueue(cur.g, ch, Dir::Recv, None, None);
                self.park(cur, WaitReason::ChanReceive, Some(Obj::Chan(ch.0)));
                RecvResult::Parked
            }
        }
    }

    /// `close(ch)`: every waiting receiver gets (zero, false), every waiting sender will
    /// panic. As Go's closechan, the woken Gs are readied last-collected first.
    pub fn chan_close(&mut self, cur: Cur, ch: Option<ChanId>) -> Result<(), ChanPanic> {
        self.step("chan_close", cur);
        let Some(c) = ch.and_then(|c| self.chans.get_mut(c.index())) else {
            return Err(ChanPanic::CloseOfNil);
        };
        let ch = ch.unwrap_or(ChanId(0));
        if c.closed {
            return Err(ChanPanic::CloseOfClosed);
        }
        c.closed = true;
        let zero = c.zero.clone();
        let waiters: Vec<Sudog<V>> = c.recvq.drain(..).chain(c.sendq.drain(..)).collect();
        emit!(
            self,
            cur.p,
            EventKind::ChanClose {
                ch: ch.0,
                g: cur.g.0
            }
        );
        self.sync_timer_heap(ch, cur.p);
        let mut glist: Vec<GoId> = Vec::new();
        for sg in waiters {
            if glist.contains(&sg.g) {
                continue;
            }
            let wakeup = match (sg.elem, sg.case) {
                (Some(_), _) => Wakeup::SendOnClosed,
                (None, Some(case)) => Wakeup::Select {
                    case,
                    recv: Some((zero.clone(), false)),
                },
                (None, None) => Wakeup::Recv {
                    value: zero.clone(),
                    ok: false,
                },
            };
            self.finish_sudog(cur.p, sg.g, sg.case, Some(wakeup));
            glist.push(sg.g);
        }
        for g in glist.into_iter().rev() {
            self.goready(g, cur.p);
        }
        Ok(())
    }

    /// `select`: poll the cases in a random order; else take default; else enqueue on
    /// every channel and park. A select with no cases blocks forever.
    pub fn select(&mut self, cur: Cur, cases: Vec<Case<V>>, has_default: bool) -> SelectResult<V> {
        self.step("select", cur);
        if cases.is_empty() && !has_default {
            self.park(cur, WaitReason::SelectNoCases, None);
            return SelectResult::Parked;
        }
        let mut slots: Vec<(Option<ChanId>, Option<V>)> = cases
            .into_iter()
            .map(|c| match c {
                Case::Send(ch, v) => (ch, Some(v)),
                Case::Recv(ch) => (ch, None),
            })
            .collect();
        let mut order: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].0.is_some()).collect();
        self.rng.shuffle(&mut order);
        for i in order {
            let Some(ch) = slots[i].0 else { continue };
            let result = match slots[i].1.take() {
                Some(v) => match self.try_send(cur.p, cur.g, ch, v) {
                    Ok(()) => Some(None),
                    Err(SendFail::Closed) => return SelectResult::Panic(ChanPanic::SendOnClosed),
                    Err(SendFail::WouldBlock(v)) => {
                        slots[i].1 = Some(v);
                        None
                    }
                },
                None => self.try_recv(cur.p, cur.g, ch).map(Some),
            };
            if let Some(recv) = result {
                emit!(
                    self,
                    cur.p,
                    EventKind::SelectChosen {
                        g: cur.g.0,
                        case: Some(i as u32)
                    }
                );
                return SelectResult::Chosen { case: i, recv };
            }
        }
        if has_default {
            emit!(
                self,
                cur.p,
                EventKind::SelectChosen {
                    g: cur.g.0,
                    case: None
                }
            );
            return SelectResult::Default;
        }
        let mut chans = Vec::new();
        for (i, (ch, v)) in slots.into_iter().enumerate() {
            let Some(ch) = ch else { continue };
            let dir = if v.is_some() { Dir::Send } else { Dir::Recv };
            self.enqueue(cur.g, ch, dir, v, Some(i));
            if !chans.contains(&ch) {
                chans.push(ch);
            }
        }
        let object = Obj::Select(chans.iter().map(|c| c.0).collect());
        self.gs[cur.g.index()].select_chans = chans;
        self.park(cur, WaitReason::Select, Some(object));
        SelectResult::Parked
    }

    /// A send that never blocks (chansend with block=false), by `g` running on `p`.
    pub(crate) fn try_send(
        &mut self,
        p: PId,
        g: GoId,
        ch: ChanId,
        v: V,
    ) -> Result<(), SendFail<V>> {
        let Some(c) = self.chans.get_mut(ch.index()) else {
            return Err(SendFail::WouldBlock(v));
        };
        if c.closed {
            return Err(SendFail::Closed);
        }
        if let Some(sg) = c.recvq.pop_front() {
            emit!(
                self,
                p,
                EventKind::ChanSend {
                    ch: ch.0,
                    g: g.0,
                    value: v.display(),
                    via: Via::Direct,
                    peer: Some(sg.g.0)
                }
            );
            let wakeup = match sg.case {
                Some(case) => Wakeup::Select {
                    case,
                    recv: Some((v, true)),
                },
                None => Wakeup::Recv { value: v, ok: true },
            };
            self.finish_sudog(p, sg.g, sg.case, Some(wakeup));
            self.sync_timer_heap(ch, p);
            self.goready(sg.g, p);
            return Ok(());
        }
        if c.qcount < c.dataqsiz {
            emit!(
                self,
                p,
                EventKind::ChanSend {
                    ch: ch.0,
                    g: g.0,
                    value: v.display(),
                    via: Via::Buffer,
                    peer: None
                }
            );
            self.chans[ch.index()].buf_push(v);
            return Ok(());
        }
        Err(SendFail::WouldBlock(v))
    }

    /// A receive that never blocks (chanrecv with block=false): Some((value, ok)).
    pub(crate) fn try_recv(&mut self, p: PId, g: GoId, ch: ChanId) -> Option<(V, bool)> {
        self.chans.get(ch.index())?;
        self.maybe_run_chan(ch, p);
        let c = &mut self.chans[ch.index()];
        if c.closed && c.qcount == 0 {
            let zero = c.zero.clone();
            emit!(
                self,
                p,
                EventKind::ChanRecv {
                    ch: ch.0,
                    g: g.0,
                    value: zero.display(),
                    ok: false,
                    via: Via::Buffer,
                    peer: None
                }
            );
            return Some((zero, false));
        }
        if !c.closed
            && let Some(mut sg) = c.sendq.pop_front()
        {
            let sent = sg.elem.take()?;
            let value = if c.dataqsiz == 0 {
                emit!(
                    self,
                    p,
                    EventKind::ChanRecv {
                        ch: ch.0,
                        g: g.0,
                        value: sent.display(),
                        ok: true,
                        via: Via::Direct,
                        peer: Some(sg.g.0)
                    }
                );
                sent
            } else {
                // Full buffer: take the head, the sender's value goes into the freed tail.
                let c = &mut self.chans[ch.index()];
                let head = c.buf_pop()?;
                emit!(
                    self,
                    p,
                    EventKind::ChanRecv {
                        ch: ch.0,
                        g: g.0,
                        value: head.display(),
                        ok: true,
                        via: Via::Buffer,
                        peer: None
                    }
                );
                emit!(
                    self,
                    p,
                    EventKind::ChanSend {
                        ch: ch.0,
                        g: sg.g.0,
                        value: sent.display(),
                        via: Via::Buffer,
                        peer: None
                    }
                );
                self.chans[ch.index()].buf_push(sent);
                head
            };
            let wakeup = sg.case.map(|case| Wakeup::Select { case, recv: None });
            self.finish_sudog(p, sg.g, sg.case, wakeup);
            self.goready(sg.g, p);
            return Some((value, true));
        }
        let c = &mut self.chans[ch.index()];
        if c.qcount > 0 {
            let v = c.buf_pop()?;
            emit!(
                self,
                p,
                EventKind::ChanRecv {
                    ch: ch.0,
                    g: g.0,
                    value: v.display(),
                    ok: true,
                    via: Via::Buffer,
                    peer: None
                }
            );
            return Some((v, true));
        }
        None
    }

    #[inline(always)]
    fn enqueue(&mut self, g: GoId, ch: ChanId, dir: Dir, elem: Option<V>, case: Option<usize>) {
        let p = self.gs[g.index()].p.unwrap_or(PId(0));
        emit!(
            self,
            p,
            EventKind::ChanBlock {
                ch: ch.0,
                g: g.0,
                dir,
                value: elem.as_ref().map(Elem::display),
                case: case.map(|c| c as u32)
            }
        );
        let c = &mut self.chans[ch.index()];
        let sg = Sudog { g, elem, case };
        match dir {
            Dir::Send => c.sendq.push_back(sg),
            Dir::Recv => {
                c.recvq.push_back(sg);
                self.sync_timer_heap(ch, p);
            }
        }
    }

    /// A sudog of `g` completed: store its wake-up and, for a select, dequeue its other
    /// sudogs (selectgo's pass 3) and record the chosen case.
    #[inline(always)]
    fn finish_sudog(&mut self, p: PId, g: GoId, case: Option<usize>, wakeup: Option<Wakeup<V>>) {
        self.gs[g.index()].wakeup = wakeup;
        if let Some(case) = case {
            self.finish_select(p, g, case);
        }
    }

    /// The select part of `finish_sudog`, out of line: plain sends and receives skip it.
    #[inline(never)]
    fn finish_select(&mut self, p: PId, g: GoId, case: usize) {
        let chans = std::mem::take(&mut self.gs[g.index()].select_chans);
        for ch in chans {
            let removed = self.chans[ch.index()].dequeue_g(g);
            self.sync_timer_heap(ch, p);
            if removed > 0 {
                emit!(self, p, EventKind::ChanUnblock { ch: ch.0, g: g.0 });
            }
        }
        emit!(
            self,
            p,
            EventKind::SelectChosen {
                g: g.0,
                case: Some(case as u32)
            }
        );
    }
}
