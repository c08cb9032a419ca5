// Reads lead events (spec §9) from a JSON array or CSV (id, lead, type, at, by, reason, value): per-row warnings, nothing else dropped.
import Papa from "papaparse";
import { toTime } from "../conditions/values";
import { isoTime } from "../iso-time";
import { translate, type EngineCode, type Lang, type MessageParams } from "../i18n";

export const EVENT_TYPES = ["touched", "converted", "closed", "rejected"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One event as the run uses it: `at` is the parsed instant (ms), `time` the text it came from. */
export interface LeadEvent {
  readonly id: string;
  readonly lead: string;
  readonly type: EventType;
  readonly at: number;
  readonly by?: string;
  readonly reason?: string;
  readonly value?: number;
}

export interface EventWarning {
  /** 1-based row (CSV: after the header) or array position. */
  readonly row: number;
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}

export interface EventParseResult {
  readonly events: LeadEvent[];
  readonly warnings: EventWarning[];
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const hasOwn = Object.prototype.hasOwnProperty;

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

const field = (o: Record<string, unknown>, key: string) => (hasOwn.call(o, key) ? o[key] : undefined);

/**
 * Turns raw objects into events. An event without an id gets one made of its content (lead, type, time, by), so the
 * same file sent twice is still applied once; events keep their order (the run sorts by time, ties in this order).
 */
export function parseEventList(items: readonly unknown[], lang: Lang = "en"): EventParseResult {
  const events: LeadEvent[] = [];
  const warnings: EventWarning[] = [];
  const warn = (row: number, code: EngineCode, params: MessageParams = {}) =>
    warnings.push({ row, code, params: { row, ...params }, message: translate(code, { row, ...params }, lang) });
  items.forEach((item, i) => {
    const row = i + 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) return warn(row, "events.not_an_event");
    const o = item as Record<string, unknown>;
    const lead = text(field(o, "lead"));
    if (lead === undefined) return warn(row, "events.missing_lead");
    const type = text(field(o, "type"))?.toLowerCase();
    if (type === undefined || !TYPES.has(type)) return warn(row, "events.unknown_type", { value: String(field(o, "type") ?? "") });
    const rawAt = field(o, "at");
    const at = rawAt === undefined || rawAt === null || rawAt === "" ? Number.NaN : toTime(rawAt);
    if (Number.isNaN(at)) return warn(row, "events.bad_time", { value: String(rawAt ?? "") });
    const by = text(field(o, "by"));
    const reason = text(field(o, "reason"));
    const rawValue = field(o, "value");
    let value: number | undefined;
    if (rawValue !== undefined && rawValue !== null && rawValue !== "") {
      const n = typeof rawValue === "number" ? rawValue : Number(String(rawValue).trim());
      if (Number.isFinite(n)) value = n;
      else warn(row, "events.bad_value", { value: String(rawValue) });
    }
    const id = text(field(o, "id")) ?? `${lead}|${type}|${isoTime(at)}|${by ?? ""}`;
    const event: { -readonly [K in keyof LeadEvent]: LeadEvent[K] } = { id, lead, type: type as EventType, at };
    if (by !== undefined) event.by = by;
    if (reason !== undefined) event.reason = reason;
    if (value !== undefined) event.value = value;
    events.push(event);
  });
  return { events, warnings };
}

export function parseEventsJson(source: string, lang: Lang = "en"): EventParseResult {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      events: [],
      warnings: [{ row: 0, code: "events.not_json", params: { detail }, message: translate("events.not_json", { detail }, lang) }],
    };
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === "object" && Array.isArray((value as { events?: unknown }).events)
      ? (value as { events: unknown[] }).events
      : null;
  if (!list)
    return { events: [], warnings: [{ row: 0, code: "events.not_a_list", params: {}, message: translate("events.not_a_list", {}, lang) }] };
  return parseEventList(list, lang);
}

/** CSV with a header row; column names are matched case-insensitively, unknown columns are ignored. */
export function parseEventsCsv(source: string, lang: Lang = "en"): EventParseResult {
  const parsed = Papa.parse<Record<string, string>>(source.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const result = parseEventList(parsed.data, lang);
  const csvWarnings = parsed.errors.map((e) => {
    const params = { row: (e.row ?? -1) + 1, detail: e.message };
    return { row: params.row, code: "events.csv_error", params, message: translate("events.csv_error", params, lang) };
  });
  return { events: result.events, warnings: [...csvWarnings, ...result.warnings] };
}

/** JSON when the text starts with `[` or `{`, CSV otherwise. */
export function parseEvents(source: string, lang: Lang = "en"): EventParseResult {
  const start = source.replace(/^\uFEFF/, "").trimStart()[0];
  return start === "[" || start === "{" ? parseEventsJson(source, lang) : parseEventsCsv(source, lang);
}
