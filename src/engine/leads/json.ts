// Reads leads from JSON text: an array of objects, or { "leads": [...] }; bad input is a warning, never an exception.
import { makeWarning } from "./messages";
import { normaliseLeads, normaliseReferenceTime } from "./normalise";
import type { FieldDef, ImportOptions, ImportResult, ImportWarning } from "./types";

function nothingImported(warning: ImportWarning): ImportResult {
  return { leads: [], warnings: [warning], columns: [], rowCount: 0 };
}

function leadItems(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null && Object.hasOwn(data, "leads")) {
    const leads: unknown = (data as { leads: unknown }).leads;
    if (Array.isArray(leads)) return leads;
  }
  return null;
}

export function parseLeadsJson(text: string, fields: readonly FieldDef[], opts: ImportOptions): ImportResult {
  normaliseReferenceTime(opts.referenceTime); // the same caller check as for a non-empty file
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") return nothingImported(makeWarning(0, "import.empty_file"));
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    // Also catches a RangeError from absurd nesting: the file is unusable either way.
    const detail = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(detail)?.[1];
    const params: Record<string, string | number> = { detail };
    if (position !== undefined) params.position = Number(position);
    return nothingImported(makeWarning(0, "import.not_json", params));
  }
  const items = leadItems(data);
  if (items === null) return nothingImported(makeWarning(0, "import.not_a_lead_list"));
  // Items that are not objects are reported by normaliseLeads; the type only promises what it checks.
  return normaliseLeads(items as Record<string, unknown>[], fields, opts);
}
