//! The page's engine, shared by the full playground (`app`) and the embed (`embed`):
//! the [`Playground`] model and the browser objects that act on it (worker link, editor,
//! draft keeper), and the callbacks that turn controls, keys, the worker's messages and
//! the page's clock into [`Action`]s. All decisions are the model's
//! ([`Playground::apply`]); the driver only performs the [`Effect`]s it returns and the
//! side effects the model cannot (editor, worker).
//!
//! Invariant: every action goes through [`Driver::dispatch`], which applies actions one at
//! a time in arrival order, even when performing an effect raises another action (a
//! failed post reporting a link failure): no `RefCell` is ever borrowed twice.
//! The page redraws at most once per animation frame, when the model changed.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use goroscope_protocol::Stream;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::drafts::{Draft, browser::Keeper};
use crate::editor::Editor;
use crate::model::{self, Action, Effect, Playground, Source};
use crate::worker_link::WorkerLink;

/// The keyboard shortcuts, as the help popover lists them.
pub const SHORTCUTS: [(&str, &str); 4] = [
    ("Ctrl/⌘ + Enter", "Run"),
    ("F8", "Pause / Resume"),
    ("F10", "Step to the next scheduler event"),
    ("Shift + F10", "Step back"),
];

/// The page's state and the browser objects that act on it.
pub struct Driver {
    pub page: RefCell<Playground>,
    /// The worker in use; `None` only after a failed spawn (the next request retries).
    link: RefCell<Option<WorkerLink>>,
    pub editor: RefCell<Option<Editor>>,
    /// Autosaves the draft and holds the previous one (`drafts`); `None` until the
    /// editor is mounted.
    pub keeper: RefCell<Option<Keeper>>,
    inbox: RefCell<VecDeque<Action>>,
    draining: Cell<bool>,
    /// What the editor's gutter shows: (revision, cursor, selected) it was drawn for.
    gutter: Cell<Option<(u64, usize, Option<u64>)>>,
    /// The marks the gutter shows: an editor update (and its layout) only when they change.
    gutter_marks: RefCell<Vec<model::LineMark>>,
    /// The frame clock (ms) when the gutter was last drawn.
    gutter_at: Cell<f64>,
}

/// While playback moves the cursor by itself, the gutter follows it at most this often
/// (ms): redrawing the editor's lines costs milliseconds a frame with 1,000 goroutines,
/// and no one reads line marks at 60 changes a second. A step or a jump draws at once.
const GUTTER_EVERY_MS: f64 = 100.0;

impl Driver {
    pub fn new(procs: u8, seed: u64) -> Driver {
        Driver {
            page: RefCell::new(Playground::new(procs, seed)),
            link: RefCell::new(None),
            editor: RefCell::new(None),
            keeper: RefCell::new(None),
            inbox: RefCell::default(),
            draining: Cell::new(false),
            gutter: Cell::new(None),
            gutter_marks: RefCell::default(),
            gutter_at: Cell::new(f64::NEG_INFINITY),
        }
    }

    /// Applies `action` (after any still being applied) and performs its effects.
    pub fn dispatch(self: &Rc<Self>, action: Action) {
        self.inbox.borrow_mut().push_back(action);
        if self.draining.replace(true) {
            return;
        }
        loop {
            let next = self.inbox.borrow_mut().pop_front();
            let Some(action) = next else { break };
            let effects = self.page.borrow_mut().apply(action);
            for effect in effects {
                self.perform(effect);
            }
        }
        self.draining.set(false);
    }

    fn perform(self: &Rc<Self>, effect: Effect) {
        match effect {
            Effect::Send(request) => {
                if self.link.borrow().is_none() {
                    self.spawn();
                }
                if let Some(link) = self.link.borrow().as_ref() {
                    link.send(&request);
                }
            }
            Effect::RestartWorker => self.spawn(),
        }
    }

    /// Replaces the worker: dropping the old link terminates it, even mid-slice.
    pub fn spawn(self: &Rc<Self>) {
        drop(self.link.borrow_mut().take());
        let driver = Rc::downgrade(self);
        let spawned = WorkerLink::spawn(move |report| {
            if let Some(driver) = driver.upgrade() {
                driver.dispatch(match report {
                    Ok(response) => Action::Receive(response),
                    Err(why) => Action::LinkFailed(why),
                });
            }
        });
        match spawned {
            Ok(link) => *self.link.borrow_mut() = Some(link),
            // Not a LinkFailed: that would ask for another spawn, which would fail alike.
            Err(why) => self.dispatch(Action::Notice(format!(
                "The worker cannot be started: {why}"
            ))),
        }
    }

    /// The draft as the page shows it: the editor's text and the run settings.
    pub fn draft(&self) -> Option<Draft> {
        let code = self.editor.borrow().as_ref()?.text();
        let page = self.page.borrow();
        Some(Draft {
            code,
            procs: page.procs,
            seed: page.seed,
        })
    }

    /// Saves the draft shortly (a setting or the whole program changed).
    pub fn save_soon(&self) {
        if let Some(keeper) = self.keeper.borrow().as_ref() {
            keeper.save_soon();
        }
    }

    /// Run with the editor's program.
    pub fn run(self: &Rc<Self>) {
        let code = self.editor.borrow().as_ref().map(Editor::text);
        if let Some(code) = code {
            self.dispatch(Action::Run(code));
        }
    }

    /// One animation frame: playback advances, and the page redraws if anything changed.
    pub fn frame(self: &Rc<Self>, now: f64, redraw: &UseForceUpdateHandle) {
        self.dispatch(Action::Tick(now));
        if self.page.borrow_mut().take_changed() {
            redraw.force_update();
        }
        self.draw_gutter(now);
    }

    /// Marks the lines the goroutines are at in the shown snapshot, if that changed (and,
    /// during playback, [`GUTTER_EVERY_MS`] have passed since the last time).
    fn draw_gutter(&self, now: f64) {
        let page = self.page.borrow();
        let key = (page.revision, page.cursor, page.selected);
        if self.gutter.get() == Some(key) {
            return;
        }
        let playing = !page.paused && page.can_pause();
        if playing && now - self.gutter_at.get() < GUTTER_EVERY_MS {
            return;
        }
        self.gutter.set(Some(key));
        self.gutter_at.set(now);
        let marks = {
            let mut recording = page.recording.borrow_mut();
            model::line_marks(recording.seek(page.cursor), page.selected)
        };
        if *self.gutter_marks.borrow() == marks {
            return;
        }
        if let Some(editor) = self.editor.borrow().as_ref() {
            editor.show_goroutines(&marks);
        }
        *self.gutter_marks.borrow_mut() = marks;
    }

    /// The page's keyboard shortcuts ([`SHORTCUTS`]); true when `event` was one.
    pub fn key(self: &Rc<Self>, event: &KeyboardEvent) -> bool {
        let action = match (event.key().as_str(), event.shift_key()) {
            ("Enter", _) if event.ctrl_key() || event.meta_key() => {
                self.run();
                return true;
            }
            ("F8", _) => Action::TogglePause,
            ("F10", false) => Action::Step,
            ("F10", true) => Action::StepBack,
            _ => return false,
        };
        self.dispatch(action);
        true
    }
}

/// Calls `frame` on every animation frame for the page's lifetime.
pub fn every_frame(frame: impl Fn(f64) + 'static) {
    type Slot = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;
    let slot: Slot = Rc::default();
    let again = slot.clone();
    let request = |slot: &Slot| {
        if let (Some(window), Some(callback)) = (web_sys::window(), slot.borrow().as_ref()) {
            let _ = window.request_animation_frame(callback.as_ref().unchecked_ref());
        }
    };
    *slot.borrow_mut() = Some(Closure::new(move |now: f64| {
        frame(now);
        request(&again);
    }));
    request(&slot);
}

/// Calls `on_key` for every key pressed on the page; `on_key` returns true for a shortcut,
/// whose browser default (and CodeMirror's) is then prevented.
pub fn listen_to_keys(on_key: impl Fn(&KeyboardEvent) -> bool + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
        if on_key(&event) {
            event.prevent_default();
        }
    });
    let _ = window.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// The value of the `<input>` or `<select>` an event came from.
pub fn control_value(event: &Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    target
        .dyn_ref::<HtmlSelectElement>()
        .map(HtmlSelectElement::value)
}

/// A callback dispatching the action `make` builds from a control's parsed value, for
/// `change` (`E` = `Event`) or `input` (`E` = `InputEvent`).
pub fn on_value<E: Into<Event>, T: std::str::FromStr + 'static>(
    driver: &Rc<Driver>,
    make: fn(T) -> Action,
) -> Callback<E> {
    let driver = driver.clone();
    Callback::from(move |event: E| {
        if let Some(value) = control_value(&event.into()).and_then(|v| v.parse().ok()) {
            driver.dispatch(make(value));
        }
    })
}

/// [`on_value`] for a run setting, which the draft also keeps.
pub fn on_setting<T: std::str::FromStr + 'static>(
    driver: &Rc<Driver>,
    make: fn(T) -> Action,
) -> Callback<Event> {
    let (driver, dispatch) = (driver.clone(), on_value(driver, make));
    Callback::from(move |event: Event| {
        dispatch.emit(event);
        driver.save_soon();
    })
}

/// A callback dispatching `action` on a click.
pub fn on_click(driver: &Rc<Driver>, action: Action) -> Callback<MouseEvent> {
    let driver = driver.clone();
    Callback::from(move |_: MouseEvent| driver.dispatch(action.clone()))
}

/// Keeps the editor's underlines on the last run's compile errors.
#[hook]
pub fn use_underlined_diagnostics(driver: &Rc<Driver>) {
    let driver = driver.clone();
    let diagnostics = driver.page.borrow().diagnostics.clone();
    use_effect_with(diagnostics, move |diagnostics| {
        if let Some(editor) = driver.editor.borrow().as_ref() {
            editor.show_diagnostics(diagnostics);
        }
    });
}

/// The CSS class of console text, by who wrote it.
pub fn source_class(source: Source) -> &'static str {
    match source {
        Source::Program(Stream::Stdout) => "stdout",
        Source::Program(Stream::Stderr) => "stderr",
        Source::Playground => "note",
    }
}
