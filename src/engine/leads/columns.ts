// Decides, once per import, which lead key each source column feeds and how its cells are coerced.
import { compileField, type CompiledField } from "./coerce";
import { makeWarning } from "./messages";
import type { FieldDef, ImportOptions, ImportWarning } from "./types";

export type ColumnRole = "id" | "createdAt" | "field" | "extra" | "drop";

export interface ColumnPlan {
  /** Source column name as reported in `ColumnInfo.column`. */
  column: string;
  /** Lead key the values go to; "" when dropped. */
  key: string;
  role: ColumnRole;
  compiled: CompiledField;
}

/** Keys that would reach or shadow prototypes; the expression language cannot read them either. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** "Lead Source", "lead_source" and "leadSource" all read as "leadsource". */
export function matchName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** Trims header names, names empty ones `column_<n>` and renames repeats `<name>_2`, `<name>_3`, …. */
export function uniqueColumnNames(raw: readonly string[], warnings: ImportWarning[]): string[] {
  const taken = new Set<string>();
  // The next suffix to try per base name, so 40,000 columns of one name take linear, not quadratic, time.
  const nextSuffix = new Map<string, number>();
  const names: string[] = [];
  raw.forEach((r, i) => {
    const base = r.trim() === "" ? `column_${i + 1}` : r.trim();
    let name = base;
    if (taken.has(name)) {
      let k = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}_${k}`)) k++;
      name = `${base}_${k}`;
      nextSuffix.set(base, k + 1);
    }
    if (name !== base) warnings.push(makeWarning(0, "import.duplicate_column", { original: base }, name));
    taken.add(name);
    names.push(name);
  });
  return names;
}

const BUILT_IN: readonly FieldDef[] = [
  { key: "id", type: "string" },
  { key: "createdAt", type: "date" },
];

interface Candidate {
  key: string;
  field: FieldDef | null;
  /** 0 columnMap, 1 key match, 2 label match, 3 unknown column: lower wins a conflict. */
  priority: number;
}

function roleOf(key: string, field: FieldDef | null): ColumnRole {
  if (key === "id") return "id";
  if (key === "createdAt") return "createdAt";
  return field ? "field" : "extra";
}

/** id is always text and createdAt always a date, whatever type a flow gives them. */
function fieldFor(role: ColumnRole, field: FieldDef | null): FieldDef | null {
  if (role === "id") return { ...field, key: "id", type: "string" };
  if (role === "createdAt") return { ...field, key: "createdAt", type: "date" };
  return field;
}

export function planColumns(
  names: readonly string[],
  fields: readonly FieldDef[],
  opts: ImportOptions,
  warnings: ImportWarning[],
): ColumnPlan[] {
  const usable = fields.filter((f) => f.key !== "" && !RESERVED_KEYS.has(f.key));
  const all = [...usable, ...BUILT_IN.filter((b) => !usable.some((f) => f.key === b.key))];
  const byExactKey = new Map<string, FieldDef>();
  const byKey = new Map<string, FieldDef>();
  const byLabel = new Map<string, FieldDef>();
  for (const f of all) {
    if (!byExactKey.has(f.key)) byExactKey.set(f.key, f);
    if (!byKey.has(matchName(f.key))) byKey.set(matchName(f.key), f);
    if (f.label !== undefined && f.label.trim() !== "" && !byLabel.has(matchName(f.label))) {
      byLabel.set(matchName(f.label), f);
    }
  }
  const columnMap = opts.columnMap ?? {};

  const candidates: (Candidate | null)[] = names.map((name) => {
    // hasOwn: a column called "constructor" must not find Object.prototype.constructor in the map.
    const mapped = Object.hasOwn(columnMap, name) ? columnMap[name] : undefined;
    if (typeof mapped === "string") {
      const target = mapped.trim();
      return target === "" ? null : { key: target, field: byExactKey.get(target) ?? null, priority: 0 };
    }
    const n = matchName(name);
    const keyed = byKey.get(n);
    if (keyed) return { key: keyed.key, field: keyed, priority: 1 };
    const labelled = byLabel.get(n);
    if (labelled) return { key: labelled.key, field: labelled, priority: 2 };
    return { key: name, field: null, priority: 3 };
  });

  // Winner per key: best priority, then first column.
  const winner = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (!c || RESERVED_KEYS.has(c.key)) return;
    const best = winner.get(c.key);
    if (best === undefined || c.priority < (candidates[best]?.priority ?? Infinity)) winner.set(c.key, i);
  });

  return names.map((column, i): ColumnPlan => {
    const c = candidates[i];
    const drop: ColumnPlan = { column, key: "", role: "drop", compiled: compileField(null, opts.placeholders) };
    if (!c) return drop;
    if (RESERVED_KEYS.has(c.key)) {
      warnings.push(makeWarning(0, "import.reserved_column", { fieldKey: c.key }, column));
      return drop;
    }
    const w = winner.get(c.key);
    if (w !== i) {
      warnings.push(makeWarning(0, "import.column_conflict", { fieldKey: c.key, winner: names[w ?? 0] ?? "" }, column));
      return drop;
    }
    const role = roleOf(c.key, c.field);
    const order = (Object.hasOwn(opts.dateOrders ?? {}, column) ? opts.dateOrders?.[column] : undefined) ?? opts.dateOrder;
    return { column, key: c.key, role, compiled: compileField(fieldFor(role, c.field), opts.placeholders, order) };
  });
}
