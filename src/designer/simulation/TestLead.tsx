// "Test one lead": a form made from the flow's lead fields (choices as selects); Test runs the flow on that one lead, lights
// its path on the canvas and shows the why — the same run, overlay and lead detail as a run on a file.
import { useReactFlow } from "@xyflow/react";
import { useEffect, useId, useRef, useState } from "react";
import type { FieldDef, ImportWarning } from "../../engine";
import { formatImportWarning, normaliseLeads } from "../../engine/leads";
import { SimulationRunner } from "../../simulation";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { LeadDetail } from "./LeadDetail";
import { acceptRun } from "./runStore";
import { useRunStore, useRuns } from "./useRuns";

const TEST_ID = "test-lead";

/** The current minute as a datetime-local value (the browser's local time). */
function nowLocal(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function FieldInput({ field, value, onChange }: { field: FieldDef; value: string; onChange: (v: string) => void }) {
  const { t } = useT();
  const id = useId();
  const label = field.label?.trim() || field.key;
  const control = (() => {
    if (field.type === "enum" && (field.options ?? []).length > 0)
      return (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("testlead.none")}</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    if (field.type === "boolean")
      return (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("testlead.none")}</option>
          <option value="true">{t("versions.yes")}</option>
          <option value="false">{t("versions.no")}</option>
        </select>
      );
    if (field.type === "number") return <input id={id} type="number" value={value} onChange={(e) => onChange(e.target.value)} />;
    if (field.type === "date") return <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} />;
    return (
      <input
        id={id}
        type="text"
        value={value}
        placeholder={field.type === "list" ? t("testlead.listHint") : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  })();
  return (
    <div className="lw-testlead-field">
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
}

export function TestLead({ names }: { names: ReadonlyMap<string, string> }) {
  const { t, lang } = useT();
  const store = useDesignerStore();
  const runs = useRunStore();
  const flow = useStableFlow();
  const [values, setValues] = useState<Record<string, string>>({});
  const [created, setCreated] = useState(nowLocal);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<readonly ImportWarning[]>([]);
  const { fitView } = useReactFlow();
  const runner = useRef<SimulationRunner | null>(null);
  useEffect(() => () => runner.current?.dispose(), []);
  const tested = useRuns((s) => s.current?.leads.length === 1 && s.current.leads[0]?.id === TEST_ID && s.selectedLead === 0);
  const fields = flow.fields.filter((f) => f.key !== "id" && f.key !== "createdAt");
  const hasSource = fields.some((f) => f.key === "source");

  const test = async () => {
    const doc = store.getState().flow;
    const row: Record<string, unknown> = { id: TEST_ID, createdAt: created ? new Date(created).toISOString() : "" };
    for (const [k, v] of Object.entries(values)) if (v.trim() !== "") row[k] = v;
    const referenceTime =
      doc.settings?.referenceTime && !Number.isNaN(Date.parse(doc.settings.referenceTime))
        ? doc.settings.referenceTime
        : new Date().toISOString();
    const read = normaliseLeads([row], doc.fields, { referenceTime });
    setWarnings(read.warnings);
    const lead = read.leads[0];
    if (!lead) return;
    setBusy(true);
    setMessage(null);
    runner.current ??= new SimulationRunner();
    const handle = runner.current.run(doc, [lead], { trace: true, lang });
    const outcome = await handle.result;
    setBusy(false);
    if (outcome.kind === "done") {
      acceptRun(runs, { result: outcome.result, traces: handle, leads: [lead], flowName: doc.name, at: Date.now() });
      runs.setState({ selectedLead: 0 });
      // The lit path in view: the manager sees where the lead went without looking for it.
      const path = outcome.result.outcomes[0]?.path ?? [];
      if (path.length > 0) void fitView({ nodes: path.map((id) => ({ id })), duration: 300, maxZoom: 1, padding: 0.15 });
    } else if (outcome.kind === "invalid") {
      setMessage(t("testlead.invalid", { count: outcome.issues.filter((i) => i.severity === "error").length }));
    } else {
      setMessage(outcome.kind === "failed" ? t("simui.failed", { detail: outcome.message }) : t("simui.noLeads"));
    }
  };

  return (
    <div className="lw-testlead">
      <form
        className="lw-testlead-form"
        aria-label={t("testlead.title")}
        onSubmit={(e) => {
          e.preventDefault();
          void test();
        }}
      >
        <p className="lw-note">{t("testlead.intro")}</p>
        <div className="lw-testlead-fields">
          <div className="lw-testlead-field">
            <label htmlFor="lw-testlead-created">{t("simui.builtIn.createdAt")}</label>
            <input id="lw-testlead-created" type="datetime-local" value={created} onChange={(e) => setCreated(e.target.value)} />
          </div>
          {!hasSource && (
            <FieldInput
              field={{ key: "source", label: t("simui.builtIn.source"), type: "string" }}
              value={values.source ?? ""}
              onChange={(v) => setValues({ ...values, source: v })}
            />
          )}
          {fields.map((f) => (
            <FieldInput key={f.key} field={f} value={values[f.key] ?? ""} onChange={(v) => setValues({ ...values, [f.key]: v })} />
          ))}
        </div>
        <button type="submit" className="lw-sim-run" disabled={busy}>
          {t("testlead.test")}
        </button>
        <span role="status" className="lw-sim-message">
          {message ?? ""}
        </span>
        {warnings.length > 0 && (
          <ul className="lw-testlead-warnings">
            {warnings.map((w, i) => (
              <li key={i}>{formatImportWarning(w, lang)}</li>
            ))}
          </ul>
        )}
      </form>
      {tested && <LeadDetail names={names} showValues={false} />}
    </div>
  );
}
