//! The `worker` binary trunk builds into `worker.js` + `worker_bg.wasm` (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    goroscope_worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("goroscope's worker runs in a browser: start the page with `cargo xtask serve`");
    std::process::exit(1);
}
