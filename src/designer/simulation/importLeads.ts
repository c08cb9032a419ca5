// Reads an imported lead file (CSV or JSON text) with the user's column mapping; never throws on bad input.
import type { Flow, FieldType, ImportResult } from "../../engine";
import { parseLeadsCsv, parseLeadsJson } from "../../engine/leads";

/** What the user chose for a file's columns: a field key per column (overrides, "" drops) and extra "nothing chosen" values. */
export interface Mapping {
  readonly columnMap: Readonly<Record<string, string>>;
  readonly placeholders: readonly string[];
  /** Types chosen for unknown columns (used when they are added as new fields). */
  readonly types: Readonly<Record<string, FieldType>>;
  /** Day/month order chosen per column for dates like 02/03/2026 (spec §3). */
  readonly dateOrders?: Readonly<Record<string, "dmy" | "mdy">>;
}

export const EMPTY_MAPPING: Mapping = { columnMap: {}, placeholders: ["Select"], types: {} };

/** Built-in lead keys any column can feed (spec §3): the lead's id, its created time and its source. */
export const BUILT_IN_TARGETS = ["id", "createdAt", "source"] as const;

/** 50 MB: bigger files are refused with a message rather than freezing the tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function isJsonFile(name: string, text: string): boolean {
  return /\.json$/i.test(name) || /^\s*[[{]/.test(text.slice(0, 200));
}

export function readLeads(name: string, text: string, flow: Flow, mapping: Mapping): ImportResult {
  const referenceTime =
    flow.settings?.referenceTime && !Number.isNaN(Date.parse(flow.settings.referenceTime))
      ? flow.settings.referenceTime
      : new Date().toISOString();
  const opts = {
    referenceTime,
    columnMap: { ...mapping.columnMap },
    placeholders: [...mapping.placeholders],
    dateOrders: { ...mapping.dateOrders },
  };
  return isJsonFile(name, text) ? parseLeadsJson(text, flow.fields, opts) : parseLeadsCsv(text, flow.fields, opts);
}

/** The boolean-looking column most likely to be a known outcome (e.g. `Converted`), else "". */
export function guessOutcomeField(keys: readonly string[]): string {
  return keys.find((k) => /^(converted|won|is_?won|closed_?won|outcome)$/i.test(k)) ?? "";
}
