//! Living with the page's Content-Security-Policy (the meta tag in index.html:
//! `style-src 'self'`, so no `<style>` element and no `style="..."` attribute applies).
//!
//! CodeMirror's styles come from style-mod, which writes them into a `<style>` element in
//! `document.head` (refused by the policy) unless the root it styles has no `head`: then
//! it uses a constructable stylesheet in `adoptedStyleSheets`, which the policy allows.
//! style-mod picks once per document, when the first editor mounts, so
//! [`mount_editor`] hides `document.head` for the duration of that call only.
//!
//! Invariant: `document.head` is the real one again when [`mount_editor`] returns.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::editor::Editor;

/// [`Editor::mount`], with CodeMirror's styles in an adopted stylesheet.
pub fn mount_editor(parent: &web_sys::Element, doc: &str) -> Result<Editor, String> {
    let document = web_sys::window().and_then(|w| w.document());
    let head: JsValue = "head".into();
    let hidden = document.as_ref().is_some_and(|document| {
        let descriptor = Object::new();
        let _ = Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE);
        let _ = Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED);
        Reflect::define_property(document, &head, &descriptor).is_ok()
    });
    let mounted = Editor::mount(parent, doc);
    if let (true, Some(document)) = (hidden, &document) {
        // Deleting the own property uncovers `Document.prototype.head` again.
        let _ = Reflect::delete_property(document, &head);
    }
    mounted
}
