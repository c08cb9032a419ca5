// Where the leads come from: N seeded sample leads, or a CSV/JSON file (picker or drop) with preview, column mapping and warnings.
import { useEffect, useMemo, useState, type DragEvent } from "react";
import type { FieldType } from "../../engine";
import { generateLeads } from "../../simulation";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { ColumnMapping } from "./ColumnMapping";
import { WarningGroups } from "./WarningGroups";
import { applyInferred, inferFields, optionsSeen } from "./inferFields";
import { LeadDownloads } from "./LeadDownloads";
import { EMPTY_MAPPING, guessOutcomeField, readLeads, type Mapping } from "./importLeads";
import { readPickedFile, TextFileInput } from "./TextFileInput";
import { useKeptLeads, type KeptSource } from "./useKeptLeads";
import { useRunStore, useRuns } from "./useRuns";

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
  const [generated, setGenerated] = useState<Extract<KeptSource, { kind: "generated" }> | null>(null);
  const outcomeField = useRuns((s) => s.outcomeField);
  const source = useMemo<KeptSource | null>(
    () => (file ? { kind: "file", name: file.name, text: file.text, mapping } : generated),
    [file, mapping, generated],
  );
  const kept = useKeptLeads(source, outcomeField, (restored, keptOutcome) => {
    if (restored.kind === "file") {
      runs.setState({ outcomeField: keptOutcome });
      setMapping(restored.mapping);
      setFile({ name: restored.name, text: restored.text });
      return;
    }
    setCount(String(restored.count));
    setSeed(String(restored.seed));
    setGenerated(restored);
    runs.setState({
      leads: restored.leads,
      source: t("simui.generatedSource", { count: restored.leads.length }),
      importWarnings: [],
      outcomeField: keptOutcome,
    });
  });

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
    const seedValue = Math.floor(Number(seed) || 1);
    const leads = generateLeads(flow, n, { seed: seedValue });
    setFile(null);
    setGenerated({ kind: "generated", count: n, seed: seedValue, leads });
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
    setGenerated(null);
    setFile(read);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void load(e.dataTransfer.files[0]);
  };

  // A choice gets the options its column showed (all rows, most frequent first), so rules can offer them at once.
  const addFields = (columns: readonly { column: string; type: FieldType }[]) => {
    const leads = imported?.leads ?? [];
    const inferred = columns.map((c) =>
      c.type === "enum"
        ? { key: c.column, type: c.type, options: optionsSeen(leads, c.column), existing: false }
        : { key: c.column, type: c.type, existing: false },
    );
    store.getState().change((d) => applyInferred(d.fields, inferred), { history: "record" });
  };
  const fromGenerated = useMemo(() => (generated ? inferFields(generated.leads, flow.fields) : []), [generated, flow.fields]);

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
        {generated && (
          <div className="lw-sim-generated">
            <p className="lw-note">
              {t("simui.generatedSource", { count: generated.leads.length })}
              {kept && <span className="lw-sim-kept"> · {t("simui.kept")}</span>}
            </p>
            <LeadDownloads leads={generated.leads} name={flow.name} />
            {fromGenerated.length > 0 && (
              <button
                type="button"
                onClick={() => store.getState().change((d) => applyInferred(d.fields, fromGenerated), { history: "record" })}
              >
                {t("simui.fieldsFromLeads", { count: fromGenerated.length })}
              </button>
            )}
          </div>
        )}
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
              setGenerated(null);
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
              {kept && <span className="lw-sim-kept"> · {t("simui.kept")}</span>}
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
