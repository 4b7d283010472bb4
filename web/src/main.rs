//! The `app` binary trunk builds into the page (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    goroscope_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("goroscope's page runs in a browser: start it with `cargo xtask serve`");
    std::process::exit(1);
}
