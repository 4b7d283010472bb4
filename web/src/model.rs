//! The playground's state as plain data: the run (status, console, diagnostics, counters),
//! its [`Recording`] and the playback over it (the cursor the views show, paused or not,
//! the speed), and the choices for the next run (GOMAXPROCS, seed) and the selected
//! goroutine. Actions come from the controls, the worker and the page's clock; each
//! [`Playground::apply`] returns the [`Effect`]s the browser half must perform (requests
//! to the worker, a worker restart), so this module decides everything and is tested
//! natively.
//!
//! Invariants:
//! - `cursor <= recording.len()`; the views show the snapshot after `cursor` events.
//! - The recording belongs to one run: a new run gets a fresh one (a new `Rc`), so a view
//!   holding the old one never sees two runs mixed.
//! - Flow control: while a run is active, the worker is asked to be paused exactly when
//!   the user paused playback or playback lags the recording by more than [`LAG_BOUND`]
//!   events (until it catches up to half that), so an endless program watched slowly
//!   never grows the recording without bound. Likewise while the page is overloaded (a
//!   frame came more than [`OVERLOAD_MS`] after the one before: the worker's messages
//!   arrive faster than the page decodes and records them), for one frame: the worker is
//!   held back at most every other frame, so a page that is slow on its own never
//!   starves the run.
//!   A request is sent only when that wish changes.
//! - Responses that arrive while no run is active change nothing but `Ready`: they belong
//!   to a worker the page has already given up on.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{
    Diagnostic, Outcome, Request, Response, RunConfig, Stats, Status, Stream,
};
use goroscope_trace::{EventKind, GoState, Snapshot};

use crate::views::Recording;

/// Events playback may lag the recording by before the worker is paused.
pub const LAG_BOUND: usize = 50_000;

/// Playback speeds, slowest first, in step events per second; `None` is live: the views
/// follow the newest event.
pub const SPEEDS: [Option<u32>; 7] = [
    Some(1),
    Some(3),
    Some(10),
    Some(30),
    Some(100),
    Some(1000),
    None,
];

/// The index of the live speed in [`SPEEDS`], the page's default.
pub const LIVE: usize = SPEEDS.len() - 1;

/// Worker restarts in a row without a worker ever saying `Ready`: past this, a worker
/// that cannot even load is reported instead of respawned forever.
const MAX_UNREADY_RESTARTS: u32 = 2;

/// A gap between two frames longer than this means the page is overloaded.
pub const OVERLOAD_MS: f64 = 100.0;

/// The longest gap between two clock ticks that playback honours (a background tab's
/// clock stops; catching up at once would jump).
const MAX_TICK_MS: f64 = 250.0;

/// One piece of console text and who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleChunk {
    pub source: Source,
    pub text: String,
}

/// Who wrote a piece of console text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The program, on one of its streams.
    Program(Stream),
    /// The playground itself ("Program exited.", "Stopped.").
    Playground,
}

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Run was pressed with this program text.
    Run(String),
    /// Stop was pressed.
    Stop,
    /// Pause (or Resume, when paused) was pressed.
    TogglePause,
    /// Step: to the next step event.
    Step,
    /// Step back: to the previous step event.
    StepBack,
    /// The scrubber moved: show the state after this many events.
    Scrub(usize),
    /// A speed was chosen: an index into [`SPEEDS`].
    Speed(usize),
    /// GOMAXPROCS for the next run.
    Procs(u8),
    /// Seed for the next run.
    Seed(u64),
    /// A goroutine was selected (or none).
    Select(Option<u64>),
    /// The page's clock, in milliseconds (`requestAnimationFrame`'s time): playback advances.
    Tick(f64),
    /// The worker said something.
    Receive(Response),
    /// The worker could not be reached or spoke nonsense (a Goroscope bug or a stale cache).
    LinkFailed(String),
    /// The page itself has something to say (a broken share link); the status stays.
    Notice(String),
}

/// What the browser half must do after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Send this to the worker.
    Send(Request),
    /// Terminate the worker (even mid-slice) and spawn a fresh one.
    RestartWorker,
}

/// Where the run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Run {
    /// No run yet, or stopped.
    Idle,
    /// Between Run and the worker's `Finished`.
    Active,
    /// Over, with the status its outcome gives.
    Ended(Status),
}

/// The page's state.
#[derive(Debug)]
pub struct Playground {
    run: Run,
    pub console: Vec<ConsoleChunk>,
    /// Compile errors of the last run, for the editor's underlines.
    pub diagnostics: Vec<Diagnostic>,
    /// Every event of the current run. Shared with the views; replaced on each Run.
    pub recording: Rc<RefCell<Recording>>,
    /// Bumped whenever events are pushed or the recording is replaced.
    pub revision: u64,
    /// Events applied in what the views show.
    pub cursor: usize,
    /// The user paused playback (and with it the worker).
    pub paused: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// GOMAXPROCS for the next run.
    pub procs: u8,
    /// Seed for the next run.
    pub seed: u64,
    /// The goroutine highlighted everywhere.
    pub selected: Option<u64>,
    /// The worker's latest counters for the run.
    pub stats: Stats,
    /// For each recorded `Output` event: the position just after it and the bytes of
    /// program output up to and including it. Increasing in both.
    output_ends: Vec<(usize, usize)>,
    /// The current worker has said `Ready` (it loaded and reads requests).
    pub worker_ready: bool,
    /// What the page last asked of the worker: paused or not.
    worker_paused: bool,
    /// Playback lags too far behind: the worker is held back.
    throttled: bool,
    /// The page's frames come late: the worker is held back.
    overloaded: bool,
    /// A Step was sent to the worker: the next events move the cursor one step.
    step_pending: bool,
    /// Fractional steps owed to playback at a finite speed.
    owed: f64,
    /// The previous tick's clock.
    last_tick: Option<f64>,
    unready_restarts: u32,
    changed: bool,
}

impl Playground {
    /// A fresh page whose runs use `procs` and `seed` until changed.
    pub fn new(procs: u8, seed: u64) -> Playground {
        Playground {
            run: Run::Idle,
            console: Vec::new(),
            diagnostics: Vec::new(),
            recording: Rc::default(),
            revision: 0,
            cursor: 0,
            paused: false,
            speed: LIVE,
            procs,
            seed,
            selected: None,
            stats: Stats::default(),
            output_ends: Vec::new(),
            worker_ready: false,
            worker_paused: false,
            throttled: false,
            overloaded: false,
            step_pending: false,
            owed: 0.0,
            last_tick: None,
            unready_restarts: 0,
            changed: true,
        }
    }

    /// What `data-testid="status"` shows: the run's state, `paused` while the user holds
    /// an active run.
    pub fn status(&self) -> Status {
        match self.run {
            Run::Idle => Status::Idle,
            Run::Active if self.paused => Status::Paused,
            Run::Active => Status::Running,
            Run::Ended(status) => status,
        }
    }

    /// Whether a run is in progress (Run disabled, Stop enabled).
    pub fn is_running(&self) -> bool {
        self.run == Run::Active
    }

    /// Whether the views show the newest event and keep doing so.
    pub fn is_live(&self) -> bool {
        !self.paused && self.speed == LIVE
    }

    /// Whether playback has somewhere to go: Pause/Resume is enabled.
    pub fn can_pause(&self) -> bool {
        self.is_running() || self.cursor < self.recording.borrow().len()
    }

    /// Number of events recorded so far.
    pub fn recorded(&self) -> usize {
        self.recording.borrow().len()
    }

    /// The console's whole text, as `data-testid="console"` shows it.
    pub fn console_text(&self) -> String {
        self.console
            .iter()
            .map(|chunk| chunk.text.as_str())
            .collect()
    }

    /// The console as shown at the cursor: each piece of text, and whether it had been
    /// written by then. Program output is split where the output recorded up to the
    /// cursor ends; the playground's own lines count as written once all program output
    /// before them was. At the newest event everything counts as written.
    pub fn console_at_cursor(&self) -> Vec<(Source, &str, bool)> {
        let mut budget = if self.cursor >= self.recorded() {
            usize::MAX
        } else {
            let before = self
                .output_ends
                .partition_point(|&(end, _)| end <= self.cursor);
            before.checked_sub(1).map_or(0, |i| self.output_ends[i].1)
        };
        let mut pieces = Vec::new();
        let mut all_written = true;
        for chunk in &self.console {
            let text = chunk.text.as_str();
            if chunk.source == Source::Playground {
                pieces.push((chunk.source, text, all_written));
                continue;
            }
            let mut split = budget.min(text.len());
            while !text.is_char_boundary(split) {
                split -= 1;
            }
            budget = budget.saturating_sub(split);
            let (written, later) = text.split_at(split);
            if !written.is_empty() {
                pieces.push((chunk.source, written, true));
            }
            if !later.is_empty() {
                pieces.push((chunk.source, later, false));
                all_written = false;
            }
        }
        pieces
    }

    /// Whether anything visible changed since the last call (the page redraws then).
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        let quiet_tick = matches!(action, Action::Tick(_));
        let cursor = self.cursor;
        match action {
            Action::Run(code) => {
                // Run during a run starts over: the busy worker cannot take a second one.
                if self.is_running() {
                    effects.push(Effect::RestartWorker);
                }
                effects.push(self.start(code));
            }
            Action::Stop => {
                if self.is_running() {
                    self.end(Run::Idle);
                    self.note("Stopped.");
                    effects.push(Effect::RestartWorker);
                }
            }
            Action::TogglePause => {
                if self.can_pause() || self.paused {
                    self.paused = !self.paused;
                    self.last_tick = None;
                    if !self.paused && self.speed == LIVE {
                        self.cursor = self.recorded();
                    }
                }
            }
            Action::Step => effects.extend(self.step()),
            Action::StepBack => {
                let back = self.recording.borrow().prev_step(self.cursor);
                self.paused = true;
                if let Some(n) = back {
                    self.cursor = n;
                }
            }
            Action::Scrub(n) => {
                self.paused = true;
                self.cursor = n.min(self.recorded());
            }
            Action::Speed(i) => {
                self.speed = i.min(LIVE);
                self.last_tick = None;
                if self.is_live() {
                    self.cursor = self.recorded();
                }
            }
            Action::Procs(n) => self.procs = n.clamp(1, goroscope_protocol::MAX_PROCS),
            Action::Seed(s) => self.seed = s,
            Action::Select(g) => self.selected = g,
            Action::Tick(now) => self.tick(now),
            Action::Receive(Response::Ready) => {
                self.unready_restarts = 0;
                self.worker_ready = true;
            }
            Action::Receive(Response::Fault(why)) => effects.extend(self.fail(&why)),
            Action::Receive(response) => {
                if self.is_running() {
                    self.receive(response);
                }
            }
            Action::LinkFailed(why) => {
                effects.extend(self.fail(&format!("the worker failed: {why}")))
            }
            Action::Notice(text) => self.note(&text),
        }
        effects.extend(self.flow_control());
        if effects.contains(&Effect::RestartWorker) {
            self.worker_ready = false;
        }
        if !quiet_tick || self.cursor != cursor {
            self.changed = true;
        }
        effects
    }

    /// A new run with the page's procs and seed.
    fn start(&mut self, code: String) -> Effect {
        self.run = Run::Active;
        self.console.clear();
        self.diagnostics.clear();
        self.recording = Rc::default();
        self.revision += 1;
        self.cursor = 0;
        self.paused = false;
        self.stats = Stats::default();
        self.output_ends.clear();
        self.selected = None;
        self.worker_paused = false;
        self.throttled = false;
        self.overloaded = false;
        self.step_pending = false;
        self.owed = 0.0;
        Effect::Send(Request::Run(RunConfig {
            code,
            procs: self.procs,
            seed: self.seed,
        }))
    }

    /// Ends the active run; playback of its recording may go on.
    fn end(&mut self, run: Run) {
        self.run = run;
        self.worker_paused = false;
        self.throttled = false;
        self.overloaded = false;
        self.step_pending = false;
        if self.is_live() {
            self.cursor = self.recorded();
        }
    }

    /// Step: within the recording when the cursor is behind it, else one more step of the
    /// worker. Either way playback pauses.
    fn step(&mut self) -> Option<Effect> {
        self.paused = true;
        let next = self.recording.borrow().next_step(self.cursor);
        match next {
            Some(n) => {
                self.cursor = n;
                None
            }
            None if self.is_running() => {
                // Trailing GoLine events need no step of their own.
                self.cursor = self.recorded();
                self.step_pending = true;
                self.worker_paused = true;
                Some(Effect::Send(Request::Step))
            }
            None => {
                self.cursor = self.recorded();
                None
            }
        }
    }

    /// Advances playback at a finite speed by the steps the elapsed time buys.
    fn tick(&mut self, now: f64) {
        let gap = self.last_tick.map_or(0.0, |last| (now - last).max(0.0));
        self.overloaded = gap > OVERLOAD_MS && !self.overloaded;
        let elapsed = gap.min(MAX_TICK_MS);
        self.last_tick = Some(now);
        if self.paused {
            return;
        }
        let Some(rate) = SPEEDS[self.speed] else {
            self.cursor = self.recorded();
            return;
        };
        self.owed += elapsed * f64::from(rate) / 1000.0;
        let recording = self.recording.borrow();
        while self.owed >= 1.0 {
            match recording.next_step(self.cursor) {
                Some(n) => {
                    self.cursor = n;
                    self.owed -= 1.0;
                }
                None => {
                    if self.run != Run::Active {
                        self.cursor = recording.len();
                    }
                    self.owed = 0.0;
                }
            }
        }
    }

    /// Pause or resume the worker when what playback needs of it changed.
    fn flow_control(&mut self) -> Option<Effect> {
        if !self.is_running() {
            return None;
        }
        let lag = self.recorded().saturating_sub(self.cursor);
        if lag > LAG_BOUND {
            self.throttled = true;
        } else if lag <= LAG_BOUND / 2 {
            self.throttled = false;
        }
        let wanted = self.paused || self.throttled || self.overloaded;
        if wanted == self.worker_paused {
            return None;
        }
        self.worker_paused = wanted;
        Some(Effect::Send(if wanted {
            Request::Pause
        } else {
            Request::Resume
        }))
    }

    /// A worker fault or a broken link: the run ends in an error and a fresh worker is
    /// spawned (unless workers keep failing before they are even ready).
    fn fail(&mut self, why: &str) -> Option<Effect> {
        self.end(Run::Ended(Status::Error));
        self.note(why);
        if self.unready_restarts >= MAX_UNREADY_RESTARTS {
            self.note("The worker cannot be started: reload the page.");
            return None;
        }
        self.unready_restarts += 1;
        self.note("A fresh worker has been started.");
        Some(Effect::RestartWorker)
    }

    fn receive(&mut self, response: Response) {
        match response {
            Response::Ready | Response::Fault(_) => {}
            // The worker's own Running/Paused follows the page's requests; what the page
            // shows is the user's wish, so only counters and outcomes are taken from it.
            Response::Status(_) => {}
            Response::Output { stream, text } => self.write(Source::Program(stream), &text),
            Response::Note(text) => self.note(&text),
            Response::Events(batch) => {
                let first = self.recorded();
                let mut bytes = self.output_ends.last().map_or(0, |&(_, b)| b);
                for (i, event) in batch.iter().enumerate() {
                    if let EventKind::Output { text, .. } = &event.kind {
                        bytes += text.len();
                        self.output_ends.push((first + i + 1, bytes));
                    }
                }
                self.recording.borrow_mut().push(batch);
                self.revision += 1;
                if self.step_pending {
                    let next = self.recording.borrow().next_step(self.cursor);
                    if let Some(n) = next {
                        self.cursor = n;
                        self.step_pending = false;
                    }
                }
                if self.is_live() {
                    self.cursor = self.recorded();
                }
            }
            Response::Stats(stats) => self.stats = stats,
            Response::Diagnostics(diagnostics) => {
                for d in &diagnostics {
                    self.write(Source::Program(Stream::Stderr), &format!("{d}\n"));
                }
                self.diagnostics = diagnostics;
            }
            Response::Finished { outcome, exit_code } => {
                self.end(Run::Ended(outcome.into()));
                match (outcome, exit_code) {
                    (Outcome::Error, _) => self.note("Go build failed."),
                    (Outcome::Limit, _) => {
                        self.note("The run was stopped at one of the playground's limits.")
                    }
                    (_, 0) => self.note("Program exited."),
                    (_, code) => self.note(&format!("Program exited: status {code}.")),
                }
            }
        }
    }

    /// Appends console text, joining it to the last chunk when the writer is the same.
    fn write(&mut self, source: Source, text: &str) {
        match self.console.last_mut() {
            Some(last) if last.source == source => last.text.push_str(text),
            _ => self.console.push(ConsoleChunk {
                source,
                text: text.to_string(),
            }),
        }
    }

    /// Appends the playground's own line, starting it on a fresh line.
    fn note(&mut self, text: &str) {
        let needs_break = self.console.last().is_some_and(|c| !c.text.ends_with('\n'));
        let text = if needs_break {
            format!("\n{text}\n")
        } else {
            format!("{text}\n")
        };
        self.write(Source::Playground, &text);
    }
}

/// A line of the editor's gutter: the goroutines at it in the shown snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineMark {
    /// 1-based source line.
    pub line: u32,
    /// The goroutines at the line, by id.
    pub goroutines: Vec<u64>,
    /// Whether the selected goroutine is among them.
    pub selected: bool,
}

impl LineMark {
    /// The gutter's text: `G1`, `G1 G2`, or `G1 G2 +3` when more goroutines share it.
    pub fn label(&self) -> String {
        let mut words: Vec<String> = self
            .goroutines
            .iter()
            .take(2)
            .map(|g| format!("G{g}"))
            .collect();
        if self.goroutines.len() > 2 {
            words.push(format!("+{}", self.goroutines.len() - 2));
        }
        words.join(" ")
    }
}

/// The gutter marks for `snapshot`: one per line where a live goroutine is, in line
/// order, goroutines in id order.
pub fn line_marks(snapshot: &Snapshot, selected: Option<u64>) -> Vec<LineMark> {
    let mut marks: Vec<LineMark> = Vec::new();
    for g in snapshot
        .goroutines
        .values()
        .filter(|g| g.state != GoState::Dead)
    {
        let Some(line) = g.line else { continue };
        match marks.iter_mut().find(|m| m.line == line) {
            Some(mark) => mark.goroutines.push(g.id),
            None => marks.push(LineMark {
                line,
                goroutines: vec![g.id],
                selected: false,
            }),
        }
    }
    for mark in &mut marks {
        mark.selected = selected.is_some_and(|s| mark.goroutines.contains(&s));
    }
    marks.sort_by_key(|m| m.line);
    marks
}

/// Virtual nanoseconds as the status bar shows them: `1.5ms`, `2s`, `0s`.
pub fn format_virtual(ns: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (1_000_000_000, "s"),
        (1_000_000, "ms"),
        (1_000, "µs"),
        (1, "ns"),
    ];
    if ns == 0 {
        return "0s".into();
    }
    let (scale, unit) = UNITS
        .iter()
        .copied()
        .find(|(scale, _)| ns >= *scale)
        .unwrap_or((1, "ns"));
    let whole = ns / scale;
    let tenths = (ns % scale) * 10 / scale;
    if tenths == 0 || whole >= 100 {
        format!("{whole}{unit}")
    } else {
        format!("{whole}.{tenths}{unit}")
    }
}

/// The label of a speed in [`SPEEDS`].
pub fn speed_label(i: usize) -> String {
    match SPEEDS.get(i).copied().flatten() {
        Some(1) => "1 step/s".into(),
        Some(rate) => format!("{rate} steps/s"),
        None => "live".into(),
    }
}
