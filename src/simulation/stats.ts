// Plain statistics for run metrics: AUC (Mann–Whitney U, ties counted half), a score histogram with round bin edges, rates.

/**
 * Area under the ROC curve of `scores` for the positive class: the chance a random positive scores above a random
 * negative, ties counting half. Computed from average ranks (Mann–Whitney U) in O(n log n); null when a class is empty.
 */
export function auc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    const value = scores[order[start] as number] as number;
    while (end + 1 < n && scores[order[end + 1] as number] === value) end++;
    // Ranks start..end (1-based start+1..end+1) are tied: each gets their mean.
    const meanRank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) if (positive[order[k] as number]) rankSum += meanRank;
    start = end + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Bin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge (the last bin also holds the maximum). */
  to: number;
  count: number;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** About `bins` bins of a round width (whole numbers when every value is whole), covering min to max. */
export function histogram(values: readonly number[], bins = 10): Bin[] {
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY,
    max = Number.NEGATIVE_INFINITY,
    whole = true;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  let step = niceStep((max - min) / Math.max(1, bins));
  if (whole) step = Math.max(1, Math.round(step));
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step))));
  const edge = (i: number) => Number((start + i * step).toFixed(decimals));
  const start = Math.floor(min / step) * step;
  const count = Math.floor((max - start) / step) + 1;
  const out: Bin[] = Array.from({ length: count }, (_, i) => ({ from: edge(i), to: edge(i + 1), count: 0 }));
  // Clamped: float rounding can put a value a hair outside the first or last bin.
  for (const v of values) (out[Math.max(0, Math.min(count - 1, Math.floor((v - start) / step)))] as Bin).count++;
  return out;
}

export interface Rate {
  /** Leads with a known outcome. */
  leads: number;
  converted: number;
  /** converted / leads; null when no lead has a known outcome. */
  rate: number | null;
}

export function rateOf(leads: number, converted: number): Rate {
  return { leads, converted, rate: leads > 0 ? converted / leads : null };
}
