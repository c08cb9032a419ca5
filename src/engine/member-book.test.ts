import { describe, expect, it } from "vitest";
import { compileFlow } from "./compile";
import type { FlowState } from "./state";
import { leads, makeFlow, team, trigger } from "../../test/helpers/flow";

const DAY = 86_400_000;

/** Round robin with daily capacity and an owner cap per day: the counters a long-running flow carries from day to day. */
function capacityFlow(strategyB: "round_robin" | "least_loaded" = "round_robin") {
  return makeFlow({
    fields: [{ key: "country", type: "string" }],
    teams: [
      team("sales", [
        { id: "ann", name: "Ann", capacity: { perDay: 1, perWeek: 50 } },
        { id: "bob", name: "Bob", capacity: { perDay: 5, perWeek: 50 } },
        { id: "cy", name: "Cy", capacity: { perDay: 5, perWeek: 50 } },
      ]),
    ],
    nodes: [
      trigger("t"),
      { id: "us", type: "filter", config: { conditions: { op: "all", rules: [{ field: "country", operator: "eq", value: "US" }] } } },
      { id: "a", type: "route", config: { team: "sales", strategy: "round_robin", respect: { capacity: true } } },
      { id: "b", type: "route", config: { team: "sales", strategy: strategyB, respect: { capacity: true } } },
      { id: "cap", type: "cap", config: { limit: 3, window: "day", scope: "owner" } },
    ],
    wires: [
      ["t", "us"],
      ["us:pass", "a"],
      ["us:fail", "b"],
      ["b:assigned", "cap"],
    ],
  });
}

/** Every window a state remembers: the current one and the earlier ones of each count. */
function windowsIn(state: FlowState): number {
  let n = 0;
  const count = (c: unknown) => {
    if (c && typeof c === "object" && "w" in c) n += 1 + Object.keys((c as { past?: object }).past ?? {}).length;
  };
  for (const m of Object.values(state.members)) {
    count(m.day);
    count(m.week);
  }
  for (const node of Object.values(state.nodes)) for (const c of Object.values((node.counts ?? {}) as object)) count(c);
  return n;
}

describe("member counters in a run", () => {
  it("counts a member's capacity across every route of the run, as soon as one route assigns her", () => {
    const flow = capacityFlow();
    // Ann (1 a day) takes L1 through route a; route b starts its rotation at Ann too but finds her full.
    const { outcomes } = compileFlow(flow).run(
      leads(2, (i) => ({ country: i === 0 ? "US" : "CA" })),
      { trace: true },
    );
    expect(outcomes.map((o) => o.owner)).toEqual(["ann", "bob"]);
    expect((outcomes[1]?.trace ?? []).map((t) => t.text)).toContain("Skipped Ann: at daily capacity 1/1");
  });

  it("writes the same state, key for key, whether the carried state is the last run's object or read back from JSON", () => {
    const compiled = compileFlow(capacityFlow("least_loaded"));
    const day1 = compiled.run(leads(12, (i) => ({ country: i % 3 ? "CA" : "US" })));
    const day2 = leads(12, (i) => ({ country: i % 2 ? "CA" : "US" }), "2026-03-03T10:00:00Z");
    const fromObject = compiled.run(day2, { state: day1.state });
    const fromJson = compiled.run(day2, { state: JSON.parse(JSON.stringify(day1.state)) });
    expect(JSON.stringify(fromObject.state)).toBe(JSON.stringify(fromJson.state));
    expect(JSON.stringify(fromObject.outcomes)).toBe(JSON.stringify(fromJson.outcomes));
    // A member's counts: today's window, then the week's, then the open leads, in the order they were first counted.
    expect(Object.keys(fromObject.state.members.bob ?? {})).toEqual(["day", "week", "assigned"]);
  });

  it("keeps the carried state bounded: once eight weeks have filled the week counts, another month adds no window", () => {
    const compiled = compileFlow(capacityFlow());
    const start = Date.parse("2026-03-02T09:00:00Z");
    let state: FlowState | undefined;
    const sizes = new Map<number, number>();
    for (let d = 0; d < 90; d++) {
      const batch = leads(6, (i) => ({ country: i % 2 ? "CA" : "US" }), new Date(start + d * DAY).toISOString());
      state = compiled.run(batch, { state }).state;
      sizes.set(d + 1, windowsIn(state));
    }
    expect(sizes.get(14)).toBeLessThan(sizes.get(56) as number);
    expect(sizes.get(90)).toBe(sizes.get(56));
  });

  it("keeps the state bounded whatever the dates: a lead dated 2099, then three months of leads dated before it", () => {
    const compiled = compileFlow(capacityFlow());
    let state = compiled.run(leads(1, () => ({ country: "US" }), "2099-01-05T09:00:00Z")).state;
    const start = Date.parse("2026-03-02T09:00:00Z");
    const sizes: number[] = [];
    for (let d = 0; d < 90; d++) {
      const batch = leads(6, (i) => ({ country: i % 2 ? "CA" : "US" }), new Date(start + d * DAY).toISOString());
      const run = compiled.run(batch, { state });
      // The late leads are still routed and still counted against their own day while it is remembered.
      expect(run.outcomes.every((o) => o.owner !== undefined)).toBe(true);
      state = run.state;
      sizes.push(windowsIn(state));
    }
    // Once eight weeks have filled the week counts, another month adds no window.
    expect(sizes[89]).toBe(sizes[59]);
  });
});
