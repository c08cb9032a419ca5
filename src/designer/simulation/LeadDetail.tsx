// The chosen lead: its outcome, its trace in plain words (asked of the worker; in the current language, re-rendered from codes) and its notifications as text.
import { Fragment } from "react";
import { translate } from "../../i18n/catalogue";

import { useT } from "../../i18n/useT";
import { timelineParts } from "../../simulation";
import { displayName } from "../canvas/FlowNodeCard";
import { useStableFlow } from "../store/useStableFlow";
import { STATUS_KEY } from "./statusText";
import { useLeadTrace } from "./useLeadTrace";
import { useRunStore, useRuns } from "./useRuns";

export function LeadDetail({ names }: { names: ReadonlyMap<string, string> }) {
  const { t, te, lang } = useT();
  const runs = useRunStore();
  const current = useRuns((s) => s.current);
  const index = useRuns((s) => s.selectedLead);
  const flow = useStableFlow();
  const outcome = index === null ? undefined : current?.result.outcomes[index];
  const trace = useLeadTrace(outcome ? current : null, index);
  if (!outcome) return null;
  const nodeName = (id: string) => {
    const node = flow.nodes.find((n) => n.id === id);
    return node ? displayName(node, te) : id;
  };
  const owner = outcome.owner === undefined ? "—" : (names.get(outcome.owner) ?? outcome.owner);

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
      {outcome.timeline && outcome.timeline.length > 0 && (
        <>
          <h4>{te("fu.timeline")}</h4>
          <p className="lw-fu-timeline" data-testid="lead-timeline">
            {timelineParts(outcome, flow, names, lang).map((part, i) => (
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
