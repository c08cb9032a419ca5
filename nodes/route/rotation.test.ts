import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import type { Flow, Team } from "../../src/engine/document/schema";
import { leads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { rotationView, type RouteRotation } from "./rotation";
import type { RouteConfig } from "./schema";

const T0 = "2026-03-02T10:00:00Z"; // a Monday

function routeFlow(config: Partial<RouteConfig>, teams: Team[], cap?: number, settings: Flow["settings"] = { timezone: "UTC", seed: 7 }) {
  return makeFlow({
    nodes: [
      trigger(),
      { id: "r", type: "route", config: { team: "t1", strategy: "round_robin", ...config } },
      ...(cap !== undefined
        ? [{ id: "cap", type: "cap" as const, label: "Daily cap", config: { limit: cap, window: "day" as const, scope: "owner" as const } }]
        : []),
    ],
    wires:
      cap !== undefined
        ? [
            ["t", "r"],
            ["r:assigned", "cap"],
          ]
        : [["t", "r"]],
    teams,
    settings,
    fields: [{ key: "country", type: "string" }],
  });
}

const only = (view: RouteRotation[]): RouteRotation => {
  expect(view).toHaveLength(1);
  return view[0] as RouteRotation;
};

/**
 * Rounds of: predict at `at`, then route five leads at `at` through the engine carrying the state; the predicted owners
 * must be the owners the engine gives. Returns the views, so a test can also look at what they said.
 */
function predictAndRoute(flow: Flow, warmUp: number, at: string, rounds: number, data: Record<string, unknown> = {}): RouteRotation[] {
  const compiled = compileFlow(flow);
  let state = compiled.run(leads(warmUp, () => data, T0)).state as unknown;
  const views: RouteRotation[] = [];
  for (let r = 0; r < rounds; r++) {
    const view = only(rotationView(flow, state, at));
    views.push(view);
    const before = JSON.stringify(state);
    const batch = Array.from({ length: 5 }, (_, i) => ({ id: `R${r}-${i}`, createdAt: at, ...data }));
    const result = compiled.run(batch, { state });
    expect(JSON.stringify(state)).toBe(before); // the view never changes the state it reads
    const owners = result.outcomes.map((o) => o.owner).filter((o): o is string => o !== undefined);
    expect(view.next.map((n) => n.id)).toEqual(owners);
    state = result.state;
  }
  return views;
}

describe("rotationView: the next five are the engine's next five", () => {
  it("round robin, skipping an away member and members at daily capacity", () => {
    const flow = routeFlow({ respect: { capacity: true } }, [
      team("t1", [
        { id: "ann", name: "Ann", capacity: { perDay: 6 } },
        { id: "bo", name: "Bo", away: [{ from: "2026-03-02", to: "2026-03-04" }] },
        { id: "cy", name: "Cy", capacity: { perDay: 4 } },
        { id: "di", name: "Di" },
      ]),
    ]);
    const views = predictAndRoute(flow, 7, "2026-03-02T15:00:00Z", 4);
    const first = views[0] as RouteRotation;
    const bo = first.members.find((m) => m.id === "bo");
    expect(bo?.skipped).toMatchObject({ code: "reason.away", params: { until: "2026-03-04" } });
    expect(bo?.skipped?.text["zh-CN"]).toContain("休假至 2026-03-04");
    const cy = views[1]?.members.find((m) => m.id === "cy");
    expect(cy).toMatchObject({ today: 4, thisWeek: 4, capacityLeft: 0, limits: { perDay: { count: 4, limit: 4 } } });
    expect(cy?.skipped).toMatchObject({ code: "reason.day_capacity", params: { count: 4, limit: 4 } });
  });

  it("round robin with an owner cap: a member at the cap is skipped and each predicted lead counts toward it", () => {
    const flow = routeFlow(
      {},
      [
        team("t1", [
          { id: "ann", name: "Ann" },
          { id: "bo", name: "Bo" },
          { id: "cy", name: "Cy" },
        ]),
      ],
      3,
    );
    const views = predictAndRoute(flow, 4, "2026-03-02T16:00:00Z", 3);
    const first = views[0] as RouteRotation;
    expect(first.next.map((n) => n.id)).toEqual(["bo", "cy", "ann", "bo", "cy"]);
    expect(first.members.find((m) => m.id === "ann")).toMatchObject({
      limits: { cap: { node: "cap", name: "Daily cap", count: 2, limit: 3 } },
      capacityLeft: 1,
    });
    expect(first.assumptions.map((a) => a.code)).toContain("rotation.assume_cap");
    // After the first round every member is at 3/3: nobody is left and the route says so in its own words.
    const last = views[2] as RouteRotation;
    expect(last.next).toEqual([]);
    expect(last.stop?.code).toBe("route.unassigned");
    expect(last.stop?.text.en).toContain("no member is eligible");
    expect(last.members.every((m) => m.skipped?.code === "reason.cap_limit")).toBe(true);
  });

  it("weighted round robin, a weight 0 member skipped", () => {
    const flow = routeFlow({ strategy: "weighted_round_robin" }, [
      team("t1", [
        { id: "a", weight: 5 },
        { id: "b", weight: 1 },
        { id: "c", weight: 1 },
        { id: "z", weight: 0 },
      ]),
    ]);
    const views = predictAndRoute(flow, 3, "2026-03-02T12:00:00Z", 4);
    expect(views[0]?.members.find((m) => m.id === "z")).toMatchObject({ weight: 0, skipped: { code: "reason.zero_weight" } });
    expect(views[0]?.members.find((m) => m.id === "a")).toMatchObject({ weight: 5, skipped: null });
  });

  it("least loaded with open leads and a maximum of open leads", () => {
    const flow = routeFlow({ strategy: "least_loaded", respect: { capacity: true } }, [
      team("t1", [
        { id: "a", openLeads: 4, capacity: { maxOpen: 7 } },
        { id: "b", openLeads: 1 },
        { id: "c", openLeads: 2, capacity: { maxOpen: 4 } },
      ]),
    ]);
    const views = predictAndRoute(flow, 2, "2026-03-02T12:00:00Z", 4);
    expect(views[0]?.members.find((m) => m.id === "c")).toMatchObject({
      open: 2,
      limits: { maxOpen: { count: 2, limit: 4 } },
      capacityLeft: 2,
    });
  });

  it("round robin with catch-up and weighted random (seeded) predict the engine too", () => {
    const members = [
      { id: "a", weight: 3 },
      { id: "b", weight: 1, active: false },
      { id: "c", weight: 2 },
    ];
    predictAndRoute(routeFlow({ catchUp: true }, [team("t1", members)]), 5, "2026-03-03T09:00:00Z", 3);
    predictAndRoute(routeFlow({ strategy: "random_weighted" }, [team("t1", members)]), 5, "2026-03-03T09:00:00Z", 3);
  });

  it("a territory match: the prediction is for a lead every member matches, and holds for such leads", () => {
    const flow = routeFlow({ match: { leadField: "country", memberAttribute: "regions" } }, [
      team("t1", [
        { id: "a", attributes: { regions: ["DE", "FR"] } },
        { id: "b", attributes: { regions: "de" } },
        { id: "c", attributes: { regions: ["AT", "DE"] } },
      ]),
    ]);
    const views = predictAndRoute(flow, 2, "2026-03-02T12:00:00Z", 2, { country: "DE" });
    expect(views[0]?.assumptions.map((a) => a.code)).toContain("rotation.assume_match");
    expect(views[0]?.members.every((m) => m.skipped === null)).toBe(true);
  });

  it("working hours and holidays: who is skipped now and why, and nobody next when nobody works", () => {
    const hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
    const flow = routeFlow(
      { respect: { workingHours: true } },
      [
        team("t1", [
          { id: "a", workingHours: hours },
          { id: "b", workingHours: { ...hours, start: "06:00" } },
        ]),
      ],
      undefined,
      { timezone: "UTC", seed: 1, holidays: ["2026-03-04"] },
    );
    const early = only(rotationView(flow, undefined, "2026-03-02T07:00:00Z"));
    expect(early.members.map((m) => m.skipped?.code ?? null)).toEqual(["reason.off_hours", null]);
    expect(early.next.map((n) => n.id)).toEqual(["b", "b", "b", "b", "b"]);
    const holiday = only(rotationView(flow, undefined, "2026-03-04T10:00:00Z"));
    expect(holiday.members.map((m) => m.skipped?.code)).toEqual(["reason.holiday", "reason.holiday"]);
    expect(holiday.next).toEqual([]);
    expect(holiday.stop?.text["zh-CN"]).toContain("没有符合条件的成员");
  });

  it("an existing-owner route has no turn order and says so", () => {
    const flow = routeFlow({ strategy: "lead_owner", ownerField: "account_owner" }, [team("t1", [{ id: "a" }])]);
    const view = only(rotationView(flow, undefined, T0));
    expect(view.next).toEqual([]);
    expect(view.assumptions.map((a) => a.code)).toContain("rotation.lead_owner");
  });
});
