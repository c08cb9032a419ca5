import { describe, expect, it } from "vitest";
import { compileFlow, type Flow } from "../engine";
import { leads as makeLeads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { computeMetrics, type Metrics } from "./metrics";

type RouteConfig = Extract<Flow["nodes"][number], { type: "route" }>["config"];

function routed(
  members: Parameters<typeof team>[1],
  route: Partial<RouteConfig>,
  extra: Partial<Parameters<typeof makeFlow>[0]> = {},
): Flow {
  return makeFlow({
    fields: [
      { key: "region", label: "Region", type: "string" },
      { key: "pageViews", label: "Page views", type: "number" },
      { key: "converted", label: "Converted", type: "boolean" },
    ],
    teams: [team("t1", members)],
    nodes: [trigger(), { id: "r", type: "route", config: { team: "t1", strategy: "round_robin", ...route } }],
    wires: [["t", "r"]],
    ...extra,
  });
}

function metricsOf(flow: Flow, leads: Record<string, unknown>[], outcomeField?: string): Metrics {
  return computeMetrics(flow, leads, compileFlow(flow).run(leads), { outcomeField });
}

const shares = (m: Metrics) => m.owners.map((o) => [o.member, o.received, o.share, o.expectedShare]);

describe("per-owner share against expected share", () => {
  it("expects shares by weight for weighted round robin", () => {
    const m = metricsOf(
      routed(
        [
          { id: "a", weight: 3 },
          { id: "b", weight: 1 },
          { id: "c", weight: 1 },
        ],
        { strategy: "weighted_round_robin" },
      ),
      makeLeads(50),
    );
    expect(shares(m)).toEqual([
      ["a", 30, 0.6, 0.6],
      ["b", 10, 0.2, 0.2],
      ["c", 10, 0.2, 0.2],
    ]);
    expect(m.owners[0]?.expected).toBe(30);
  });

  it("expects shares by performance when weightBy is performance", () => {
    const m = metricsOf(
      routed(
        [
          { id: "a", performance: 0.3 },
          { id: "b", performance: 0.1 },
        ],
        { strategy: "weighted_round_robin", weightBy: "performance" },
      ),
      makeLeads(40),
    );
    expect(m.owners.map((o) => [o.received, o.share])).toEqual([
      [30, 0.75],
      [10, 0.25],
    ]);
    expect(m.owners[0]?.expectedShare).toBeCloseTo(0.75, 12);
    expect(m.owners[1]?.expectedShare).toBeCloseTo(0.25, 12);
  });

  it("expects equal shares among active members for round robin", () => {
    const m = metricsOf(routed([{ id: "a" }, { id: "b", active: false }, { id: "c" }], {}), makeLeads(10));
    expect(shares(m)).toEqual([
      ["a", 5, 0.5, 0.5],
      ["b", 0, 0, 0],
      ["c", 5, 0.5, 0.5],
    ]);
    expect(m.owners[1]?.active).toBe(false);
  });

  it("expects least loaded to even out the open leads", () => {
    const m = metricsOf(
      routed(
        [
          { id: "a", openLeads: 10 },
          { id: "b", openLeads: 0 },
        ],
        { strategy: "least_loaded" },
      ),
      makeLeads(30),
    );
    // Levels end at 20 each: a gets 10, b gets 20.
    expect(m.owners.map((o) => [o.received, o.expected])).toEqual([
      [10, 10],
      [20, 20],
    ]);
  });

  it("has no expectation where picks depend on the leads (territory match)", () => {
    const flow = routed(
      [
        { id: "a", attributes: { regions: ["EU"] } },
        { id: "b", attributes: { regions: ["US"] } },
      ],
      { match: { leadField: "region", memberAttribute: "regions" } },
    );
    const m = metricsOf(
      flow,
      makeLeads(6, (i) => ({ region: i < 5 ? "EU" : "US" })),
    );
    expect(shares(m)).toEqual([
      ["a", 5, 5 / 6, null],
      ["b", 1, 1 / 6, null],
    ]);
  });
});

describe("capacity used", () => {
  it("counts leads per rep per day in the flow's time zone against perDay", () => {
    const flow = routed(
      [
        { id: "a", capacity: { perDay: 3 } },
        { id: "b", capacity: { perWeek: 100, maxOpen: 10 }, openLeads: 4 },
      ],
      { respect: { capacity: true } },
      { settings: { timezone: "America/New_York", seed: 1 } },
    );
    // 10 leads, one minute apart, at 03:55Z on 3 March = 22:55 on 2 March in New York: the first five are on the 2nd, the rest on the 3rd.
    const m = metricsOf(
      flow,
      makeLeads(10, () => ({}), "2026-03-03T04:55:00Z").map((l, i) => ({
        ...l,
        createdAt: new Date(Date.parse("2026-03-03T04:55:00Z") + i * 60_000).toISOString(),
      })),
    );
    const a = m.owners[0]?.capacity.perDay;
    // Round robin a, b, a, b, a on the 2nd (a at its limit), then b, a, b, a, b on the 3rd.
    expect(a).toMatchObject({ limit: 3, peak: 3, peakWindow: "2026-03-02", windows: 2, atLimit: 1, used: 1 });
    expect(m.owners[1]?.capacity.perWeek).toMatchObject({ limit: 100, peak: m.owners[1]?.received, windows: 1, atLimit: 0 });
    expect(m.owners[1]?.capacity.maxOpen).toEqual({
      limit: 10,
      open: 4 + (m.owners[1]?.received ?? 0),
      used: (4 + (m.owners[1]?.received ?? 0)) / 10,
    });
    expect(m.owners[0]?.capacity.perWeek).toBeUndefined();
  });
});

describe("totals, teams, grades and conversion", () => {
  const scored = (): Flow =>
    makeFlow({
      fields: [
        { key: "pageViews", label: "Page views", type: "number" },
        { key: "converted", label: "Converted", type: "boolean" },
      ],
      teams: [team("t1", [{ id: "a" }, { id: "b" }, { id: "c", weight: 2 }])],
      nodes: [
        trigger(),
        {
          id: "s",
          type: "score",
          config: {
            rules: [{ per: { field: "pageViews", unit: 1 }, points: 10 }],
            grades: { bands: [{ name: "hot", min: 50 }, { name: "warm", min: 20 }, { name: "cold" }] },
          },
        },
        { id: "r", type: "route", config: { team: "t1", strategy: "weighted_round_robin" } },
        { id: "n", type: "notify", config: { channel: "slack", to: "owner", template: "hi" } },
      ],
      wires: [
        ["t", "s"],
        ["s", "r"],
        ["r:assigned", "n"],
      ],
    });
  // Views 0..7 (scores 0..70); converted when views ≥ 4, unknown for the last lead; one lead converts as "1", one as "yes".
  const batch = makeLeads(8, (i) => ({ pageViews: i, converted: i === 7 ? null : i === 5 ? "1" : i === 6 ? "yes" : i >= 4 }));

  it("orders grades by band and counts statuses, notifications and the score histogram", () => {
    const m = metricsOf(scored(), batch, "converted");
    expect(m.grades).toEqual([
      { grade: "hot", count: 3 },
      { grade: "warm", count: 3 },
      { grade: "cold", count: 2 },
    ]);
    expect(m.byStatus.assigned).toBe(8);
    expect(m.notifications).toEqual({ slack: 8 });
    expect(m.score).toMatchObject({ count: 8, min: 0, max: 70, mean: 35 });
    expect(m.score.histogram.reduce((s, b) => s + b.count, 0)).toBe(8);
  });

  it("gives conversion per grade and per owner, and a perfect AUC for a score that separates perfectly", () => {
    const m = metricsOf(scored(), batch, "converted");
    expect(m.conversion?.overall).toEqual({ leads: 7, converted: 3, rate: 3 / 7 });
    expect(m.conversion?.byGrade).toEqual([
      { grade: "hot", leads: 2, converted: 2, rate: 1 },
      { grade: "warm", leads: 3, converted: 1, rate: 1 / 3 },
      { grade: "cold", leads: 2, converted: 0, rate: 0 },
    ]);
    expect(m.conversion?.auc).toBe(1);
    expect(m.conversion?.aucLeads).toBe(7);
    const total = m.owners.reduce((s, o) => s + (o.conversion?.leads ?? 0), 0);
    expect(total).toBe(7);
  });

  it("has a null AUC when every known outcome is the same, and no conversion without an outcome field", () => {
    const none = makeLeads(4, (i) => ({ pageViews: i, converted: false }));
    expect(metricsOf(scored(), none, "converted").conversion?.auc).toBeNull();
    expect(metricsOf(scored(), none).conversion).toBeNull();
    expect(metricsOf(scored(), none).owners[0]?.conversion).toBeNull();
  });

  it("reports each team's spread and Gini of the active members' counts", () => {
    const m = metricsOf(scored(), makeLeads(8));
    expect(m.owners.map((o) => o.received)).toEqual([2, 2, 4]);
    // Mean absolute difference over the 9 ordered pairs (four of them differ by 2) over twice the mean 8/3.
    expect(m.teams).toEqual([{ team: "t1", name: "T1", count: 8, members: 3, spread: 2, gini: expect.closeTo(8 / 9 / (2 * (8 / 3)), 12) }]);
  });
});
