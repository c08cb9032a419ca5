import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFlow, FlowValidationError } from "./compile";
import type { Flow } from "./document/schema";
import { leads, makeFlow, team, trigger } from "../../test/helpers/flow";

const fields = [
  { key: "country", label: "Country", type: "string" as const },
  { key: "pageViews", label: "Page views", type: "number" as const },
];

function pipeline(): Flow {
  return makeFlow({
    fields,
    teams: [
      team("sales", [
        { id: "a", name: "Ann", weight: 3 },
        { id: "b", name: "Bo", weight: 1 },
        { id: "c", name: "Cy", weight: 1, capacity: { perDay: 3 } },
      ]),
    ],
    nodes: [
      trigger("t", { sources: ["web"] }),
      {
        id: "f",
        type: "filter",
        label: "US or CA",
        config: { conditions: { op: "all", rules: [{ field: "country", operator: "in", value: ["US", "CA"] }] } },
      },
      {
        id: "s",
        type: "score",
        config: {
          rules: [{ label: "Views", per: { field: "pageViews", unit: 1 }, points: 2, max: 20 }],
          grades: { bands: [{ name: "A", min: 10 }, { name: "B" }] },
        },
      },
      { id: "r", type: "route", config: { team: "sales", strategy: "weighted_round_robin", respect: { capacity: true } } },
      { id: "cap", type: "cap", config: { limit: 5, window: "day", scope: "path" } },
      { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "{{lead.id}} for {{owner.name}}" } },
    ],
    wires: [
      ["t", "f"],
      ["f:pass", "s"],
      ["s", "r"],
      ["r:assigned", "cap"],
      ["cap:ok", "n"],
    ],
  });
}

describe("run semantics", () => {
  it("processes leads in createdAt order (ties in input order) and returns outcomes in input order", () => {
    const flow = makeFlow({
      teams: [team("t1", [{ id: "a" }, { id: "b" }])],
      nodes: [trigger(), { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } }],
      wires: [["t", "r"]],
    });
    const batch = [
      { id: "late", createdAt: "2026-03-02T12:00:00Z" },
      { id: "early", createdAt: "2026-03-02T09:00:00Z" },
      { id: "tie1", createdAt: "2026-03-02T10:00:00Z" },
      { id: "tie2", createdAt: "2026-03-02T10:00:00Z" },
    ];
    const { outcomes } = compileFlow(flow).run(batch);
    expect(outcomes.map((o) => `${o.id}:${o.owner}`)).toEqual(["late:b", "early:a", "tie1:b", "tie2:a"]);
  });

  it("gives every status: assigned, filtered, unassigned, no_trigger, error", () => {
    const batch = [
      { id: "ok", source: "web", country: "us", pageViews: 3, createdAt: "2026-03-02T10:00:00Z" },
      { id: "de", source: "web", country: "DE", createdAt: "2026-03-02T10:01:00Z" },
      { id: "phone", source: "phone", country: "US", createdAt: "2026-03-02T10:02:00Z" },
      { id: "bad", source: "web", country: "US", createdAt: "not a date" },
      "not even an object",
    ];
    const { outcomes, summary } = compileFlow(pipeline()).run(batch);
    // An unreadable createdAt is read as none (spec §3): the reference time, with a warning; only the non-object cannot run.
    expect(outcomes.map((o) => o.status)).toEqual(["assigned", "filtered", "no_trigger", "assigned", "error"]);
    expect(outcomes[0]).toMatchObject({ owner: "a", team: "sales", score: 6, grade: "B", path: ["t", "f", "s", "r", "cap", "n"] });
    expect(outcomes[0]?.notifications).toEqual([{ node: "n", channel: "email", to: ["a"], subject: "", body: "ok for Ann" }]);
    expect(outcomes[1]?.path).toEqual(["t", "f"]);
    expect(outcomes[3]?.warnings?.[0]).toContain('"not a date" is not a date');
    expect(outcomes[4]).toMatchObject({ id: "row-5", status: "error", error: "The lead is not an object" });
    expect(summary.byStatus).toEqual({ assigned: 2, filtered: 1, unassigned: 0, no_trigger: 1, error: 1 });
    const over = leads(7, () => ({ source: "web", country: "CA" }));
    const capped = compileFlow(pipeline()).run(over);
    expect(capped.outcomes.map((o) => o.status)).toEqual([
      "assigned",
      "assigned",
      "assigned",
      "assigned",
      "assigned",
      "assigned",
      "assigned",
    ]);
    expect(capped.summary.capOverflows).toBe(2);
    expect(capped.outcomes[6]?.path).toEqual(["t", "f", "s", "r", "cap"]);
  });

  it("ends unassigned when a route finds nobody and its unassigned port has no edge", () => {
    const flow = makeFlow({
      teams: [team("t1", [{ id: "a", active: false }])],
      nodes: [trigger(), { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } }],
      wires: [["t", "r"]],
    });
    expect(compileFlow(flow).run(leads(1)).outcomes[0]?.status).toBe("unassigned");
  });

  it("never mutates the input leads or the input state", () => {
    const batch = leads(20, (i) => ({ source: "web", country: i % 2 ? "US" : "CA", pageViews: i }));
    const before = JSON.stringify(batch);
    const compiled = compileFlow(pipeline());
    const first = compiled.run(batch);
    const stateBefore = JSON.stringify(first.state);
    compiled.run(batch, { state: first.state });
    expect(JSON.stringify(batch)).toBe(before);
    expect(JSON.stringify(first.state)).toBe(stateBefore);
    expect(batch[0]).not.toHaveProperty("score");
  });

  it("fills a missing id and createdAt with a warning each, never silently", () => {
    const { outcomes } = compileFlow(pipeline()).run([{ source: "web", country: "US" }], { now: "2026-03-02T10:00:00Z" });
    expect(outcomes[0]?.id).toBe("row-1");
    expect(outcomes[0]?.warnings).toHaveLength(2);
  });

  it("refuses to run a flow with validation errors", () => {
    const flow = pipeline();
    flow.nodes = flow.nodes.filter((n) => n.type !== "trigger");
    expect(() => compileFlow(flow)).toThrow(FlowValidationError);
  });

  it("explains each lead in plain words in the trace", () => {
    const { outcomes } = compileFlow(pipeline()).run(
      [{ id: "x", source: "web", country: "CA", pageViews: 12, createdAt: "2026-03-02T10:00:00Z" }],
      { trace: true },
    );
    const text = (outcomes[0]?.trace ?? []).map((t) => t.text);
    expect(text).toEqual([
      "Entered at t",
      'Passed "US or CA": Country is one of US, CA (this lead: CA)',
      "Score +20 Views (this lead: 12)",
      "Score 20, grade A from s",
      "Assigned to Ann, weighted round robin",
      "Within cap: 1/5 this day",
      "Notification by email to a: ",
    ]);
    const zh = compileFlow(pipeline()).run([{ id: "x", source: "web", country: "CA", pageViews: 12, createdAt: "2026-03-02T10:00:00Z" }], {
      trace: true,
      lang: "zh-CN",
    });
    expect(zh.outcomes[0]?.trace?.[1]?.text).toBe('通过 "US or CA"：Country 属于 US、CA（此线索：CA）');
  });

  it("writes the trace's words into JSON (CLI, service) and its codes into a structured clone (simulation worker)", () => {
    const { outcomes } = compileFlow(pipeline()).run(
      [{ id: "x", source: "web", country: "CA", pageViews: 12, createdAt: "2026-03-02T10:00:00Z" }],
      { trace: true, lang: "zh-CN" },
    );
    const lines = outcomes[0]?.trace ?? [];
    const json = JSON.parse(JSON.stringify(lines)) as { node: string; code: string; params?: object; text: string }[];
    expect(json.map((l) => l.text)).toEqual(lines.map((l) => l.text));
    expect(json[1]).toEqual({
      node: "f",
      code: "filter.pass_seen",
      params: lines[1]?.params,
      text: '通过 "US or CA"：Country 属于 US、CA（此线索：CA）',
    });
    const cloned = structuredClone(lines);
    expect(cloned.map((l) => [l.node, l.code])).toEqual(json.map((l) => [l.node, l.code]));
    expect(cloned[1]?.params).toEqual(lines[1]?.params);
  });
});

describe("split batches with carried state equal one run", () => {
  const arbLeads = fc
    .array(
      fc.record({
        minute: fc.integer({ min: 0, max: 60 * 24 * 9 }),
        country: fc.constantFrom("US", "CA", "DE", null),
        source: fc.constantFrom("web", "web", "phone"),
        pageViews: fc.integer({ min: 0, max: 30 }),
      }),
      { maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) => ({
        id: `L${i}`,
        createdAt: new Date(Date.parse("2026-03-02T00:00:00Z") + r.minute * 60_000).toISOString(),
        country: r.country,
        source: r.source,
        pageViews: r.pageViews,
      })),
    );

  const arbFlow = fc
    .record({
      strategy: fc.constantFrom("round_robin", "weighted_round_robin", "least_loaded", "random_weighted"),
      catchUp: fc.boolean(),
      capWindow: fc.constantFrom("hour", "day", "week", "month", "total"),
      capScope: fc.constantFrom("owner", "path"),
      limit: fc.integer({ min: 0, max: 6 }),
      perDay: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      weights: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
      seed: fc.integer(),
    })
    .map((p): Flow =>
      makeFlow({
        fields,
        settings: { timezone: "America/New_York", seed: p.seed },
        teams: [
          team("t1", [
            { id: "a", weight: p.weights[0], capacity: { perDay: p.perDay } },
            { id: "b", weight: p.weights[1], workingHours: { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } },
            { id: "c", weight: p.weights[2] },
          ]),
          team("t2", [{ id: "z" }]),
        ],
        nodes: [
          trigger("t", { sources: ["web"] }),
          {
            id: "f",
            type: "filter",
            config: { conditions: { op: "any", rules: [{ field: "country", operator: "in", value: ["US", "CA"] }] } },
          },
          {
            id: "s",
            type: "score",
            config: {
              rules: [{ per: { field: "pageViews", unit: 3 }, points: 1, max: 5 }],
              grades: { bands: [{ name: "A", min: 3 }, { name: "B" }] },
            },
          },
          {
            id: "r",
            type: "route",
            config: {
              team: "t1",
              strategy: p.strategy as "round_robin",
              catchUp: p.catchUp,
              respect: { capacity: true, workingHours: true },
            },
          },
          { id: "cap", type: "cap", config: { limit: p.limit, window: p.capWindow as "day", scope: p.capScope as "owner" } },
          { id: "fallback", type: "route", config: { team: "t2", strategy: "round_robin" } },
        ],
        wires: [
          ["t", "f"],
          ["f:pass", "s"],
          ["s", "r"],
          ["r:assigned", "cap"],
          ["cap:overflow", "fallback"],
          ["r:unassigned", "fallback"],
        ],
      }),
    );

  it("holds for random flows and lead lists split anywhere", () => {
    fc.assert(
      fc.property(arbFlow, arbLeads, fc.nat(), (flow, batch, cut) => {
        const sorted = [...batch].sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt));
        const at = sorted.length === 0 ? 0 : cut % (sorted.length + 1);
        const compiled = compileFlow(flow);
        const whole = compiled.run(sorted, { trace: true });
        const first = compiled.run(sorted.slice(0, at), { trace: true });
        const second = compiled.run(sorted.slice(at), { state: JSON.parse(JSON.stringify(first.state)), trace: true });
        expect([...first.outcomes, ...second.outcomes]).toEqual(whole.outcomes);
        expect(second.state).toEqual(whole.state);
      }),
      { numRuns: 150 },
    );
  });
});
