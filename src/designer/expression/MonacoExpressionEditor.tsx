// The Monaco editor for one expression (rendered only after Monaco has loaded): typing saves at once, markers follow after a pause.
import { useEffect, useRef } from "react";
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";
import type { FieldDef, Lang } from "../../engine";
import { LANGUAGE_ID, clearEditorContext, setEditorContext } from "./language";
import { expressionMarkers } from "./markers";
import { loadedMonaco } from "./monaco";

export interface MonacoExpressionEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly fields: readonly FieldDef[];
  readonly lang: Lang;
  readonly label: string;
  readonly describedBy?: string | undefined;
}

const MARKER_OWNER = "leadwire-expr";
const MARKER_DELAY_MS = 250;

export default function MonacoExpressionEditor({ value, onChange, fields, lang, label, describedBy }: MonacoExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange, fields, lang });
  latest.current = { value, onChange, fields, lang };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Texts sent up but not yet come back as `value`: their echo must not overwrite what was typed since. */
  const echoes = useRef<string[]>([]);

  const refreshMarkers = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const model = editor.current?.getModel();
      if (!model) return;
      const { fields: f, lang: l } = latest.current;
      const markers = expressionMarkers(model.getValue(), f, l).map((m) => ({ ...m, severity: loadedMonaco().MarkerSeverity.Error }));
      loadedMonaco().editor.setModelMarkers(model, MARKER_OWNER, markers);
    }, delay);
  };

  useEffect(() => {
    const monaco = loadedMonaco();
    if (!host.current) return;
    const model = monaco.editor.createModel(latest.current.value, LANGUAGE_ID);
    const uri = model.uri.toString();
    setEditorContext(uri, { fields: latest.current.fields, lang: latest.current.lang });
    const ed = monaco.editor.create(host.current, {
      model,
      ariaLabel: label,
      accessibilitySupport: "auto",
      tabFocusMode: true,
      lineNumbers: "off",
      minimap: { enabled: false },
      folding: false,
      glyphMargin: false,
      scrollBeyondLastLine: false,
      wordWrap: "on",
      automaticLayout: true,
      fixedOverflowWidgets: true,
      renderLineHighlight: "none",
      fontSize: 13,
    });
    editor.current = ed;
    const sub = model.onDidChangeContent(() => {
      const text = model.getValue();
      if (text !== latest.current.value) {
        echoes.current.push(text);
        if (echoes.current.length > 100) echoes.current.shift();
        latest.current.onChange(text);
      }
      refreshMarkers(MARKER_DELAY_MS);
    });
    refreshMarkers(0);
    ed.focus();
    return () => {
      clearTimeout(timer.current);
      sub.dispose();
      ed.dispose();
      model.dispose();
      clearEditorContext(uri);
      editor.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once per mount; later props reach it through `latest` and the effects below.
  }, []);

  // Undo/redo or another control changed the expression: show it. Our own typing coming back (maybe a few
  // keystrokes late) is recognised and ignored, so fast typing is never reset.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const echo = echoes.current.lastIndexOf(value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    if (model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    setEditorContext(model.uri.toString(), { fields, lang });
    refreshMarkers(0);
  }, [fields, lang]);

  useEffect(() => {
    editor.current?.updateOptions({ ariaLabel: label });
    const textarea = host.current?.querySelector("textarea");
    if (describedBy) textarea?.setAttribute("aria-describedby", describedBy);
    else textarea?.removeAttribute("aria-describedby");
  }, [label, describedBy]);

  // `nokey`: Monaco types through an EditContext element in Chromium (not a textarea), which React Flow would take for
  // the canvas and swallow Space (its pan key) and Delete; inside a `.nokey` element React Flow leaves keys alone.
  return <div ref={host} className="lw-monaco nokey" data-testid="expression-monaco" />;
}
