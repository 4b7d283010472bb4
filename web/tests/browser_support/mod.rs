//! What the browser test files share: a fresh element in the page to mount things in.

/// A new `<div>` appended to the page's body.
pub fn host() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("attached");
    host
}
