import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini } from "../engine";
import { auc, histogram, niceStep } from "./stats";

/** Straight from the definition: over every (positive, negative) pair, 1 when the positive scores higher, ½ on a tie. */
function pairwiseAuc(scores: readonly number[], positive: readonly boolean[]): number | null {
  let wins = 0,
    pairs = 0;
  scores.forEach((p, i) => {
    if (!positive[i]) return;
    scores.forEach((n, j) => {
      if (positive[j]) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return pairs === 0 ? null : wins / pairs;
}

/** Gini as the mean absolute difference over all ordered pairs divided by twice the mean. */
function madGini(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 0 || mean === 0) return 0;
  let sum = 0;
  for (const a of values) for (const b of values) sum += Math.abs(a - b);
  return sum / (n * n) / (2 * mean);
}

describe("auc", () => {
  it("matches the pairwise definition on random scores with many ties", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.boolean()), { maxLength: 80 }), (rows) => {
        const scores = rows.map(([s]) => s);
        const labels = rows.map(([, l]) => l);
        const expected = pairwiseAuc(scores, labels);
        const got = auc(scores, labels);
        if (expected === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(expected, 12);
      }),
      { numRuns: 300 },
    );
  });

  it("gives hand-computed values", () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([1, 2, 3, 4], [true, true, false, false])).toBe(0);
    expect(auc([7, 7], [true, false])).toBe(0.5);
    // The scikit-learn documentation's example: 3 of the 4 pairs are ordered right.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // Positives 2, 2; negatives 1, 2, 3: pairs (2>1)=1, (2=2)=½, (2<3)=0, twice → 3/6.
    expect(auc([2, 2, 1, 2, 3], [true, true, false, false, false])).toBe(0.5);
  });

  it("is null when either class is empty", () => {
    expect(auc([1, 2], [true, true])).toBeNull();
    expect(auc([1, 2], [false, false])).toBeNull();
    expect(auc([], [])).toBeNull();
  });
});

describe("gini (the engine's, which team metrics reuse)", () => {
  it("equals the mean-absolute-difference definition on random counts", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 40 }), (counts) => {
        expect(gini(counts)).toBeCloseTo(madGini(counts), 12);
      }),
      { numRuns: 300 },
    );
  });

  it("gives hand-computed values", () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBe(0.75); // (n − 1) / n when one member gets everything
    expect(gini([1, 3])).toBe(0.25); // |1 − 3| · 2 / (2² · 2 · 2)
    expect(gini([])).toBe(0);
  });
});

describe("histogram", () => {
  it("uses round bin widths, counts every value once and keeps the maximum in the last bin", () => {
    const bins = histogram([0, 3, 9, 10, 47, 50]);
    expect(bins[0]).toEqual({ from: 0, to: 5, count: 2 });
    expect(bins.at(-1)).toEqual({ from: 50, to: 55, count: 1 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(6);
    expect(histogram([1.1, 1.3, 1.9], 4).map((b) => b.from)).toEqual([1, 1.2, 1.4, 1.6, 1.8]);
    expect(histogram([4, 4])).toEqual([{ from: 4, to: 5, count: 2 }]);
    expect(histogram([])).toEqual([]);
  });

  it("covers every value for random data", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 100),
          { minLength: 1, maxLength: 100 },
        ),
        fc.integer({ min: 1, max: 30 }),
        (values, n) => {
          const bins = histogram(values, n);
          expect(bins.reduce((s, b) => s + b.count, 0)).toBe(values.length);
          for (const v of values) expect(bins.some((b) => v >= b.from - 1e-9 && (v < b.to || b === bins.at(-1)))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("picks 1, 2 or 5 times a power of ten", () => {
    expect([0.07, 0.3, 1, 1.5, 3, 7, 40].map(niceStep)).toEqual([0.1, 0.5, 1, 2, 5, 10, 50]);
  });
});
