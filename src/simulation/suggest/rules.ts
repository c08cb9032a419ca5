// Rounds a fitted model to whole-point score rules in the score node's own shape: same-point values of one column merge into one "is one of" rule.
import { describeRules } from "../../engine";
import type { ConditionGroup } from "../../engine";
import type { Lang } from "../../engine";
import type { ScoreRule } from "../../../nodes/score/schema";
import { auc } from "../stats";
import type { Feature } from "./features";
import { suggestText } from "./messages";

/** Points per unit of log-odds tried, smallest first: the smallest that keeps the ranking wins (small numbers read best). */
const SCALES = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40];
/** How much ranking quality (training AUC) rounding may cost before a larger scale is tried. */
const ROUNDING_LOSS = 0.002;

export interface Term {
  readonly feature: Feature;
  readonly beta: number;
}

export interface DraftRule {
  readonly rule: ScoreRule;
  readonly column: string;
  /** The rule's points for each training lead. */
  readonly points: Float64Array;
  /** How much the rule moves scores across leads (points × spread of the feature): rules are listed by it. */
  readonly weight: number;
}

function condition(f: Feature, values: readonly string[]): ConditionGroup {
  const rule =
    f.kind === "eq"
      ? values.length > 1
        ? { field: f.column, operator: "in" as const, value: [...values] }
        : { field: f.column, operator: "eq" as const, value: values[0] ?? "" }
      : f.kind === "is_true"
        ? { field: f.column, operator: "eq" as const, value: true }
        : f.kind === "gte"
          ? { field: f.column, operator: "gte" as const, value: f.value as number }
          : { field: f.column, operator: "is_empty" as const };
  return { op: "all", rules: [rule] };
}

function spread(x: Float64Array): number {
  let s = 0,
    ss = 0;
  for (const v of x) {
    s += v;
    ss += v * v;
  }
  const mean = s / x.length;
  return Math.sqrt(Math.max(0, ss / x.length - mean * mean));
}

/** Whole-point rules for one scale; `labels` names fields for the rule labels. */
export function roundTerms(terms: readonly Term[], scale: number, labels: ReadonlyMap<string, string>, lang: Lang): DraftRule[] {
  const merged = new Map<string, { f: Feature; values: string[]; x: Float64Array; points: number }>();
  const out: DraftRule[] = [];
  for (const { feature: f, beta } of terms) {
    const points = Math.round(beta * scale);
    if (points === 0) continue;
    if (f.kind === "eq") {
      const key = `${f.column}\u0000${points}`;
      const m = merged.get(key);
      if (m) {
        m.values.push(String(f.value));
        for (let i = 0; i < m.x.length; i++) m.x[i] = Math.max(m.x[i] as number, f.x[i] as number);
      } else merged.set(key, { f, values: [String(f.value)], x: Float64Array.from(f.x), points });
      continue;
    }
    if (f.kind === "per") {
      const unit = f.unit ?? 1;
      const field = labels.get(f.column) ?? f.column;
      const rule: ScoreRule = {
        label: suggestText("rule.per", { unit, field }, lang),
        per: { field: f.column, unit },
        points,
        max: Math.abs(points) * (f.cap ?? 1),
      };
      out.push({ rule, column: f.column, points: f.x.map((v) => v * points), weight: Math.abs(points) * spread(f.x) });
      continue;
    }
    const when = condition(f, []);
    out.push({
      rule: { label: describeRules(when, labels)[lang], when, points },
      column: f.column,
      points: f.x.map((v) => v * points),
      weight: Math.abs(points) * spread(f.x),
    });
  }
  for (const { f, values, x, points } of merged.values()) {
    const when = condition(f, values);
    out.push({
      rule: { label: describeRules(when, labels)[lang], when, points },
      column: f.column,
      points: x.map((v) => v * points),
      weight: Math.abs(points) * spread(x),
    });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** Each lead's total from the drafted rules (base 0). */
export function totals(rules: readonly DraftRule[], n: number): Float64Array {
  const s = new Float64Array(n);
  for (const r of rules) for (let i = 0; i < n; i++) s[i] = (s[i] as number) + (r.points[i] as number);
  return s;
}

/** Each lead's total with every term's points rounded at `scale` (merging rules does not change totals). */
function roundedTotals(terms: readonly Term[], scale: number, n: number): number[] {
  const s = new Array<number>(n).fill(0);
  for (const { feature, beta } of terms) {
    const points = Math.round(beta * scale);
    if (points === 0) continue;
    const x = feature.x;
    for (let i = 0; i < n; i++) if (x[i] !== 0) s[i] = (s[i] as number) + points * (x[i] as number);
  }
  return s;
}

/** AUC of whole-number scores by counting sales and non-sales per score (no sort: scales are tried many times). */
export function wholeScoreAuc(scores: readonly number[], y: Uint8Array): number {
  let lo = Number.POSITIVE_INFINITY,
    hi = Number.NEGATIVE_INFINITY;
  for (const v of scores) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = hi - lo + 1;
  if (!(width > 0) || width > 1e6)
    return (
      auc(
        scores,
        Array.from(y, (v) => v === 1),
      ) ?? 0.5
    );
  const pos = new Float64Array(width),
    neg = new Float64Array(width);
  scores.forEach((v, i) => {
    if (y[i] === 1) pos[v - lo] = (pos[v - lo] as number) + 1;
    else neg[v - lo] = (neg[v - lo] as number) + 1;
  });
  let below = 0,
    wins = 0,
    p = 0,
    n = 0;
  for (let k = 0; k < width; k++) {
    const pk = pos[k] as number,
      nk = neg[k] as number;
    wins += pk * (below + nk / 2);
    below += nk;
    p += pk;
    n += nk;
  }
  return p === 0 || n === 0 ? 0.5 : wins / (p * n);
}

/** The smallest scale whose rounded rules rank the training leads about as well as the exact model does. */
export function roundModel(
  terms: readonly Term[],
  eta: Float64Array,
  y: Uint8Array,
  labels: ReadonlyMap<string, string>,
  lang: Lang,
): DraftRule[] {
  const exact =
    auc(
      Array.from(eta),
      Array.from(y, (v) => v === 1),
    ) ?? 0.5;
  let chosen = SCALES[SCALES.length - 1] as number;
  for (const scale of SCALES) {
    if (wholeScoreAuc(roundedTotals(terms, scale, y.length), y) >= exact - ROUNDING_LOSS) {
      chosen = scale;
      break;
    }
  }
  return roundTerms(terms, chosen, labels, lang);
}
