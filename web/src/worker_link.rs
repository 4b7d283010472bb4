//! The page's end of the worker: spawns it, queues requests until it is ready, decodes
//! its responses, and terminates it when dropped.
//!
//! Invariants:
//! - Requests are posted only after the worker's `Ready`; earlier ones wait in `queue`
//!   in order, so none is lost while the worker's wasm loads.
//! - Dropping the link terminates the worker at once, even mid-slice: that is Stop.

use std::cell::RefCell;
use std::rc::Rc;

use goroscope_protocol::{Request, Response, decode, encode};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker script trunk writes (`data-loader-shim` on the worker's link in index.html):
/// an ES module that loads `worker.js` and its wasm.
const WORKER_URL: &str = "./worker_loader.js";

/// What the link reports: a decoded response, or why the worker cannot be used.
pub type Report = Result<Response, String>;

/// A live worker.
pub struct WorkerLink {
    worker: Worker,
    outbox: Rc<RefCell<Outbox>>,
    report: Rc<dyn Fn(Report)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

/// Requests that wait for the worker's `Ready`.
#[derive(Default)]
struct Outbox {
    ready: bool,
    queue: Vec<String>,
}

impl WorkerLink {
    /// Spawns a worker; `report` receives everything it says, in order.
    pub fn spawn(report: impl Fn(Report) + 'static) -> Result<WorkerLink, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)
            .map_err(|e| format!("cannot start {WORKER_URL}: {e:?}"))?;
        let outbox = Rc::new(RefCell::new(Outbox::default()));
        let report: Rc<dyn Fn(Report)> = Rc::new(report);

        let on_message = {
            let (worker, outbox, report) = (worker.clone(), outbox.clone(), report.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    report(Err("the worker sent a message that is not text".into()));
                    return;
                };
                let response = decode::<Response>(&text).map_err(|e| e.to_string());
                if response == Ok(Response::Ready) {
                    let mut outbox = outbox.borrow_mut();
                    outbox.ready = true;
                    for request in outbox.queue.drain(..) {
                        post(&worker, &request, &*report);
                    }
                }
                report(response);
            })
        };
        let on_error = {
            let report = report.clone();
            // A script that fails to load raises a plain Event; an uncaught exception in
            // the worker raises an ErrorEvent with a message.
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                let why = match event.dyn_ref::<ErrorEvent>() {
                    Some(error) => error.message(),
                    None => "it could not be loaded".to_string(),
                };
                report(Err(format!("{WORKER_URL}: {why}")));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerLink {
            worker,
            outbox,
            report,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends `request` now, or as soon as the worker is ready.
    pub fn send(&self, request: &Request) {
        let text = encode(request);
        let mut outbox = self.outbox.borrow_mut();
        if outbox.ready {
            post(&self.worker, &text, &*self.report);
        } else {
            outbox.queue.push(text);
        }
    }
}

fn post(worker: &Worker, text: &str, report: &dyn Fn(Report)) {
    if let Err(e) = worker.post_message(&JsValue::from_str(text)) {
        report(Err(format!("cannot post to the worker: {e:?}")));
    }
}

impl Drop for WorkerLink {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
