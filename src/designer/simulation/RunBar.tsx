// Run and Cancel with a progress bar (leads/s); validation errors stop the run and select the node they name.
import { translate } from "../../i18n/catalogue";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { SimulationRunner, storyEnd } from "../../simulation";
import { flowSeed, holdsLeads, toTime, type Flow, type Lead } from "../../engine";
import { useT } from "../../i18n/useT";

import { useDesignerStore } from "../store/context";
import { acceptRun, type RunFollowUp, type RunState } from "./runStore";
import { useRunStore, useRuns } from "./useRuns";

export function RunBar() {
  const { t, lang } = useT();
  const store = useDesignerStore();
  const runs = useRunStore();
  const leads = useRuns((s) => s.leads);
  const source = useRuns((s) => s.source);
  const running = useRuns((s) => s.running);
  const progress = useRuns((s) => s.progress);
  const message = useRuns((s) => s.message);
  const { fitView } = useReactFlow();
  const runner = useRef<SimulationRunner | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => () => runner.current?.dispose(), []);

  const run = async () => {
    const flow = store.getState().flow;
    const input = leads ?? [];
    // Nothing to run is said at once: no worker is started for it.
    if (input.length === 0) {
      runs.setState({ running: false, progress: null, message: t("simui.noLeads") });
      return;
    }
    runner.current ??= new SimulationRunner();
    runs.setState({ running: true, progress: { done: 0, total: input.length, leadsPerSecond: 0, elapsedMs: 0 }, message: null });
    const { events, outcomeField, assume, curve } = runs.getState();
    const follow = followUpOf(flow, input, events, outcomeField, assume ? curve : null);
    const handle = runner.current.run(flow, input, {
      trace: true,
      lang,
      onProgress: (p) => runs.setState({ progress: p }),
      ...(follow
        ? { events: events?.events ?? [], now: follow.end, followUp: { outcomeField: outcomeField || undefined, curve: follow.curve } }
        : {}),
    });
    cancel.current = handle.cancel;
    const outcome = await handle.result;
    cancel.current = null;
    switch (outcome.kind) {
      case "done":
        acceptRun(runs, {
          result: outcome.result,
          traces: handle,
          leads: input,
          flowName: flow.name,
          at: Date.now(),
          ...(follow ? { followUp: follow } : {}),
        });
        return;
      case "empty":
        runs.setState({ running: false, progress: null, message: t("simui.noLeads") });
        return;
      case "invalid": {
        const first = outcome.issues.find((i) => i.severity === "error") ?? outcome.issues[0];
        const nodeId = first?.nodeId ?? (first?.edgeId ? flow.edges.find((e) => e.id === first.edgeId)?.source : undefined);
        const where = nodeId ? flow.nodes.find((n) => n.id === nodeId) : undefined;
        const text = first ? translate(first.code, first.params, lang) : outcome.message;
        runs.setState({
          running: false,
          progress: null,
          message: t("simui.invalid", {
            count: outcome.issues.filter((i) => i.severity === "error").length,
            first: where ? `${where.label ?? where.id}: ${text}` : text,
          }),
        });
        if (where) {
          store.getState().select({ nodes: [where.id], edges: [] });
          void fitView({ nodes: [{ id: where.id }], duration: 300, maxZoom: 1.2 });
        }
        return;
      }
      case "cancelled":
        runs.setState({ running: false, progress: null, message: t("simui.cancelled", { done: outcome.done, total: outcome.total }) });
        return;
      case "failed":
        runs.setState({ running: false, progress: null, message: t("simui.failed", { detail: outcome.message }) });
    }
  };

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="lw-sim-runbar">
      <span className="lw-note">{leads ? t("simui.ready", { count: leads.length, source }) : t("simui.noLeadsYet")}</span>
      <button type="button" className="lw-sim-run" onClick={() => void run()} disabled={running}>
        {t("simui.run")}
      </button>
      {running && (
        <button type="button" onClick={() => cancel.current?.()}>
          {t("simui.cancel")}
        </button>
      )}
      {running && progress && (
        <span className="lw-sim-progress">
          <progress max={100} value={pct} aria-label={t("simui.progress")} />
          <span>{t("simui.progressText", { done: progress.done, total: progress.total, rate: Math.round(progress.leadsPerSecond) })}</span>
        </span>
      )}
      <span role="status" className="lw-sim-message">
        {message ?? ""}
      </span>
    </div>
  );
}

/** What a follow-up run is told and shows: imported events, the seed, the assumption curve (only with an outcome column). */
function followUpOf(
  flow: Flow,
  leads: readonly Lead[],
  events: RunState["events"],
  outcomeField: string,
  curve: RunState["curve"] | null,
): RunFollowUp | null {
  if (!holdsLeads(flow)) return null;
  const ids = new Set(leads.map((l) => String(l.id)));
  const eventLeads = new Set((events?.events ?? []).map((e) => e.lead).filter((id) => ids.has(id))).size;
  const reference = toTime(flow.settings?.referenceTime ?? Date.now());
  return {
    eventsName: events?.name ?? null,
    eventLeads,
    seed: flowSeed(flow),
    curve: curve && outcomeField !== "" ? curve : null,
    outcomeField,
    end: new Date(storyEnd(leads, events?.events ?? [], reference)).toISOString(),
  };
}
