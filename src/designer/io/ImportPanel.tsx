// Import on the home screen: a file picker, a paste dialog (drops come through `importText`); problems named in words, nothing changed.
import { useId, useRef, useState } from "react";
import { useT, type Translator } from "../../i18n/useT";
import { importFlow, type FlowLibrary } from "../../storage";
import type { LoadProblem } from "../../engine";
import { Dialog } from "../forms/controls/Dialog";
import { flowHref, goTo } from "../library/routes";
import { pathWords } from "../versions/diffWords";

export interface ImportState {
  readonly problems: readonly LoadProblem[];
  /** The refused document as read (null when it is not JSON): problems name its steps and fields by their names. */
  readonly source: unknown;
  readonly importText: (text: string) => Promise<boolean>;
}

export function useImport(library: FlowLibrary): ImportState {
  const { lang } = useT();
  const [problems, setProblems] = useState<readonly LoadProblem[]>([]);
  const [source, setSource] = useState<unknown>(null);
  const importText = async (text: string) => {
    const result = await importFlow(library, text, { lang, mode: { mode: "new" } });
    if (!result.ok) {
      setProblems(result.problems);
      setSource(readJson(text));
      return false;
    }
    setProblems([]);
    goTo(flowHref(result.draft.summary.id));
    return true;
  };
  return { problems, source, importText };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Where a problem is, in words ("step “Senior reps” › team"); "" for the whole document. */
export function problemPlace(path: string, source: unknown, te: Translator["te"]): string {
  // The engine's path may end in a hint such as ` (node "r")`; the words name the step themselves.
  const inside = (path.split(" (")[0] ?? "").replace(/^\$\.?/, "");
  return inside === "" ? "" : pathWords(inside, te, source);
}

export function ImportProblems({ problems, source }: { problems: readonly LoadProblem[]; source: unknown }) {
  const { t, te } = useT();
  if (problems.length === 0) return null;
  return (
    <div className="lw-import-problems" role="alert">
      <p>{t("library.importFailed")}</p>
      <ul>
        {problems.map((p, i) => {
          // The engine's sentence, with its path parameter put into words (the step's name, the setting).
          const place = problemPlace(p.path, source, te) || t("library.wholeFile");
          return <li key={i}>{te(p.code, { ...p.params, path: place })}</li>;
        })}
      </ul>
    </div>
  );
}

export function ImportControls({ state }: { state: ImportState }) {
  const { t } = useT();
  const fileId = useId();
  const pasteId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const [text, setText] = useState("");
  const onFile = async (file: File | undefined) => {
    if (file) await state.importText(await file.text());
    if (input.current) input.current.value = "";
  };
  const onPaste = async () => {
    if (await state.importText(text)) setPasting(false);
  };
  return (
    <div className="lw-import">
      <label htmlFor={fileId} className="lw-button">
        {t("library.importFile")}
      </label>
      <input
        id={fileId}
        ref={input}
        className="lw-sr-only"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <button type="button" className="lw-button" onClick={() => setPasting(true)}>
        {t("library.importPaste")}
      </button>
      {pasting && (
        <Dialog title={t("library.pasteTitle")} onClose={() => setPasting(false)}>
          <div className="lw-form">
            <label htmlFor={pasteId}>{t("library.pasteLabel")}</label>
            <textarea id={pasteId} rows={14} value={text} onChange={(e) => setText(e.target.value)} />
            <p>
              <button type="button" className="lw-button" onClick={() => void onPaste()}>
                {t("library.pasteImport")}
              </button>
            </p>
            <ImportProblems problems={state.problems} source={state.source} />
          </div>
        </Dialog>
      )}
    </div>
  );
}
