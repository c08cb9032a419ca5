// The leak test: columns that give the outcome away (near-perfect separators, a value that is almost always or never a
// sale, names of things sales record after contact) or identify the lead; each flag carries its reason.
import { auc } from "../stats";
import type { Encoded } from "./encode";

/** A column alone separating sales this well (AUC) is a result, not a predictor. */
export const SEPARATOR_AUC = 0.9;
/** A value's conversion this close to 0 % or 100 % … */
const EXTREME_RATE = 0.03;
/** … on at least this share of the leads … */
const LARGE_SUPPORT = 0.02;
/** … where chance would have given at least this many of the rarer class. */
const EXPECTED_MIN = 20;

/** Words in a column's name for judgements sales record after talking to the lead (English and Chinese exports). */
const AFTER_CONTACT =
  /\b(tags?|quality|profile|score|index|rating|status|stage|reason|notes?|lost|won|closed|outcome|result|grade)\b|标签|质量|画像|评分|分数|得分|指数|评级|状态|阶段|原因|备注|结果|成交/i;

export type LeakReason =
  | { readonly code: "separator"; readonly auc: number }
  | { readonly code: "extreme_value"; readonly value: string; readonly rate: number; readonly leads: number }
  | { readonly code: "after_contact"; readonly word: string }
  | { readonly code: "identifier"; readonly distinct: number };

export interface ColumnScreen {
  readonly column: string;
  readonly label: string;
  /** How well the column alone separates sales (AUC, 0.5 = not at all); null when it cannot be said (free text, empty). */
  readonly auc: number | null;
  readonly reasons: readonly LeakReason[];
  /** Left out by default: any reason flags it. */
  readonly flagged: boolean;
}

function isIdentifier(e: Encoded): boolean {
  if (e.filled < 50 || e.distinct < 0.9 * e.filled) return false;
  // A measurement can differ for every lead; a whole number unique to nearly every lead is a record number.
  if (e.kind === "number") return e.whole && e.distinct >= 0.99 * e.filled;
  return e.kind === "choice" || e.kind === "other";
}

/** The first value with large support whose conversion is near 0 % or 100 % (most leads first). */
function extremeValue(e: Encoded, y: Uint8Array, base: number): LeakReason | null {
  const leads = new Float64Array(e.values.length);
  const sold = new Float64Array(e.values.length);
  e.codes.forEach((c, i) => {
    if (c >= 0) {
      leads[c] = (leads[c] as number) + 1;
      sold[c] = (sold[c] as number) + (y[i] as number);
    }
  });
  const minLeads = Math.max(LARGE_SUPPORT * y.length, EXPECTED_MIN / Math.max(1e-9, Math.min(base, 1 - base)));
  const low = Math.min(EXTREME_RATE, base / 5);
  const high = 1 - Math.min(EXTREME_RATE, (1 - base) / 5);
  let best: LeakReason | null = null,
    bestLeads = 0;
  leads.forEach((n, c) => {
    const rate = (sold[c] as number) / n;
    if (n >= minLeads && (rate <= low || rate >= high) && n > bestLeads) {
      bestLeads = n;
      best = { code: "extreme_value", value: e.values[c] as string, rate, leads: n };
    }
  });
  return best;
}

/** The column's best single-column ranking of sales: each value (empty being one) stands for its conversion rate. */
function choiceAuc(e: Encoded, outcome: readonly boolean[], y: Uint8Array): number | null {
  const slots = e.values.length + 1;
  const leads = new Float64Array(slots);
  const sold = new Float64Array(slots);
  const slot = (i: number) => (e.codes[i] as number) + 1;
  for (let i = 0; i < y.length; i++) {
    leads[slot(i)] = (leads[slot(i)] as number) + 1;
    sold[slot(i)] = (sold[slot(i)] as number) + (y[i] as number);
  }
  return auc(
    Array.from(y, (_, i) => (sold[slot(i)] as number) / (leads[slot(i)] as number)),
    outcome,
  );
}

/** Screens one column against the outcome `y` (1 sold, 0 not) of the same leads. */
export function screenColumn(e: Encoded, y: Uint8Array): ColumnScreen {
  const col = e.column;
  const reasons: LeakReason[] = [];
  const word = AFTER_CONTACT.exec(col.key) ?? (col.label !== col.key ? AFTER_CONTACT.exec(col.label) : null);
  if (word) reasons.push({ code: "after_contact", word: word[0] });
  const outcome = Array.from(y, (v) => v === 1);
  const base = y.reduce((s, v) => s + v, 0) / Math.max(1, y.length);
  let single: number | null = null;
  if (isIdentifier(e)) reasons.push({ code: "identifier", distinct: e.distinct });
  else if (e.kind === "number" || e.kind === "boolean") {
    // Empty cells rank below every value; which end predicts sales does not matter to a separator.
    const a = auc(
      Array.from(e.nums, (v) => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v)),
      outcome,
    );
    single = a === null ? null : Math.max(a, 1 - a);
  } else if (e.kind === "choice") {
    single = choiceAuc(e, outcome, y);
    const extreme = extremeValue(e, y, base);
    if (extreme) reasons.push(extreme);
  }
  if (single !== null && single >= SEPARATOR_AUC) reasons.unshift({ code: "separator", auc: single });
  return { column: col.key, label: col.label, auc: single, reasons, flagged: reasons.length > 0 };
}

export function screenColumns(encoded: readonly Encoded[], y: Uint8Array): ColumnScreen[] {
  return encoded.map((e) => screenColumn(e, y));
}
