// The chosen lead: its outcome, its trace in plain words (asked of the worker; in the current language, re-rendered from codes) and its notifications as text.
import { Fragment } from "react";
import { translate } from "../../i18n/catalogue";

import type { Lead } from "../../engine";
import { useT } from "../../i18n/useT";
import { timelineParts } from "../../simulation";
import { displayName } from "../canvas/FlowNodeCard";
import { useStableFlow } from "../store/useStableFlow";
import { STATUS_KEY } from "./statusText";
import { useLeadTrace } from "./useLeadTrace";
import { useRunStore, useRuns } from "./useRuns";

/** At most this many of a lead's values are listed (a wide CRM export has hundreds); the rest are counted. */
const MAX_VALUES = 24;

/** The lead's own values, so the why can be read against them: created time and source first, the flow's fields next. */
function LeadValues({ lead }: { lead: Lead }) {
  const { t } = useT();
  const flow = useStableFlow();
  const label = new Map<string, string>(flow.fields.map((f) => [f.key, f.label?.trim() || f.key]));
  label.set("createdAt", t("simui.builtIn.createdAt"));
  label.set("source", t("simui.builtIn.source"));
  const order = ["createdAt", "source", ...flow.fields.map((f) => f.key)];
  const keys = [...new Set([...order, ...Object.keys(lead)])].filter((k) => k !== "id" && Object.hasOwn(lead, k));
  const shown = keys.filter((k) => lead[k] !== null && lead[k] !== undefined && lead[k] !== "");
  const text = (v: unknown) =>
    Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? t(v ? "versions.yes" : "versions.no") : String(v);
  return (
    <>
      <h4>{t("simui.leadValues")}</h4>
      <dl className="lw-sim-values">
        {shown.slice(0, MAX_VALUES).map((k) => (
          <div key={k}>
            <dt>{label.get(k) ?? k}</dt>
            <dd>{text(lead[k])}</dd>
          </div>
        ))}
      </dl>
      {shown.length > MAX_VALUES && <p className="lw-note">{t("simui.moreValues", { count: shown.length - MAX_VALUES })}</p>}
    </>
  );
}

/** `showValues` false where the manager just typed the values (Test one lead): the why comes right after the outcome. */
export function LeadDetail({ names, showValues = true }: { names: ReadonlyMap<string, string>; showValues?: boolean }) {
  const { t, te, lang } = useT();
  const runs = useRunStore();
  const current = useRuns((s) => s.current);
  const index = useRuns((s) => s.selectedLead);
  const flow = useStableFlow();
  const outcome = index === null ? undefined : current?.result.outcomes[index];
  const trace = useLeadTrace(outcome ? current : null, index);
  const lead = index === null ? undefined : current?.leads[index];
  if (!outcome) return null;
  const nodeName = (id: string) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? displayName(node, te) : id;
  };
  const owner = outcome.owner === undefined ? "—" : (names.get(outcome.owner) ?? outcome.owner);
  // Through the worker a followed lead's timeline comes with its trace (kept there); a run in this thread has it in the outcome.
  const timeline = outcome.timeline ?? (trace?.kind === "trace" ? trace.timeline : undefined);

  return (
    <section className="lw-sim-lead-detail" tabIndex={0} aria-label={t("simui.leadTitle", { id: outcome.id })}>
      <h3 className="lw-panel-title">
        {t("simui.leadTitle", { id: outcome.id })}
        <button
          type="button"
          className="lw-sim-close"
          aria-label={t("simui.closeLead")}
          onClick={() => runs.setState({ selectedLead: null })}
        >
          ×
        </button>
      </h3>
      <p>
        {t("simui.leadSummary", {
          status: t(STATUS_KEY[outcome.status]),
          owner,
          score: typeof outcome.score === "number" ? outcome.score : "—",
          grade: outcome.grade ?? "—",
        })}
      </p>
      {outcome.error && <p className="lw-form-error">{outcome.error}</p>}
      {lead && showValues && <LeadValues lead={lead} />}
      {timeline && timeline.length > 0 && (
        <>
          <h4>{te("fu.timeline")}</h4>
          <p className="lw-fu-timeline" data-testid="lead-timeline">
            {timelineParts({ ...outcome, timeline }, flow, names, lang).map((part, i) => (
              <Fragment key={i}>
                {i > 0 && " · "}
                <span className="lw-fu-step">
                  {part.time && <time>{part.time}</time>}
                  {part.time && " "}
                  {part.text}
                </span>
              </Fragment>
            ))}
          </p>
        </>
      )}
      <h4>{t("simui.trace")}</h4>
      {trace === null ? (
        <p className="lw-note" role="status">
          {t("simui.loading")}
        </p>
      ) : trace.kind === "gone" ? (
        <p className="lw-note">{trace.message}</p>
      ) : (
        <ol className="lw-sim-trace">
          {trace.trace.map((line, i) => (
            <li key={i}>
              <span className="lw-sim-trace-node">{nodeName(line.node)}</span> {translate(line.code, line.params ?? {}, lang)}
            </li>
          ))}
        </ol>
      )}
      <h4>{t("simui.notifications", { count: outcome.notifications.length })}</h4>
      {outcome.notifications.length === 0 ? (
        <p className="lw-note">{t("simui.noNotifications")}</p>
      ) : (
        <ul className="lw-sim-outbox">
          {outcome.notifications.map((n, i) => (
            <li key={i}>
              <div>
                <strong>{n.channel}</strong> → {n.to.join(", ")}
              </div>
              <div className="lw-sim-subject">{n.subject}</div>
              <pre className="lw-sim-body">{n.body}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
