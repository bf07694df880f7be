// The code editor: CodeMirror 6 with Python highlighting, a light or dark theme, and a mark on a line (an error's,
// or a difference's).
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { oneDark } from '@codemirror/theme-one-dark';
import { Compartment, StateEffect, StateField } from '@codemirror/state';
import { Decoration, keymap } from '@codemirror/view';

const setMark = StateEffect.define();

/** The marked line: {line, kind} or null, drawn as a line decoration. */
const markField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setMark)) continue;
      const { line, kind } = effect.value ?? {};
      if (!line || line > tr.state.doc.lines) return Decoration.none;
      const from = tr.state.doc.line(line).from;
      return Decoration.set([Decoration.line({ class: `cm-marked cm-marked-${kind}` }).range(from)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function createEditor(parent, { code, onRun, onStop, dark }) {
  const theme = new Compartment();
  const view = new EditorView({
    parent,
    doc: code,
    extensions: [
      keymap.of([
        { key: 'Mod-Enter', run: () => (onRun(), true) },
        { key: 'Escape', run: () => (onStop(), true) },
      ]),
      basicSetup,
      python(),
      markField,
      theme.of(dark ? oneDark : []),
      EditorView.contentAttributes.of({ 'aria-label': 'Python code' }),
    ],
  });
  return {
    view,
    get code() {
      return view.state.doc.toString();
    },
    set code(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setDark(on) {
      view.dispatch({ effects: theme.reconfigure(on ? oneDark : []) });
    },
    /** Marks one line (kind: 'error' or 'focus') and scrolls to it; mark(null) clears. */
    mark(line, kind = 'error') {
      const effects = [setMark.of(line ? { line, kind } : null)];
      if (line && line <= view.state.doc.lines) effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'center' }));
      view.dispatch({ effects });
    },
  };
}
