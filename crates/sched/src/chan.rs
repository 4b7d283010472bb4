//! Channels, modelled on Go's hchan (runtime/chan.go).
//!
//! Invariants (checked by `Machine::check_invariants`):
//! - At least one of `sendq` and `recvq` is empty: a waiting receiver and a waiting
//!   sender on the same channel would have completed each other. The one exception (as
//!   in Go): an unbuffered channel on which a single G selects both ways.
//! - `qcount <= dataqsiz`; the occupied slots are exactly the `qcount` slots starting at
//!   `recvx`, and `sendx == (recvx + qcount) % dataqsiz`.
//! - For a buffered channel: `qcount > 0` implies `recvq` is empty, and
//!   `qcount < dataqsiz` implies `sendq` is empty.
//! - A closed channel has empty `sendq` and `recvq` (close wakes everyone).
//!
//! This type holds data only; waking goroutines is the machine's job (see `chanops`).

use std::collections::VecDeque;

use crate::ids::{GoId, TimerId};

/// A goroutine waiting on one channel: its value slot (for a send) and, inside a select,
/// the case index it stands for.
#[derive(Clone, Debug)]
pub struct Sudog<V> {
    pub g: GoId,
    pub elem: Option<V>,
    pub case: Option<usize>,
}

/// One channel.
#[derive(Clone, Debug)]
pub struct HChan<V> {
    /// Ring buffer of `dataqsiz` slots; `Some` exactly for the queued values.
    pub buf: Vec<Option<V>>,
    pub qcount: usize,
    pub dataqsiz: usize,
    pub sendx: usize,
    pub recvx: usize,
    pub recvq: VecDeque<Sudog<V>>,
    pub sendq: VecDeque<Sudog<V>>,
    pub closed: bool,
    /// The element type's zero value, received from a closed channel.
    pub zero: V,
    /// The timer of a timer channel (Go 1.23): `len` and `cap` report 0, Stop/Reset
    /// drain it, and its timer is heaped only while a receiver is blocked.
    pub timer: Option<TimerId>,
}

impl<V: Clone> HChan<V> {
    /// A channel of `cap` slots; `timer` names the timer of a timer channel.
    pub fn new(cap: usize, zero: V, timer: Option<TimerId>) -> Self {
        HChan {
            buf: vec![None; cap],
            qcount: 0,
            dataqsiz: cap,
            sendx: 0,
            recvx: 0,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
            closed: false,
            zero,
            timer,
        }
    }
}

impl<V> HChan<V> {
    /// Writes at `sendx`. Precondition: `qcount < dataqsiz`.
    pub fn buf_push(&mut self, v: V) {
        self.buf[self.sendx] = Some(v);
        self.sendx = (self.sendx + 1) % self.dataqsiz;
        self.qcount += 1;
    }

    /// Reads at `recvx`. Precondition: `qcount > 0`.
    pub fn buf_pop(&mut self) -> Option<V> {
        let v = self.buf[self.recvx].take();
        self.recvx = (self.recvx + 1) % self.dataqsiz;
        self.qcount -= 1;
        v
    }

    /// Empties the buffer (a timer channel on Stop/Reset).
    pub fn drain(&mut self) {
        self.buf.iter_mut().for_each(|slot| *slot = None);
        self.qcount = 0;
        self.recvx = self.sendx;
    }

    /// `len(ch)`.
    pub fn len(&self) -> usize {
        if self.timer.is_some() { 0 } else { self.qcount }
    }

    /// `cap(ch)`.
    pub fn cap(&self) -> usize {
        if self.timer.is_some() {
            0
        } else {
            self.dataqsiz
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes every sudog of `g` (a select's losing cases); returns how many.
    pub fn dequeue_g(&mut self, g: GoId) -> usize {
        let before = self.recvq.len() + self.sendq.len();
        self.recvq.retain(|s| s.g != g);
        self.sendq.retain(|s| s.g != g);
        before - self.recvq.len() - self.sendq.len()
    }

    /// Checks the hchan invariants of the module doc.
    pub fn check(&self) -> Result<(), String> {
        if !self.sendq.is_empty() && !self.recvq.is_empty() {
            let g = self.sendq[0].g;
            let one_selecting_g = self
                .sendq
                .iter()
                .chain(&self.recvq)
                .all(|s| s.g == g && s.case.is_some());
            if self.dataqsiz != 0 || !one_selecting_g {
                return Err("both sendq and recvq non-empty".into());
            }
        }
        if self.qcount > self.dataqsiz {
            return Err(format!(
                "qcount {} > dataqsiz {}",
                self.qcount, self.dataqsiz
            ));
        }
        if self.dataqsiz > 0 {
            if self.sendx != (self.recvx + self.qcount) % self.dataqsiz {
                return Err("sendx != recvx + qcount".into());
            }
            for i in 0..self.dataqsiz {
                let occupied = (i + self.dataqsiz - self.recvx) % self.dataqsiz < self.qcount;
                if self.buf[i].is_some() != occupied {
                    return Err(format!("slot {i} occupancy wrong"));
                }
            }
            if self.qcount > 0 && !self.recvq.is_empty() {
                return Err("receivers wait on a non-empty buffer".into());
            }
            if self.qcount < self.dataqsiz && !self.sendq.is_empty() {
                return Err("senders wait on a buffer with room".into());
            }
        }
        if self.closed && !(self.sendq.is_empty() && self.recvq.is_empty()) {
            return Err("closed channel has waiters".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ring_wraps_and_keeps_fifo_order() {
        let mut c = HChan::new(3, 0i64, None);
        c.buf_push(1);
        c.buf_push(2);
        assert_eq!(c.buf_pop(), Some(1));
        c.buf_push(3);
        c.buf_push(4);
        assert_eq!((c.qcount, c.sendx, c.recvx), (3, 1, 1));
        assert_eq!(c.check(), Ok(()));
        assert_eq!(
            [c.buf_pop(), c.buf_pop(), c.buf_pop()],
            [Some(2), Some(3), Some(4)]
        );
        assert_eq!(c.check(), Ok(()));
    }

    #[test]
    fn a_timer_channel_reports_zero_len_and_cap_and_drains() {
        let mut c = HChan::new(1, 0i64, Some(TimerId(0)));
        c.buf_push(9);
        assert_eq!((c.len(), c.cap(), c.qcount), (0, 0, 1));
        c.drain();
        assert_eq!((c.qcount, c.buf[0]), (0, None));
        assert_eq!(c.check(), Ok(()));
    }

    #[test]
    fn check_catches_broken_invariants() {
        let mut c = HChan::new(2, 0i64, None);
        c.recvq.push_back(Sudog {
            g: GoId(2),
            elem: None,
            case: None,
        });
        c.sendq.push_back(Sudog {
            g: GoId(3),
            elem: Some(1),
            case: None,
        });
        assert!(c.check().is_err(), "both queues");
        let mut c = HChan::new(2, 0i64, None);
        c.buf_push(1);
        c.recvq.push_back(Sudog {
            g: GoId(2),
            elem: None,
            case: None,
        });
        assert!(c.check().is_err(), "receiver waits on a non-empty buffer");
        let mut c = HChan::new(0, 0i64, None);
        c.recvq.push_back(Sudog {
            g: GoId(2),
            elem: None,
            case: Some(0),
        });
        c.sendq.push_back(Sudog {
            g: GoId(2),
            elem: Some(1),
            case: Some(1),
        });
        assert_eq!(c.check(), Ok(()), "one G selecting both ways");
        assert_eq!(c.dequeue_g(GoId(2)), 2);
    }
}
