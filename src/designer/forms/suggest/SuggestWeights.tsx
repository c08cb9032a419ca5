// "Suggest weights" on a performance-weighted route: each member's conversion in the latest run, with its counts, and
// the rates that rest on enough leads set as performance in one undo step.
import { useMemo, useState } from "react";
import type { InspectorProps } from "../node-ui";
import { percent, suggestText } from "../../../simulation/suggest/messages";
import { suggestWeights, MIN_TRUSTED_LEADS } from "../../../simulation/suggest/weights";
import { useLoadedRuns as useRuns } from "./useLoadedRuns";
import { Dialog } from "../controls/Dialog";
import "./suggest.css";

export function SuggestWeights({ node, flow, updateFlow, lang }: Pick<InspectorProps<"route">, "node" | "flow" | "updateFlow" | "lang">) {
  const current = useRuns((s) => s.current);
  const outcome = useRuns((s) => s.outcomeField);
  const [open, setOpen] = useState(false);
  const tx = (code: Parameters<typeof suggestText>[0], params = {}) => suggestText(code, params, lang);
  const team = flow.teams.find((t) => t.id === node.config.team);
  const rates = useMemo(
    () => (open && team && current && outcome ? suggestWeights(team, current.leads, current.result.outcomes, outcome) : null),
    [open, team, current, outcome],
  );
  const ready = current !== null && outcome !== "" && team !== undefined;
  const apply = () => {
    if (!rates || !team) return;
    updateFlow((d) => {
      const t = d.teams.find((x) => x.id === team.id);
      for (const r of rates) {
        const m = t?.members.find((x) => x.id === r.member);
        if (m && r.performance !== null) m.performance = r.performance;
      }
    });
    setOpen(false);
  };
  return (
    <div className="lw-suggest-open">
      <button type="button" className="lw-button" aria-haspopup="dialog" disabled={!ready} onClick={() => setOpen(true)}>
        {tx("ui.weights")}
      </button>
      {!ready && <p className="lw-hint">{tx("ui.weightsHint")}</p>}
      {open && rates && (
        <Dialog title={tx("ui.weightsTitle")} onClose={() => setOpen(false)}>
          <table className="lw-table">
            <thead>
              <tr>
                <th scope="col">{tx("ui.member")}</th>
                <th scope="col">{tx("ui.rate")}</th>
                <th scope="col">{tx("ui.performance")}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.member}>
                  <th scope="row">{r.name}</th>
                  <td>
                    {r.rate === null
                      ? tx("weights.no_leads")
                      : `${percent(r.rate, lang)} · ${tx("ui.counts", { converted: r.converted, leads: r.leads })}`}
                    {r.rate !== null && !r.trusted && <div className="lw-hint">{tx("weights.too_few", { leads: r.leads })}</div>}
                  </td>
                  <td>{r.performance !== null ? `${r.current ?? "—"} → ${r.performance}` : (r.current ?? "—")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <footer className="lw-suggest-foot">
            <p className="lw-hint">
              {tx("ui.weightsNote")} ({MIN_TRUSTED_LEADS}+)
            </p>
            <div className="lw-suggest-buttons">
              <button
                type="button"
                className="lw-button lw-button--primary"
                disabled={rates.every((r) => r.performance === null)}
                onClick={apply}
              >
                {tx("ui.applyWeights")}
              </button>
              <button type="button" className="lw-button" onClick={() => setOpen(false)}>
                {tx("ui.cancel")}
              </button>
            </div>
          </footer>
        </Dialog>
      )}
    </div>
  );
}
