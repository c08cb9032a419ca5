import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFlow, type Flow } from "../engine";
import { leads as makeLeads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { runInChunks, simulate } from "./run-chunks";
import type { SimulationProgress } from "./worker-protocol";

const NOW = "2026-03-02T12:00:00Z";
const noPause = async () => {};

function flowWith(strategy: string, seed = 1, limit = 4): Flow {
  return makeFlow({
    fields: [
      { key: "country", label: "Country", type: "string" },
      { key: "pageViews", label: "Page views", type: "number" },
    ],
    settings: { timezone: "Europe/Berlin", seed },
    teams: [
      team("t1", [
        { id: "a", weight: 3, capacity: { perDay: 5 } },
        { id: "b", weight: 1 },
        { id: "c", weight: 2, workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } },
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
          rules: [{ per: { field: "pageViews", unit: 2 }, points: 1, max: 5 }],
          grades: { bands: [{ name: "A", min: 3 }, { name: "B" }] },
        },
      },
      {
        id: "r",
        type: "route",
        config: { team: "t1", strategy: strategy as "round_robin", respect: { capacity: true, workingHours: true } },
      },
      { id: "cap", type: "cap", config: { limit, window: "day", scope: "owner" } },
      { id: "fallback", type: "route", config: { team: "t2", strategy: "round_robin" } },
      { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "{{lead.id}}" } },
    ],
    wires: [
      ["t", "f"],
      ["f:pass", "s"],
      ["s", "r"],
      ["r:assigned", "cap"],
      ["cap:overflow", "fallback"],
      ["r:unassigned", "fallback"],
      ["cap:ok", "n"],
    ],
  });
}

/** Leads in any order, some without id or createdAt, some not even objects. */
const arbLeads = fc
  .array(
    fc.record({
      minute: fc.option(fc.integer({ min: 0, max: 60 * 24 * 6 }), { nil: undefined, freq: 8 }),
      id: fc.constantFrom<unknown>("own", "own", "own", undefined, "", " ", "\u00a0", 7, Number.NaN, null),
      country: fc.constantFrom("US", "CA", "DE", null),
      source: fc.constantFrom("web", "web", "phone"),
      pageViews: fc.integer({ min: 0, max: 12 }),
      broken: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): unknown => {
      if (r.broken === 0) return "not a lead";
      const lead: Record<string, unknown> = { country: r.country, source: r.source, pageViews: r.pageViews };
      if (r.id === "own") lead.id = `L${i}`;
      else if (r.id !== undefined) lead.id = r.id;
      if (r.broken === 1) lead.createdAt = "not a date";
      else if (r.minute !== undefined) lead.createdAt = new Date(Date.parse("2026-02-23T00:00:00Z") + r.minute * 60_000).toISOString();
      return lead;
    }),
  );

describe("runInChunks", () => {
  it("equals one run for any flow, lead order and chunk size (outcomes, summary and state)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("round_robin", "weighted_round_robin", "least_loaded", "random_weighted"),
        fc.integer(),
        fc.integer({ min: 0, max: 5 }),
        arbLeads,
        fc.integer({ min: 1, max: 9 }),
        async (strategy, seed, limit, batch, chunkSize) => {
          const compiled = compileFlow(flowWith(strategy, seed, limit));
          const whole = compiled.run(batch, { now: NOW, trace: true });
          const chunked = await runInChunks(compiled, batch, { now: NOW, trace: true, chunkSize, pause: noPause });
          if (batch.length === 0) return void expect(chunked.kind).toBe("empty");
          expect(chunked.kind).toBe("done");
          if (chunked.kind !== "done") return;
          expect(chunked.result).toEqual(whole);
          // Byte for byte too (key order included), since exports and the CLI compare JSON text.
          expect(JSON.stringify(chunked.result)).toBe(JSON.stringify(whole));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("reports progress after each chunk with leads per second", async () => {
    const compiled = compileFlow(flowWith("round_robin"));
    const seen: SimulationProgress[] = [];
    let t = 0;
    const run = await runInChunks(
      compiled,
      makeLeads(12, () => ({ source: "web", country: "US" })),
      { chunkSize: 5, onProgress: (p) => seen.push(p), clock: () => (t += 100), pause: noPause },
    );
    expect(seen.map((p) => [p.done, p.total])).toEqual([
      [5, 12],
      [10, 12],
      [12, 12],
    ]);
    expect(seen[0]?.leadsPerSecond).toBe(50); // 5 leads in 100 ms of the fake clock
    expect(run.kind).toBe("done");
  });

  it("stops between chunks when cancelled, keeping nothing", async () => {
    const compiled = compileFlow(flowWith("round_robin"));
    let chunks = 0;
    const run = await runInChunks(
      compiled,
      makeLeads(20, () => ({ source: "web", country: "US" })),
      { chunkSize: 5, onProgress: () => chunks++, isCancelled: () => chunks >= 2, pause: noPause },
    );
    expect(run).toEqual({ kind: "cancelled", done: 10, total: 20, message: "Run cancelled after 10 of 20 leads; nothing was kept." });
    expect(chunks).toBe(2);
  });

  it("carries a saved state in, and returns the same state as one run", async () => {
    const compiled = compileFlow(flowWith("weighted_round_robin"));
    const first = compiled.run(
      makeLeads(7, () => ({ source: "web", country: "CA" })),
      { now: NOW },
    );
    const more = makeLeads(9, () => ({ source: "web", country: "US" }), "2026-03-02T11:00:00Z");
    const run = await runInChunks(compiled, more, { state: first.state, chunkSize: 4, now: NOW, pause: noPause });
    expect(run.kind === "done" && run.result).toEqual(compiled.run(more, { state: first.state, now: NOW }));
  });
});

describe("simulate", () => {
  it("says there are no leads to run, as a result rather than an error, in both languages", async () => {
    const run = await simulate(flowWith("round_robin"), []);
    expect(run.kind).toBe("empty");
    if (run.kind !== "empty") return;
    expect(run.message).toBe("No leads to run: generate sample leads, import a file or paste rows first.");
    expect(run.result.summary.leads).toBe(0);
    expect(run.result.outcomes).toEqual([]);
    const zh = await simulate(flowWith("round_robin"), [], { lang: "zh-CN" });
    expect(zh.kind === "empty" && zh.message).toContain("没有可运行的线索");
  });

  it("reports validation errors with the node they belong to, and runs nothing", async () => {
    const flow = flowWith("round_robin");
    const route = flow.nodes.find((n) => n.id === "r");
    if (route?.type === "route") route.config.team = "nobody";
    const run = await simulate(flow, makeLeads(3));
    expect(run.kind).toBe("invalid");
    if (run.kind !== "invalid") return;
    expect(run.issues.some((i) => i.severity === "error" && i.nodeId === "r")).toBe(true);
    expect(run.message).toMatch(/^The flow has \d+ error\(s\)/);
  });

  it("reports a document that is not a flow as invalid, with JSON paths", async () => {
    const run = await simulate(
      { format: "leadwire.flow", version: 1, id: "x", name: "x", fields: [], teams: [], nodes: [{ id: "n", type: "teleport" }], edges: [] },
      makeLeads(1),
    );
    expect(run.kind).toBe("invalid");
    expect(run.kind === "invalid" && run.issues[0]?.path).toMatch(/^\$\.nodes\[0\]/);
  });

  it("fails with a message (never throws) on a saved state that is not a state", async () => {
    const run = await simulate(flowWith("round_robin"), makeLeads(2), { state: { format: "something else" } });
    expect(run.kind).toBe("failed");
    expect(run.kind === "failed" && run.message).toMatch(/^The run stopped: /);
  });

  it("passes the flow's warnings along with the result", async () => {
    const flow = flowWith("round_robin");
    flow.edges = flow.edges.filter((e) => !(e.source === "r" && e.sourcePort === "unassigned"));
    const run = await simulate(
      flow,
      makeLeads(2, () => ({ source: "web", country: "US" })),
      { now: NOW },
    );
    expect(run.kind === "done" && run.warnings.some((w) => w.severity === "warning" && w.nodeId === "r")).toBe(true);
  });
});
