// Import on the home screen: a file picker, a paste dialog (drops come through `importText`); problems listed by JSON path, nothing changed.
import { useId, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import { importFlow, type FlowLibrary } from "../../storage";
import type { LoadProblem } from "../../engine";
import { Dialog } from "../forms/controls/Dialog";
import { flowHref, goTo } from "../library/routes";

export interface ImportState {
  readonly problems: readonly LoadProblem[];
  readonly importText: (text: string) => Promise<boolean>;
}

export function useImport(library: FlowLibrary): ImportState {
  const { lang } = useT();
  const [problems, setProblems] = useState<readonly LoadProblem[]>([]);
  const importText = async (text: string) => {
    const result = await importFlow(library, text, { lang, mode: { mode: "new" } });
    if (!result.ok) {
      setProblems(result.problems);
      return false;
    }
    setProblems([]);
    goTo(flowHref(result.draft.summary.id));
    return true;
  };
  return { problems, importText };
}

export function ImportProblems({ problems }: { problems: readonly LoadProblem[] }) {
  const { t } = useT();
  if (problems.length === 0) return null;
  return (
    <div className="lw-import-problems" role="alert">
      <p>{t("library.importFailed")}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
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
            <ImportProblems problems={state.problems} />
          </div>
        </Dialog>
      )}
    </div>
  );
}
