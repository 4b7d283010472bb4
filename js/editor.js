// The editor the page embeds: CodeMirror 6 with Go highlighting, line numbers and error
// underlines. esbuild bundles this file into web/js/editor.bundle.js (see xtask's
// `bundle` module), which the Yew app imports through wasm-bindgen.
//
// Typing is kept predictable on purpose, because people and browser tests type programs
// key by key: no auto-closed brackets and no completion pop-up (Enter would accept it).
// Enter keeps Go's indentation with tabs, and `}` re-indents its line.

import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection, gutter, GutterMarker, Decoration } from "@codemirror/view";
import { Compartment, EditorState, RangeSet, StateEffect, StateField } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, HighlightStyle, indentOnInput, indentUnit,
  syntaxHighlighting } from "@codemirror/language";
// @lezer/highlight comes with @codemirror/language (its dependency): the tags it styles.
import { tags } from "@lezer/highlight";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { go } from "@codemirror/lang-go";

/** Mounts an editor holding `doc` into `parent` and returns its view. */
export function createEditor(parent, doc) {
  const palette = new Compartment();
  const view = new EditorView({
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
        palette.of(colours(darkScheme.matches)),
        bracketMatching(),
        highlightActiveLine(),
        lintGutter(),
        goroutines,
        goroutineGutter,
        announceEdits,
        // Ctrl/Cmd+Enter is the page's Run shortcut (handled on the window): claim it here
        // so CodeMirror does not also insert a blank line.
        keymap.of([{ key: "Mod-Enter", run: () => true }]),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        go(),
      ],
    }),
  });
  // The colours follow the system theme while the page is open.
  darkScheme.addEventListener("change", (e) =>
    view.dispatch({ effects: palette.reconfigure(colours(e.matches)) }));
  return view;
}

// The dark theme's syntax colours (CodeMirror's default style is made for a light background).
const darkHighlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: "#c792ea" },
  { tag: [tags.string, tags.special(tags.string)], color: "#c3e88d" },
  { tag: [tags.number, tags.bool, tags.null], color: "#f78c6c" },
  { tag: tags.comment, color: "#8a94a0", fontStyle: "italic" },
  { tag: [tags.typeName, tags.standard(tags.typeName)], color: "#7fdbca" },
  { tag: [tags.definition(tags.variableName), tags.function(tags.variableName)], color: "#82aaff" },
  { tag: tags.invalid, color: "#ff8a80" },
]);

/** Syntax colours for a light or a dark system theme. */
const colours = (dark) =>
  syntaxHighlighting(dark ? darkHighlightStyle : defaultHighlightStyle, { fallback: true });

const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");

// Every change of the text, however it was made (keys, paste, drop, undo, a program the
// page sets), is announced by a bubbling "goroscope-edit" event on the editor's element:
// the drafts' autosave listens for it (web/src/editor.rs names it EDIT_EVENT).
const announceEdits = EditorView.updateListener.of((update) => {
  if (update.docChanged) {
    update.view.dom.dispatchEvent(new Event("goroscope-edit", { bubbles: true }));
  }
});

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

// Where the goroutines are: a gutter naming the goroutines at each line ("G1 G3 +2") and
// a background on those lines, stronger on the selected goroutine's line. The page sends
// the whole set for the snapshot it shows; edits move the marks along with the text.

const setGoroutines = StateEffect.define();

class GoroutineMarker extends GutterMarker {
  /** `spacer`: the invisible marker that sizes the empty gutter, not a mark. */
  constructor(label, selected, spacer = false) {
    super();
    this.label = label;
    this.selected = selected;
    this.spacer = spacer;
  }

  eq(other) {
    return other.label === this.label && other.selected === this.selected && other.spacer === this.spacer;
  }

  toDOM() {
    const mark = document.createElement("span");
    mark.textContent = this.label;
    mark.className = this.spacer ? "cm-goroutine-spacer"
      : this.selected ? "cm-goroutine-mark cm-goroutine-selected" : "cm-goroutine-mark";
    mark.title = this.selected ? `${this.label} (selected) is at this line` : `${this.label} at this line`;
    return mark;
  }
}

const goroutines = StateField.define({
  create: () => ({ markers: RangeSet.empty, lines: Decoration.none }),
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setGoroutines)) return effect.value;
    }
    if (!tr.docChanged) return value;
    return { markers: value.markers.map(tr.changes), lines: value.lines.map(tr.changes) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.lines),
});

const goroutineGutter = gutter({
  class: "cm-goroutine-gutter",
  markers: (view) => view.state.field(goroutines).markers,
  initialSpacer: () => new GoroutineMarker("G1", false, true),
});

/**
 * Marks where goroutines are. `marks` is an array of `{ line, label, selected, goroutines }`
 * in line order (1-based lines); lines past the document's end are skipped (it may have
 * been edited since the run).
 */
export function showGoroutines(view, marks) {
  const doc = view.state.doc;
  const markers = [];
  const lines = [];
  for (const { line, label, selected, goroutines: ids } of marks) {
    if (line < 1 || line > doc.lines) continue;
    const from = doc.line(line).from;
    markers.push(new GoroutineMarker(label, selected).range(from));
    const cls = selected ? "cm-goroutine-line cm-goroutine-line-selected" : "cm-goroutine-line";
    lines.push(Decoration.line({ class: cls, attributes: { "data-goroutines": ids.join(" ") } }).range(from));
  }
  view.dispatch({
    effects: setGoroutines.of({ markers: RangeSet.of(markers, true), lines: Decoration.set(lines, true) }),
  });
}
