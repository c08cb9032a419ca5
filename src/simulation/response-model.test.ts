// The response model: seeded and reproducible, medians near each member's, spread widens, outcomes and the assumption curve.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadFlow, percentile, type Flow, type OwnerEntry } from "../engine";
import { curveKeep, DEFAULT_CURVE, DEFAULT_RESPONSE_MINUTES, makeResponseModel } from "./response-model";

const flow: Flow = loadFlow(JSON.parse(readFileSync(new URL("../../test/fixtures/speed-to-lead.flow.json", import.meta.url), "utf8")));
const withSpread = (spread: number): Flow => ({
  ...flow,
  teams: flow.teams.map((t) => ({ ...t, members: t.members.map((m) => ({ ...m, responseSpread: spread })) })),
});
const draws = (f: Flow, member: string, n: number, seed = 1) => {
  const model = makeResponseModel(f, { seed });
  return Array.from({ length: n }, (_, i) => model.drawMinutes(member, `L${i}`, 0)).sort((a, b) => a - b);
};
const owners = (...list: [string, string][]): OwnerEntry[] =>
  list.map(([owner, at], i) => ({ owner, at, why: i === 0 ? "assigned" : "breached" }));

describe("response model", () => {
  it("gives the same events for the same seed and different ones for another seed", () => {
    const own = owners(["ann", "2026-12-07T09:02:00.000Z"], ["bob", "2026-12-07T09:17:00.000Z"]);
    const a = makeResponseModel(flow, { seed: 3, outcomeField: "converted" }).eventsFor("L1", { converted: true }, own);
    const b = makeResponseModel(flow, { seed: 3, outcomeField: "converted" }).eventsFor("L1", { converted: true }, own);
    const c = makeResponseModel(flow, { seed: 4, outcomeField: "converted" }).eventsFor("L1", { converted: true }, own);
    expect(a).toEqual(b);
    expect(a.map((e) => e.type)).toEqual(["touched", "touched", "converted"]);
    expect(a.map((e) => e.by)).toEqual(["ann", "bob", "bob"]);
    expect(c.map((e) => e.at)).not.toEqual(a.map((e) => e.at));
  });

  it("makes no touch by an earlier owner after the lead went to the next one (the run would refuse it)", () => {
    const own = owners(["ann", "2026-12-07T09:02:00.000Z"], ["bob", "2026-12-07T09:06:00.000Z"]);
    const model = makeResponseModel(flow, { seed: 5 });
    const lists = Array.from({ length: 200 }, (_, i) => model.eventsFor(`L${i}`, undefined, own));
    const handOver = Date.parse("2026-12-07T09:06:00.000Z");
    for (const events of lists) {
      for (const e of events.filter((x) => x.by === "ann")) expect(e.at).toBeLessThanOrEqual(handOver);
      expect(events.filter((x) => x.by === "bob")).toHaveLength(1);
    }
    const annTouches = lists.filter((events) => events.some((x) => x.by === "ann")).length;
    expect(annTouches).toBeGreaterThan(0);
    expect(annTouches).toBeLessThan(200);
  });

  it("draws response times whose median is close to each member's median", () => {
    for (const [member, median] of [
      ["ann", 4],
      ["bob", 12],
      ["chen", 25],
    ] as const) {
      const sorted = draws(flow, member, 4000);
      expect(percentile(sorted, 0.5)).toBeGreaterThan(median * 0.93);
      expect(percentile(sorted, 0.5)).toBeLessThan(median * 1.07);
    }
    // A member with no speed set answers in the documented default.
    const nobody = draws(flow, "someone-else", 4000);
    expect(percentile(nobody, 0.5)).toBeGreaterThan(DEFAULT_RESPONSE_MINUTES * 0.93);
    expect(percentile(nobody, 0.5)).toBeLessThan(DEFAULT_RESPONSE_MINUTES * 1.07);
  });

  it("spreads response times wider with a larger spread, around the same median", () => {
    const narrow = draws(withSpread(0.2), "bob", 4000);
    const wide = draws(withSpread(1.2), "bob", 4000);
    const ratio = (s: number[]) => (percentile(s, 0.9) as number) / (percentile(s, 0.5) as number);
    expect(ratio(narrow)).toBeLessThan(1.4); // e^(1.28·0.2) ≈ 1.29
    expect(ratio(wide)).toBeGreaterThan(3.5); // e^(1.28·1.2) ≈ 4.6
    expect(Math.abs((percentile(wide, 0.5) as number) - 12)).toBeLessThan(1.5);
  });

  it("counts response time in the member's working minutes: Friday 18:55 + 10 min is Monday 08:05 in Berlin", () => {
    const f: Flow = withSpread(0.000001);
    const model = makeResponseModel({ ...f, teams: [{ ...f.teams[0]!, members: [{ ...f.teams[0]!.members[0]!, responseMinutes: 10 }] }] });
    const [touch] = model.eventsFor("L1", undefined, owners(["ann", "2026-12-04T17:55:00.000Z"]));
    expect(new Date(touch!.at).toISOString()).toBe("2026-12-07T07:05:00.000Z");
  });

  it("closes or converts a lead after its touch only when the outcome column says so", () => {
    const model = makeResponseModel(flow, { outcomeField: "converted" });
    const own = owners(["ann", "2026-12-07T09:02:00.000Z"]);
    expect(model.eventsFor("L1", { converted: "yes" }, own).map((e) => e.type)).toEqual(["touched", "converted"]);
    expect(model.eventsFor("L1", { converted: 0 }, own).map((e) => e.type)).toEqual(["touched", "closed"]);
    expect(model.eventsFor("L1", { converted: null }, own).map((e) => e.type)).toEqual(["touched"]);
    const [touch, outcome] = model.eventsFor("L1", { converted: true }, own);
    expect(outcome!.at).toBeGreaterThan(touch!.at);
  });

  it("the assumption curve keeps fewer conversions of slowly answered leads, and is off by default", () => {
    expect(curveKeep(DEFAULT_CURVE, 2)).toBe(1);
    expect(curveKeep(DEFAULT_CURVE, 32.5)).toBeCloseTo(0.85, 5);
    expect(curveKeep(DEFAULT_CURVE, 10_000)).toBe(0.4);
    const slow: Flow = {
      ...flow,
      teams: flow.teams.map((t) => ({ ...t, members: t.members.map((m) => ({ ...m, responseMinutes: 600 })) })),
    };
    const own = owners(["ann", "2026-12-07T09:02:00.000Z"]);
    const converted = (f: Flow, curve: typeof DEFAULT_CURVE | null) => {
      const model = makeResponseModel(f, { outcomeField: "converted", curve });
      return Array.from({ length: 1000 }, (_, i) => model.eventsFor(`L${i}`, { converted: true }, own)).filter((ev) =>
        ev.some((e) => e.type === "converted"),
      ).length;
    };
    expect(converted(slow, null)).toBe(1000);
    const kept = converted(slow, DEFAULT_CURVE);
    expect(kept).toBeGreaterThan(350); // 10 working hours → ~0.4–0.55 kept
    expect(kept).toBeLessThan(650);
    expect(converted(flow, DEFAULT_CURVE)).toBeGreaterThan(kept);
  });
});
