//! The views drawn in real Chromium (wasm-bindgen-test): `Views` mounted on a recording
//! of a small hand-written run shows the test ids DESIGN.md fixes, with what the
//! trace's snapshot says, follows the cursor, and reports a click on a goroutine.
//! Run: `cargo test -p goroscope-web --target wasm32-unknown-unknown --test browser_views`
//! (CHROMEDRIVER=/usr/bin/chromedriver).
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use goroscope_trace::{Event, EventKind, Queue, Via};
use goroscope_web::views::{Recording, Views, ViewsProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::Callback;

mod browser_support;

use browser_support::host;

wasm_bindgen_test_configure!(run_in_browser);

fn at(t: u64, kind: EventKind) -> Event {
    Event { t, kind }
}

/// Two Ps; main makes a buffered channel, starts G2, sends 7; P1 steals G2 and runs it.
fn run() -> Vec<Event> {
    vec![
        at(
            0,
            EventKind::ProcResize {
                procs: 2,
                gs: vec![],
            },
        ),
        at(0, EventKind::ProcStart { p: 0, m: 0 }),
        at(
            0,
            EventKind::GoCreate {
                g: 1,
                parent: None,
                p: 0,
                func: Some("main.main".into()),
                line: None,
                queue: Queue::Runnext,
            },
        ),
        at(1, EventKind::GoStart { p: 0, g: 1 }),
        at(
            2,
            EventKind::ChanMake {
                ch: 0,
                cap: 2,
                elem: Some("int".into()),
                label: None,
                line: Some(5),
            },
        ),
        at(
            3,
            EventKind::GoCreate {
                g: 2,
                parent: Some(1),
                p: 0,
                func: Some("main.worker".into()),
                line: Some(6),
                queue: Queue::Runnext,
            },
        ),
        at(
            4,
            EventKind::ChanSend {
                ch: 0,
                g: 1,
                value: "7".into(),
                via: Via::Buffer,
                peer: None,
            },
        ),
        at(5, EventKind::ProcStart { p: 1, m: 1 }),
        at(
            6,
            EventKind::Steal {
                from: 0,
                to: 1,
                gs: vec![2],
            },
        ),
        at(7, EventKind::GoStart { p: 1, g: 2 }),
    ]
}

fn by_id(host: &web_sys::Element, id: &str) -> web_sys::Element {
    host.query_selector(&format!("[data-testid=\"{id}\"]"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{id} is drawn"))
}

fn text(host: &web_sys::Element, id: &str) -> String {
    by_id(host, id).text_content().unwrap_or_default()
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen_test]
async fn the_views_show_the_snapshot_at_the_cursor_and_report_clicks() {
    let host = host();
    let mut recording = Recording::default();
    recording.push(run());
    let recording = Rc::new(RefCell::new(recording));
    let picked = Rc::new(Cell::new(None));
    let on_select = {
        let picked = picked.clone();
        Callback::from(move |g: Option<u64>| picked.set(g))
    };
    let props = |cursor: usize| ViewsProps {
        recording: recording.clone(),
        cursor,
        revision: 1,
        selected: None,
        on_select: on_select.clone(),
    };
    let mut app = yew::Renderer::<Views>::with_root_and_props(host.clone(), props(9)).render();
    settle().await;

    // After the steal: G2 waits on P1's... runnext-to-be; P0 runs main; the buffer holds 7.
    for id in [
        "proc-0",
        "proc-1",
        "grq",
        "goroutine-1",
        "goroutine-2",
        "chan-0",
        "timeline",
    ] {
        by_id(&host, id);
    }
    assert!(
        text(&host, "proc-0").contains("G1"),
        "P0 runs main: {}",
        text(&host, "proc-0")
    );
    let chan = text(&host, "chan-0");
    assert!(
        chan.contains("chan int [2] (line 5)") && chan.contains('7') && chan.contains("1/2"),
        "{chan}"
    );
    let caption = host
        .query_selector(".happened")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(caption.contains("P1 stole G2 from P0"), "{caption}");

    // The cursor moves on: G2 runs on P1.
    app.update(props(10));
    settle().await;
    let p1 = by_id(&host, "proc-1");
    let running = p1
        .query_selector(".running [data-testid=\"goroutine-2\"]")
        .unwrap();
    assert!(
        running.is_some(),
        "G2 runs on P1: {}",
        text(&host, "proc-1")
    );
    assert!(
        host.query_selector(".timeline rect.bar").unwrap().is_some(),
        "a run is drawn"
    );

    // Zoom in by the button's accessible name: the window shown halves.
    let span = || {
        host.query_selector(".timeline-span")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let before = span();
    host.query_selector("button[aria-label=\"Zoom in\"]")
        .unwrap()
        .expect("a Zoom in button")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert_ne!(span(), before, "zooming changes the window");

    by_id(&host, "goroutine-2")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(picked.get(), Some(2));
    app.destroy();
}
