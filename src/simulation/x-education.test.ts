// The real X Education export (9,240 leads) through the fixture flow: chunked runs, AUC and Gini checked independently.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type RunResult, loadFlow, type Flow, type Lead } from "../engine";
import { parseLeadsCsv } from "../engine/leads";
import { computeMetrics, type Metrics } from "./metrics";
import { runInChunks } from "./run-chunks";

const CSV = new URL("../../../shared/data/x-education/leads.csv", import.meta.url);
const FLOW = new URL("../../test/fixtures/x-education.flow.json", import.meta.url);

let flow: Flow;
let leads: Lead[];
let whole: RunResult;
let metrics: Metrics;

beforeAll(() => {
  flow = loadFlow(JSON.parse(readFileSync(FLOW, "utf8")));
  leads = parseLeadsCsv(readFileSync(CSV, "utf8"), flow.fields, { referenceTime: flow.settings?.referenceTime ?? "" }).leads;
  whole = compileFlow(flow).run(leads);
  metrics = computeMetrics(flow, leads, whole, { outcomeField: "converted" });
});

describe("X Education leads through the fixture flow", () => {
  it("gives the same results run in chunks of 2,000 as in one run", async () => {
    const chunked = await runInChunks(compileFlow(flow), leads, { chunkSize: 2_000, pause: async () => {} });
    expect(chunked.kind).toBe("done");
    expect(leads).toHaveLength(9240);
    expect(JSON.stringify(chunked.kind === "done" && chunked.result)).toBe(JSON.stringify(whole));
  });

  it("computes the score's AUC equal to a brute-force count over every converted × not-converted pair", () => {
    const pos: number[] = [];
    const neg: number[] = [];
    whole.outcomes.forEach((o, i) => {
      if (typeof o.score !== "number") return;
      (leads[i]?.converted === true ? pos : leads[i]?.converted === false ? neg : []).push(o.score);
    });
    const p = Float64Array.from(pos);
    const n = Float64Array.from(neg);
    let wins = 0;
    for (let i = 0; i < p.length; i++) {
      const s = p[i] as number;
      for (let j = 0; j < n.length; j++) {
        const t = n[j] as number;
        if (s > t) wins += 1;
        else if (s === t) wins += 0.5;
      }
    }
    const brute = wins / (p.length * n.length);
    expect(metrics.conversion?.aucLeads).toBe(p.length + n.length);
    expect(metrics.conversion?.auc).toBeCloseTo(brute, 12);
    // The engagement score does separate converters: well above chance.
    expect(brute).toBeGreaterThan(0.7);
  });

  it("counts conversion over every lead (3,561 of 9,240) and per grade", () => {
    expect(metrics.conversion?.overall).toEqual({ leads: 9240, converted: 3561, rate: 3561 / 9240 });
    const byGrade = metrics.conversion?.byGrade ?? [];
    expect(byGrade.map((g) => g.grade)).toEqual(["A", "B", "C"]);
    const rates = byGrade.map((g) => g.rate ?? 0);
    expect(rates[0]).toBeGreaterThan(rates[2] ?? 1);
  });

  it("reports each team's Gini equal to the mean-absolute-difference definition of the active advisers' counts", () => {
    const counts = metrics.owners.filter((o) => o.team === "advisers" && o.active).map((o) => o.received);
    let sum = 0;
    for (const a of counts) for (const b of counts) sum += Math.abs(a - b);
    const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
    const gini = sum / (counts.length * counts.length) / (2 * mean);
    expect(metrics.teams.find((t) => t.team === "advisers")?.gini).toBeCloseTo(gini, 12);
    // Weights 2:1:1 → expected shares ½, ¼, ¼, and smooth weighted round robin meets them within a lead.
    const advisers = metrics.owners.filter((o) => o.team === "advisers");
    expect(advisers.map((o) => o.expectedShare)).toEqual([0.5, 0.25, 0.25]);
    for (const o of advisers) expect(Math.abs((o.expected ?? 0) - o.received)).toBeLessThanOrEqual(1);
  });
});
