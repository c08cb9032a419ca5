// Builds leads from rows of cells: coercion, id / createdAt fill-ins, duplicate ids, column report. Shared by CSV and JSON.
import { cellText, coerceText, coerceUnknown, dayMonthParts, isBlankText, parseDate } from "./coerce";
import { planColumns, uniqueColumnNames, type ColumnPlan } from "./columns";
import { TypeGuesser } from "./guess";
import { makeWarning } from "./messages";
import type { CoerceResult, ColumnInfo, FieldDef, ImportOptions, ImportResult, ImportWarning, Lead } from "./types";

const SAMPLE_SIZE = 5;

/** An import in progress: columns are planned once, then rows are added one by one. */
export interface TableImport {
  /** `values[i]` is the cell of column i; missing trailing cells are read as empty. */
  addRow(row: number, values: readonly unknown[]): void;
  warn(w: ImportWarning): void;
  /**
   * Before the rows: a date column nobody gave a day/month order takes the one its values settle (a 13/03/2026 means
   * day first); a column where none does (or both do) reads no 02/03/2026 at all and asks (spec §3: once per column).
   */
  settleDateOrders(valuesOf: (column: number) => Iterable<unknown>): void;
  finish(rowCount: number): ImportResult;
}

/** The id or createdAt cell of a row, kept until the row is done. */
interface FillIn {
  result: CoerceResult;
  raw: unknown;
}

interface ColumnState {
  plan: ColumnPlan;
  guesser: TypeGuesser;
  sample: string[];
  failParams: Record<string, string | number>;
  /** A 02/03/2026-style value was left empty because the column's day/month order is unknown. */
  askedDateOrder: boolean;
}

const MAX_LISTED_OPTIONS = 10;

/** The options a warning names: enough to see the mistake, not a page of them. */
function listOptions(options: readonly string[]): string {
  const shown = options.slice(0, MAX_LISTED_OPTIONS).join(", ");
  return options.length > MAX_LISTED_OPTIONS ? `${shown}, …` : shown;
}

export function normaliseReferenceTime(referenceTime: string): string {
  const iso = parseDate(referenceTime.trim());
  // A caller bug, not a data problem: the CLI and UI validate what a user types before calling.
  if (iso === null) throw new RangeError(`referenceTime is not an ISO 8601 date: ${JSON.stringify(referenceTime)}`);
  return iso;
}

export function startImport(rawColumns: readonly string[], fields: readonly FieldDef[], opts: ImportOptions): TableImport {
  const referenceTime = normaliseReferenceTime(opts.referenceTime);
  const warnings: ImportWarning[] = [];
  const names = uniqueColumnNames(rawColumns, warnings);
  const columns = planColumns(names, fields, opts, warnings).map((plan): ColumnState => ({
    plan,
    guesser: new TypeGuesser(),
    sample: [],
    failParams: plan.compiled.options ? { options: listOptions([...plan.compiled.options.values()]) } : {},
    askedDateOrder: false,
  }));
  const leads: Lead[] = [];
  const createdAtColumn = columns.find((c) => c.plan.role === "createdAt")?.plan.column;
  const firstRowOfId = new Map<string, number>();

  function readCell(col: ColumnState, raw: unknown): CoerceResult {
    const cf = col.plan.compiled;
    let text: string | null;
    let result: CoerceResult | null = null;
    if (typeof raw === "string") {
      // The common CSV path: trim and test placeholders once, for both the guess and the coercion.
      const t = raw.trim();
      text = isBlankText(t, cf.placeholders) ? null : t;
      if (text !== null && col.plan.role !== "drop") result = coerceText(text, cf);
    } else {
      text = cellText(raw, cf.placeholders);
    }
    if (result && !result.ok && result.code === "import.ambiguous_date") col.askedDateOrder = true;
    if (text !== null) {
      col.guesser.add(text);
      if (col.sample.length < SAMPLE_SIZE && !col.sample.includes(text)) col.sample.push(text);
    }
    return result ?? (typeof raw === "string" ? { ok: true, value: null } : coerceUnknown(raw, cf));
  }

  function addRow(row: number, values: readonly unknown[]): void {
    const lead: Lead = { id: "", createdAt: "" };
    let id: FillIn = { result: { ok: true, value: null }, raw: undefined };
    let createdAt: FillIn = id;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      if (!col) continue;
      const raw = values[i];
      const { role, key, column } = col.plan;
      const result = readCell(col, raw);
      if (role === "drop") continue;
      if (role === "id") id = { result, raw };
      else if (role === "createdAt") createdAt = { result, raw };
      else {
        if (!result.ok) warnings.push(makeWarning(row, result.code, col.failParams, column, raw));
        lead[key] = result.ok ? result.value : null;
      }
    }
    lead.id = fillId(row, id);
    lead.createdAt = fillCreatedAt(row, createdAt);
    const first = firstRowOfId.get(lead.id);
    if (first === undefined) firstRowOfId.set(lead.id, row);
    else warnings.push(makeWarning(row, "import.duplicate_id", { id: lead.id, firstRow: first }, undefined, lead.id));
    leads.push(lead);
  }

  function fillId(row: number, { result, raw }: FillIn): string {
    // A boolean would read as the id "true"; that is a broken export, not an id.
    if (result.ok && typeof result.value === "string" && typeof raw !== "boolean") return result.value;
    const id = `row-${row}`;
    if (result.ok && result.value === null) warnings.push(makeWarning(row, "import.missing_id", { id }));
    else warnings.push(makeWarning(row, "import.invalid_id", { id }, undefined, raw));
    return id;
  }

  function fillCreatedAt(row: number, { result, raw }: FillIn): string {
    if (result.ok && typeof result.value === "string") return result.value;
    if (result.ok && result.value === null) {
      warnings.push(makeWarning(row, "import.missing_created_at", { referenceTime }));
    } else if (!result.ok && result.code === "import.ambiguous_date") {
      warnings.push(makeWarning(row, "import.ambiguous_created_at", { referenceTime }, createdAtColumn, raw));
    } else {
      warnings.push(makeWarning(row, "import.invalid_created_at", { referenceTime }, undefined, raw));
    }
    return referenceTime;
  }

  function settleDateOrders(valuesOf: (column: number) => Iterable<unknown>): void {
    columns.forEach((col, i) => {
      const cf = col.plan.compiled;
      if (cf.type !== "date" || cf.dateOrder) return;
      let dayFirst = false;
      let monthFirst = false;
      for (const value of valuesOf(i)) {
        const parts = typeof value === "string" ? dayMonthParts(value.trim()) : null;
        if (!parts) continue;
        if (parts[0] > 12 && parts[1] <= 12) dayFirst = true;
        else if (parts[1] > 12 && parts[0] <= 12) monthFirst = true;
        if (dayFirst && monthFirst) return;
      }
      if (dayFirst !== monthFirst) col.plan = { ...col.plan, compiled: { ...cf, dateOrder: dayFirst ? "dmy" : "mdy" } };
    });
  }

  function finish(rowCount: number): ImportResult {
    if (leads.length === 0) warnings.push(makeWarning(0, "import.empty_file"));
    return {
      leads,
      warnings,
      rowCount,
      columns: columns.map(({ plan, guesser, sample, askedDateOrder }) => {
        const info: ColumnInfo = {
          column: plan.column,
          fieldKey: plan.key,
          known: plan.role === "id" || plan.role === "createdAt" || plan.role === "field",
          guessedType: guesser.result(),
          sample,
        };
        const order = plan.compiled.dateOrder ?? (askedDateOrder ? "ask" : undefined);
        if (order) info.dateOrder = order;
        return info;
      }),
    };
  }

  return { addRow, warn: (w) => warnings.push(w), settleDateOrders, finish };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Normalises JS objects (from JSON or a library caller); row n is item n, and items that are not objects are skipped. */
export function normaliseLeads(rows: readonly Record<string, unknown>[], fields: readonly FieldDef[], opts: ImportOptions): ImportResult {
  const items: readonly unknown[] = rows;
  const keys = new Set<string>();
  for (const item of items) if (isRecord(item)) for (const k of Object.keys(item)) keys.add(k);
  const sourceKeys = [...keys];
  const table = startImport(sourceKeys, fields, opts);
  const notLeads: { index: number; value: unknown }[] = [];
  table.settleDateOrders(function* (column) {
    const key = sourceKeys[column] ?? "";
    for (const item of items) if (isRecord(item) && Object.hasOwn(item, key)) yield item[key];
  });
  items.forEach((item, i) => {
    if (!isRecord(item)) {
      table.warn(makeWarning(i + 1, "import.not_a_lead", {}, undefined, item));
      notLeads.push({ index: i, value: item });
      return;
    }
    table.addRow(
      i + 1,
      sourceKeys.map((k) => (Object.hasOwn(item, k) ? item[k] : undefined)),
    );
  });
  const result = table.finish(items.length);
  return notLeads.length > 0 ? { ...result, notLeads } : result;
}

/**
 * The list a run takes: the imported leads with each item that is not an object back at its position, so the run
 * answers it with an `error` outcome `row-<n>` exactly as the library does for the same list (nothing vanishes).
 */
export function leadsForRun(result: ImportResult): unknown[] {
  if (!result.notLeads?.length) return result.leads;
  const out: unknown[] = [];
  let next = 0;
  for (const { index, value } of result.notLeads) {
    while (out.length < index && next < result.leads.length) out.push(result.leads[next++]);
    out.push(value);
  }
  while (next < result.leads.length) out.push(result.leads[next++]);
  return out;
}
