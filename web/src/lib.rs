//! The Yew application: editor, controls, console.
//!
//! [`model`] is the page's state as plain data (actions in, state out) and is tested
//! natively, as are [`examples`] (the gallery compiled in from `examples/`) and [`share`]
//! (share links in the URL fragment), [`drafts`] (what the page opens with, what it keeps
//! in localStorage) and [`embed_api`] (the embed's postMessage messages). The rest adapts
//! it to the browser and is compiled for wasm only: `driver` holds the model and the browser objects acting on it, [`app`] draws the full page, [`editor`] wraps the CodeMirror bundle, and
//! [`worker_link`] owns the Web Worker that runs programs; `embed` is the compact page
//! of `?embed`, and `csp` keeps CodeMirror within the page's Content-Security-Policy.
//!
//! Architecture Invariant: the page never executes a program; it sends a
//! `goroscope_protocol::Request` to the worker and draws the responses.

pub mod drafts;
pub mod embed_api;
pub mod examples;
pub mod model;
pub mod share;
pub mod views;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod csp;
#[cfg(target_arch = "wasm32")]
mod driver;
#[cfg(target_arch = "wasm32")]
pub mod editor;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod worker_link;

/// Mounts the playground into the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    if embed::requested() {
        yew::Renderer::<embed::Embed>::new().render();
    } else {
        yew::Renderer::<app::App>::new().render();
    }
}
