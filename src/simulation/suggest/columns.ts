// The columns a suggestion can learn from: each lead key typed (the flow's field, else guessed as the import guesses), the leads re-read with those types.
import { toBoolean } from "../../engine";
import type { FieldDef } from "../../engine";
import { guessFieldType, type Lead } from "../../engine/leads";
import { coerceUnknown, compileField } from "../../engine/leads";

/** Keys every imported lead carries that describe no trait of the lead. */
const BUILT_IN = new Set(["id", "createdAt"]);
/** A guessed choice column keeps at most this many options (the import's guess allows 30). */
const MAX_OPTIONS = 40;

export interface Column {
  readonly key: string;
  /** What a manager calls it: the field's label, else the column name. */
  readonly label: string;
  readonly field: FieldDef;
  /** True when the flow does not declare it yet: the suggestion adds the field when it uses the column. */
  readonly added: boolean;
}

export interface Prepared {
  readonly columns: readonly Column[];
  /** Leads with a known outcome, re-read with every column's type (as an import with those fields would read them). */
  readonly leads: readonly Lead[];
  /** Outcome of each lead in `leads` (1 converted, 0 not). */
  readonly y: Uint8Array;
  /** Leads left out because their outcome is unknown. */
  readonly unknownOutcome: number;
  /** The flow's fields plus a field for every column the flow does not declare. */
  readonly fields: readonly FieldDef[];
}

function guessField(key: string, leads: readonly Lead[]): FieldDef {
  const texts: string[] = [];
  for (const lead of leads) {
    const v = lead[key];
    if (v === null || v === undefined) continue;
    texts.push(Array.isArray(v) ? v.join(";") : String(v));
  }
  const type = guessFieldType(texts);
  if (type !== "enum") return { key, type };
  // Options in order of how often they occur, spelled as first seen, so a manager's dropdown starts with the common ones.
  const counts = new Map<string, { text: string; n: number }>();
  for (const t of texts) {
    const k = t.trim().toLowerCase();
    const e = counts.get(k) ?? { text: t.trim(), n: 0 };
    e.n++;
    counts.set(k, e);
  }
  if (counts.size > MAX_OPTIONS) return { key, type: "string" };
  return { key, type: "enum", options: [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.text) };
}

/**
 * Types every column of the leads (declared fields keep their type) and re-reads the leads with those types, so the
 * suggestion sees exactly what the engine will see once the fields are declared (an import with them reads the same). Leads without a known outcome are left out.
 */
export function prepareColumns(leads: readonly Lead[], flowFields: readonly FieldDef[], outcome: string): Prepared {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const lead of leads)
    for (const k of Object.keys(lead))
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
  const declared = new Map(flowFields.map((f) => [f.key, f]));
  const columns: Column[] = [];
  const extra: FieldDef[] = [];
  for (const key of keys) {
    if (BUILT_IN.has(key) || key === outcome) continue;
    const known = declared.get(key);
    const field = known ?? guessField(key, leads);
    if (!known) extra.push(field);
    columns.push({ key, label: field.label ?? key, field, added: !known });
  }
  const fields = [...flowFields, ...extra];
  const known: Record<string, unknown>[] = [];
  const y: number[] = [];
  let unknownOutcome = 0;
  for (const lead of leads) {
    const c = toBoolean(lead[outcome]);
    if (c === null) {
      unknownOutcome++;
      continue;
    }
    known.push(lead);
    y.push(c ? 1 : 0);
  }
  // The import's own coercion, column by column: the values the engine will see once these fields are declared.
  const compiled = extra.map((f) => [f.key, compileField(f)] as const);
  const typed =
    compiled.length === 0
      ? (known as Lead[])
      : known.map((lead) => {
          const copy: Lead = { ...(lead as Lead) };
          for (const [key, cf] of compiled) {
            const r = coerceUnknown(lead[key], cf);
            copy[key] = r.ok ? r.value : null;
          }
          return copy;
        });
  return { columns, leads: typed, y: Uint8Array.from(y), unknownOutcome, fields };
}
