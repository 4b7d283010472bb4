//! The timeline's model: per-P lanes of goroutine runs over virtual time, like
//! `go tool trace`, with marks for blocks, wake-ups, steals and preemptions.
//!
//! [`TimelineIndex`] is built incrementally, one event at a time as the recording grows
//! (never by rescanning the run), and [`TimelineIndex::window`] draws a bounded number of
//! shapes for any visible window at any cursor, by binary search.
//!
//! Invariants: in every lane, runs are in event order, never overlap, and their start
//! times, end times and event indices are non-decreasing (a P's clock never goes back),
//! so both time and cursor cut-offs are binary searches. At most the last run of a lane
//! is open (still running at the end of the recording).

/// A goroutine's run on a P: from its GoStart (or syscall return) to whatever took it off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub g: u64,
    pub start: u64,
    /// Index of the event that started it.
    pub start_event: usize,
    /// Time and event index of its end; `usize::MAX` while open.
    pub end: u64,
    pub end_event: usize,
}

/// What a mark on a lane says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// The running goroutine blocked.
    Block,
    /// A goroutine was made runnable on this P.
    Wake,
    /// This P stole goroutines.
    Steal,
    /// The running goroutine was preempted.
    Preempt,
}

impl MarkKind {
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Block => "block",
            MarkKind::Wake => "wake",
            MarkKind::Steal => "steal",
            MarkKind::Preempt => "preempt",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Block => "blocks",
            MarkKind::Wake => "woken",
            MarkKind::Steal => "steal",
            MarkKind::Preempt => "preempted",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub t: u64,
    pub event: usize,
    pub kind: MarkKind,
    /// The goroutine concerned (for a steal: the first one stolen).
    pub g: u64,
}

/// One P's lane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lane {
    pub runs: Vec<Run>,
    /// In event order; times non-decreasing (a mark emitted late is clamped up to the
    /// lane's last mark, so the binary search stays valid).
    pub marks: Vec<Mark>,
}

/// The whole run's lanes, grown event by event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineIndex {
    pub lanes: Vec<Lane>,
    /// Events indexed so far.
    pub indexed: usize,
    /// The latest time seen.
    pub t_max: u64,
}

/// A shape to draw: one run, or several runs too close to tell apart at this zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub start: u64,
    pub end: u64,
    /// The goroutine when `runs == 1`.
    pub g: u64,
    pub runs: usize,
}

/// What one lane shows in a window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LaneWindow {
    pub p: u32,
    pub bars: Vec<Bar>,
    pub marks: Vec<Mark>,
}

const OPEN: usize = usize::MAX;

impl Lane {
    fn open(&mut self, g: u64, t: u64, event: usize) {
        self.close(t, event);
        let start = self.runs.last().map_or(t, |r| t.max(r.end));
        self.runs.push(Run { g, start, start_event: event, end: start, end_event: OPEN });
    }

    fn close(&mut self, t: u64, event: usize) {
        if let Some(run) = self.runs.last_mut().filter(|r| r.end_event == OPEN) {
            run.end = t.max(run.start);
            run.end_event = event;
        }
    }

    fn mark(&mut self, t: u64, event: usize, kind: MarkKind, g: u64) {
        let t = self.marks.last().map_or(t, |m| t.max(m.t));
        self.marks.push(Mark { t, event, kind, g });
    }

    /// The run's end as seen after `cursor` events at time `now`.
    fn end_at(run: &Run, cursor: usize, now: u64) -> u64 {
        if run.end_event < cursor { run.end } else { now.max(run.start) }
    }
}

impl TimelineIndex {
    /// Indexes the next event (the recording's event number `self.indexed`).
    pub fn push(&mut self, ev: &goroscope_trace::Event) {
        use goroscope_trace::EventKind as K;
        let i = self.indexed;
        self.indexed += 1;
        let t = ev.t;
        self.t_max = self.t_max.max(t);
        match &ev.kind {
            K::GoStart { p, g } => self.lane(*p).open(*g, t, i),
            K::GoSysExit { g, p: Some(p) } => self.lane(*p).open(*g, t, i),
            K::GoPark { g, p, .. } => {
                let lane = self.lane(*p);
                lane.close(t, i);
                lane.mark(t, i, MarkKind::Block, *g);
            }
            K::GoPreempt { g, p } => {
                let lane = self.lane(*p);
                lane.close(t, i);
                lane.mark(t, i, MarkKind::Preempt, *g);
            }
            K::GoSched { p, .. } | K::GoEnd { p, .. } | K::GoSysCall { p, .. } | K::ProcStop { p } => {
                self.lane(*p).close(t, i)
            }
            K::GoReady { g, p, .. } => self.lane(*p).mark(t, i, MarkKind::Wake, *g),
            K::Steal { to, gs, .. } => {
                let g = gs.first().copied().unwrap_or(0);
                self.lane(*to).mark(t, i, MarkKind::Steal, g)
            }
            _ => {}
        }
    }

    fn lane(&mut self, p: u32) -> &mut Lane {
        // A trace naming P 4 billion would make this allocate; Ps are at most a few
        // hundred in any real trace, so ids beyond 1024 are folded onto the last lane.
        let i = (p as usize).min(1023);
        if self.lanes.len() <= i {
            self.lanes.resize_with(i + 1, Lane::default);
        }
        &mut self.lanes[i]
    }

    /// What the lanes show of `[t0, t1)` after the first `cursor` events (at time `now`),
    /// at most about `cap` bars and `cap` marks per lane: runs closer than
    /// `(t1 - t0) / cap` merge into one bar.
    pub fn window(&self, cursor: usize, now: u64, t0: u64, t1: u64, cap: usize) -> Vec<LaneWindow> {
        let t1 = t1.max(t0 + 1);
        let px = ((t1 - t0) / cap.max(1) as u64).max(1);
        self.lanes
            .iter()
            .enumerate()
            .map(|(p, lane)| {
                let runs = &lane.runs[..lane.runs.partition_point(|r| r.start_event < cursor)];
                let mut bars = Vec::new();
                let mut i = runs.partition_point(|r| Lane::end_at(r, cursor, now) < t0);
                while i < runs.len() && runs[i].start < t1 && bars.len() <= cap {
                    let first = runs[i];
                    let bucket_end = first.start.max(t0).saturating_add(px);
                    let j = (i + runs[i..].partition_point(|r| r.start < bucket_end)).max(i + 1);
                    let end = Lane::end_at(&runs[j - 1], cursor, now);
                    bars.push(Bar { start: first.start.max(t0), end: end.min(t1), g: first.g, runs: j - i });
                    i = j;
                }
                let marks = &lane.marks[..lane.marks.partition_point(|m| m.event < cursor)];
                let mut shown = Vec::new();
                let mut from = t0;
                while shown.len() < cap {
                    let k = marks.partition_point(|m| m.t < from);
                    match marks.get(k).filter(|m| m.t < t1) {
                        Some(m) => {
                            shown.push(*m);
                            from = m.t.saturating_add(px);
                        }
                        None => break,
                    }
                }
                LaneWindow { p: p as u32, bars, marks: shown }
            })
            .collect()
    }
}

/// Virtual nanoseconds as `1.250ms`, `3µs`, `12ns`, `2.5s`.
pub fn format_time(ns: u64) -> String {
    let (unit, scale) = match ns {
        0..1_000 => return format!("{ns}ns"),
        1_000..1_000_000 => ("µs", 1_000.0),
        1_000_000..1_000_000_000 => ("ms", 1_000_000.0),
        _ => ("s", 1_000_000_000.0),
    };
    let v = ns as f64 / scale;
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{unit}")
}
