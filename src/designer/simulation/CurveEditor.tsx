// The assumption's curve as a small table the manager edits: after how many minutes, what share of conversions is kept.
import { useT } from "../../i18n/useT";
import { useRunStore, useRuns } from "./useRuns";

export function CurveEditor() {
  const { te } = useT();
  const runs = useRunStore();
  const curve = useRuns((s) => s.curve);
  const set = (i: number, key: "minutes" | "keep", raw: string) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n) || n < 0) return;
    const value = key === "keep" ? Math.min(100, n) / 100 : n;
    runs.setState({ curve: curve.map((p, j) => (j === i ? { ...p, [key]: value } : p)) });
  };
  return (
    <table className="lw-sim-table lw-fu-curve" aria-label={te("fu.curve.table")}>
      <caption>
        <span className="lw-fu-badge">{te("fu.assumption")}</span> {te("fu.curve.table")}
      </caption>
      <thead>
        <tr>
          <th scope="col">{te("fu.curve.after")}</th>
          <th scope="col">{te("fu.curve.keep")}</th>
        </tr>
      </thead>
      <tbody>
        {curve.map((p, i) => (
          <tr key={i}>
            <td>
              <input
                type="number"
                min={0}
                aria-label={te("fu.curve.after_row", { row: i + 1 })}
                defaultValue={p.minutes}
                onChange={(e) => set(i, "minutes", e.target.value)}
              />
            </td>
            <td>
              <input
                type="number"
                min={0}
                max={100}
                aria-label={te("fu.curve.keep_row", { row: i + 1 })}
                defaultValue={Math.round(p.keep * 100)}
                onChange={(e) => set(i, "keep", e.target.value)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
