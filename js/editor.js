// The editor the page embeds: CodeMirror 6 with Go highlighting, line numbers and error
// underlines. esbuild bundles this file into web/js/editor.bundle.js (see xtask's
// `bundle` module), which the Yew app imports through wasm-bindgen.
//
// Typing is kept predictable on purpose, because people and browser tests type programs
// key by key: no auto-closed brackets and no completion pop-up (Enter would accept it).
// Enter keeps Go's indentation with tabs, and `}` re-indents its line.

import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit,
  syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { go } from "@codemirror/lang-go";

/** Mounts an editor holding `doc` into `parent` and returns its view. */
export function createEditor(parent, doc) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of("\t"),
        EditorState.tabSize.of(4),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        highlightActiveLine(),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        go(),
      ],
    }),
  });
}

/** The whole program text. */
export function editorText(view) {
  return view.state.doc.toString();
}

/**
 * Underlines compile errors. `diagnostics` is an array of `{ from, to, message }` with
 * byte offsets from the worker; ranges are clamped to the document, which may have
 * changed since the run started. An empty range (an error at a point, as most syntax
 * errors are) underlines the character there, or the one before it at a line end.
 */
export function showDiagnostics(view, diagnostics) {
  const text = view.state.doc.toString();
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const toChar = (byte) => decoder.decode(bytes.subarray(0, Math.min(byte, bytes.length))).length;
  const marks = diagnostics.map(({ from, to, message }) => {
    let start = toChar(from);
    let end = Math.max(start, toChar(to));
    if (end === start) {
      if (start < text.length && text[start] !== "\n") {
        end = start + 1;
      } else if (start > 0 && text[start - 1] !== "\n") {
        start = start - 1;
      }
    }
    return { from: start, to: end, severity: "error", message };
  });
  view.dispatch(setDiagnostics(view.state, marks));
}

/** Replaces the whole program text (an example chosen, a share link opened). */
export function setText(view, doc) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
}
