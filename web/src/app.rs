//! The Yew components: renders [`Playground`] and turns button presses into requests to
//! the worker. All state changes go through [`Playground::apply`]; this module only
//! performs the side effects (editor, worker) that the model cannot.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{MAX_PROCS, Request, RunConfig, Stream};
use wasm_bindgen::{JsValue, closure::Closure};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::drafts::{Draft, browser::Keeper};
use crate::editor::Editor;
use crate::examples::{self, Example};
use crate::model::{Action, Playground, Source};
use crate::share::{self, Shared};
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

/// The seed every run uses until the page has a seed control (or a share link sets it).
const DEFAULT_SEED: u64 = 1;

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

/// [`Playground`] as Yew state.
#[derive(Clone, Default, PartialEq)]
struct Page(Playground);

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Page(mut page) = Rc::unwrap_or_clone(self);
        page.apply(action);
        Rc::new(Page(page))
    }
}

/// The worker currently in use; `None` only after a failed spawn.
type Link = Rc<RefCell<Option<WorkerLink>>>;

/// Spawns a worker whose every report becomes an [`Action`].
fn spawn_worker(dispatcher: &UseReducerDispatcher<Page>) -> Option<WorkerLink> {
    let to_page = dispatcher.clone();
    let spawned = WorkerLink::spawn(move |report| {
        to_page.dispatch(match report {
            Ok(response) => Action::Receive(response),
            Err(why) => Action::LinkFailed(why),
        })
    });
    spawned
        .map_err(|why| dispatcher.dispatch(Action::LinkFailed(why)))
        .ok()
}

/// Starts a run: the model goes to `running`, then the worker gets `request`.
fn start(dispatcher: &UseReducerDispatcher<Page>, link: &Link, request: Request) {
    dispatcher.dispatch(Action::Run);
    let mut link = link.borrow_mut();
    if link.is_none() {
        *link = spawn_worker(dispatcher);
    }
    if let Some(link) = link.as_ref() {
        link.send(&request);
    }
}

#[function_component]
pub fn App() -> Html {
    let page = use_reducer(Page::default);
    let editor_host = use_node_ref();
    let editor: Rc<RefCell<Option<Editor>>> = use_mut_ref(|| None);
    let link: Link = use_mut_ref(|| None);
    // Drafts (share): the page opens the address's link or the saved draft (drafts.rs);
    // the keeper autosaves and serves the previous-draft button.
    let opening = use_memo((), |_| {
        crate::drafts::browser::opening(Draft {
            code: HELLO.into(),
            procs: DEFAULT_PROCS,
            seed: DEFAULT_SEED,
        })
    });
    let keeper: Rc<RefCell<Option<Keeper>>> = use_mut_ref(|| None);
    let previous_label: UseStateHandle<Option<&'static str>> = use_state(|| None);
    let procs_select = use_node_ref();
    let initial_procs = opening.drafts.current.procs;
    let procs = use_mut_ref(|| initial_procs);
    let seed = use_mut_ref(|| opening.drafts.current.seed);
    let gallery = use_memo((), |_| examples::gallery());
    let chosen: UseStateHandle<Option<Example<'static>>> = use_state(|| None);
    let share_url: UseStateHandle<Option<String>> = use_state(|| None);

    {
        let (dispatcher, editor_host) = (page.dispatcher(), editor_host.clone());
        let (editor, link) = (editor.clone(), link.clone());
        let (opening, gallery) = (opening.clone(), gallery.clone());
        let (keeper, previous_label, procs, seed) = (
            keeper.clone(),
            previous_label.clone(),
            procs.clone(),
            seed.clone(),
        );
        use_effect_with((), move |_| {
            let program = opening.drafts.current.code.as_str();
            if let Some(notice) = &opening.notice {
                dispatcher.dispatch(Action::Notice(notice.clone()));
            }
            if let Err(why) = gallery.as_ref() {
                dispatcher.dispatch(Action::Notice(format!("The examples menu is empty: {why}")));
            }
            match editor_host
                .cast::<web_sys::Element>()
                .map(|host| crate::csp::mount_editor(&host, program))
            {
                Some(Ok(mounted)) => *editor.borrow_mut() = Some(mounted),
                Some(Err(why)) => dispatcher.dispatch(Action::LinkFailed(why)),
                None => dispatcher.dispatch(Action::LinkFailed("no editor element".into())),
            }
            if let Some(host) = editor_host.cast::<web_sys::Element>() {
                let editor = editor.clone();
                let kept = Keeper::start(&opening, &host, move || {
                    let code = editor.borrow().as_ref()?.text();
                    Some(Draft {
                        code,
                        procs: *procs.borrow(),
                        seed: *seed.borrow(),
                    })
                });
                previous_label.set(kept.previous_label());
                *keeper.borrow_mut() = Some(kept);
            }
            *link.borrow_mut() = spawn_worker(&dispatcher);
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(page.0.diagnostics.clone(), move |diagnostics| {
            if let Some(editor) = editor.borrow().as_ref() {
                editor.show_diagnostics(diagnostics);
            }
        });
    }

    let on_run = {
        let (dispatcher, link, editor, procs, seed) = (
            page.dispatcher(),
            link.clone(),
            editor.clone(),
            procs.clone(),
            seed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(code) = editor.borrow().as_ref().map(Editor::text) else {
                return;
            };
            let config = RunConfig {
                code,
                procs: *procs.borrow(),
                seed: *seed.borrow(),
            };
            start(&dispatcher, &link, Request::Run(config));
        })
    };
    let on_stop = {
        let (dispatcher, link) = (page.dispatcher(), link.clone());
        Callback::from(move |_: MouseEvent| {
            // Dropping the old link terminates its worker mid-slice; the fresh one is
            // loading while the page already shows idle.
            let fresh = spawn_worker(&dispatcher);
            *link.borrow_mut() = fresh;
            dispatcher.dispatch(Action::Stop);
        })
    };
    let on_procs = {
        let (procs, keeper) = (procs.clone(), keeper.clone());
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value());
            if let Some(n) = chosen.and_then(|v| v.parse().ok()) {
                *procs.borrow_mut() = n;
            }
            if let Some(keeper) = keeper.borrow().as_ref() {
                keeper.save_soon();
            }
        })
    };
    let on_previous_draft = {
        let (editor, keeper, procs, seed) =
            (editor.clone(), keeper.clone(), procs.clone(), seed.clone());
        let (procs_select, previous_label) = (procs_select.clone(), previous_label.clone());
        Callback::from(move |_: MouseEvent| {
            let keeper = keeper.borrow();
            let Some(draft) = keeper.as_ref().and_then(Keeper::swap) else {
                return;
            };
            if let Some(editor) = editor.borrow().as_ref() {
                editor.set_text(&draft.code);
            }
            (*procs.borrow_mut(), *seed.borrow_mut()) = (draft.procs, draft.seed);
            if let Some(select) = procs_select.cast::<HtmlSelectElement>() {
                select.set_value(&draft.procs.to_string());
            }
            previous_label.set(keeper.as_ref().and_then(Keeper::previous_label));
        })
    };

    let on_example = {
        let (editor, gallery, chosen, keeper) = (
            editor.clone(),
            gallery.clone(),
            chosen.clone(),
            keeper.clone(),
        );
        Callback::from(move |event: Event| {
            let name = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value());
            let Some(example) = name.and_then(|name| {
                gallery
                    .as_ref()
                    .as_ref()
                    .ok()
                    .and_then(|g| g.iter().find(|e| e.name == name).copied())
            }) else {
                return;
            };
            if let Some(editor) = editor.borrow().as_ref() {
                editor.set_text(example.program);
            }
            if let Some(keeper) = keeper.borrow().as_ref() {
                keeper.save_soon();
            }
            chosen.set(Some(example));
        })
    };
    let on_share = {
        let (editor, procs, seed, share_url, keeper) = (
            editor.clone(),
            procs.clone(),
            seed.clone(),
            share_url.clone(),
            keeper.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(code) = editor.borrow().as_ref().map(Editor::text) else {
                return;
            };
            let fragment = share::encode(&Shared {
                code,
                procs: Some(*procs.borrow()),
                seed: Some(*seed.borrow()),
            });
            if let Some(keeper) = keeper.borrow().as_ref() {
                keeper.published(&fragment);
            }
            share_url.set(publish_link(&fragment));
        })
    };

    let playground = &page.0;
    let running = playground.is_running();
    let status = playground.status.as_str();
    html! {
        <div class="playground">
            <header>
                <h1>{ "Goroscope" }</h1>
                <button data-testid="run" onclick={on_run} disabled={running}>{ "Run" }</button>
                <button data-testid="stop" onclick={on_stop} disabled={!running}>{ "Stop" }</button>
                <label>
                    { "GOMAXPROCS " }
                    <select data-testid="procs" onchange={on_procs} ref={procs_select}>
                        { for (1..=MAX_PROCS).map(|n| html! {
                            <option value={n.to_string()} selected={n == initial_procs}>{ n }</option>
                        }) }
                    </select>
                </label>
                <span class={classes!("status", status)} data-testid="status">{ status }</span>
                <button data-testid="share" onclick={on_share}>{ "Share" }</button>
                if let Some(label) = *previous_label {
                    <button data-testid="previous-draft" onclick={on_previous_draft}>{ label }</button>
                }
                if let Some(url) = share_url.as_ref() {
                    <input class="share-url" data-testid="share-url" readonly=true value={url.clone()} />
                }
            </header>
            <nav class="examples">
                <select data-testid="examples" onchange={on_example}>
                    <option value="" disabled=true selected={chosen.is_none()}>{ "Examples…" }</option>
                    { for gallery.as_ref().iter().flatten().map(|e| html! {
                        <option value={e.name} selected={chosen.is_some_and(|c| c.name == e.name)}>{ e.title }</option>
                    }) }
                </select>
                <span class="teaches" data-testid="example-teaches">
                    { chosen.map(|e| e.teaches).unwrap_or_default() }
                </span>
            </nav>
            <main>
                <div class="editor" data-testid="editor" ref={editor_host}></div>
                <pre class="console" data-testid="console">
                    { for playground.console.iter().map(|chunk| html! {
                        <span class={source_class(chunk.source)}>{ &chunk.text }</span>
                    }) }
                </pre>
            </main>
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
