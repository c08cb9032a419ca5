// Where the leads come from: N seeded sample leads, or a CSV/JSON file (picker or drop) with preview, column mapping and warnings.
import { useEffect, useMemo, useState, type DragEvent } from "react";
import type { FieldType } from "../../engine";
import { generateLeads } from "../../simulation";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { ColumnMapping } from "./ColumnMapping";
import { WarningGroups } from "./WarningGroups";
import { EMPTY_MAPPING, guessOutcomeField, readLeads, type Mapping } from "./importLeads";
import { readPickedFile, TextFileInput } from "./TextFileInput";
import { useRunStore } from "./useRuns";

interface LoadedFile {
  readonly name: string;
  readonly text: string;
}

const PREVIEW_ROWS = 5;

export function LeadsSource() {
  const { t } = useT();
  const store = useDesignerStore();
  const runs = useRunStore();
  const flow = useStableFlow();
  const [count, setCount] = useState("500");
  const [seed, setSeed] = useState("1");
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState("");

  // Only the fields and settings shape an import: editing a node does not re-read the file.
  const imported = useMemo(
    () => (file ? readLeads(file.name, file.text, flow, mapping) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flow.fields and flow.settings are the parts of `flow` readLeads uses.
    [file, flow.fields, flow.settings, mapping],
  );
  useEffect(() => {
    if (!imported || !file) return;
    const keys = imported.columns.map((c) => c.fieldKey).filter((k) => k !== "");
    runs.setState((s) => ({
      leads: imported.leads,
      source: file.name,
      importWarnings: imported.warnings,
      outcomeField: s.outcomeField && keys.includes(s.outcomeField) ? s.outcomeField : guessOutcomeField(keys),
    }));
  }, [imported, file, runs]);

  const generate = () => {
    const n = Math.max(0, Math.min(1_000_000, Math.floor(Number(count) || 0)));
    const leads = generateLeads(flow, n, { seed: Math.floor(Number(seed) || 1) });
    setFile(null);
    runs.setState({
      leads,
      source: t("simui.generatedSource", { count: n }),
      importWarnings: [],
      outcomeField: guessOutcomeField(flow.fields.map((f) => f.key)),
    });
  };

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    const read = await readPickedFile(picked, t);
    if ("error" in read) return setFileError(read.error);
    setFileError(null);
    setMapping(EMPTY_MAPPING);
    setFile(read);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void load(e.dataTransfer.files[0]);
  };

  const addFields = (columns: readonly { column: string; type: FieldType }[]) => {
    store.getState().change(
      (d) => {
        for (const c of columns) if (!d.fields.some((f) => f.key === c.column)) d.fields.push({ key: c.column, type: c.type });
      },
      { history: "record" },
    );
  };

  const previewKeys = imported ? imported.columns.filter((c) => c.fieldKey !== "").map((c) => c.fieldKey) : [];
  return (
    <div className="lw-sim-source">
      <fieldset className="lw-sim-box">
        <legend>{t("simui.generate")}</legend>
        <label>
          {t("simui.count")} <input type="number" min={0} value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <label>
          {t("simui.seed")} <input type="number" value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button type="button" onClick={generate}>
          {t("simui.generateButton")}
        </button>
      </fieldset>
      <fieldset className="lw-sim-box">
        <legend>{t("simui.import")}</legend>
        <div
          className={`lw-sim-drop${dragging ? " lw-sim-drop-on" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <TextFileInput label={t("simui.chooseFile")} onPick={(f) => void load(f)} />
          <span className="lw-note">{t("simui.dropHint")}</span>
        </div>
        <div className="lw-sim-paste">
          <label>
            {t("simui.paste")} <textarea rows={2} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={pasted.trim() === ""}
            onClick={() => {
              setFileError(null);
              setMapping(EMPTY_MAPPING);
              setFile({ name: t("simui.pastedName"), text: pasted });
            }}
          >
            {t("simui.usePasted")}
          </button>
        </div>
        {fileError && (
          <p role="alert" className="lw-form-error">
            {fileError}
          </p>
        )}
        {file && imported && (
          <>
            <p className="lw-note">
              {t("simui.imported", {
                name: file.name,
                rows: imported.rowCount,
                leads: imported.leads.length,
                warnings: imported.warnings.length,
              })}
            </p>
            <ColumnMapping
              columns={imported.columns}
              fields={flow.fields}
              mapping={mapping}
              onMapping={setMapping}
              onAddFields={addFields}
            />
            {imported.leads.length > 0 && (
              <div className="lw-sim-scroll" tabIndex={0}>
                <table className="lw-sim-table" aria-label={t("simui.preview")}>
                  <thead>
                    <tr>
                      {previewKeys.map((k) => (
                        <th key={k} scope="col">
                          {k}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {imported.leads.slice(0, PREVIEW_ROWS).map((lead, i) => (
                      <tr key={i}>
                        {previewKeys.map((k) => (
                          <td key={k}>{formatCell(lead[k])}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {imported.warnings.length > 0 && <WarningGroups warnings={imported.warnings} />}
          </>
        )}
      </fieldset>
    </div>
  );
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}
