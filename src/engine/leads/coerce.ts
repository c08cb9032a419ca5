// Turns one cell (CSV text or JSON value) into a lead value of a field's type, or says why it cannot.
import type { CoerceResult, FieldDef, FieldType, ImportWarningCode, LeadValue } from "./types";

/** A field prepared once per column: "raw" is an unknown column, kept as found (flat values only). */
export interface CompiledField {
  type: FieldType | "raw";
  /** lower-case option → canonical spelling; null when the field has no options. */
  options: ReadonlyMap<string, string> | null;
  /** lower-case, trimmed placeholder texts that mean "nothing chosen". */
  placeholders: ReadonlySet<string>;
  /** How `02/03/2026` is read in this column: chosen by the user or found in the column; absent = not read (ambiguous). */
  dateOrder?: DateOrder;
}

/** Day-month-year or month-day-year, for dates written like 02/03/2026 (spec §3). */
export type DateOrder = "dmy" | "mdy";

const FAILURE: Record<FieldType | "raw", ImportWarningCode> = {
  string: "import.not_a_string",
  number: "import.not_a_number",
  boolean: "import.not_a_boolean",
  date: "import.not_a_date",
  enum: "import.not_an_option",
  list: "import.not_a_list",
  raw: "import.not_flat",
};

export function placeholderSet(...lists: (readonly string[] | undefined)[]): Set<string> {
  const set = new Set<string>();
  for (const list of lists) for (const p of list ?? []) set.add(p.trim().toLowerCase());
  return set;
}

export function compileField(field: FieldDef | null, extraPlaceholders?: readonly string[], dateOrder?: DateOrder): CompiledField {
  const placeholders = placeholderSet(field?.placeholders, extraPlaceholders);
  if (!field) return { type: "raw", options: null, placeholders };
  if (field.type === "date" && dateOrder) return { type: field.type, options: null, placeholders, dateOrder };
  let options: Map<string, string> | null = null;
  if (field.type === "enum" && field.options && field.options.length > 0) {
    options = new Map();
    // The first spelling wins, so options that differ only in case stay stable.
    for (const o of field.options) if (!options.has(o.trim().toLowerCase())) options.set(o.trim().toLowerCase(), o);
  }
  return { type: field.type, options, placeholders };
}

/** True for text that means "no value": empty after trimming, or a placeholder. `text` is already trimmed. */
export function isBlankText(text: string, placeholders: ReadonlySet<string>): boolean {
  return text === "" || (placeholders.size > 0 && placeholders.has(text.toLowerCase()));
}

// Plain decimals with optional sign and exponent. Number() alone would also take "0x1F", "Infinity" and " ".
// Written so no digit can belong to two quantifiers: "\d+\.?\d*" backtracks quadratically on long digit runs.
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Comma thousands only where no decimal-comma reading exists: two or more groups, or a decimal point after them.
// "1,234" alone is ambiguous (1234 or 1.234) and is refused.
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)$/;

export function parseNumber(text: string): number | null {
  let n: number;
  if (PLAIN_NUMBER.test(text)) n = Number(text);
  else if (GROUPED_NUMBER.test(text)) n = Number(text.replace(/,/g, ""));
  else return null;
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n; // folds -0 into 0
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "是"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否"]);

/** Every text a boolean accepts, lower-case. */
export const BOOLEAN_WORDS: ReadonlySet<string> = new Set([...TRUE_WORDS, ...FALSE_WORDS]);

export function parseBoolean(text: string): boolean | null {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

// YYYY-MM-DD or YYYY/MM/DD, optionally with a time (T or space) and, only with a time, a zone.
const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

// 02/03/2026, 02-03-2026 or 02.03.2026 (day and month in an order the column decides), optionally with HH:MM[:SS].
const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The two leading numbers of a `02/03/2026`-style date, or null for any other text. */
export function dayMonthParts(text: string): [number, number] | null {
  const m = DAY_MONTH.exec(text);
  return m ? [Number(m[1]), Number(m[3])] : null;
}

/**
 * Parses a date to an ISO 8601 UTC string; a value without a zone is read as UTC. Year-first forms are always read;
 * `02/03/2026` only with a day/month order (never guessed from the one value).
 */
export function parseDate(text: string, order?: DateOrder): string | null {
  const dm = order ? DAY_MONTH.exec(text) : null;
  if (dm) {
    const [, a, , b, y, h, mi, s] = dm;
    const [day, month] = order === "dmy" ? [a, b] : [b, a];
    return parseDate(`${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}${h ? ` ${h}:${mi}${s ? `:${s}` : ""}` : ""}`);
  }
  const m = DATE.exec(text);
  if (!m) return null;
  const [, ys, , mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys),
    month = Number(mos),
    day = Number(ds);
  const hour = Number(hs ?? 0),
    minute = Number(mis ?? 0),
    second = Number(ss ?? 0);
  const ms = Number((frac ?? "").slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2)),
      om = Number(digits.slice(2) || "0");
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return new Date(d.getTime() - offsetMinutes * 60_000).toISOString();
}

const LIST_SEPARATOR = /[;|]/;

function listFrom(items: readonly string[], placeholders: ReadonlySet<string>): string[] | null {
  const out: string[] = [];
  for (const item of items) {
    const t = item.trim();
    if (!isBlankText(t, placeholders)) out.push(t);
  }
  return out.length > 0 ? out : null;
}

function ok(value: LeadValue): CoerceResult {
  return { ok: true, value };
}

function fail(cf: CompiledField): CoerceResult {
  return { ok: false, code: FAILURE[cf.type] };
}

/** Coerces trimmed, non-blank text (what a CSV cell holds). */
export function coerceText(text: string, cf: CompiledField): CoerceResult {
  switch (cf.type) {
    case "string":
    case "raw":
      return ok(text);
    case "number": {
      const n = parseNumber(text);
      return n === null ? fail(cf) : ok(n);
    }
    case "boolean": {
      const b = parseBoolean(text);
      return b === null ? fail(cf) : ok(b);
    }
    case "date": {
      const d = parseDate(text, cf.dateOrder);
      if (d !== null) return ok(d);
      // A day/month date in a column whose order nobody chose (and no value settles): ask, do not guess.
      return !cf.dateOrder && dayMonthParts(text) ? { ok: false, code: "import.ambiguous_date" } : fail(cf);
    }
    case "enum": {
      if (!cf.options) return ok(text);
      const option = cf.options.get(text.toLowerCase());
      return option === undefined ? fail(cf) : ok(option);
    }
    case "list":
      return ok(listFrom(text.split(LIST_SEPARATOR), cf.placeholders));
  }
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean";
}

/** Coerces any value: CSV text, a JSON value, or a JS value handed to the library. */
export function coerceUnknown(raw: unknown, cf: CompiledField): CoerceResult {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === "string") {
    const t = raw.trim();
    return isBlankText(t, cf.placeholders) ? ok(null) : coerceText(t, cf);
  }
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, code: "import.not_a_date" };
    return coerceText(raw.toISOString(), cf);
  }
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, code: "import.not_a_number" };
    if (cf.type === "number") return ok(raw === 0 ? 0 : raw);
    if (cf.type === "raw") return ok(raw);
    if (cf.type === "boolean") return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail(cf);
    // Epoch numbers are refused as dates: seconds and milliseconds cannot be told apart.
    if (cf.type === "date") return fail(cf);
    return coerceText(String(raw), cf);
  }
  if (typeof raw === "boolean") {
    if (cf.type === "boolean" || cf.type === "raw") return ok(raw);
    if (cf.type === "number" || cf.type === "date") return fail(cf);
    return coerceText(String(raw), cf);
  }
  if (Array.isArray(raw) && (cf.type === "list" || cf.type === "raw")) {
    const items: string[] = [];
    for (const item of raw as unknown[]) {
      if (!isScalar(item)) return fail(cf);
      items.push(String(item));
    }
    return ok(listFrom(items, cf.placeholders));
  }
  return fail(cf);
}

/** Coerces one value to a field's type; empty and placeholder values become null without failing. */
export function coerceValue(raw: unknown, field: FieldDef): CoerceResult {
  return coerceUnknown(raw, compileField(field));
}

/** The text a value shows in samples and type guesses; null when it has none (blank, nested). */
export function cellText(raw: unknown, placeholders: ReadonlySet<string>): string | null {
  if (typeof raw === "string") {
    const t = raw.trim();
    return isBlankText(t, placeholders) ? null : t;
  }
  if ((typeof raw === "number" && Number.isFinite(raw)) || typeof raw === "boolean") return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  if (Array.isArray(raw)) {
    const items = raw as unknown[];
    return items.length > 0 && items.every(isScalar) ? items.join("; ") : null;
  }
  return null;
}
