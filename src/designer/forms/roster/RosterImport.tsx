// "Import roster CSV": reads a file into the team's members in one undoable step and lists every problem row by row.
import { useId, useState } from "react";
import type { Member } from "../../../engine";
import { useT } from "../../../i18n/useT";
import { parseRosterCsv, type RosterImport as Result } from "./rosterCsv";

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsText(file);
  });
}

export function RosterImport({ members, onImport }: { members: readonly Member[]; onImport: (members: Member[]) => void }) {
  const { t } = useT();
  const id = useId();
  const [result, setResult] = useState<(Result & { file: string }) | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const imported = parseRosterCsv(await readText(file), members);
      setFailed(null);
      setResult({ ...imported, file: file.name });
      if (imported.added + imported.updated > 0) onImport(imported.members);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="lw-roster-import">
      <input
        id={id}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="lw-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <label htmlFor={id} className="lw-button">
        {t("forms.roster.import")}
      </label>
      <p className="lw-hint">{t("forms.roster.importHint")}</p>
      <div role="status" aria-live="polite">
        {failed && <p className="lw-issue lw-issue--error">{t("forms.roster.importFailed", { detail: failed })}</p>}
        {result && (
          <div className="lw-import-result">
            <p>{t("forms.roster.imported", { file: result.file, added: result.added, updated: result.updated })}</p>
            {result.extraColumns.length > 0 && (
              <p className="lw-hint">{t("forms.roster.extraColumns", { columns: result.extraColumns.join(", ") })}</p>
            )}
            {result.problems.length > 0 && (
              <>
                <p>{t("forms.roster.problems", { count: result.problems.length })}</p>
                <ul className="lw-issues">
                  {result.problems.map((p, i) => (
                    <li key={i} className="lw-issue lw-issue--warning">
                      {t(`forms.roster.problem.${p.code}`, { row: p.row, column: p.column ?? "", value: p.value ?? "" })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
