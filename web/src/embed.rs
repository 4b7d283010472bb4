//! The embedded playground (`?embed`): editor, Run/Stop, status, console, a toggle for
//! the views and a link to the full playground, compact enough for a 700×450 iframe in
//! a tutorial page. It runs programs like the full page (the same model, worker link,
//! editor, views and share format), keeps no draft, and speaks the postMessage API of
//! `embed_api` with its parent.
//!
//! The page's engine is the full playground's [`Driver`]; the embed only draws less of it.
//! The views follow the run live (the model's default speed; no scrubbing or stepping
//! controls: that is the full playground's job).
//!
//! Origin policy: a tutorial may live on any origin, so the embed does not check
//! origins; it checks the sender instead. It accepts commands only from its parent
//! window (`event.source === window.parent`, never itself), and posts reports only to
//! its parent (target origin `*`: the reports carry the program's output, which the
//! parent supplied or its reader typed). Messages of any other shape are ignored.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlAnchorElement, MessageEvent, Window};
use yew::prelude::*;

use crate::drafts::Draft;
use crate::driver::{Driver, every_frame, on_click, source_class, use_underlined_diagnostics};
use crate::embed_api::{Command, Reporter, ready, views_open};
use crate::model::Action;
use crate::share;
use crate::views::Views;

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

/// What the embed's handlers share beside the driver: what the parent was told.
type ReporterRef = Rc<RefCell<Reporter>>;

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

/// Starts a run unless one is in progress (a host's `run` command during a run is
/// ignored, as the disabled Run button is).
fn run(driver: &Rc<Driver>, reporter: &ReporterRef) {
    if driver.page.borrow().is_running() {
        return;
    }
    reporter.borrow_mut().run_started();
    driver.run();
}

/// The full playground's address holding what the embed's editor holds now.
fn full_playground_url(driver: &Driver) -> Option<String> {
    let location = web_sys::window()?.location();
    let fragment = driver.draft()?.share_fragment();
    Some(format!(
        "{}{}#{fragment}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

#[function_component]
pub fn Embed() -> Html {
    let root = use_node_ref();
    let editor_host = use_node_ref();
    let opened = use_memo((), |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        share::decode(&hash)
    });
    let driver = {
        let shared = opened.as_ref().as_ref().ok().and_then(Option::as_ref);
        let procs = shared.and_then(|s| s.procs).unwrap_or(DEFAULT_PROCS);
        let seed = shared.and_then(|s| s.seed).unwrap_or(DEFAULT_SEED);
        (*use_memo((), move |_| Rc::new(Driver::new(procs, seed)))).clone()
    };
    let reporter: ReporterRef = use_mut_ref(Reporter::default);
    let redraw = use_force_update();
    let views_shown = use_state(|| {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|hash| views_open(&hash))
    });

    // Mount the editor, start the worker, listen to the parent and watch the height.
    {
        let (driver, reporter, opened) = (driver.clone(), reporter.clone(), opened.clone());
        let (editor_host, root, redraw) = (editor_host.clone(), root.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let program = match opened.as_ref() {
                Ok(Some(shared)) => shared.code.clone(),
                Ok(None) => String::new(),
                Err(why) => {
                    driver.dispatch(Action::Notice(format!(
                        "This embed's link is broken: {why}."
                    )));
                    String::new()
                }
            };
            match editor_host
                .cast::<web_sys::Element>()
                .map(|h| crate::csp::mount_editor(&h, &program))
            {
                Some(Ok(editor)) => *driver.editor.borrow_mut() = Some(editor),
                Some(Err(why)) => driver.dispatch(Action::Notice(why)),
                None => driver.dispatch(Action::Notice(
                    "The editor has no element to live in.".into(),
                )),
            }
            driver.spawn();
            let on_message = listen_to_parent(driver.clone(), reporter.clone());
            let resize = watch_height(reporter.clone(), root);
            tell_parent(&ready());
            {
                let driver = driver.clone();
                every_frame(move |now| driver.frame(now, &redraw));
            }
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
        let (driver, reporter) = (driver.clone(), reporter.clone());
        use_effect(move || {
            let reports = reporter.borrow_mut().changes(&driver.page.borrow());
            reports.iter().for_each(tell_parent);
        });
    }
    use_underlined_diagnostics(&driver);

    let on_run = {
        let (driver, reporter) = (driver.clone(), reporter.clone());
        Callback::from(move |_: MouseEvent| run(&driver, &reporter))
    };
    // The link is written when pressed (any button, or Enter), so it carries the program
    // as edited.
    let open_full = use_node_ref();
    let on_open_full = {
        let (driver, open_full) = (driver.clone(), open_full.clone());
        Callback::from(move |_: MouseEvent| {
            let anchor = open_full.cast::<HtmlAnchorElement>();
            if let (Some(anchor), Some(url)) = (anchor, full_playground_url(&driver)) {
                anchor.set_href(&url);
            }
        })
    };
    // Until pressed, the link carries the program the embed opened with.
    let initial_full_url = use_memo((), |_| {
        let page = driver.page.borrow();
        let shared = opened.as_ref().as_ref().ok().and_then(Option::as_ref);
        let opening = Draft {
            code: shared.map(|s| s.code.clone()).unwrap_or_default(),
            procs: page.procs,
            seed: page.seed,
        };
        format!("./#{}", opening.share_fragment())
    });

    let on_toggle_views = {
        let views_shown = views_shown.clone();
        Callback::from(move |_: MouseEvent| views_shown.set(!*views_shown))
    };
    // One callback for the page's life: the views compare it by identity.
    let on_select = {
        let driver = driver.clone();
        use_callback((), move |g: Option<u64>, _| {
            driver.dispatch(Action::Select(g))
        })
    };

    let playground = driver.page.borrow();
    let running = playground.is_running();
    let status = playground.status().as_str();
    html! {
        <div class="embed" ref={root}>
            <div class="embed-bar">
                <button data-testid="run" onclick={on_run} disabled={running}>{ "Run" }</button>
                <button data-testid="stop" onclick={on_click(&driver, Action::Stop)} disabled={!running}>{ "Stop" }</button>
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
                    <Views recording={playground.recording.clone()} cursor={playground.cursor}
                           revision={playground.revision} selected={playground.selected} {on_select} />
                </div>
            }
        </div>
    }
}

/// Listens for the parent's commands; the returned closure is the listener.
fn listen_to_parent(driver: Rc<Driver>, reporter: ReporterRef) -> Closure<dyn FnMut(MessageEvent)> {
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
            Some(Command::Run) => run(&driver, &reporter),
            Some(Command::Stop) => driver.dispatch(Action::Stop),
            Some(Command::SetCode { code, procs, seed }) => {
                if let Some(editor) = driver.editor.borrow().as_ref() {
                    editor.set_text(&code);
                }
                if let Some(procs) = procs {
                    driver.dispatch(Action::Procs(procs));
                }
                if let Some(seed) = seed {
                    driver.dispatch(Action::Seed(seed));
                }
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
    reporter: ReporterRef,
    root: NodeRef,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let element = root.cast::<web_sys::Element>()?;
    let measured = element.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        let report = reporter.borrow_mut().height(height);
        if let Some(report) = report {
            tell_parent(&report);
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some((observer, on_resize))
}
