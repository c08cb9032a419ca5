// Renders a run's summary as the plain-text tables the CLI prints.
import { translate, type RuntimeCode } from "./texts";
import { type Flow, type Lang, STATUSES, type Summary } from "../engine";

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, width(cell)); });
  const line = (row: readonly string[]) => row.map((cell, i) => {
    const pad = " ".repeat((widths[i] ?? 0) - width(cell));
    return i === 0 ? cell + pad : pad + cell;
  }).join("  ");
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

const pct = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);

export function formatSummary(flow: Flow, s: Summary, lang: Lang): string {
  const t = (code: RuntimeCode, params = {}) => translate(code, params, lang);
  const parts: string[] = [t("cli.summary_title", { leads: s.leads, flow: flow.name }), ""];
  parts.push(table([[t("cli.col_status"), t("cli.col_leads"), t("cli.col_share")], ...STATUSES.map((st) => [t(`status.${st}`), String(s.byStatus[st]), pct(s.byStatus[st], s.leads)])]));
  const owners = Object.entries(s.byOwner);
  if (owners.length > 0) {
    const assigned = s.byStatus.assigned;
    parts.push("", table([[t("cli.col_owner"), t("cli.col_team"), t("cli.col_leads"), t("cli.col_share")], ...owners.map(([id, o]) => [`${o.name} (${id})`, o.team, String(o.count), pct(o.count, assigned)])]));
  }
  const teams = Object.entries(s.byTeam).filter(([, v]) => v.count > 0);
  if (teams.length > 0) {
    parts.push("", table([[t("cli.col_team"), t("cli.col_leads"), t("cli.col_spread"), t("cli.col_gini")], ...teams.map(([id, v]) => [id, String(v.count), String(v.spread), v.gini.toFixed(3)])]));
  }
  parts.push("", t("cli.cap_overflows", { count: s.capOverflows }));
  const channels = Object.entries(s.notifications);
  if (channels.length) parts.push(t("cli.notifications", { list: channels.map(([c, n]) => `${c} ${n}`).join(", ") }));
  const grades = Object.entries(s.grades);
  if (grades.length) parts.push(t("cli.grades", { list: grades.map(([g, n]) => `${g} ${n}`).join(", ") }));
  return parts.join("\n");
}
