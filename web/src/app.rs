//! The Yew components: renders [`Playground`] and turns controls, keys, the worker's
//! messages and the page's clock into [`Action`]s. All decisions are the model's
//! ([`Playground::apply`]); this module only performs the [`Effect`]s it returns and the
//! side effects the model cannot (editor, worker, clipboard).
//!
//! Invariant: every action goes through [`Driver::dispatch`], which applies actions one at
//! a time in arrival order, even when performing an effect raises another action (a
//! failed post reporting a link failure): no `RefCell` is ever borrowed twice.
//! The page redraws at most once per animation frame, when the model changed.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use goroscope_protocol::{MAX_PROCS, Stream};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::editor::Editor;
use crate::examples::{self, Example};
use crate::model::{self, Action, Effect, LIVE, Playground, SPEEDS, Source};
use crate::share::{self, ShareError, Shared};
use crate::views::Views;
use crate::worker_link::WorkerLink;

/// The program the editor opens with.
const HELLO: &str = r#"package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() {
		ch <- "hello from a goroutine"
	}()
	fmt.Println(<-ch)
}
"#;

/// GOMAXPROCS the page starts with; DESIGN.md's CLI default too.
const DEFAULT_PROCS: u8 = 4;

/// The seed runs use until the seed control (or a share link) sets another.
const DEFAULT_SEED: u64 = 1;

/// The keyboard shortcuts, as the help popover lists them.
const SHORTCUTS: [(&str, &str); 4] = [
    ("Ctrl/⌘ + Enter", "Run"),
    ("F8", "Pause / Resume"),
    ("F10", "Step to the next scheduler event"),
    ("Shift + F10", "Step back"),
];

/// The share link the page was opened with: `Ok(None)` without one.
fn opened_link() -> Result<Option<Shared>, ShareError> {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    share::decode(&hash)
}

/// Puts `fragment` into the address bar without reloading, and returns the whole URL.
fn publish_link(fragment: &str) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let base = format!(
        "{}{}{}",
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?
    );
    let url = format!("{base}#{fragment}");
    let history = window.history().ok()?;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .ok()?;
    // Copying is a convenience: a refused clipboard (no permission, no focus) is ignored.
    // The handler lives as long as the page (one small closure per press of Share).
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| ());
    let _ = window
        .navigator()
        .clipboard()
        .write_text(&url)
        .catch(&ignore);
    ignore.forget();
    Some(url)
}

/// The page's state and the browser objects that act on it.
struct Driver {
    page: RefCell<Playground>,
    /// The worker in use; `None` only after a failed spawn (the next request retries).
    link: RefCell<Option<WorkerLink>>,
    editor: RefCell<Option<Editor>>,
    inbox: RefCell<VecDeque<Action>>,
    draining: Cell<bool>,
    /// What the editor's gutter shows: (revision, cursor, selected) it was drawn for.
    gutter: Cell<Option<(u64, usize, Option<u64>)>>,
}

impl Driver {
    fn new(procs: u8, seed: u64) -> Driver {
        Driver {
            page: RefCell::new(Playground::new(procs, seed)),
            link: RefCell::new(None),
            editor: RefCell::new(None),
            inbox: RefCell::default(),
            draining: Cell::new(false),
            gutter: Cell::new(None),
        }
    }

    /// Applies `action` (after any still being applied) and performs its effects.
    fn dispatch(self: &Rc<Self>, action: Action) {
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
    fn spawn(self: &Rc<Self>) {
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
            Err(why) => self.dispatch(Action::Notice(format!("The worker cannot be started: {why}"))),
        }
    }

    /// Run with the editor's program.
    fn run(self: &Rc<Self>) {
        let code = self.editor.borrow().as_ref().map(Editor::text);
        if let Some(code) = code {
            self.dispatch(Action::Run(code));
        }
    }

    /// One animation frame: playback advances, and the page redraws if anything changed.
    fn frame(self: &Rc<Self>, now: f64, redraw: &UseForceUpdateHandle) {
        self.dispatch(Action::Tick(now));
        if self.page.borrow_mut().take_changed() {
            self.draw_gutter();
            redraw.force_update();
        }
    }

    /// Marks the lines the goroutines are at in the shown snapshot, if that changed.
    fn draw_gutter(&self) {
        let page = self.page.borrow();
        let key = (page.revision, page.cursor, page.selected);
        if self.gutter.replace(Some(key)) == Some(key) {
            return;
        }
        let marks = {
            let mut recording = page.recording.borrow_mut();
            model::line_marks(recording.seek(page.cursor), page.selected)
        };
        if let Some(editor) = self.editor.borrow().as_ref() {
            editor.show_goroutines(&marks);
        }
    }

    /// The page's keyboard shortcuts ([`SHORTCUTS`]); true when `event` was one.
    fn key(self: &Rc<Self>, event: &KeyboardEvent) -> bool {
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
fn every_frame(frame: impl Fn(f64) + 'static) {
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
fn listen_to_keys(on_key: impl Fn(&KeyboardEvent) -> bool + 'static) {
    let Some(window) = web_sys::window() else { return };
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
fn control_value(event: &Event) -> Option<String> {
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    target.dyn_ref::<HtmlSelectElement>().map(HtmlSelectElement::value)
}

/// A callback dispatching the action `make` builds from a control's parsed value, for
/// `change` (`E` = `Event`) or `input` (`E` = `InputEvent`).
fn on_value<E: Into<Event>, T: std::str::FromStr + 'static>(
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

/// A callback dispatching `action` on a click.
fn on_click(driver: &Rc<Driver>, action: Action) -> Callback<MouseEvent> {
    let driver = driver.clone();
    Callback::from(move |_: MouseEvent| driver.dispatch(action.clone()))
}

#[function_component]
pub fn App() -> Html {
    let opened = use_memo((), |_| opened_link());
    let shared = opened.as_ref().as_ref().ok().and_then(Option::as_ref);
    let initial_procs = shared.and_then(|s| s.procs).unwrap_or(DEFAULT_PROCS);
    let initial_seed = shared.and_then(|s| s.seed).unwrap_or(DEFAULT_SEED);
    let driver = use_memo((), move |_| Rc::new(Driver::new(initial_procs, initial_seed)));
    let driver: Rc<Driver> = (*driver).clone();
    let redraw = use_force_update();
    let editor_host = use_node_ref();
    let gallery = use_memo((), |_| examples::gallery());
    let chosen: UseStateHandle<Option<Example<'static>>> = use_state(|| None);
    let share_url: UseStateHandle<Option<String>> = use_state(|| None);

    {
        let (driver, editor_host, redraw) = (driver.clone(), editor_host.clone(), redraw.clone());
        let (opened, gallery) = (opened.clone(), gallery.clone());
        use_effect_with((), move |_| {
            let program = match opened.as_ref() {
                Ok(Some(shared)) => shared.code.as_str(),
                Ok(None) => HELLO,
                Err(why) => {
                    driver.dispatch(Action::Notice(format!(
                        "This share link is broken: {why}. The editor shows the default program."
                    )));
                    HELLO
                }
            };
            if let Err(why) = gallery.as_ref() {
                driver.dispatch(Action::Notice(format!("The examples menu is empty: {why}")));
            }
            match editor_host
                .cast::<web_sys::Element>()
                .map(|host| Editor::mount(&host, program))
            {
                Some(Ok(mounted)) => *driver.editor.borrow_mut() = Some(mounted),
                Some(Err(why)) => driver.dispatch(Action::Notice(why)),
                None => driver.dispatch(Action::Notice("The editor has no element to live in.".into())),
            }
            driver.spawn();
            let keys = driver.clone();
            listen_to_keys(move |event| keys.key(event));
            every_frame(move |now| driver.frame(now, &redraw));
        });
    }
    {
        let driver = driver.clone();
        let diagnostics = driver.page.borrow().diagnostics.clone();
        use_effect_with(diagnostics, move |diagnostics| {
            if let Some(editor) = driver.editor.borrow().as_ref() {
                editor.show_diagnostics(diagnostics);
            }
        });
    }

    let on_run = {
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| driver.run())
    };
    // One callback for the page's life: the views compare it by identity.
    let on_select = {
        let driver = driver.clone();
        use_callback((), move |g: Option<u64>, _| driver.dispatch(Action::Select(g)))
    };
    let on_example = {
        let (driver, gallery, chosen) = (driver.clone(), gallery.clone(), chosen.clone());
        Callback::from(move |event: Event| {
            let Some(example) = control_value(&event).and_then(|name| {
                gallery
                    .as_ref()
                    .as_ref()
                    .ok()
                    .and_then(|g| g.iter().find(|e| e.name == name).copied())
            }) else {
                return;
            };
            if let Some(editor) = driver.editor.borrow().as_ref() {
                editor.set_text(example.program);
            }
            chosen.set(Some(example));
        })
    };
    let on_share = {
        let (driver, share_url) = (driver.clone(), share_url.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(code) = driver.editor.borrow().as_ref().map(Editor::text) else {
                return;
            };
            let (procs, seed) = {
                let page = driver.page.borrow();
                (page.procs, page.seed)
            };
            let fragment = share::encode(&Shared {
                code,
                procs: Some(procs),
                seed: Some(seed),
            });
            share_url.set(publish_link(&fragment));
        })
    };

    let page = driver.page.borrow();
    let running = page.is_running();
    let status = page.status().as_str();
    let recorded = page.recorded();
    let pause_label = if page.paused { "Resume" } else { "Pause" };
    html! {
        <div class="playground" data-worker={if page.worker_ready { "ready" } else { "loading" }}>
            <header>
                <h1>{ "Goroscope" }</h1>
                <select class="examples" data-testid="examples" aria-label="Examples" onchange={on_example}>
                    <option value="" disabled=true selected={chosen.is_none()}>{ "Examples…" }</option>
                    { for gallery.as_ref().iter().flatten().map(|e| html! {
                        <option value={e.name} selected={chosen.is_some_and(|c| c.name == e.name)}>{ e.title }</option>
                    }) }
                </select>
                <div class="controls" role="toolbar" aria-label="Run controls">
                    <button class="run" data-testid="run" onclick={on_run} disabled={running}
                        title="Run (Ctrl/⌘ + Enter)">{ "▶ Run" }</button>
                    <button data-testid="pause" onclick={on_click(&driver, Action::TogglePause)}
                        disabled={!page.can_pause() && !page.paused} aria-pressed={page.paused.to_string()}
                        title={format!("{pause_label} (F8)")}>{ if page.paused { "▶ Resume" } else { "❚❚ Pause" } }</button>
                    <button data-testid="step-back" onclick={on_click(&driver, Action::StepBack)}
                        disabled={page.cursor == 0} aria-label="Step back" title="Step back (Shift + F10)">{ "← Back" }</button>
                    <button data-testid="step" onclick={on_click(&driver, Action::Step)}
                        disabled={!running && page.cursor >= recorded} aria-label="Step" title="Step to the next scheduler event (F10)">{ "Step →" }</button>
                    <button data-testid="stop" onclick={on_click(&driver, Action::Stop)} disabled={!running}
                        title="Stop">{ "■ Stop" }</button>
                </div>
                <div class="settings">
                    <label>
                        { "Speed " }
                        <select data-testid="speed" onchange={on_value(&driver, Action::Speed)}>
                            { for (0..SPEEDS.len()).map(|i| html! {
                                <option value={i.to_string()} selected={i == page.speed}>{ model::speed_label(i) }</option>
                            }) }
                        </select>
                    </label>
                    <label>
                        { "GOMAXPROCS " }
                        <select data-testid="procs" onchange={on_value(&driver, Action::Procs)}>
                            { for (1..=MAX_PROCS).map(|n| html! {
                                <option value={n.to_string()} selected={n == page.procs}>{ n }</option>
                            }) }
                        </select>
                    </label>
                    <label>
                        { "Seed " }
                        <input class="seed" data-testid="seed" type="number" min="0" step="1"
                            value={page.seed.to_string()} onchange={on_value(&driver, Action::Seed)} />
                    </label>
                </div>
                <span class={classes!("status", status)} data-testid="status" role="status">{ status }</span>
                <button data-testid="share" onclick={on_share}>{ "Share" }</button>
                <details class="help">
                    <summary data-testid="help" aria-label="Keyboard shortcuts">{ "?" }</summary>
                    <div class="help-popover" role="dialog" aria-label="Keyboard shortcuts">
                        <h2>{ "Keyboard shortcuts" }</h2>
                        <dl>
                            { for SHORTCUTS.iter().map(|(keys, what)| html! {
                                <><dt><kbd>{ *keys }</kbd></dt><dd>{ *what }</dd></>
                            }) }
                        </dl>
                    </div>
                </details>
                if let Some(url) = share_url.as_ref() {
                    <input class="share-url" data-testid="share-url" readonly=true aria-label="Share link" value={url.clone()} />
                }
            </header>
            <p class="teaches" data-testid="example-teaches">
                { chosen.map(|e| e.teaches).unwrap_or_default() }
            </p>
            <div class="playback">
                <input class="scrub" data-testid="scrub" type="range" min="0" max={recorded.to_string()}
                    value={page.cursor.to_string()} disabled={recorded == 0}
                    aria-label="Position in the recorded run"
                    aria-valuetext={format!("event {} of {recorded}", page.cursor)}
                    oninput={on_value(&driver, Action::Scrub)} />
                <span class="stats" data-testid="stats">
                    { format!(
                        "event {} / {recorded} · {} virtual · {} goroutines · {} instructions",
                        page.cursor,
                        model::format_virtual(page.stats.virtual_ns),
                        page.stats.goroutines,
                        page.stats.instructions,
                    ) }
                    if page.speed != LIVE { { format!(" · {}", model::speed_label(page.speed)) } }
                </span>
            </div>
            <main>
                <div class="editor" data-testid="editor" ref={editor_host}></div>
                <pre class="console" data-testid="console" aria-label="Console" tabindex="0">
                    { for page.console_at_cursor().into_iter().map(|(source, text, written)| html! {
                        <span class={classes!(source_class(source), (!written).then_some("later"))}
                            title={(!written).then_some("printed later than the position shown")}>{ text }</span>
                    }) }
                </pre>
            </main>
            <Views recording={page.recording.clone()} cursor={page.cursor} revision={page.revision}
                selected={page.selected} {on_select} />
        </div>
    }
}

/// The CSS class of console text, by who wrote it.
fn source_class(source: Source) -> &'static str {
    match source {
        Source::Program(Stream::Stdout) => "stdout",
        Source::Program(Stream::Stderr) => "stderr",
        Source::Playground => "note",
    }
}
