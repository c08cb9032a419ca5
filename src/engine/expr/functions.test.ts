// Function tests: each function's result, its null answer for wrong kinds, and the designer's function list.
import { describe, expect, it } from "vitest";
import { EXPR_FUNCTIONS, checkExpression } from "./index";
import { timeOf } from "./dates";

const REF = Date.UTC(2024, 0, 31, 12);

const LEAD: Record<string, unknown> = {
  name: "  Acme GmbH ",
  email: "Ann@Example.COM",
  tags: ["VIP", "eu"],
  scores: [4, 9, -2],
  mixed: [1, "two"],
  n: -3.5,
  big: "x".repeat(10_001),
  created: "2024-01-01",
};

function run(source: string, lead: Record<string, unknown> = LEAD, ref = REF): unknown {
  const r = checkExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.errors[0]?.message}`);
  return r.fn(lead, ref);
}

const cases: Record<string, [string, unknown][]> = {
  lower: [
    ["lower('ÀBC')", "àbc"],
    ["lower(name)", "  acme gmbh "],
    ["lower(5)", null],
    ["lower(missing)", null],
    ["lower(tags)", null],
    ["lower(big)", null],
  ],
  upper: [
    ["upper('straße')", "STRASSE"],
    ["upper(true)", null],
    ["upper(null)", null],
  ],
  trim: [
    ["trim(name)", "Acme GmbH"],
    ["trim('\\t x \\n')", "x"],
    ["trim(1)", null],
  ],
  len: [
    ["len('abc')", 3],
    ["len('')", 0],
    ["len(name)", 12],
    ["len(tags)", 2],
    ["len([])", 0],
    ["len(5)", null],
    ["len(missing)", null],
  ],
  contains: [
    ["contains(name, 'GMBH')", true],
    ["contains(name, ' acme ')", true],
    ["contains(name, 'corp')", false],
    ["contains(name, '')", true],
    ["contains(tags, 'vip ')", true],
    ["contains(tags, 'us')", false],
    ["contains(scores, '9')", true],
    ["contains(name, 5)", null],
    ["contains(missing, 'a')", null],
    ["contains(5, 5)", null],
    ["contains(tags, missing)", false],
  ],
  startsWith: [
    ["startsWith(name, 'acme')", true],
    ["startsWith(email, ' ANN@')", true],
    ["startsWith(name, 'gmbh')", false],
    ["startsWith(tags, 'v')", null],
    ["startsWith(name, 1)", null],
  ],
  endsWith: [
    ["endsWith(email, '.com')", true],
    ["endsWith(name, 'GMBH')", true],
    ["endsWith(email, 'ann')", false],
    ["endsWith(missing, 'x')", null],
  ],
  min: [
    ["min(3)", 3],
    ["min(3, 1, 2)", 1],
    ["min(scores)", -2],
    ["min(scores, -5)", -5],
    ["min(n, 0)", -3.5],
    ["min(1, missing)", null],
    ["min(1, 'a')", null],
    ["min(mixed)", null],
    ["min([])", null],
    ["min('1', 2)", null],
  ],
  max: [
    ["max(3, 1, 2)", 3],
    ["max(scores, [10])", 10],
    ["max(-1)", -1],
    ["max(true, 1)", null],
  ],
  abs: [
    ["abs(n)", 3.5],
    ["abs(4)", 4],
    ["abs(-0)", 0],
    ["abs('-4')", null],
    ["abs(missing)", null],
  ],
  round: [
    ["round(2.5)", 3],
    ["round(-2.5)", -3],
    ["round(2.345, 2)", 2.35],
    ["round(1.005, 2)", 1.01],
    ["round(1234.5, -2)", 1200],
    ["round(-0.001, 2)", 0],
    ["round(n)", -4],
    ["round(0.0000003, 7)", 3e-7],
    ["round(0.00000035, 7)", 4e-7],
    ["round(2, 1.5)", null],
    ["round(2, 16)", null],
    ["round('2')", null],
    ["round(2, missing)", null],
  ],
  daysSince: [
    ["daysSince(created)", 30],
    ["daysSince('2024-01-31')", 0],
    ["daysSince('2024-01-31T12:00:01Z')", -1],
    ["daysSince('2024-02-10')", -10],
    ["daysSince('2024-01-30T13:00:00+01:00')", 1],
    ["daysSince('2024-01-30 12:00')", 1],
    ["daysSince(1704067200000)", 30],
    ["daysSince('31/01/2024')", null],
    ["daysSince('2024-02-30')", null],
    ["daysSince('')", null],
    ["daysSince(missing)", null],
    ["daysSince(true)", null],
  ],
};

describe("functions", () => {
  for (const [name, rows] of Object.entries(cases)) {
    it.each(rows)(`${name}: %s → %j`, (source, expected) => {
      expect(run(source)).toEqual(expected);
    });
  }

  it("has a case table for every function, and a description of each in both languages", () => {
    expect(EXPR_FUNCTIONS.map((f) => f.name).sort()).toEqual(Object.keys(cases).sort());
    for (const f of EXPR_FUNCTIONS) {
      expect(f.signature.startsWith(`${f.name}(`)).toBe(true);
      expect(f.doc.en.length).toBeGreaterThan(10);
      expect(f.doc["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("counts len of a million-item lead list quickly", () => {
    const lead = { items: Array.from({ length: 1_000_000 }, (_, i) => i) };
    const fn = (checkExpression("len(items) == 1000000 and contains(items, 999999)") as { fn: (l: object, r: number) => unknown }).fn;
    const t = performance.now();
    expect(fn(lead, REF)).toBe(true);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe("dates", () => {
  it.each([
    ["2024-01-01", Date.UTC(2024, 0, 1)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2023-02-29", null],
    ["2024-01-01T10:20:30.456Z", Date.UTC(2024, 0, 1, 10, 20, 30, 456)],
    ["2024-01-01T10:20:30,5", Date.UTC(2024, 0, 1, 10, 20, 30, 500)],
    ["2024-01-01T10:20+0530", Date.UTC(2024, 0, 1, 4, 50)],
    ["2024-01-01T10:20-05", Date.UTC(2024, 0, 1, 15, 20)],
    ["0050-06-01", Date.UTC(2050, 5, 1) - 2000 * 365.2425 * 86_400_000],
    ["2024-01-01T24:00", null],
    ["2024-13-01", null],
    ["2024-1-1", null],
    ["yesterday", null],
  ])("timeOf(%s)", (text, expected) => {
    expect(timeOf(text)).toBe(expected);
  });
});
