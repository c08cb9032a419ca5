// A sparse logistic regression: forward selection by the score test, each step refitted by Newton's method; deterministic, no randomness.

export interface LogisticFit {
  readonly intercept: number;
  /** Coefficient per selected feature, in `selected` order. */
  readonly beta: readonly number[];
  readonly selected: readonly number[];
}

/** A touch of ridge keeps Newton's steps finite when a feature separates perfectly or two features coincide. */
const RIDGE = 1e-3;
const NEWTON_STEPS = 25;
const SELECTION_STEPS = 2;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A x = b (A symmetric positive definite, row-major n×n) by Cholesky; A is overwritten. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (a[j * n + k] as number) ** 2;
    const root = Math.sqrt(Math.max(d, 1e-12));
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (a[i * n + k] as number) * (a[j * n + k] as number);
      a[i * n + j] = s / root;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (a[i * n + k] as number) * (z[k] as number);
    z[i] = s / (a[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < n; k++) s -= (a[k * n + i] as number) * (x[k] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  return x;
}

/** Fits intercept + coefficients of the chosen columns by Newton's method, starting from `start` (warm start). */
export function fitSubset(
  xs: readonly Float64Array[],
  y: Uint8Array,
  selected: readonly number[],
  start?: readonly number[],
  steps = NEWTON_STEPS,
): { intercept: number; beta: number[]; eta: Float64Array } {
  const n = y.length;
  const k = selected.length + 1;
  const cols = selected.map((j) => xs[j] as Float64Array);
  const w = Float64Array.from(start ?? [], (v) => v);
  const params = new Float64Array(k);
  params.set(w.subarray(0, k));
  if (!start) {
    const mean = y.reduce((s, v) => s + v, 0) / n;
    params[0] = Math.log(Math.max(mean, 1e-6) / Math.max(1 - mean, 1e-6));
  }
  const eta = new Float64Array(n);
  for (let step = 0; step < steps; step++) {
    const grad = new Float64Array(k);
    const hess = new Float64Array(k * k);
    const row = new Float64Array(k);
    row[0] = 1;
    for (let i = 0; i < n; i++) {
      let z = params[0] as number;
      for (let c = 1; c < k; c++) {
        const v = (cols[c - 1] as Float64Array)[i] as number;
        row[c] = v;
        z += (params[c] as number) * v;
      }
      eta[i] = z;
      const p = sigmoid(z);
      const r = (y[i] as number) - p;
      const wt = p * (1 - p);
      for (let a = 0; a < k; a++) {
        const ra = row[a] as number;
        if (ra === 0) continue;
        grad[a] = (grad[a] as number) + r * ra;
        for (let b = 0; b <= a; b++) hess[a * k + b] = (hess[a * k + b] as number) + wt * ra * (row[b] as number);
      }
    }
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < a; b++) hess[b * k + a] = hess[a * k + b] as number;
      if (a > 0) {
        hess[a * k + a] = (hess[a * k + a] as number) + RIDGE * n;
        grad[a] = (grad[a] as number) - RIDGE * n * (params[a] as number);
      }
    }
    const delta = solve(hess, grad, k);
    let size = 0;
    for (let a = 0; a < k; a++) {
      params[a] = (params[a] as number) + (delta[a] as number);
      size = Math.max(size, Math.abs(delta[a] as number));
    }
    if (size < 1e-4) break;
  }
  for (let i = 0; i < n; i++) {
    let z = params[0] as number;
    for (let c = 1; c < k; c++) z += (params[c] as number) * ((cols[c - 1] as Float64Array)[i] as number);
    eta[i] = z;
  }
  return { intercept: params[0] as number, beta: Array.from(params.subarray(1)), eta };
}

/**
 * Adds, one at a time, the feature whose score statistic (how much the fit would improve, to first order) is largest,
 * while it exceeds `minStat` (a BIC-like ln n keeps noise out) and fewer than `maxFeatures` are chosen.
 * `allowed` says which features may be chosen at all.
 */
export function forwardSelect(
  xs: readonly Float64Array[],
  y: Uint8Array,
  maxFeatures: number,
  allowed: (j: number) => boolean,
): LogisticFit {
  const n = y.length;
  const minStat = Math.log(Math.max(n, 3));
  let selected: number[] = [];
  let fit = fitSubset(xs, y, selected);
  // Most candidates are yes/no flags true for a minority of leads: visiting only their non-zero leads is far cheaper.
  const nonZero = xs.map((x) => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (x[i] !== 0) idx.push(i);
    return Int32Array.from(idx);
  });
  while (selected.length < maxFeatures) {
    const p = new Float64Array(n);
    const w = new Float64Array(n);
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const pi = sigmoid(fit.eta[i] as number);
      p[i] = pi;
      w[i] = pi * (1 - pi);
      sw += w[i] as number;
    }
    let best = -1,
      bestStat = minStat;
    for (let j = 0; j < xs.length; j++) {
      if (!allowed(j) || selected.includes(j)) continue;
      const x = xs[j] as Float64Array;
      let u = 0,
        swx = 0,
        swxx = 0;
      for (const i of nonZero[j] as Int32Array) {
        const v = x[i] as number;
        const wt = w[i] as number;
        u += ((y[i] as number) - (p[i] as number)) * v;
        swx += wt * v;
        swxx += wt * v * v;
      }
      const info = swxx - (swx * swx) / sw;
      if (info <= 1e-9) continue;
      const stat = (u * u) / info;
      if (stat > bestStat) {
        bestStat = stat;
        best = j;
      }
    }
    if (best < 0) break;
    selected = [...selected, best];
    // A few warm-started Newton steps are enough to rank the next candidates; the final fit converges fully.
    fit = fitSubset(xs, y, selected, [fit.intercept, ...fit.beta, 0], SELECTION_STEPS);
  }
  fit = fitSubset(xs, y, selected, [fit.intercept, ...fit.beta]);
  return { intercept: fit.intercept, beta: fit.beta, selected };
}
