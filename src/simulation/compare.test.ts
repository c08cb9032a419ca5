import { describe, expect, it } from "vitest";
import { compileFlow, type Flow } from "../engine";
import { leads as makeLeads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { compareRuns } from "./compare";

function flow(strategy: "round_robin" | "fixed", minViews: number): Flow {
  return makeFlow({
    fields: [{ key: "pageViews", label: "Page views", type: "number" }],
    teams: [
      team("t1", [
        { id: "a", name: "Ann" },
        { id: "b", name: "Bo" },
      ]),
    ],
    nodes: [
      trigger(),
      { id: "f", type: "filter", config: { conditions: { op: "all", rules: [{ field: "pageViews", operator: "gte", value: minViews }] } } },
      {
        id: "s",
        type: "score",
        config: {
          rules: [{ per: { field: "pageViews", unit: 1 }, points: 10 }],
          grades: { bands: [{ name: "A", min: 30 }, { name: "B" }] },
        },
      },
      { id: "r", type: "route", config: { team: "t1", strategy, member: "a" } },
    ],
    wires: [
      ["t", "f"],
      ["f:pass", "s"],
      ["s", "r"],
    ],
  });
}

const batch = makeLeads(6, (i) => ({ pageViews: i }));

describe("compareRuns", () => {
  it("lists the leads whose owner or status differs, with both sides", () => {
    const before = compileFlow(flow("round_robin", 0)).run(batch);
    const after = compileFlow(flow("fixed", 2)).run(batch);
    const c = compareRuns(before, after);
    expect(c.paired).toBe(6);
    // Before: L1 a, L2 b, L3 a, L4 b, L5 a, L6 b. After: L1, L2 filtered; the rest to a.
    expect(c.changed.map((x) => [x.id, x.changed])).toEqual([
      ["L1", ["owner", "status"]],
      ["L2", ["owner", "status"]],
      ["L4", ["owner"]],
      ["L6", ["owner"]],
    ]);
    expect(c.changed[0]).toEqual({
      id: "L1",
      index: 0,
      before: { status: "assigned", owner: "a", team: "t1", grade: "B" },
      after: { status: "filtered" },
      changed: ["owner", "status"],
    });
    expect(c.statuses.assigned).toEqual({ before: 6, after: 4, delta: -2 });
    expect(c.statuses.filtered).toEqual({ before: 0, after: 2, delta: 2 });
    expect(c.owners).toEqual([
      { owner: "a", name: "Ann", team: "t1", before: 3, after: 4, delta: 1 },
      { owner: "b", name: "Bo", team: "t1", before: 3, after: 0, delta: -3 },
    ]);
    expect(c.grades).toEqual([
      { grade: "B", before: 3, after: 1, delta: -2 },
      { grade: "A", before: 3, after: 3, delta: 0 },
    ]);
  });

  it("finds no changes between a run and itself", () => {
    const run = compileFlow(flow("round_robin", 0)).run(batch);
    const c = compareRuns(run, run);
    expect(c.changed).toEqual([]);
    expect(c.owners.every((o) => o.delta === 0)).toBe(true);
  });

  it("pairs by id when the lead lists differ, and lists the leads found on one side only", () => {
    const before = compileFlow(flow("round_robin", 0)).run(batch);
    const after = compileFlow(flow("round_robin", 0)).run([...batch.slice(2)].reverse().concat(makeLeads(1, () => ({ id: "new" }))));
    const c = compareRuns(before, after);
    expect(c.paired).toBe(4);
    expect(c.onlyBefore).toEqual(["L1", "L2"]);
    expect(c.onlyAfter).toEqual(["new"]);
  });
});
