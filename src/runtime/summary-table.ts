// Renders a run's summary as the plain-text tables the CLI prints.
import { translate, type RuntimeCode } from "./texts";
import { type Flow, type Lang, STATUSES, type Summary } from "../engine";

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return i === 0 ? cell + pad : pad + cell;
      })
      .join("  ");
  const [head, ...body] = rows;
  if (!head) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

const pct = (n: number, total: number) => (total === 0 ? "0.0%" : `${((100 * n) / total).toFixed(1)}%`);

const minutes = (m: number | null) => (m === null ? "—" : m.toFixed(0));

/** Follow-up figures (spec §9): one row overall, one per owner with figures. */
function followUpTable(s: Summary, t: (code: RuntimeCode, params?: Record<string, string | number>) => string): string {
  const rows = [
    ["", s.followUp] as const,
    ...Object.entries(s.byOwner)
      .filter(([, o]) => o.followUp)
      .map(([id, o]) => [`${o.name} (${id})`, o.followUp] as const),
  ];
  const head = (
    [
      "cli.fu_who",
      "cli.fu_touched",
      "cli.fu_median",
      "cli.fu_p90",
      "cli.fu_met",
      "cli.fu_breached",
      "cli.fu_rejected",
      "cli.fu_waiting",
      "cli.fu_reassigned",
      "cli.fu_converted",
      "cli.fu_rate",
    ] as const
  ).map((c) => t(c));
  return table([
    head,
    ...rows.flatMap(([who, f]) =>
      f
        ? [
            [
              who || t("cli.fu_all"),
              String(f.touched),
              minutes(f.responseMinutes.median),
              minutes(f.responseMinutes.p90),
              String(f.met),
              String(f.breached),
              String(f.rejected),
              String(f.waiting),
              String(f.reassigned),
              String(f.converted),
              f.conversionRate === null ? "—" : `${(100 * f.conversionRate).toFixed(1)}%`,
            ],
          ]
        : [],
    ),
  ]);
}

export function formatSummary(flow: Flow, s: Summary, lang: Lang): string {
  const t = (code: RuntimeCode, params = {}) => translate(code, params, lang);
  const parts: string[] = [t("cli.summary_title", { leads: s.leads, flow: flow.name }), ""];
  const statuses = s.byStatus.waiting !== undefined ? [...STATUSES, "waiting" as const] : STATUSES;
  parts.push(
    table([
      [t("cli.col_status"), t("cli.col_leads"), t("cli.col_share")],
      ...statuses.map((st) => [t(`status.${st}`), String(s.byStatus[st] ?? 0), pct(s.byStatus[st] ?? 0, s.leads)]),
    ]),
  );
  const owners = Object.entries(s.byOwner);
  if (owners.length > 0) {
    const assigned = s.byStatus.assigned;
    parts.push(
      "",
      table([
        [t("cli.col_owner"), t("cli.col_team"), t("cli.col_leads"), t("cli.col_share")],
        ...owners.map(([id, o]) => [`${o.name} (${id})`, o.team, String(o.count), pct(o.count, assigned)]),
      ]),
    );
  }
  const teams = Object.entries(s.byTeam).filter(([, v]) => v.count > 0);
  if (teams.length > 0) {
    parts.push(
      "",
      table([
        [t("cli.col_team"), t("cli.col_leads"), t("cli.col_spread"), t("cli.col_gini")],
        ...teams.map(([id, v]) => [id, String(v.count), String(v.spread), v.gini.toFixed(3)]),
      ]),
    );
  }
  if (s.followUp) parts.push("", followUpTable(s, t));
  parts.push("", t("cli.cap_overflows", { count: s.capOverflows }));
  const channels = Object.entries(s.notifications);
  if (channels.length) parts.push(t("cli.notifications", { list: channels.map(([c, n]) => `${c} ${n}`).join(", ") }));
  const grades = Object.entries(s.grades);
  if (grades.length) parts.push(t("cli.grades", { list: grades.map(([g, n]) => `${g} ${n}`).join(", ") }));
  return parts.join("\n");
}
