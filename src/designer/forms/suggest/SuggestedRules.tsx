// The suggested rules and grades as a manager reads them: points, rule, cap; each grade's share of leads and of sales.
import type { Lang } from "../../../engine";
import { percent, suggestText } from "../../../simulation/suggest/messages";
import type { ScoreSuggestion } from "../../../simulation/suggest/suggest";

export function SuggestedRules({ suggestion: s, lang }: { suggestion: ScoreSuggestion; lang: Lang }) {
  const tx = (code: Parameters<typeof suggestText>[0], params = {}) => suggestText(code, params, lang);
  return (
    <section aria-labelledby="lw-suggest-rules">
      <h3 id="lw-suggest-rules">{tx("ui.rules", { count: s.config.rules.length })}</h3>
      <table className="lw-table lw-suggest-rules">
        <thead>
          <tr>
            <th scope="col">{tx("ui.points")}</th>
            <th scope="col">{tx("ui.rule")}</th>
          </tr>
        </thead>
        <tbody>
          {s.config.rules.map((r, i) => (
            <tr key={i}>
              <td className={r.points > 0 ? "lw-suggest-plus" : "lw-suggest-minus"}>{r.points > 0 ? `+${r.points}` : r.points}</td>
              <td>
                {r.label}
                {r.per && r.max !== undefined && <span className="lw-hint"> ({tx("ui.atMost", { max: r.max })})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{tx("ui.bands")}</h3>
      <ul className="lw-suggest-bands">
        {s.bands.map((b) => (
          <li key={b.name}>
            <strong>{b.min === undefined ? tx("ui.bandRest", { name: b.name }) : tx("ui.band", { name: b.name, min: b.min })}</strong>
            {" — "}
            {tx("ui.bandShare", {
              converted: b.converted.toLocaleString(lang),
              leads: b.leads.toLocaleString(lang),
              rate: percent(b.leads > 0 ? b.converted / b.leads : 0, lang),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
