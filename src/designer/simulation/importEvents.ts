// Reading an events file for Leads & Run: the engine's parser, plus a warning per event naming no loaded lead; grouped.
import { parseEvents, type EventWarning, type Lang, type LeadEvent } from "../../engine";
import { translateFollowUp } from "../../simulation";

export type Group = "unknown_type" | "unknown_lead" | "bad_time" | "other";
export const GROUPS: readonly Group[] = ["unknown_type", "unknown_lead", "bad_time", "other"];
export const SHOWN_ROWS = 20;

export const groupOf = (w: EventWarning): Group =>
  w.code === "events.unknown_type"
    ? "unknown_type"
    : w.code === "events.bad_time"
      ? "bad_time"
      : w.code === "fu.events.unknown_lead_row"
        ? "unknown_lead"
        : "other";

/** Reads an events file; events naming no loaded lead are kept (the leads may change) but listed, one warning each. */
export function readEventsFile(
  text: string,
  leadIds: ReadonlySet<string> | null,
  lang: Lang,
): { events: LeadEvent[]; warnings: EventWarning[] } {
  const parsed = parseEvents(text, lang);
  const warnings: EventWarning[] = [...parsed.warnings];
  if (leadIds) {
    // The parser's rows are 1-based in input order; events keep that order, but rows it dropped are not among them.
    const rows = rowNumbers(parsed.events.length, parsed.warnings);
    parsed.events.forEach((e, i) => {
      if (leadIds.has(e.lead)) return;
      const params = { row: rows[i] ?? i + 1, lead: e.lead };
      warnings.push({
        row: params.row,
        code: "fu.events.unknown_lead_row",
        params,
        message: translateFollowUp("fu.events.unknown_lead_row", params, lang),
      });
    });
  }
  warnings.sort((a, b) => a.row - b.row);
  return { events: parsed.events, warnings };
}

/** The parser's warnings that leave their row out (the others, a bad value or a CSV quirk, keep the event). */
const DROPS_ROW: ReadonlySet<string> = new Set(["events.not_an_event", "events.missing_lead", "events.unknown_type", "events.bad_time"]);

/** The row number of each parsed event: the rows in order, skipping rows that became a warning instead of an event. */
function rowNumbers(count: number, warnings: readonly EventWarning[]): number[] {
  const dropped = new Set(warnings.filter((w) => DROPS_ROW.has(w.code)).map((w) => w.row));
  const rows: number[] = [];
  for (let row = 1; rows.length < count && row < count + dropped.size + 2; row++) if (!dropped.has(row)) rows.push(row);
  return rows;
}

/** The warnings by kind, each kind's rows in order. */
export function groupWarnings(warnings: readonly EventWarning[]): Map<Group, EventWarning[]> {
  const grouped = new Map<Group, EventWarning[]>();
  for (const w of warnings) grouped.set(groupOf(w), [...(grouped.get(groupOf(w)) ?? []), w]);
  return grouped;
}
