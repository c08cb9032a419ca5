// The score suggestion on synthetic leads from a known rule, and its determinism, overrides and limits.
import { describe, expect, it } from "vitest";
import type { Lead } from "../../engine/leads";
import { scoreConfigSchema } from "../../../nodes/score/schema";
import { Random } from "../random";
import { auc } from "../stats";
import {
  engineScores,
  scoreOnlyFlow,
  suggestPart,
  suggestParts,
  suggestScore,
  withFolds,
  type FoldAuc,
  type ScoreSuggestion,
} from "./index";

const fields = [
  { key: "plan", label: "Plan", type: "enum" as const, options: ["free", "basic", "pro"] },
  { key: "visits", label: "Visits", type: "number" as const },
  { key: "demo", label: "Booked a demo", type: "boolean" as const },
  { key: "region", label: "Region", type: "string" as const },
  { key: "newsletter", label: "Newsletter", type: "boolean" as const },
  { key: "converted", label: "Converted", type: "boolean" as const },
];

/** Leads whose chance of converting depends only on plan = pro, visits and demo; region and newsletter are noise. */
function syntheticLeads(count: number, seed: number): Lead[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, (_, i) => {
    const plan = rng.pick(["free", "basic", "pro"]);
    const visits = rng.int(0, 20);
    const demo = rng.chance(0.3);
    const logit = -2.5 + (plan === "pro" ? 2.2 : 0) + 0.15 * visits + (demo ? 1.6 : 0);
    return {
      id: `L${i}`,
      createdAt: "2026-03-02T10:00:00.000Z",
      plan,
      visits,
      demo,
      region: rng.pick(["north", "south", "east", "west"]),
      newsletter: rng.chance(0.5),
      converted: rng.chance(1 / (1 + Math.exp(-logit))),
    };
  });
}

describe("suggestScore on leads from a known rule", () => {
  const leads = syntheticLeads(3000, 11);
  const s = suggestScore({ leads, fields, outcome: "converted", seed: 3 });

  it("puts the rule's columns on top and keeps the noise columns out of the top rules", () => {
    const columnOf = (r: (typeof s.config.rules)[number]) => r.per?.field ?? (r.when?.rules[0] as { field: string }).field;
    const top = s.config.rules.slice(0, 3).map(columnOf);
    expect(new Set(top)).toEqual(new Set(["plan", "visits", "demo"]));
    const pro = s.config.rules.find((r) => JSON.stringify(r.when ?? {}).includes('"pro"'));
    expect(pro?.points).toBeGreaterThan(0);
    expect(s.config.rules.find((r) => r.when?.rules.some((c) => "field" in c && c.field === "demo"))?.points).toBeGreaterThan(0);
  });

  it("writes at most 12 whole-point rules in the score node's own shape, with grade bands top-down", () => {
    expect(s.config.rules.length).toBeLessThanOrEqual(12);
    for (const r of s.config.rules) expect(Number.isInteger(r.points) && r.points !== 0).toBe(true);
    expect(scoreConfigSchema.safeParse(s.config).success).toBe(true);
    const mins = (s.config.grades?.bands ?? []).map((b) => b.min);
    expect(mins.at(-1)).toBeUndefined();
    expect(mins.slice(0, -1)).toEqual([...(mins.slice(0, -1) as number[])].sort((a, b) => b - a));
    // The better grade converts more often.
    const rates = s.bands.map((b) => b.converted / b.leads);
    expect(rates[0]).toBeGreaterThan(rates[2] ?? 1);
  });

  it("ranks held-out leads about as well as the true rule itself does", () => {
    const truth = auc(
      leads.map((l) => (l.plan === "pro" ? 2.2 : 0) + 0.15 * (l.visits as number) + (l.demo ? 1.6 : 0)),
      leads.map((l) => l.converted === true),
    ) as number;
    expect(s.auc.folds).toBe(5);
    expect(s.auc.suggested).toBeGreaterThan(truth - 0.02);
    expect(s.auc.suggested).toBeLessThan(truth + 0.02);
  });

  it("is deterministic: the same leads and seed give the same rules, bands and AUCs", () => {
    const again = suggestScore({ leads, fields, outcome: "converted", seed: 3 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(s));
  });

  it("gives the same suggestion from its parts (the rules and each fold, as the workers compute them) as in one piece", () => {
    const input = { leads, fields, outcome: "converted", seed: 3 };
    const parts = suggestParts(leads.length, {}).map((p) => suggestPart(input, p));
    expect(parts).toHaveLength(6);
    const final = parts.find((p): p is ScoreSuggestion => "config" in p);
    const folds = parts.filter((p): p is FoldAuc => !("config" in p)).reverse();
    expect(final && JSON.stringify(withFolds(final, folds))).toBe(JSON.stringify(s));
  });

  it("scores with the engine exactly as its bands were drawn (the engine is the judge)", () => {
    const scores = engineScores(scoreOnlyFlow(s.config, fields, "2026-03-02T10:00:00Z"), leads);
    const top = s.config.grades?.bands[0]?.min as number;
    expect(scores.filter((v) => v !== null && v >= top).length).toBe(s.bands[0]?.leads);
  });

  it("leaves out a column the user switches off, and uses one the leak test flags when the user says so", () => {
    const off = suggestScore({ leads, fields, outcome: "converted", overrides: { plan: false }, crossValidate: false });
    expect(JSON.stringify(off.config.rules)).not.toContain('"plan"');
    expect(off.columns.find((c) => c.column === "plan")).toMatchObject({ usable: false, used: false });

    const leaky = leads.map((l) => ({ ...l, stage: l.converted ? "won" : "lost" }));
    const flagged = suggestScore({ leads: leaky, fields, outcome: "converted", crossValidate: false });
    const stage = flagged.columns.find((c) => c.column === "stage");
    expect(stage?.flagged).toBe(true);
    expect(stage?.reasons.map((r) => r.code)).toEqual(["separator", "after_contact", "extreme_value"]);
    expect(JSON.stringify(flagged.config.rules)).not.toContain('"stage"');
    const used = suggestScore({ leads: leaky, fields, outcome: "converted", overrides: { stage: true }, crossValidate: false });
    expect(used.config.rules[0]?.when?.rules[0]).toMatchObject({ field: "stage" });
    // The column was not declared: accepting adds it as a field, typed as the import would type it.
    expect(used.addedFields).toEqual([{ key: "stage", type: "enum", options: expect.arrayContaining(["won", "lost"]) }]);
  });

  it("leaves out leads without a known outcome and says how many", () => {
    const some = leads.slice(0, 400).map((l, i) => (i % 4 === 0 ? { ...l, converted: null } : l));
    const r = suggestScore({ leads: some, fields, outcome: "converted", crossValidate: false });
    expect(r.unknownOutcome).toBe(100);
    expect(r.leads).toBe(300);
  });
});
