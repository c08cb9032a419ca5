// The team totals (spread, Gini) count every active member, those without leads as 0, whatever the roster's size.
import { expect, test } from "vitest";
import type { Flow } from "./document/schema";
import type { Outcome } from "./outcome";
import { gini, summarise } from "./summary";

test("team totals equal the figures over the whole active roster, members without leads counting 0", () => {
  let s = 3;
  const rnd = (n: number) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n;
  for (let round = 0; round < 3000; round++) {
    const teams = Array.from({ length: 1 + rnd(3) }, (_, t) => ({
      id: `t${t}`,
      name: `T${t}`,
      members: Array.from({ length: rnd(12) }, () => ({ id: `m${rnd(10)}`, name: "x", ...(rnd(5) === 0 ? { active: false } : {}) })),
    }));
    const outcomes = Array.from({ length: rnd(60) }, (_, i): Outcome => {
      const owner = rnd(4) === 0 ? undefined : `m${rnd(12)}`;
      const team = teams[rnd(teams.length)] as (typeof teams)[number];
      return {
        id: `L${i}`,
        status: "assigned",
        owner,
        team: owner ? team.id : undefined,
        path: [],
        notifications: [],
        owners: [],
        timeline: [],
      };
    });
    const flow = { teams, nodes: [], edges: [] } as unknown as Flow;
    const got = summarise(flow, outcomes, new Map(), new Map());
    for (const team of teams) {
      const counts = team.members
        .filter((m) => m.active !== false)
        .map((m) => (got.byOwner[m.id]?.team === team.id ? (got.byOwner[m.id]?.count ?? 0) : 0));
      expect(got.byTeam[team.id]).toEqual({
        count: counts.reduce((a, b) => a + b, 0),
        members: counts.length,
        spread: counts.length ? Math.max(...counts) - Math.min(...counts) : 0,
        gini: gini(counts),
      });
    }
  }
});

test("an even split has Gini 0 and no spread; one member with every lead has spread = leads", () => {
  const flow = { teams: [{ id: "t", name: "T", members: ["a", "b", "c", "d"].map((id) => ({ id, name: id })) }], nodes: [], edges: [] };
  const lead = (i: number, owner: string): Outcome => ({
    id: `L${i}`,
    status: "assigned",
    owner,
    team: "t",
    path: [],
    notifications: [],
    owners: [],
    timeline: [],
  });
  const even = summarise(
    flow as unknown as Flow,
    ["a", "b", "c", "d"].map((o, i) => lead(i, o)),
    new Map(),
    new Map(),
  );
  expect(even.byTeam.t).toEqual({ count: 4, members: 4, spread: 0, gini: 0 });
  const one = summarise(
    flow as unknown as Flow,
    [0, 1, 2].map((i) => lead(i, "b")),
    new Map(),
    new Map(),
  );
  expect(one.byTeam.t).toEqual({ count: 3, members: 4, spread: 3, gini: 0.75 });
});
