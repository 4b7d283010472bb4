//! `cargo xtask serve`, and the static file server the end-to-end tests use.
//!
//! A small HTTP/1.1 server over `dist/` in plain std: one thread per connection, GET and
//! HEAD only, `Connection: close`. It serves `.wasm` as `application/wasm`, which the
//! browser needs to compile a module while it downloads, and never a file outside `dist/`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::tools::{self, Need};
use crate::{Failure, Result, root, site};

pub const DEFAULT_PORT: u16 = 8080;

/// `cargo xtask serve [--port N]`.
pub fn run(port: u16) -> Result<()> {
    // Bind before building, so that a busy port is reported at once, not after the build.
    let listener = bind(port)?;
    tools::ensure(Need::Site)?;
    site::build()?;
    // `--port 0` asks for any free port: print the one we got.
    let port = listener.local_addr().map_or(port, |address| address.port());
    println!("Goroscope is served at http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    serve(listener, &root().join("dist"));
    Ok(())
}

/// Listens on 127.0.0.1:`port` (0 picks a free port).
pub fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => Failure(format!(
            "port {port} is busy (another `cargo xtask serve`?): stop what uses it, or choose another port with `cargo xtask serve --port N`"
        )),
        _ => Failure(format!("cannot listen on 127.0.0.1:{port}: {e}")),
    })
}

/// Serves the built site (`dist/`) on a free local port for the rest of the process (the
/// server thread ends with it); its address, for the browser tests and the page bench.
pub fn dist_in_background() -> Result<String> {
    let listener = bind(0)?;
    let address = listener
        .local_addr()
        .map_err(|e| Failure(format!("cannot read the local server's address: {e}")))?;
    let dist = root().join("dist");
    std::thread::spawn(move || serve(listener, &dist));
    Ok(format!("http://{address}/"))
}

/// Serves `dir` on `listener` until the process ends.
pub fn serve(listener: TcpListener, dir: &Path) {
    for stream in listener.incoming().flatten() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            // A client that hangs up mid-request is its own problem, not the server's.
            let _ = respond(stream, &dir);
        });
    }
}

fn respond(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // Drain the headers; none of them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let found = resolve(dir, target).and_then(|path| Some((std::fs::read(&path).ok()?, path)));
    let (status, content_type, body) = match (method, found) {
        ("GET" | "HEAD", Some((body, path))) => ("200 OK", content_type(&path), body),
        ("GET" | "HEAD", None) => ("404 Not Found", "text/plain", b"not found\n".to_vec()),
        _ => (
            "405 Method Not Allowed",
            "text/plain",
            b"GET or HEAD only\n".to_vec(),
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The file of `dir` that a request target names, if it is inside `dir` and exists:
/// the query and fragment are ignored, and a directory means its `index.html`.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?.strip_prefix('/')?;
    let relative = Path::new(path);
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dir.join(relative);
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A dist-like directory: index.html, a wasm file, and a secret next to it.
    fn site() -> PathBuf {
        let base = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        let dist = base.join("dist");
        std::fs::create_dir_all(dist.join("snippets")).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dist.join("app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(base.join("secret"), "no").unwrap();
        dist
    }

    fn get(port: u16, target: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn serves_the_index_and_wasm_with_the_right_types() {
        let dist = site();
        let listener = bind(0).unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || serve(listener, &dist));

        let index = get(port, "/?embed");
        assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
        assert!(index.contains("Content-Type: text/html") && index.ends_with("<!doctype html>"));
        let wasm = get(port, "/app_bg.wasm");
        assert!(
            wasm.contains("Content-Type: application/wasm\r\nContent-Length: 4\r\n"),
            "{wasm}"
        );
        assert!(
            get(port, "/snippets/").starts_with("HTTP/1.1 404"),
            "a directory without index"
        );
        assert!(
            get(port, "/../secret").starts_with("HTTP/1.1 404"),
            "outside dist"
        );
        assert!(get(port, "/nope.js").starts_with("HTTP/1.1 404"));
    }

    #[test]
    fn a_busy_port_is_one_line_with_what_to_do() {
        let taken = bind(0).unwrap();
        let port = taken.local_addr().unwrap().port();
        let Failure(why) = bind(port).unwrap_err();
        assert!(
            why.contains(&format!("port {port} is busy")) && why.contains("--port N"),
            "{why}"
        );
        assert!(!why.contains('\n'));
    }
}
