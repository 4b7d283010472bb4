//! "What just happened": the last scheduler event before the cursor, told in a sentence
//! and with the goroutines it moved, so a steal or a preemption is seen as it happens.
//!
//! Invariant: derived from the events alone (the last [`is_step`] event among the first
//! `cursor`), so stepping back shows the same caption as stepping forward did.

use goroscope_trace::{Dir, Event, EventKind, Obj, Queue, SyncOp, Via};

use super::label::{go_id, go_list};
use super::recording::is_step;

/// What kind of thing happened: the views style the caption and the moved goroutines by
/// it (a steal and a preemption stand out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Create,
    Start,
    Block,
    Wake,
    Yield,
    Preempt,
    End,
    Syscall,
    Steal,
    GlobalQueue,
    Proc,
    Chan,
    Sync,
    Timer,
    Ending,
}

impl Kind {
    /// The CSS class suffix (`happened-steal`).
    pub fn class(self) -> &'static str {
        match self {
            Kind::Create => "create",
            Kind::Start => "start",
            Kind::Block => "block",
            Kind::Wake => "wake",
            Kind::Yield => "yield",
            Kind::Preempt => "preempt",
            Kind::End => "end",
            Kind::Syscall => "syscall",
            Kind::Steal => "steal",
            Kind::GlobalQueue => "global",
            Kind::Proc => "proc",
            Kind::Chan => "chan",
            Kind::Sync => "sync",
            Kind::Timer => "timer",
            Kind::Ending => "ending",
        }
    }
}

/// The last scheduler event before the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Happened {
    /// Its index in the recording.
    pub index: usize,
    pub kind: Kind,
    /// `P2 stole G7, G9 from P0`.
    pub caption: String,
    /// The goroutines it moved or changed, to highlight.
    pub moved: Vec<u64>,
    /// The Ps it concerns.
    pub procs: Vec<u32>,
}

/// The last step event among the first `cursor` events, told; None before the first.
pub fn last_happened(events: &[Event], cursor: usize) -> Option<Happened> {
    let events = &events[..cursor.min(events.len())];
    let index = events.iter().rposition(is_step)?;
    let (kind, caption, moved, procs) = tell(&events[index].kind);
    Some(Happened {
        index,
        kind,
        caption,
        moved,
        procs,
    })
}

fn queue_name(queue: Queue, p: u32) -> String {
    match queue {
        Queue::Runnext => format!("P{p}'s runnext"),
        Queue::Local => format!("P{p}'s local queue"),
        Queue::Global => "the global queue".to_owned(),
    }
}

fn obj_name(obj: &Obj) -> String {
    match obj {
        Obj::Chan(c) => format!("chan {c}"),
        Obj::Select(cs) => format!("select on {} channels", cs.len()),
        Obj::Mutex(m) => format!("Mutex {m}"),
        Obj::RWMutex(m) => format!("RWMutex {m}"),
        Obj::WaitGroup(w) => format!("WaitGroup {w}"),
        Obj::Once(o) => format!("Once {o}"),
        Obj::Cond(c) => format!("Cond {c}"),
        Obj::Timer(t) => format!("timer {t}"),
    }
}

fn g_or_runtime(g: u64) -> String {
    if g == 0 { "the runtime".to_owned() } else { go_id(g) }
}

fn via_name(via: Via) -> &'static str {
    match via {
        Via::Direct => "directly",
        Via::Buffer => "through the buffer",
    }
}

type Told = (Kind, String, Vec<u64>, Vec<u32>);

fn tell(kind: &EventKind) -> Told {
    match kind {
        EventKind::GoCreate { g, parent, p, func, queue, .. } => (
            Kind::Create,
            format!(
                "{} started G{g} {} into {}",
                parent.map_or("the runtime".to_owned(), go_id),
                func.as_deref().unwrap_or("?"),
                queue_name(*queue, *p)
            ),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoStart { p, g } => (Kind::Start, format!("P{p} runs G{g}"), vec![*g], vec![*p]),
        EventKind::GoPark { g, p, reason, object } => (
            Kind::Block,
            format!(
                "G{g} blocks ({reason}{}) and leaves P{p}",
                object.as_ref().map_or(String::new(), |o| format!(" on {}", obj_name(o)))
            ),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoReady { g, by, p, queue } => (
            Kind::Wake,
            format!(
                "{} wakes G{g} into {}",
                by.map_or("the runtime".to_owned(), g_or_runtime),
                queue_name(*queue, *p)
            ),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoSched { g, p } => (
            Kind::Yield,
            format!("G{g} yields P{p} (Gosched) and goes to the global queue"),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoPreempt { g, p } => (
            Kind::Preempt,
            format!("P{p} preempts G{g} after its time slice: it goes to the global queue"),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoEnd { g, p } => (Kind::End, format!("G{g} finished on P{p}"), vec![*g], vec![*p]),
        EventKind::GoSysCall { g, p } => (
            Kind::Syscall,
            format!("G{g} enters a system call, holding P{p}"),
            vec![*g],
            vec![*p],
        ),
        EventKind::ProcRetake { p, g } => (
            Kind::Syscall,
            format!("sysmon retakes P{p} from G{g}'s system call"),
            vec![*g],
            vec![*p],
        ),
        EventKind::GoSysExit { g, p } => (
            Kind::Syscall,
            match p {
                Some(p) => format!("G{g}'s system call returns; it runs on P{p}"),
                None => format!("G{g}'s system call returns; no P is free: global queue"),
            },
            vec![*g],
            p.iter().copied().collect(),
        ),
        EventKind::GlobalPut { from, gs } => (
            Kind::GlobalQueue,
            format!("P{from}'s queue is full: {} move to the global queue", go_list(gs)),
            gs.clone(),
            vec![*from],
        ),
        EventKind::GlobalGet { p, gs } => (
            Kind::GlobalQueue,
            format!("P{p} takes {} from the global queue", go_list(gs)),
            gs.clone(),
            vec![*p],
        ),
        EventKind::Steal { from, to, gs } => (
            Kind::Steal,
            format!("P{to} stole {} from P{from}", go_list(gs)),
            gs.clone(),
            vec![*to, *from],
        ),
        EventKind::ProcStart { p, m } => (Kind::Proc, format!("P{p} starts on M{m}"), vec![], vec![*p]),
        EventKind::ProcStop { p } => (
            Kind::Proc,
            format!("P{p} finds no work and goes idle"),
            vec![],
            vec![*p],
        ),
        EventKind::ProcResize { procs, gs } => (
            Kind::Proc,
            format!("GOMAXPROCS is now {procs}"),
            gs.clone(),
            vec![],
        ),
        EventKind::ChanMake { ch, cap, elem, .. } => (
            Kind::Chan,
            format!("make(chan {}, {cap}): chan {ch}", elem.as_deref().unwrap_or("?")),
            vec![],
            vec![],
        ),
        EventKind::ChanSend { ch, g, value, via, peer } => (
            Kind::Chan,
            format!(
                "{} sends {value} on chan {ch} {}{}",
                g_or_runtime(*g),
                via_name(*via),
                peer.map_or(String::new(), |p| format!(" to G{p}"))
            ),
            [*g].into_iter().chain(*peer).filter(|g| *g != 0).collect(),
            vec![],
        ),
        EventKind::ChanRecv { ch, g, value, ok, via, peer } => (
            Kind::Chan,
            if *ok {
                format!(
                    "G{g} receives {value} from chan {ch} {}{}",
                    via_name(*via),
                    peer.map_or(String::new(), |p| format!(" from {}", g_or_runtime(p)))
                )
            } else {
                format!("G{g} receives the zero value {value} from closed chan {ch}")
            },
            [*g].into_iter().chain(*peer).filter(|g| *g != 0).collect(),
            vec![],
        ),
        EventKind::ChanBlock { ch, g, dir, value, .. } => (
            Kind::Chan,
            match dir {
                Dir::Send => format!(
                    "G{g} waits to send {} on chan {ch}",
                    value.as_deref().unwrap_or("a value")
                ),
                Dir::Recv => format!("G{g} waits to receive from chan {ch}"),
            },
            vec![*g],
            vec![],
        ),
        EventKind::ChanUnblock { ch, g } => (
            Kind::Chan,
            format!("G{g} stops waiting on chan {ch}"),
            vec![*g],
            vec![],
        ),
        EventKind::ChanDrain { ch } => (Kind::Chan, format!("chan {ch}'s buffer is emptied"), vec![], vec![]),
        EventKind::ChanClose { ch, g } => (Kind::Chan, format!("G{g} closes chan {ch}"), vec![*g], vec![]),
        EventKind::SelectChosen { g, case } => (
            Kind::Chan,
            match case {
                Some(c) => format!("G{g}'s select chooses case {c}"),
                None => format!("G{g}'s select takes the default case"),
            },
            vec![*g],
            vec![],
        ),
        EventKind::Sync { obj, g, op } => (Kind::Sync, format!("G{g}: {} {}", obj_name(obj), sync_op(op)), vec![*g], vec![]),
        EventKind::TimerSet { timer, when, .. } => (
            Kind::Timer,
            format!("timer {timer} set to fire at {}", super::timeline::format_time(*when)),
            vec![],
            vec![],
        ),
        EventKind::TimerStop { timer } => (Kind::Timer, format!("timer {timer} stopped"), vec![], vec![]),
        EventKind::TimerFire { timer, p } => (Kind::Timer, format!("timer {timer} fires on P{p}"), vec![], vec![*p]),
        EventKind::Deadlock { .. } => (
            Kind::Ending,
            "all goroutines are asleep: deadlock!".to_owned(),
            vec![],
            vec![],
        ),
        EventKind::Exit { code } => (Kind::Ending, format!("the program exits with code {code}"), vec![], vec![]),
        // Not step events: is_step filters them out before `tell`.
        EventKind::GoLine { g, line } => (Kind::Start, format!("G{g} at line {line}"), vec![*g], vec![]),
        EventKind::Output { .. } => (Kind::Sync, "output".to_owned(), vec![], vec![]),
    }
}

fn sync_op(op: &SyncOp) -> String {
    match op {
        SyncOp::Lock => "locked".to_owned(),
        SyncOp::Unlock => "unlocked".to_owned(),
        SyncOp::RLock => "read-locked".to_owned(),
        SyncOp::RUnlock => "read-unlocked".to_owned(),
        SyncOp::Starving => "enters starvation mode".to_owned(),
        SyncOp::Add { delta, counter } => format!("Add({delta}): counter {counter}"),
        SyncOp::Done => "done".to_owned(),
        SyncOp::Signal => "Signal".to_owned(),
        SyncOp::Broadcast => "Broadcast".to_owned(),
    }
}
