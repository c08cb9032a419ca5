// The drawer's content, loaded when the drawer first opens: Run bar, outcome column, export, and the chosen tab.
import { lazy, Suspense, useMemo } from "react";
import { computeMetrics } from "../../simulation";
import { useT } from "../../i18n/useT";
import { useStableFlow } from "../store/useStableFlow";
import { Compare } from "./Compare";
import { ExportButtons } from "./ExportButtons";
import { LeadDetail } from "./LeadDetail";
import { LeadsSource } from "./LeadsSource";
import { FollowUpSource } from "./FollowUpSource";
import { FollowUpResults } from "./FollowUpResults";
import { Outbox } from "./Outbox";
import { ResultsTable } from "./ResultsTable";
import { RunBar } from "./RunBar";
import { TestLead } from "./TestLead";
import { WhoIsNext } from "./WhoIsNext";
import { useRunStore, useRuns } from "./useRuns";

/** The drawer's tabs; the panel lists them, the body shows the chosen one. */
export type Tab = "leads" | "test" | "results" | "followup" | "charts" | "outbox" | "next" | "compare";

const Charts = lazy(() => import("./Charts").then((m) => ({ default: m.Charts })));

export function SimulationBody({ tab, onTab }: { tab: Tab; onTab: (tab: Tab) => void }) {
  const { t } = useT();
  const runs = useRunStore();
  const flow = useStableFlow();
  const current = useRuns((s) => s.current);
  const outcomeField = useRuns((s) => s.outcomeField);
  const leads = useRuns((s) => s.leads);
  const names = useMemo(
    () => new Map(flow.teams.flatMap((team) => team.members.map((m) => [m.id, m.name || m.id] as const))),
    [flow.teams],
  );
  // Only for the Charts tab: over 100k leads it is a noticeable part of the frame that shows a finished run.
  const charts = tab === "charts";
  // Computed per run, not per flow edit: over 100k leads it is expensive, and the next run brings the edited flow.
  const metrics = useMemo(
    () => (current && charts ? computeMetrics(flow, [...current.leads], current.result, outcomeField ? { outcomeField } : {}) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: `flow` is left out on purpose.
    [current, outcomeField, charts],
  );
  const outcomeChoices = useMemo(() => {
    const keys = new Set<string>();
    // The leads loaded now first: a file imported after a run offers its own columns (the run's are kept too).
    for (const lead of [...(leads ?? []).slice(0, 50), ...(current?.leads ?? []).slice(0, 50)])
      for (const k of Object.keys(lead)) keys.add(k);
    return [...keys].filter((k) => k !== "id" && k !== "createdAt");
  }, [current, leads]);

  return (
    <div id="lw-sim-body" className="lw-sim-body" role="tabpanel" tabIndex={0} aria-labelledby={`lw-sim-tab-${tab}`}>
      <div className="lw-sim-bar">
        <RunBar />
        <label>
          {t("simui.outcomeField")}{" "}
          <select value={outcomeField} onChange={(e) => runs.setState({ outcomeField: e.target.value })}>
            <option value="">{t("simui.noOutcome")}</option>
            {outcomeChoices.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <ExportButtons />
      </div>
      <div hidden={tab !== "leads"}>
        <LeadsSource />
        <FollowUpSource />
      </div>
      {tab === "test" && <TestLead names={names} />}
      {tab === "results" &&
        (current ? (
          <div className="lw-sim-split">
            <ResultsTable names={names} />
            <LeadDetail names={names} />
          </div>
        ) : (
          <p className="lw-note">{t("simui.noRun")}</p>
        ))}
      {tab === "followup" &&
        (current?.result.summary.followUp ? (
          <FollowUpResults run={current} names={names} />
        ) : (
          <p className="lw-note">{t("simui.noRun")}</p>
        ))}
      {tab === "charts" &&
        (metrics ? (
          <Suspense fallback={<p className="lw-note">{t("simui.loadingCharts")}</p>}>
            <Charts metrics={metrics} />
          </Suspense>
        ) : (
          <p className="lw-note">{t("simui.noRun")}</p>
        ))}
      {tab === "outbox" && (current ? <Outbox onOpenLead={() => onTab("results")} /> : <p className="lw-note">{t("simui.noRun")}</p>)}
      {tab === "next" && <WhoIsNext />}
      {tab === "compare" && (current ? <Compare names={names} /> : <p className="lw-note">{t("simui.noRun")}</p>)}
    </div>
  );
}
