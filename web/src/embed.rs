//! The embedded playground (`?embed`): editor, Run/Stop, status, console, a toggle for
//! the views and a link to the full playground, compact enough for a 700×450 iframe in
//! a tutorial page. It runs programs like the full page (the same model, worker link,
//! editor, views and share format), keeps no draft, and speaks the postMessage API of
//! `embed_api` with its parent.
//!
//! The views follow the run live: the embed records every event the worker streams and
//! shows the state after the last one (no scrubbing or stepping: that is the full
//! playground's job).
//!
//! Origin policy: a tutorial may live on any origin, so the embed does not check
//! origins; it checks the sender instead. It accepts commands only from its parent
//! window (`event.source === window.parent`, never itself), and posts reports only to
//! its parent (target origin `*`: the reports carry the program's output, which the
//! parent supplied or its reader typed). Messages of any other shape are ignored.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{Request, Response, RunConfig, Stream};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlAnchorElement, MessageEvent, Window};
use yew::prelude::*;

use crate::editor::Editor;
use crate::embed_api::{Command, Reporter, ready, views_open};
use crate::model::{Action, Playground, Source};
use crate::share::{self, Shared};
use crate::views::{Recording, Views};
use crate::worker_link::WorkerLink;

/// GOMAXPROCS and seed when the fragment sets none (the full page's defaults).
const DEFAULT_PROCS: u8 = 4;
const DEFAULT_SEED: u64 = 1;

/// Whether the page was opened as an embed: `embed` is a key of its query.
pub fn requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|part| part.split('=').next() == Some("embed"))
        })
}

/// [`Playground`] as Yew state.
#[derive(Clone, Default, PartialEq)]
struct State(Playground);

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let State(mut playground) = Rc::unwrap_or_clone(self);
        playground.apply(action);
        Rc::new(State(playground))
    }
}

/// Everything the embed's handlers share. Settings live here, not in Yew state: a
/// `setCode` command changes them without a re-render.
struct Session {
    editor: Option<Editor>,
    link: Option<WorkerLink>,
    procs: u8,
    seed: u64,
    /// A run is in progress: set when one starts, and from the model after each render.
    running: bool,
    reporter: Reporter,
    /// Every event of the current run, for the views (emptied when a run starts).
    recording: Rc<RefCell<Recording>>,
}

type SessionRef = Rc<RefCell<Session>>;

fn parent() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // A top-level page is its own parent: then nobody is listening.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `report` to the parent window, if there is one.
fn tell_parent(report: &Value) {
    let Some(parent) = parent() else { return };
    if let Ok(message) = js_sys::JSON::parse(&report.to_string()) {
        let _ = parent.post_message(&message, "*");
    }
}

/// Spawns a worker whose every report becomes an [`Action`]; its events also go into
/// `recording`.
fn spawn_worker(
    dispatcher: &UseReducerDispatcher<State>,
    recording: &Rc<RefCell<Recording>>,
) -> Option<WorkerLink> {
    let (to_page, recording) = (dispatcher.clone(), recording.clone());
    WorkerLink::spawn(move |report| {
        if let Ok(Response::Events(batch)) = &report {
            recording.borrow_mut().push(batch.clone());
        }
        to_page.dispatch(match report {
            Ok(response) => Action::Receive(response),
            Err(why) => Action::LinkFailed(why),
        })
    })
    .map_err(|why| dispatcher.dispatch(Action::LinkFailed(why)))
    .ok()
}

/// Starts a run, unless one is in progress.
fn run(session: &SessionRef, dispatcher: &UseReducerDispatcher<State>) {
    let mut session = session.borrow_mut();
    if session.running {
        return;
    }
    let Some(code) = session.editor.as_ref().map(Editor::text) else {
        return;
    };
    let config = RunConfig {
        code,
        procs: session.procs,
        seed: session.seed,
    };
    session.running = true;
    session.reporter.run_started();
    *session.recording.borrow_mut() = Recording::default();
    dispatcher.dispatch(Action::Run);
    if session.link.is_none() {
        session.link = spawn_worker(dispatcher, &session.recording);
    }
    if let Some(link) = &session.link {
        link.send(&Request::Run(config));
    }
}

fn stop(session: &SessionRef, dispatcher: &UseReducerDispatcher<State>) {
    // Dropping the old link terminates its worker mid-slice.
    let mut session = session.borrow_mut();
    session.link = spawn_worker(dispatcher, &session.recording);
    session.running = false;
    dispatcher.dispatch(Action::Stop);
}

/// The full playground's address holding what the embed's editor holds now.
fn full_playground_url(session: &Session) -> Option<String> {
    let location = web_sys::window()?.location();
    let code = session.editor.as_ref()?.text();
    let fragment = share::encode(&Shared {
        code,
        procs: Some(session.procs),
        seed: Some(session.seed),
    });
    Some(format!(
        "{}{}#{fragment}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

#[function_component]
pub fn Embed() -> Html {
    let state = use_reducer(State::default);
    let root = use_node_ref();
    let editor_host = use_node_ref();
    let opened = use_memo((), |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        share::decode(&hash)
    });
    let session: SessionRef = use_mut_ref(|| {
        let shared = opened.as_ref().as_ref().ok().and_then(Option::as_ref);
        Session {
            editor: None,
            link: None,
            procs: shared.and_then(|s| s.procs).unwrap_or(DEFAULT_PROCS),
            seed: shared.and_then(|s| s.seed).unwrap_or(DEFAULT_SEED),
            running: false,
            reporter: Reporter::default(),
            recording: Rc::default(),
        }
    });
    let views_shown = use_state(|| {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|hash| views_open(&hash))
    });
    let selected: UseStateHandle<Option<u64>> = use_state(|| None);

    // Mount the editor, start the worker, listen to the parent and watch the height.
    {
        let (dispatcher, session, opened) = (state.dispatcher(), session.clone(), opened.clone());
        let (editor_host, root) = (editor_host.clone(), root.clone());
        use_effect_with((), move |_| {
            let program = match opened.as_ref() {
                Ok(Some(shared)) => shared.code.clone(),
                Ok(None) => String::new(),
                Err(why) => {
                    dispatcher.dispatch(Action::Notice(format!(
                        "This embed's link is broken: {why}."
                    )));
                    String::new()
                }
            };
            match editor_host
                .cast::<web_sys::Element>()
                .map(|h| crate::csp::mount_editor(&h, &program))
            {
                Some(Ok(editor)) => session.borrow_mut().editor = Some(editor),
                Some(Err(why)) => dispatcher.dispatch(Action::LinkFailed(why)),
                None => dispatcher.dispatch(Action::LinkFailed("no editor element".into())),
            }
            let link = spawn_worker(&dispatcher, &session.borrow().recording);
            session.borrow_mut().link = link;
            let on_message = listen_to_parent(session.clone(), dispatcher);
            let resize = watch_height(session.clone(), root);
            tell_parent(&ready());
            move || {
                if let Some(window) = web_sys::window() {
                    let _ = window.remove_event_listener_with_callback(
                        "message",
                        on_message.as_ref().unchecked_ref(),
                    );
                }
                if let Some((observer, _)) = resize {
                    observer.disconnect();
                }
            }
        });
    }
    // Report what changed after every render.
    {
        let session = session.clone();
        let playground = state.0.clone();
        use_effect(move || {
            let reports = {
                let mut session = session.borrow_mut();
                session.running = playground.is_running();
                session.reporter.changes(&playground)
            };
            reports.iter().for_each(tell_parent);
        });
    }
    {
        let session = session.clone();
        use_effect_with(state.0.diagnostics.clone(), move |diagnostics| {
            if let Some(editor) = session.borrow().editor.as_ref() {
                editor.show_diagnostics(diagnostics);
            }
        });
    }

    let on_run = {
        let (session, dispatcher) = (session.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| run(&session, &dispatcher))
    };
    let on_stop = {
        let (session, dispatcher) = (session.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| stop(&session, &dispatcher))
    };
    // The link is written when pressed (any button, or Enter), so it carries the program
    // as edited.
    let open_full = use_node_ref();
    let on_open_full = {
        let (session, open_full) = (session.clone(), open_full.clone());
        Callback::from(move |_: MouseEvent| {
            let anchor = open_full.cast::<HtmlAnchorElement>();
            if let (Some(anchor), Some(url)) = (anchor, full_playground_url(&session.borrow())) {
                anchor.set_href(&url);
            }
        })
    };
    // Until pressed, the link carries the program the embed opened with.
    let initial_full_url = use_memo((), |_| {
        let session = session.borrow();
        let shared = opened.as_ref().as_ref().ok().and_then(Option::as_ref);
        let fragment = share::encode(&Shared {
            code: shared.map(|s| s.code.clone()).unwrap_or_default(),
            procs: Some(session.procs),
            seed: Some(session.seed),
        });
        format!("./#{fragment}")
    });

    let on_toggle_views = {
        let views_shown = views_shown.clone();
        Callback::from(move |_: MouseEvent| views_shown.set(!*views_shown))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |g: Option<u64>| selected.set(g))
    };
    let recording = session.borrow().recording.clone();
    // The views show the state after the last event; the count bumps with every batch.
    let shown_events = recording.borrow().len();

    let playground = &state.0;
    let running = playground.is_running();
    let status = playground.status.as_str();
    html! {
        <div class="embed" ref={root}>
            <div class="embed-bar">
                <button data-testid="run" onclick={on_run} disabled={running}>{ "Run" }</button>
                <button data-testid="stop" onclick={on_stop} disabled={!running}>{ "Stop" }</button>
                <span class={classes!("status", status)} data-testid="status">{ status }</span>
                <button data-testid="views-toggle" aria-pressed={views_shown.to_string()}
                        onclick={on_toggle_views}>
                    { if *views_shown { "Hide the scheduler" } else { "Show the scheduler" } }
                </button>
                <a class="open-full" data-testid="open-full" href={(*initial_full_url).clone()} ref={open_full}
                   target="_blank" rel="noopener" onmousedown={on_open_full.clone()} onclick={on_open_full}>
                    { "Open in the full playground ↗" }
                </a>
            </div>
            <div class="editor" data-testid="editor" ref={editor_host}></div>
            <pre class="console" data-testid="console">
                { for playground.console.iter().map(|chunk| html! {
                    <span class={source_class(chunk.source)}>{ &chunk.text }</span>
                }) }
            </pre>
            if *views_shown {
                <div class="embed-views">
                    <Views {recording} cursor={shown_events} revision={shown_events as u64}
                           selected={*selected} {on_select} />
                </div>
            }
        </div>
    }
}

/// Listens for the parent's commands; the returned closure is the listener.
fn listen_to_parent(
    session: SessionRef,
    dispatcher: UseReducerDispatcher<State>,
) -> Closure<dyn FnMut(MessageEvent)> {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let from_parent = match (parent(), event.source()) {
            (Some(parent), Some(source)) => js_sys::Object::is(&parent, &source),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let text = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string());
        let command = text
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| Command::parse(&v));
        match command {
            Some(Command::Run) => run(&session, &dispatcher),
            Some(Command::Stop) => stop(&session, &dispatcher),
            Some(Command::SetCode { code, procs, seed }) => {
                let mut session = session.borrow_mut();
                if let Some(editor) = &session.editor {
                    editor.set_text(&code);
                }
                session.procs = procs.unwrap_or(session.procs);
                session.seed = seed.unwrap_or(session.seed);
            }
            None => {}
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    }
    on_message
}

/// Reports the embed's height to the parent whenever its root element resizes (the
/// editor grows as lines are typed, the console as output comes).
fn watch_height(
    session: SessionRef,
    root: NodeRef,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let element = root.cast::<web_sys::Element>()?;
    let measured = element.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if let Some(report) = session.borrow_mut().reporter.height(height) {
            tell_parent(&report);
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, on_resize))
}

/// The CSS class of console text, by who wrote it.
fn source_class(source: Source) -> &'static str {
    match source {
        Source::Program(Stream::Stdout) => "stdout",
        Source::Program(Stream::Stderr) => "stderr",
        Source::Playground => "note",
    }
}
