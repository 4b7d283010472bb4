//! The Yew components: renders [`Playground`] and turns button presses into requests to
//! the worker. All state changes go through [`Playground::apply`]; this module only
//! performs the side effects (editor, worker) that the model cannot.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{MAX_PROCS, Request, RunConfig, Stream};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::editor::Editor;
use crate::model::{Action, Playground, Source};
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

/// The seed every run uses until the page has a seed control.
const DEFAULT_SEED: u64 = 1;

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
    let procs = use_mut_ref(|| DEFAULT_PROCS);

    {
        let (dispatcher, editor_host) = (page.dispatcher(), editor_host.clone());
        let (editor, link) = (editor.clone(), link.clone());
        use_effect_with((), move |_| {
            match editor_host
                .cast::<web_sys::Element>()
                .map(|host| Editor::mount(&host, HELLO))
            {
                Some(Ok(mounted)) => *editor.borrow_mut() = Some(mounted),
                Some(Err(why)) => dispatcher.dispatch(Action::LinkFailed(why)),
                None => dispatcher.dispatch(Action::LinkFailed("no editor element".into())),
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
        let (dispatcher, link, editor, procs) = (
            page.dispatcher(),
            link.clone(),
            editor.clone(),
            procs.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(code) = editor.borrow().as_ref().map(Editor::text) else {
                return;
            };
            let config = RunConfig {
                code,
                procs: *procs.borrow(),
                seed: DEFAULT_SEED,
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
        let procs = procs.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value());
            if let Some(n) = chosen.and_then(|v| v.parse().ok()) {
                *procs.borrow_mut() = n;
            }
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
                    <select data-testid="procs" onchange={on_procs}>
                        { for (1..=MAX_PROCS).map(|n| html! {
                            <option value={n.to_string()} selected={n == DEFAULT_PROCS}>{ n }</option>
                        }) }
                    </select>
                </label>
                <span class={classes!("status", status)} data-testid="status">{ status }</span>
            </header>
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
