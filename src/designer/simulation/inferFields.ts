// Lead fields read off leads (imported or generated): a type per key and, for a choice, the options its values show.
import type { FieldDef, FieldType, Flow, Lead, LeadValue } from "../../engine";
import { guessFieldType } from "../../engine/leads";

/** A field the leads have and the flow does not (`existing` false), or a choice of the flow that lists no options yet. */
export interface InferredField {
  readonly key: string;
  readonly type: FieldType;
  /** A choice's options: the distinct values seen, most frequent first. */
  readonly options?: readonly string[];
  readonly existing: boolean;
}

const BUILT_IN = new Set(["id", "createdAt"]);
/** The type guess reads this many leads; options are counted over all of them. */
const GUESS_LEADS = 5000;
/** A choice with more options than this is not a choice a manager picks from; the rest are left out. */
export const MAX_OPTIONS = 200;

function texts(value: LeadValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter((v) => v !== "");
  const t = String(value).trim();
  return t === "" ? [] : [t];
}

/** Distinct values of `key` in the leads, most frequent first (ties keep the order they were first seen in). */
export function optionsSeen(leads: readonly Lead[], key: string, max = MAX_OPTIONS): string[] {
  const counts = new Map<string, number>();
  for (const lead of leads) for (const t of texts(lead[key])) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([t]) => t);
}

/**
 * What the leads say about fields: each key the flow lacks, with a type guessed from its values (or the one the user
 * chose in `types`), and choices of the flow without options. id and createdAt are the lead's own, never fields.
 */
export function inferFields(
  leads: readonly Lead[],
  fields: readonly FieldDef[],
  types: Readonly<Record<string, FieldType>> = {},
): InferredField[] {
  const known = new Map(fields.map((f) => [f.key, f]));
  const keys: string[] = [];
  for (const lead of leads.slice(0, GUESS_LEADS))
    for (const k of Object.keys(lead)) if (!BUILT_IN.has(k) && !keys.includes(k)) keys.push(k);
  const out: InferredField[] = [];
  for (const key of keys) {
    const field = known.get(key);
    if (field) {
      if (field.type === "enum" && (field.options ?? []).length === 0) {
        out.push({ key, type: "enum", options: optionsSeen(leads, key), existing: true });
      }
      continue;
    }
    const type = types[key] ?? guessFieldType(leads.slice(0, GUESS_LEADS).flatMap((l) => texts(l[key])));
    out.push(type === "enum" ? { key, type, options: optionsSeen(leads, key), existing: false } : { key, type, existing: false });
  }
  return out;
}

/** Puts inferred fields into a flow's field list (a draft inside a store change): new ones appended, options filled in. */
export function applyInferred(target: Flow["fields"], inferred: readonly InferredField[]): void {
  for (const f of inferred) {
    const existing = target.find((d) => d.key === f.key);
    if (existing) {
      if (f.options && existing.type === "enum" && (existing.options ?? []).length === 0) existing.options = [...f.options];
      continue;
    }
    target.push(f.options ? { key: f.key, type: f.type, options: [...f.options] } : { key: f.key, type: f.type });
  }
}
