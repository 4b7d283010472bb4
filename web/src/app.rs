//! The full playground page: header controls, editor, console and the views, drawn from
//! the [`Driver`]'s model; its buttons, keys and settings become [`Action`]s. The
//! draft is kept by `drafts`, the share link made by `share`.

use std::rc::Rc;

use goroscope_protocol::MAX_PROCS;
use wasm_bindgen::{JsValue, closure::Closure};
use yew::prelude::*;

use crate::drafts::{Draft, browser::Keeper};
use crate::driver::{
    Driver, SHORTCUTS, control_value, every_frame, listen_to_keys, on_click, on_setting, on_value,
    source_class, use_underlined_diagnostics,
};
use crate::examples::{self, Example};
use crate::model::{self, Action, LIVE, SPEEDS};
use crate::views::Views;

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

#[function_component]
pub fn App() -> Html {
    // The page opens the address's share link or the saved draft (`drafts`).
    let opening = use_memo((), |_| {
        crate::drafts::browser::opening(Draft {
            code: HELLO.into(),
            procs: DEFAULT_PROCS,
            seed: DEFAULT_SEED,
        })
    });
    let (initial_procs, initial_seed) = (opening.drafts.current.procs, opening.drafts.current.seed);
    let previous_label: UseStateHandle<Option<&'static str>> = use_state(|| None);
    let driver = use_memo((), move |_| {
        Rc::new(Driver::new(initial_procs, initial_seed))
    });
    let driver: Rc<Driver> = (*driver).clone();
    let redraw = use_force_update();
    let editor_host = use_node_ref();
    let gallery = use_memo((), |_| examples::gallery());
    let chosen: UseStateHandle<Option<Example<'static>>> = use_state(|| None);
    let share_url: UseStateHandle<Option<String>> = use_state(|| None);

    {
        let (driver, editor_host, redraw) = (driver.clone(), editor_host.clone(), redraw.clone());
        let (opening, gallery, previous_label) =
            (opening.clone(), gallery.clone(), previous_label.clone());
        use_effect_with((), move |_| {
            let program = opening.drafts.current.code.as_str();
            if let Some(notice) = &opening.notice {
                driver.dispatch(Action::Notice(notice.clone()));
            }
            if let Err(why) = gallery.as_ref() {
                driver.dispatch(Action::Notice(format!("The examples menu is empty: {why}")));
            }
            match editor_host
                .cast::<web_sys::Element>()
                .map(|host| crate::csp::mount_editor(&host, program))
            {
                Some(Ok(mounted)) => *driver.editor.borrow_mut() = Some(mounted),
                Some(Err(why)) => driver.dispatch(Action::Notice(why)),
                None => driver.dispatch(Action::Notice(
                    "The editor has no element to live in.".into(),
                )),
            }
            if let Some(host) = editor_host.cast::<web_sys::Element>() {
                let reader = Rc::downgrade(&driver);
                let kept = Keeper::start(&opening, &host, move || reader.upgrade()?.draft());
                previous_label.set(kept.previous_label());
                *driver.keeper.borrow_mut() = Some(kept);
            }
            driver.spawn();
            let keys = driver.clone();
            listen_to_keys(move |event| keys.key(event));
            every_frame(move |now| driver.frame(now, &redraw));
        });
    }
    use_underlined_diagnostics(&driver);

    let on_run = {
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| driver.run())
    };
    // One callback for the page's life: the views compare it by identity.
    let on_select = {
        let driver = driver.clone();
        use_callback((), move |g: Option<u64>, _| {
            driver.dispatch(Action::Select(g))
        })
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
            driver.save_soon();
            chosen.set(Some(example));
        })
    };
    let on_share = {
        let (driver, share_url) = (driver.clone(), share_url.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(fragment) = driver.draft().map(|d| d.share_fragment()) else {
                return;
            };
            if let Some(keeper) = driver.keeper.borrow().as_ref() {
                keeper.published(&fragment);
            }
            share_url.set(publish_link(&fragment));
        })
    };
    let on_previous_draft = {
        let (driver, previous_label) = (driver.clone(), previous_label.clone());
        Callback::from(move |_: MouseEvent| {
            let swapped = driver.keeper.borrow().as_ref().and_then(Keeper::swap);
            let Some(draft) = swapped else { return };
            if let Some(editor) = driver.editor.borrow().as_ref() {
                editor.set_text(&draft.code);
            }
            driver.dispatch(Action::Procs(draft.procs));
            driver.dispatch(Action::Seed(draft.seed));
            previous_label.set(
                driver
                    .keeper
                    .borrow()
                    .as_ref()
                    .and_then(Keeper::previous_label),
            );
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
                        <select data-testid="procs" onchange={on_setting(&driver, Action::Procs)}>
                            { for (1..=MAX_PROCS).map(|n| html! {
                                <option value={n.to_string()} selected={n == page.procs}>{ n }</option>
                            }) }
                        </select>
                    </label>
                    <label>
                        { "Seed " }
                        <input class="seed" data-testid="seed" type="number" min="0" step="1"
                            value={page.seed.to_string()} onchange={on_setting(&driver, Action::Seed)} />
                    </label>
                </div>
                <span class={classes!("status", status)} data-testid="status" role="status">{ status }</span>
                <button data-testid="share" onclick={on_share}>{ "Share" }</button>
                if let Some(label) = *previous_label {
                    <button data-testid="previous-draft" onclick={on_previous_draft}>{ label }</button>
                }
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
