import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { leads, makeFlow, trigger } from "../../test/helpers/flow";
import type { ScoreConfig } from "./schema";
import { perUnitPoints } from "./run";

const fields = [
  { key: "whitepaper", label: "Downloaded whitepaper", type: "boolean" as const },
  { key: "pageViews", label: "Page views", type: "number" as const },
  { key: "title", label: "Title", type: "string" as const },
];

function scoreFlow(config: ScoreConfig) {
  return makeFlow({ fields, nodes: [trigger(), { id: "s", type: "score", label: "Fit", config }], wires: [["t", "s"]] });
}

const spec: ScoreConfig = {
  field: "score",
  base: 5,
  rules: [
    { label: "Downloaded whitepaper", when: { op: "all", rules: [{ field: "whitepaper", operator: "eq", value: true }] }, points: 10 },
    { label: "Page views", per: { field: "pageViews", unit: 1 }, points: 2, max: 20 },
    { label: "Student", when: { op: "all", rules: [{ field: "title", operator: "contains", value: "student" }] }, points: -15 },
  ],
  grades: { field: "grade", bands: [{ name: "A", min: 40 }, { name: "B", min: 20 }, { name: "C" }] },
};

describe("score node", () => {
  it("adds base, conditional points, per-unit points capped at max, negative points, then grades top-down", () => {
    const batch = [
      { ...leads(1)[0], whitepaper: true, pageViews: 30 }, // 5 + 10 + 20 (capped) = 35 → B
      { ...leads(1)[0], id: "L2", whitepaper: true, pageViews: 13, title: "Senior" }, // 5 + 10 + 20 = 35 → B
      { ...leads(1)[0], id: "L3", pageViews: 3, title: "PhD student" }, // 5 + 6 - 15 = -4 → C
      { ...leads(1)[0], id: "L4" }, // missing pageViews → 0; 5 → C
      { ...leads(1)[0], id: "L5", whitepaper: true, pageViews: 9.9 }, // 5 + 10 + 18 = 33 → B
    ];
    const { outcomes } = compileFlow(scoreFlow(spec)).run(batch);
    expect(outcomes.map((o) => [o.score, o.grade])).toEqual([
      [35, "B"],
      [35, "B"],
      [-4, "C"],
      [5, "C"],
      [33, "B"],
    ]);
  });

  it("gives points × whole units, capped in size at max", () => {
    expect(perUnitPoints(7, 3, 5, 100)).toBe(10);
    expect(perUnitPoints(100, 1, 2, 20)).toBe(20);
    expect(perUnitPoints(100, 1, -2, 20)).toBe(-20);
    expect(perUnitPoints(null, 1, 2, 20)).toBe(0);
    expect(perUnitPoints("abc", 1, 2, 20)).toBe(0);
  });

  it("lists every rule's contribution in the trace, zero ones too", () => {
    const { outcomes } = compileFlow(scoreFlow(spec)).run([{ ...leads(1)[0], pageViews: 4 }], { trace: true });
    expect(outcomes[0]?.trace?.map((t) => t.text)).toEqual([
      "Entered at t",
      "Score +0 Downloaded whitepaper (this lead: empty)",
      "Score +8 Page views (this lead: 4)",
      "Score +0 Student (this lead: empty)",
      'Score 13, grade C from "Fit"',
    ]);
  });

  it("leaves the grade empty when no band catches the score", () => {
    const flow = scoreFlow({ rules: [], grades: { bands: [{ name: "Hot", min: 50 }] } });
    expect(compileFlow(flow).run(leads(1)).outcomes[0]).toMatchObject({ score: 0, grade: null });
  });

  it("writes to the lead's working copy so later nodes see the score, never to the input", () => {
    const flow = makeFlow({
      fields,
      nodes: [
        trigger(),
        { id: "s", type: "score", config: spec },
        { id: "f", type: "filter", config: { conditions: { op: "all", rules: [{ field: "grade", operator: "eq", value: "B" }] } } },
      ],
      wires: [
        ["t", "s"],
        ["s", "f"],
      ],
    });
    const input = [{ ...leads(1)[0], whitepaper: true, pageViews: 30 }];
    const { outcomes } = compileFlow(flow).run(input);
    expect(outcomes[0]?.status).toBe("unassigned");
    expect(outcomes[0]?.path).toEqual(["t", "s", "f"]);
    expect(input[0]).not.toHaveProperty("score");
  });
});
