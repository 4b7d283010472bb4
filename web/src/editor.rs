//! The CodeMirror editor, through the bundle esbuild builds from `js/editor.js`.
//!
//! The bundle is generated (`cargo xtask` writes `web/js/editor.bundle.js` before every
//! build), so this module is the only Rust that knows its JavaScript names.

use goroscope_protocol::Diagnostic;

use crate::model::LineMark;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/editor.bundle.js")]
extern "C" {
    #[wasm_bindgen(js_name = createEditor, catch)]
    fn create_editor(parent: &web_sys::Element, doc: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = editorText)]
    fn editor_text(view: &JsValue) -> String;
    #[wasm_bindgen(js_name = setText)]
    fn set_text(view: &JsValue, doc: &str);
    #[wasm_bindgen(js_name = showDiagnostics)]
    fn show_diagnostics(view: &JsValue, diagnostics: js_sys::Array);
    #[wasm_bindgen(js_name = showGoroutines)]
    fn show_goroutines(view: &JsValue, marks: js_sys::Array);
}

/// The bubbling event the editor's element fires after every change of the text, however
/// it was made (typing, paste, drop, undo, [`Editor::set_text`]).
pub const EDIT_EVENT: &str = "goroscope-edit";

/// Sets `key` on a plain object (which cannot fail on a fresh object).
fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// A mounted editor. Dropping it leaves the DOM as it is.
pub struct Editor {
    view: JsValue,
}

impl Editor {
    /// Mounts an editor holding `doc` as the only child of `parent`.
    pub fn mount(parent: &web_sys::Element, doc: &str) -> Result<Editor, String> {
        create_editor(parent, doc)
            .map(|view| Editor { view })
            .map_err(|e| format!("the editor failed to start: {e:?}"))
    }

    /// The program text.
    pub fn text(&self) -> String {
        editor_text(&self.view)
    }

    /// Replaces the program text.
    pub fn set_text(&self, doc: &str) {
        set_text(&self.view, doc);
    }

    /// Underlines `diagnostics` (replacing earlier underlines; an empty slice clears them).
    pub fn show_diagnostics(&self, diagnostics: &[Diagnostic]) {
        let marks = js_sys::Array::new();
        for d in diagnostics {
            let mark = js_sys::Object::new();
            set(&mark, "from", &d.start.into());
            set(&mark, "to", &d.end.into());
            set(&mark, "message", &d.message.as_str().into());
            marks.push(&mark);
        }
        show_diagnostics(&self.view, marks);
    }

    /// Marks the lines goroutines are at in the gutter (replacing earlier marks).
    pub fn show_goroutines(&self, marks: &[LineMark]) {
        let array = js_sys::Array::new();
        for m in marks {
            let mark = js_sys::Object::new();
            set(&mark, "line", &m.line.into());
            set(&mark, "label", &m.label().into());
            set(&mark, "selected", &m.selected.into());
            // One copy into JS, not a call per goroutine (1,000 goroutines share a line).
            let ids: Vec<f64> = m.goroutines.iter().map(|&g| g as f64).collect();
            let ids = js_sys::Float64Array::from(ids.as_slice());
            set(&mark, "goroutines", &ids);
            array.push(&mark);
        }
        show_goroutines(&self.view, array);
    }
}
