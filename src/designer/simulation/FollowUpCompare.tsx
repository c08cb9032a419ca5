// Compare, flows with a follow-up step: in time, missed, response times and conversions of two runs side by side.
import type { Summary } from "../../engine";
import { compareFollowUp, type FollowUpMeasure } from "../../simulation";
import { useT } from "../../i18n/useT";

const LABEL: Readonly<Record<FollowUpMeasure, string>> = {
  met: "fu.col.met",
  breached: "fu.col.breached",
  rejected: "fu.col.rejected",
  reassigned: "fu.col.reassigned",
  median: "fu.col.median",
  p90: "fu.col.p90",
  converted: "fu.col.converted",
  conversionRate: "fu.col.rate",
};

const round = (x: number) => Math.round(x * 10) / 10;

export function FollowUpCompare({ before, after }: { before: Summary; after: Summary }) {
  const { te } = useT();
  const rows = compareFollowUp(before, after);
  if (!rows) return null;
  const show = (measure: FollowUpMeasure, x: number | null, signed = false) => {
    if (x === null) return "—";
    const sign = signed && x > 0 ? "+" : "";
    if (measure === "conversionRate") return `${sign}${round(x * 100)} %`;
    if (measure === "median" || measure === "p90") return `${sign}${te("fu.minutes", { n: round(x) })}`;
    return `${sign}${x}`;
  };
  return (
    <table className="lw-sim-table lw-fu-compare" aria-label={te("fu.compare.title")}>
      <caption>{te("fu.compare.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{te("fu.compare.measure")}</th>
          <th scope="col">{te("fu.compare.before")}</th>
          <th scope="col">{te("fu.compare.after")}</th>
          <th scope="col">{te("fu.compare.change")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.measure} data-measure={r.measure}>
            <th scope="row">{te(LABEL[r.measure])}</th>
            <td>{show(r.measure, r.before)}</td>
            <td>{show(r.measure, r.after)}</td>
            <td>{show(r.measure, r.delta, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
