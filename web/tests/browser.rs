//! The editor bundle in real Chromium (wasm-bindgen-test, run by `cargo xtask test`):
//! CodeMirror mounts, hands its text back, and underlines diagnostics.
#![cfg(target_arch = "wasm32")]

use goroscope_protocol::Diagnostic;
use goroscope_web::editor::Editor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod browser_support;

use browser_support::host;

wasm_bindgen_test_configure!(run_in_browser);

const PROGRAM: &str = "package main\n\nfunc main() {\n\tprintln(\"héllo\")\n}\n";

#[wasm_bindgen_test]
fn the_editor_shows_and_returns_the_program() {
    let host = host();
    let editor = Editor::mount(&host, PROGRAM).expect("mounted");
    assert_eq!(editor.text(), PROGRAM);
    let lines = host.query_selector_all(".cm-line").expect("query");
    assert_eq!(
        lines.length(),
        6,
        "one .cm-line per line, the empty last one included"
    );
    let gutters = host.query_selector(".cm-lineNumbers").expect("query");
    assert!(gutters.is_some(), "line numbers are shown");
}

#[wasm_bindgen_test]
fn diagnostics_are_underlined_at_their_byte_range() {
    let host = host();
    let editor = Editor::mount(&host, PROGRAM).expect("mounted");
    // "héllo" holds a two-byte character: the range is in bytes, CodeMirror's in UTF-16.
    let start = PROGRAM.find("héllo").expect("in program") as u32;
    let end = start + "héllo".len() as u32;
    let d = Diagnostic {
        line: 4,
        col: 10,
        start,
        end,
        message: "boom".into(),
    };
    editor.show_diagnostics(&[d]);
    let marks = host
        .query_selector_all(".cm-lintRange-error")
        .expect("query");
    assert_eq!(marks.length(), 1);
    let mark = marks
        .get(0)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("an element");
    assert_eq!(mark.text_content().as_deref(), Some("héllo"));

    editor.show_diagnostics(&[]);
    assert_eq!(
        host.query_selector_all(".cm-lintRange-error")
            .expect("query")
            .length(),
        0
    );
}

#[wasm_bindgen_test]
fn the_gutter_names_the_goroutines_at_each_line_and_marks_the_selected_one() {
    use goroscope_web::model::LineMark;
    let host = host();
    let editor = Editor::mount(&host, PROGRAM).expect("mounted");
    editor.show_goroutines(&[
        LineMark { line: 3, goroutines: vec![1], selected: false },
        LineMark { line: 4, goroutines: vec![2, 3, 4], selected: true },
        // Past the end (the program was edited since the run): skipped.
        LineMark { line: 99, goroutines: vec![5], selected: false },
    ]);
    let marks = host.query_selector_all(".cm-goroutine-mark").expect("query");
    let texts: Vec<String> = (0..marks.length())
        .filter_map(|i| marks.get(i).and_then(|n| n.text_content()))
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(texts, ["G1", "G2 G3 +1"]);
    let selected = host.query_selector(".cm-goroutine-line-selected").expect("query").expect("a line");
    assert_eq!(selected.get_attribute("data-goroutines").as_deref(), Some("2 3 4"));
    assert_eq!(selected.text_content().as_deref(), Some("\tprintln(\"héllo\")"));

    editor.show_goroutines(&[]);
    assert_eq!(host.query_selector_all(".cm-goroutine-line").expect("query").length(), 0);
}
