// Candidate rules a manager can read, each with its value per training lead: a choice equals X, a number at least N,
// so many points per unit, a yes, an empty field. Thresholds come from the training leads only.
import { niceStep } from "../stats";
import type { Encoded } from "./encode";

/** Quantiles tried as "at least" thresholds of a number. */
const THRESHOLD_QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9];
/** A per-unit rule counts up to about this many units (its cap sits near the 95th percentile). */
const PER_UNITS = 10;

export type FeatureKind = "eq" | "is_true" | "gte" | "per" | "is_empty";

export interface Feature {
  readonly column: string;
  readonly kind: FeatureKind;
  /** eq: the value as most often spelled; gte: the threshold. */
  readonly value?: string | number;
  /** per: unit size and the most units counted. */
  readonly unit?: number;
  readonly cap?: number;
  /** The feature's value for each training lead (1/0, or whole units for `per`). */
  readonly x: Float64Array;
}

/** The fewest leads a candidate must cover (and leave out) to be worth a rule. */
export function minSupport(n: number): number {
  return Math.max(10, Math.ceil(n * 0.005));
}

/** Two significant digits: thresholds a manager would write (1,234 → 1,200). */
export function roundNice(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  const power = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
  return Number((Math.round(v / power) * power).toPrecision(12));
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] as number;
}

function worthIt(x: Float64Array, support: number): boolean {
  let n = 0;
  for (const v of x) if (v !== 0) n++;
  return n >= support && x.length - n >= support;
}

function choiceFeatures(e: Encoded, rows: Int32Array, support: number): Feature[] {
  const out: Feature[] = [];
  const xs = e.values.map(() => new Float64Array(rows.length));
  rows.forEach((r, i) => {
    const c = e.codes[r] as number;
    if (c >= 0) (xs[c] as Float64Array)[i] = 1;
  });
  xs.forEach((x, c) => {
    if (worthIt(x, support)) out.push({ column: e.column.key, kind: "eq", value: e.values[c] as string, x });
  });
  return out;
}

function numberFeatures(e: Encoded, rows: Int32Array, support: number): Feature[] {
  const col = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) col[i] = e.nums[rows[i] as number] as number;
  const sorted = col.filter(Number.isFinite).sort();
  if (sorted.length < support) return [];
  const out: Feature[] = [];
  const seen = new Set<number>();
  for (const q of THRESHOLD_QUANTILES) {
    const t = roundNice(quantile(sorted, q));
    if (seen.has(t)) continue;
    seen.add(t);
    const x = col.map((v) => (v >= t ? 1 : 0));
    if (worthIt(x, support)) out.push({ column: e.column.key, kind: "gte", value: t, x });
  }
  const top = quantile(sorted, 0.95);
  if (top > 0) {
    const unit = niceStep(top / PER_UNITS);
    const cap = Math.max(1, Math.ceil(top / unit));
    // Exactly what the score node gives per unit: floor(value / unit) units, at most `cap` either way; empty counts 0.
    const x = col.map((v) => (Number.isFinite(v) ? Math.max(-cap, Math.min(cap, Math.floor(v / unit))) : 0));
    out.push({ column: e.column.key, kind: "per", unit, cap, x });
  }
  return out;
}

/** Every candidate feature of the usable columns for the leads at `rows`. */
export function buildFeatures(encoded: readonly Encoded[], rows: Int32Array): Feature[] {
  const support = minSupport(rows.length);
  const out: Feature[] = [];
  for (const e of encoded) {
    if (e.kind === "boolean") {
      const x = Float64Array.from(rows, (r) => (e.nums[r] === 1 ? 1 : 0));
      if (worthIt(x, support)) out.push({ column: e.column.key, kind: "is_true", x });
    } else if (e.kind === "number") out.push(...numberFeatures(e, rows, support));
    else if (e.kind === "choice") out.push(...choiceFeatures(e, rows, support));
    const empty = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) empty[i] = e.empty[rows[i] as number] as number;
    if (worthIt(empty, support)) out.push({ column: e.column.key, kind: "is_empty", x: empty });
  }
  return out;
}
