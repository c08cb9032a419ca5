// The run's charts: leads per owner vs expected share, status totals, score histogram, grades, capacity used, team spread/Gini, conversion and AUC.
import { useMemo } from "react";
import type { EChartsCoreOption } from "echarts/core";
import type { Metrics } from "../../simulation";
import { useT } from "../../i18n/useT";
import { EChart } from "./EChart";
import { STATUS_KEY } from "./statusText";

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

function bars(
  categories: readonly string[],
  series: readonly { name: string; data: readonly (number | null)[] }[],
  unit = "",
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: "axis" },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 48, right: 12, top: series.length > 1 ? 28 : 12, bottom: 48 },
    xAxis: { type: "category", data: [...categories], axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: { type: "value", axisLabel: { formatter: `{value}${unit}` } },
    series: series.map((s) => ({ type: "bar", name: s.name, data: [...s.data] })),
  };
}

export function Charts({ metrics }: { metrics: Metrics }) {
  const { t } = useT();
  const options = useMemo(() => {
    const owners = metrics.owners;
    const ownerNames = owners.map((o) => o.name || o.member);
    const capacity = owners.filter((o) => o.capacity.perDay || o.capacity.perWeek || o.capacity.maxOpen);
    const capUse = (o: Metrics["owners"][number]) =>
      pct(o.capacity.perDay?.used ?? o.capacity.perWeek?.used ?? o.capacity.maxOpen?.used ?? null);
    return {
      owners: bars(
        ownerNames,
        [
          { name: t("simui.share"), data: owners.map((o) => pct(o.share)) },
          { name: t("simui.expectedShare"), data: owners.map((o) => pct(o.expectedShare)) },
        ],
        "%",
      ),
      ownerCounts: bars(ownerNames, [{ name: t("simui.received"), data: owners.map((o) => o.received) }]),
      statuses: bars(
        Object.keys(metrics.byStatus).map((s) => t(STATUS_KEY[s as keyof typeof STATUS_KEY])),
        [{ name: t("simui.leads"), data: Object.values(metrics.byStatus) }],
      ),
      histogram: bars(
        metrics.score.histogram.map((b) => `${b.from}–${b.to}`),
        [{ name: t("simui.leads"), data: metrics.score.histogram.map((b) => b.count) }],
      ),
      grades: bars(
        metrics.grades.map((g) => g.grade),
        [{ name: t("simui.leads"), data: metrics.grades.map((g) => g.count) }],
      ),
      capacity:
        capacity.length > 0
          ? bars(
              capacity.map((o) => o.name || o.member),
              [{ name: t("simui.capacityUsed"), data: capacity.map(capUse) }],
              "%",
            )
          : null,
      teams: bars(
        metrics.teams.map((tm) => tm.name || tm.team),
        [{ name: t("simui.gini"), data: metrics.teams.map((tm) => Math.round(tm.gini * 1000) / 1000) }],
      ),
      convGrade: metrics.conversion
        ? bars(
            metrics.conversion.byGrade.map((g) => g.grade),
            [{ name: t("simui.conversion"), data: metrics.conversion.byGrade.map((g) => pct(g.rate)) }],
            "%",
          )
        : null,
      convOwner: metrics.conversion
        ? bars(ownerNames, [{ name: t("simui.conversion"), data: owners.map((o) => pct(o.conversion?.rate ?? null)) }], "%")
        : null,
    };
  }, [metrics, t]);
  const c = metrics.conversion;

  return (
    <div className="lw-sim-charts">
      {c && (
        <p className="lw-sim-auc" data-testid="auc">
          {t("simui.auc", {
            auc: c.auc === null ? "—" : c.auc.toFixed(3),
            leads: c.aucLeads,
            field: c.field,
            rate: pct(c.overall.rate) ?? "—",
          })}
        </p>
      )}
      <EChart label={t("simui.chartOwners")} option={options.owners} />
      <EChart label={t("simui.chartOwnerCounts")} option={options.ownerCounts} />
      <EChart label={t("simui.chartStatus")} option={options.statuses} />
      <EChart label={t("simui.chartHistogram")} option={options.histogram} />
      <EChart label={t("simui.chartGrades")} option={options.grades} />
      {options.capacity && <EChart label={t("simui.chartCapacity")} option={options.capacity} />}
      <EChart label={t("simui.chartTeams")} option={options.teams} />
      <table className="lw-sim-table" aria-label={t("simui.teamTable")}>
        <thead>
          <tr>
            <th scope="col">{t("simui.colTeam")}</th>
            <th scope="col">{t("simui.leads")}</th>
            <th scope="col">{t("simui.spread")}</th>
            <th scope="col">{t("simui.gini")}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.teams.map((tm) => (
            <tr key={tm.team}>
              <th scope="row">{tm.name || tm.team}</th>
              <td>{tm.count}</td>
              <td>{tm.spread}</td>
              <td>{tm.gini.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {options.convGrade && <EChart label={t("simui.chartConvGrade")} option={options.convGrade} />}
      {options.convOwner && <EChart label={t("simui.chartConvOwner")} option={options.convOwner} />}
    </div>
  );
}
