// The Follow-up tab: figures overall and per owner, a chart of response times per owner, rejection reasons, the assumption.
import { lazy, Suspense, useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { flowTimeZone, NO_REASON, type FollowUpFigures } from "../../engine";
import { useStableFlow } from "../store/useStableFlow";
import { curveWords } from "../../simulation";
import { useT } from "../../i18n/useT";
import type { RunView } from "./runStore";

const EChart = lazy(() => import("./EChart").then((m) => ({ default: m.EChart })));

const COLUMNS = ["touched", "median", "p90", "met", "breached", "rejected", "waiting", "reassigned", "converted", "rate"] as const;
type Column = (typeof COLUMNS)[number];

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

function cell(f: FollowUpFigures, column: Column, minutes: (n: number) => string): string {
  switch (column) {
    case "median":
      return f.responseMinutes.median === null ? "—" : minutes(oneDecimal(f.responseMinutes.median));
    case "p90":
      return f.responseMinutes.p90 === null ? "—" : minutes(oneDecimal(f.responseMinutes.p90));
    case "rate":
      return f.conversionRate === null ? "—" : `${oneDecimal(f.conversionRate * 100)} %`;
    default:
      return String(f[column]);
  }
}

export function FollowUpResults({ run, names }: { run: RunView; names: ReadonlyMap<string, string> }) {
  const { te, lang } = useT();
  const flow = useStableFlow();
  const summary = run.result.summary;
  const overall = summary.followUp;
  const owners = useMemo(
    () =>
      Object.entries(summary.byOwner)
        .filter(([, o]) => o.followUp !== undefined)
        .map(([id, o]) => ({ id, name: names.get(id) ?? o.name ?? id, figures: o.followUp as FollowUpFigures })),
    [summary, names],
  );
  const chart = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 8, top: 28, bottom: 24 },
      xAxis: { type: "category", data: owners.map((o) => o.name) },
      yAxis: { type: "value" },
      series: [
        { type: "bar", name: te("fu.series.median"), data: owners.map((o) => o.figures.responseMinutes.median) },
        { type: "bar", name: te("fu.series.p90"), data: owners.map((o) => o.figures.responseMinutes.p90) },
      ],
    }),
    [owners, te],
  );
  if (!overall) return null;
  const minutes = (n: number) => te("fu.minutes", { n });
  const info = run.followUp;
  const reasons = Object.entries(overall.rejectionReasons).sort((a, b) => b[1] - a[1]);
  const endText = info
    ? new Intl.DateTimeFormat(lang === "zh-CN" ? "zh-CN" : "en-GB", {
        timeZone: flowTimeZone(flow),
        dateStyle: "medium",
        timeStyle: "short",
      }).format(new Date(info.end))
    : "";

  return (
    <div className="lw-fu-results">
      {info?.curve && (
        <p className="lw-fu-assumption" role="note">
          <span className="lw-fu-badge">{te("fu.assumption")}</span> {te("fu.assumption_text", { curve: curveWords(info.curve, lang) })}
        </p>
      )}
      {info && (
        <p className="lw-note">
          {info.eventsName && info.eventLeads >= run.leads.length
            ? te("fu.source_only_events", { name: info.eventsName })
            : te("fu.source_model", { seed: info.seed })}{" "}
          {info.eventsName && info.eventLeads > 0 && info.eventLeads < run.leads.length
            ? te("fu.source_events", { leads: info.eventLeads, name: info.eventsName })
            : ""}{" "}
          {te("fu.until", { end: endText })} {info.outcomeField === "" ? te("fu.no_outcome") : ""}
        </p>
      )}
      <div className="lw-fu-grid">
        <div className="lw-fu-main">
          <div className="lw-sim-scroll" tabIndex={0}>
            <table className="lw-sim-table lw-fu-table" aria-label={te("fu.figures")}>
              <caption>{te("fu.figures")}</caption>
              <thead>
                <tr>
                  <th scope="col">{te("fu.col.owner")}</th>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {te(`fu.col.${c}`)}
                      {(c === "converted" || c === "rate") && info?.curve && (
                        <span className="lw-fu-badge lw-fu-badge-small">{te("fu.assumption")}</span>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="lw-fu-overall" data-owner="">
                  <th scope="row">{te("fu.all")}</th>
                  {COLUMNS.map((c) => (
                    <td key={c} data-col={c}>
                      {cell(overall, c, minutes)}
                    </td>
                  ))}
                </tr>
                {owners.map((o) => (
                  <tr key={o.id} data-owner={o.id}>
                    <th scope="row">{o.name}</th>
                    {COLUMNS.map((c) => (
                      <td key={c} data-col={c}>
                        {cell(o.figures, c, minutes)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{te("fu.reasons")}</h4>
          {reasons.length === 0 ? (
            <p className="lw-note">{te("fu.no_reasons")}</p>
          ) : (
            <ul className="lw-fu-reasons">
              {reasons.map(([reason, count]) => (
                <li key={reason}>{te("fu.reason_row", { reason: reason === NO_REASON ? te("fu.no_reason") : reason, count })}</li>
              ))}
            </ul>
          )}
        </div>
        <Suspense fallback={null}>
          <EChart label={te("fu.chart")} option={chart} height={170} />
        </Suspense>
      </div>
    </div>
  );
}
