// "Suggest from outcomes" in the score inspector: fits rules on the loaded leads in a worker, compares AUCs, lets the
// user override the leak test, and replaces the node's rules and grades (adding the fields they use) in one undo step.
import { useEffect, useRef, useState } from "react";
import { castDraft } from "immer";
import type { Lang } from "../../../engine";
import { isScoreNode } from "../../../../nodes/score";
import { leakText } from "../../../simulation/suggest/describe";
import { suggestText } from "../../../simulation/suggest/messages";
import type { ScoreSuggestion } from "../../../simulation/suggest/suggest";
import { requestSuggestion, type PendingSuggestion } from "../../../simulation/suggest/client";
import type { InspectorProps } from "../node-ui";
import { useLoadedRuns as useRuns } from "./useLoadedRuns";
import { Dialog } from "../controls/Dialog";
import { SuggestedRules } from "./SuggestedRules";
import "./suggest.css";

const count = (n: number, lang: Lang) => n.toLocaleString(lang);

type Phase = { kind: "working" } | { kind: "done"; suggestion: ScoreSuggestion } | { kind: "failed"; error: string };

export function SuggestScore({ node, flow, updateFlow, lang }: Pick<InspectorProps<"score">, "node" | "flow" | "updateFlow" | "lang">) {
  const leads = useRuns((s) => s.leads);
  const outcome = useRuns((s) => s.outcomeField);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const pending = useRef<PendingSuggestion | null>(null);
  const tx = (code: Parameters<typeof suggestText>[0], params = {}) => suggestText(code, params, lang);
  useEffect(() => () => pending.current?.cancel(), []);
  const ready = leads !== null && leads.length > 0 && outcome !== "";

  const start = (ov: Record<string, boolean>) => {
    if (!leads) return;
    pending.current?.cancel();
    setPhase({ kind: "working" });
    const p = requestSuggestion({
      leads,
      fields: flow.fields,
      outcome,
      current: node.config,
      overrides: ov,
      lang,
      referenceTime: flow.settings?.referenceTime,
    });
    pending.current = p;
    void p.result.then((r) => {
      if (pending.current !== p) return;
      pending.current = null;
      if (r.ok) setPhase({ kind: "done", suggestion: r.suggestion });
      else if (r.error !== "cancelled") setPhase({ kind: "failed", error: r.error });
    });
  };
  const close = () => {
    pending.current?.cancel();
    pending.current = null;
    setPhase(null);
  };
  const accept = (s: ScoreSuggestion) => {
    updateFlow((d) => {
      const n = d.nodes.find((x) => x.id === node.id);
      if (!n || !isScoreNode(n)) return;
      n.config.base = s.config.base;
      n.config.rules = castDraft([...s.config.rules]);
      if (s.config.grades) n.config.grades = castDraft({ ...s.config.grades });
      for (const f of s.addedFields) if (!d.fields.some((x) => x.key === f.key)) d.fields.push(castDraft({ ...f }));
    });
    close();
  };

  return (
    <div className="lw-suggest-open">
      <button
        type="button"
        className="lw-button"
        aria-haspopup="dialog"
        disabled={!ready}
        onClick={() => {
          setOverrides({});
          start({});
        }}
        aria-describedby={ready ? undefined : `${node.id}-suggest-hint`}
      >
        {tx("ui.suggest")}
      </button>
      {!ready && (
        <p id={`${node.id}-suggest-hint`} className="lw-hint">
          {tx("ui.suggestHint")}
        </p>
      )}
      {phase && (
        <Dialog
          title={tx("ui.title", { leads: count(phase.kind === "done" ? phase.suggestion.leads : (leads?.length ?? 0), lang), outcome })}
          onClose={close}
        >
          {phase.kind === "working" && (
            <p role="status" className="lw-suggest-working">
              {tx("ui.working", { leads: count(leads?.length ?? 0, lang) })}
            </p>
          )}
          {phase.kind === "failed" && (
            <p role="alert" className="lw-form-error">
              {tx("ui.failed", { detail: phase.error })}
            </p>
          )}
          {phase.kind === "done" && (
            <SuggestionView
              suggestion={phase.suggestion}
              lang={lang}
              overrides={overrides}
              onOverride={(column, use) => setOverrides((o) => ({ ...o, [column]: use }))}
              onAgain={() => start(overrides)}
              onAccept={() => accept(phase.suggestion)}
              onCancel={close}
            />
          )}
        </Dialog>
      )}
    </div>
  );
}

interface ViewProps {
  readonly suggestion: ScoreSuggestion;
  readonly lang: Lang;
  readonly overrides: Readonly<Record<string, boolean>>;
  readonly onOverride: (column: string, use: boolean) => void;
  readonly onAgain: () => void;
  readonly onAccept: () => void;
  readonly onCancel: () => void;
}

function SuggestionView({ suggestion: s, lang, overrides, onOverride, onAgain, onAccept, onCancel }: ViewProps) {
  const tx = (code: Parameters<typeof suggestText>[0], params = {}) => suggestText(code, params, lang);
  const auc = (v: number | null) => (v === null ? tx("ui.noCurrent") : v.toFixed(3));
  const flagged = s.columns.filter((c) => c.flagged);
  const others = s.columns.filter((c) => !c.flagged);
  const checked = (c: ScoreSuggestion["columns"][number]) =>
    Object.hasOwn(overrides, c.column) ? overrides[c.column] === true : !c.flagged;
  // The switches differ from the columns this suggestion was made with: it must be made again before it can be accepted.
  const dirty = s.columns.some((c) => checked(c) !== c.usable);
  const toggle = (c: ScoreSuggestion["columns"][number]) => (
    <label className="lw-suggest-toggle">
      <input type="checkbox" checked={checked(c)} onChange={(e) => onOverride(c.column, e.target.checked)} />
      <span>{c.label}</span>
      {c.used && <span className="lw-suggest-badge">{tx("ui.inRules")}</span>}
    </label>
  );
  return (
    <div className="lw-suggest">
      <div className="lw-suggest-aucs" role="group" aria-label="AUC">
        <div className="lw-suggest-auc lw-suggest-auc--new" data-testid="auc-suggested">
          <strong>{auc(s.auc.suggested)}</strong>
          <span>{tx("ui.aucSuggested")}</span>
        </div>
        <div className="lw-suggest-auc" data-testid="auc-current">
          <strong>{auc(s.auc.current)}</strong>
          <span>{tx("ui.aucCurrent")}</span>
        </div>
        <p className="lw-hint">{tx("ui.aucHelp")}</p>
      </div>
      <div className="lw-suggest-grid">
        <SuggestedRules suggestion={s} lang={lang} />
        <section aria-labelledby="lw-suggest-columns">
          <h3 id="lw-suggest-columns">{tx("ui.columns")}</h3>
          <p className="lw-hint">{tx("ui.columnsHelp")}</p>
          <ul className="lw-suggest-columns">
            {flagged.map((c) => (
              <li key={c.column} className="lw-suggest-flagged">
                {toggle(c)} {!checked(c) && <span className="lw-suggest-badge lw-suggest-badge--out">{tx("ui.flagged")}</span>}
                <ul>
                  {c.reasons.map((r, i) => (
                    <li key={i}>{leakText(r, lang)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <details>
            <summary>{tx("ui.otherColumns", { count: others.length })}</summary>
            <ul className="lw-suggest-columns">
              {others.map((c) => (
                <li key={c.column}>{toggle(c)}</li>
              ))}
            </ul>
          </details>
        </section>
      </div>
      <footer className="lw-suggest-foot">
        <p className="lw-hint">
          {tx("ui.acceptNote")}
          {s.addedFields.length > 0
            ? `${lang === "zh-CN" ? "" : " "}${tx("ui.addsFields", { fields: s.addedFields.map((f) => f.label ?? f.key).join(lang === "zh-CN" ? "、" : ", ") })}`
            : ""}
        </p>
        <div className="lw-suggest-buttons">
          {dirty && (
            <button type="button" className="lw-button" onClick={onAgain}>
              {tx("ui.again")}
            </button>
          )}
          <button type="button" className="lw-button lw-button--primary" disabled={dirty || s.config.rules.length === 0} onClick={onAccept}>
            {tx("ui.accept")}
          </button>
          <button type="button" className="lw-button" onClick={onCancel}>
            {tx("ui.cancel")}
          </button>
        </div>
      </footer>
    </div>
  );
}
