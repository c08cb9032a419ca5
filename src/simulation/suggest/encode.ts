// Each column read once into typed arrays (choice codes, numbers, empties), so leak tests and every fold's features are array work.
import { isEmptyValue, normText, toNumber } from "../../engine";
import type { Lead } from "../../engine/leads";
import type { Column } from "./columns";

/** A choice with more values than this is free text: only "is empty" is offered for it. */
export const MAX_CHOICES = 40;

export interface Encoded {
  readonly column: Column;
  readonly kind: "choice" | "number" | "boolean" | "other";
  /** choice: index into `values` per lead, -1 when empty. */
  readonly codes: Int32Array;
  /** choice: each value as most often spelled (compared without case, as conditions compare). */
  readonly values: readonly string[];
  /** number: the value per lead, NaN when empty; boolean: 1, 0 or NaN. */
  readonly nums: Float64Array;
  readonly empty: Uint8Array;
  /** Distinct non-empty values (case-insensitive), and how many leads have one. */
  readonly distinct: number;
  readonly filled: number;
  /** number: every value is a whole number. */
  readonly whole: boolean;
}

export function encodeColumn(column: Column, leads: readonly Lead[]): Encoded {
  const n = leads.length;
  const empty = new Uint8Array(n);
  const codes = new Int32Array(n).fill(-1);
  const nums = new Float64Array(n).fill(Number.NaN);
  const type = column.field.type;
  const kindOf = type === "number" ? "number" : type === "boolean" ? "boolean" : type === "string" || type === "enum" ? "choice" : "other";
  const index = new Map<string, number>();
  const spellings: Map<string, number>[] = [];
  let filled = 0;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = (leads[i] as Lead)[column.key];
    if (isEmptyValue(v)) {
      empty[i] = 1;
      continue;
    }
    filled++;
    if (kindOf === "number") {
      const x = toNumber(v);
      nums[i] = x;
      if (whole && Number.isFinite(x) && !Number.isInteger(x)) whole = false;
      const k = String(x);
      if (!index.has(k)) index.set(k, index.size);
      continue;
    }
    if (kindOf === "boolean") nums[i] = v === true ? 1 : v === false ? 0 : Number.NaN;
    const text = Array.isArray(v) ? v.join(";") : String(v);
    const k = normText(text);
    let code = index.get(k);
    if (code === undefined) {
      code = index.size;
      index.set(k, code);
      spellings.push(new Map());
    }
    codes[i] = code;
    const s = spellings[code] as Map<string, number>;
    s.set(text.trim(), (s.get(text.trim()) ?? 0) + 1);
  }
  const values = spellings.map((s) => [...s].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "");
  const kind = kindOf === "choice" && index.size > MAX_CHOICES ? "other" : kindOf;
  return { column, kind, codes, values, nums, empty, distinct: index.size, filled, whole };
}

export function encodeColumns(columns: readonly Column[], leads: readonly Lead[]): Encoded[] {
  return columns.map((c) => encodeColumn(c, leads));
}
