//! The browser side of the worker: feeds page messages to the [`Session`] and runs its
//! slices on the worker's event loop.
//!
//! Slices are scheduled through a `MessageChannel` rather than `setTimeout(0)`: browsers
//! clamp nested timeouts to 4 ms, which would idle the worker between machine slices,
//! while a channel message runs as soon as the event loop is free. Either way the page's
//! messages are read between two slices.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{Response, encode};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

use crate::Session;

/// Installs the message handlers, warms the machine up and announces `Ready`. Called once, when the worker's
/// wasm has loaded. The handlers live as long as the worker (until the page terminates
/// it), hence `Closure::forget`.
pub fn start() {
    report_panics();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |responses: Vec<Response>| {
            for response in &responses {
                // Posting a string to our own page cannot fail short of the worker being
                // terminated, and then there is no one left to tell.
                let _ = scope.post_message(&JsValue::from_str(&encode(response)));
            }
        }
    };
    let Ok(ticks) = MessageChannel::new() else {
        post(vec![Response::Fault(
            "the worker cannot create a MessageChannel".into(),
        )]);
        return;
    };
    let session = Rc::new(RefCell::new(Session::new()));
    let next_slice = {
        let port = ticks.port2();
        move || {
            let _ = port.post_message(&JsValue::NULL);
        }
    };

    let on_tick = {
        let (session, post, next_slice) = (session.clone(), post.clone(), next_slice.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
            let responses = session.borrow_mut().slice();
            post(responses);
            if session.borrow().is_busy() {
                next_slice();
            }
        })
    };
    ticks
        .port1()
        .set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
    on_tick.forget();

    let on_request = {
        let post = post.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let was_busy = session.borrow().is_busy();
            let responses = session.borrow_mut().receive(&text);
            post(responses);
            if !was_busy && session.borrow().is_busy() {
                next_slice();
            }
        })
    };
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    on_request.forget();

    // Ready means ready to answer fast: the browser has compiled what a run needs.
    crate::warm_up::run();
    post(vec![Response::Ready]);
}

/// A Rust panic is a Goroscope bug: tell the page in words (`Response::Fault`) before the
/// wasm instance aborts, so it can say "internal error" and restart the worker instead of
/// waiting forever on a dead one.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let fault = Response::Fault(format!("internal error: {info}"));
        let _ = scope.post_message(&JsValue::from_str(&encode(&fault)));
    }));
}
