import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import type { Outcome } from "../../src/engine/outcome";
import type { RouteConfig } from "./schema";
import { leads, makeFlow, team, trigger } from "../../test/helpers/flow";
import type { Team } from "../../src/engine/document/schema";

function routeFlow(
  config: Partial<RouteConfig>,
  teams: Team[],
  extra: Parameters<typeof makeFlow>[0]["fields"] = [],
  settings = { timezone: "UTC", seed: 1 },
) {
  return makeFlow({
    nodes: [trigger(), { id: "r", type: "route", config: { team: "t1", strategy: "round_robin", ...config } }],
    wires: [["t", "r"]],
    teams,
    fields: extra,
    settings,
  });
}

/** Round robin over `members` with an owner cap of two a day; the unassigned and the overflow go to a queue member. */
function twoADay(members: Team["members"]) {
  return makeFlow({
    teams: [team("t1", members), team("queue", [{ id: "q", name: "Queue" }])],
    nodes: [
      trigger(),
      { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } },
      { id: "c", type: "cap", label: "Two a day", config: { limit: 2, window: "day", scope: "owner" } },
      { id: "fb", type: "route", config: { team: "queue", strategy: "fixed", member: "q" } },
    ],
    wires: [
      ["t", "r"],
      ["r:assigned", "c"],
      ["r:unassigned", "fb"],
      ["c:overflow", "fb"],
    ],
  });
}

const owners = (outcomes: Outcome[]) => outcomes.map((o) => o.owner ?? "-").join(" ");
const traceOf = (o: Outcome | undefined) => (o?.trace ?? []).map((t) => t.text);

describe("route: weighted round robin", () => {
  it("gives weights 5,1,1 the nginx order a a b a c a a", () => {
    const flow = routeFlow({ strategy: "weighted_round_robin" }, [
      team("t1", [
        { id: "a", weight: 5 },
        { id: "b", weight: 1 },
        { id: "c", weight: 1 },
      ]),
    ]);
    const { outcomes } = compileFlow(flow).run(leads(14));
    expect(owners(outcomes)).toBe("a a b a c a a a a b a c a a");
  });

  it("uses performance as the weight with weightBy performance", () => {
    const flow = routeFlow({ strategy: "weighted_round_robin", weightBy: "performance" }, [
      team("t1", [
        { id: "a", weight: 1, performance: 0.3 },
        { id: "b", weight: 1, performance: 0.1 },
      ]),
    ]);
    const { outcomes } = compileFlow(flow).run(leads(400));
    const a = outcomes.filter((o) => o.owner === "a").length;
    expect(a).toBe(300);
  });

  it("never picks weight 0 and sends the lead to unassigned when every eligible member has weight 0", () => {
    const flow = routeFlow({ strategy: "weighted_round_robin" }, [
      team("t1", [
        { id: "a", weight: 0 },
        { id: "b", weight: 0 },
      ]),
    ]);
    const { outcomes } = compileFlow(flow).run(leads(2), { trace: true });
    expect(outcomes.map((o) => o.status)).toEqual(["unassigned", "unassigned"]);
    expect(traceOf(outcomes[0]).join("\n")).toContain("every eligible member has weight 0");
    const mixed = routeFlow({ strategy: "weighted_round_robin" }, [
      team("t1", [
        { id: "a", weight: 0 },
        { id: "b", weight: 2 },
      ]),
    ]);
    expect(owners(compileFlow(mixed).run(leads(3)).outcomes)).toBe("b b b");
  });
});

describe("route: round robin", () => {
  it("rotates in roster order and skips an inactive member, saying why", () => {
    const flow = routeFlow({}, [
      team("t1", [
        { id: "ann", name: "Ann" },
        { id: "bo", name: "Bo", active: false },
        { id: "cy", name: "Cy" },
      ]),
    ]);
    const { outcomes } = compileFlow(flow).run(leads(4), { trace: true });
    expect(owners(outcomes)).toBe("ann cy ann cy");
    expect(traceOf(outcomes[0])).toContain("Skipped Bo: inactive");
    expect(traceOf(outcomes[0])).toContain("Assigned to Ann, round robin");
  });

  it("skips a member outside working hours in the flow's time zone", () => {
    const hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
    const flow = routeFlow(
      { respect: { workingHours: true } },
      [
        team("t1", [
          { id: "ann", name: "Ann", workingHours: hours },
          { id: "bo", name: "Bo" },
        ]),
      ],
      [],
      { timezone: "Europe/Berlin", seed: 1 },
    );
    // 2026-03-02 is a Monday; 07:30 UTC is 08:30 in Berlin (before 09:00), 08:30 UTC is 09:30.
    const batch = [
      { id: "early", createdAt: "2026-03-02T07:30:00Z" },
      { id: "late", createdAt: "2026-03-02T08:30:00Z" },
      { id: "next", createdAt: "2026-03-02T08:31:00Z" },
    ];
    const { outcomes } = compileFlow(flow).run(batch, { trace: true });
    expect(owners(outcomes)).toBe("bo ann bo");
    expect(traceOf(outcomes[0])).toContain("Skipped Ann: outside working hours");
    // In UTC the same instant 08:30 is before 09:00, so Ann would still be off.
    const utc = routeFlow({ respect: { workingHours: true } }, [team("t1", [{ id: "ann", workingHours: hours }, { id: "bo" }])]);
    expect(owners(compileFlow(utc).run(batch).outcomes)).toBe("bo bo bo");
  });

  it("ignores working hours unless the route respects them", () => {
    const hours = { days: [6], start: "09:00", end: "10:00" };
    const flow = routeFlow({}, [team("t1", [{ id: "ann", workingHours: hours }, { id: "bo" }])]);
    expect(owners(compileFlow(flow).run(leads(2)).outcomes)).toBe("ann bo");
  });

  it("skips a member at daily capacity with the count in the trace, and starts counting again the next day", () => {
    const flow = routeFlow({ respect: { capacity: true } }, [
      team("t1", [
        { id: "ann", name: "Ann", capacity: { perDay: 2 } },
        { id: "bo", name: "Bo" },
      ]),
    ]);
    const batch = [...leads(6), { id: "tomorrow", createdAt: "2026-03-03T10:00:00Z" }];
    const { outcomes } = compileFlow(flow).run(batch, { trace: true });
    expect(owners(outcomes)).toBe("ann bo ann bo bo bo ann");
    expect(traceOf(outcomes[4])).toContain("Skipped Ann: at daily capacity 2/2");
  });

  it("skips members at an owner cap's limit lead after lead, and takes them again when the cap's next day starts", () => {
    const flow = twoADay([
      { id: "ann", name: "Ann" },
      { id: "bo", name: "Bo" },
      { id: "cy", name: "Cy" },
    ]);
    // One run: nine leads on the 2nd (six fill the three reps' caps, three go to the queue), then three on the 3rd.
    const batch = [...leads(9), ...leads(3, () => ({}), "2026-03-03T09:00:00Z").map((l, i) => ({ ...l, id: `N${i + 1}` }))];
    const { outcomes, state } = compileFlow(flow).run(batch, { trace: true });
    expect(owners(outcomes)).toBe("ann bo cy ann bo cy q q q ann bo cy");
    for (const o of outcomes.slice(6, 9)) {
      expect(traceOf(o)).toEqual(
        expect.arrayContaining([
          'Skipped Ann: at the limit of "Two a day" 2/2',
          'Skipped Bo: at the limit of "Two a day" 2/2',
          'Skipped Cy: at the limit of "Two a day" 2/2',
        ]),
      );
    }
    expect(traceOf(outcomes[9]).some((line) => line.startsWith("Skipped"))).toBe(false);
    expect(state.nodes.c).toMatchObject({
      counts: { ann: { w: "2026-03-03", n: 1 }, bo: { w: "2026-03-03", n: 1 }, cy: { w: "2026-03-03", n: 1 } },
    });
  });

  it("answers a roster at its owner cap's limits the same in one run, lead by lead, traced and not, day after day", () => {
    const flow = twoADay([
      { id: "ann", name: "Ann" },
      { id: "bo", name: "Bo", active: false },
      { id: "cy", name: "Cy" },
      { id: "di", name: "Di", away: [{ from: "2026-03-04", to: "2026-03-04" }] },
    ]);
    // Ten leads a day, a minute apart, on three days; Di is away on the third.
    const batch = ["2026-03-02", "2026-03-03", "2026-03-04"].flatMap((day, d) =>
      leads(10, () => ({}), `${day}T09:00:00Z`).map((l, i) => ({ ...l, id: `D${d + 1}-${i + 1}` })),
    );
    const compiled = compileFlow(flow);
    const whole = compiled.run(batch);
    const day = (d: number) =>
      whole.outcomes
        .slice(d * 10, d * 10 + 10)
        .map((o) => o.owner)
        .join(" ");
    expect(day(0)).toBe("ann cy di ann cy di q q q q");
    expect(day(1)).toBe("ann cy di ann cy di q q q q");
    expect(day(2)).toBe("ann cy ann cy q q q q q q");
    expect(owners(compiled.run(batch, { trace: true }).outcomes)).toBe(owners(whole.outcomes));
    let state: unknown;
    const one: Outcome[] = [];
    for (const lead of batch) {
      const r = compiled.run([lead], { state });
      one.push(...r.outcomes);
      state = r.state;
    }
    expect(owners(one)).toBe(owners(whole.outcomes));
    expect(state).toEqual(whole.state);
  });

  it("keeps an ineligible member's place: the cursor moves past the pick only", () => {
    const flow = routeFlow(
      { match: { leadField: "country", memberAttribute: "regions" } },
      [
        team("t1", [
          { id: "a", attributes: { regions: ["US"] } },
          { id: "b", attributes: { regions: ["US", "DE"] } },
          { id: "c", attributes: { regions: ["US"] } },
        ]),
      ],
      [{ key: "country", type: "string" }],
    );
    const batch = leads(4, (i) => ({ country: i === 0 ? "DE" : "us" }));
    // DE → b (a skipped); then the cursor is at c: c, a, b.
    expect(owners(compileFlow(flow).run(batch).outcomes)).toBe("b c a b");
  });

  it("matches nobody when the lead has no value for the match field", () => {
    const flow = routeFlow(
      { match: { leadField: "country", memberAttribute: "regions" } },
      [team("t1", [{ id: "a", attributes: { regions: ["US"] } }])],
      [{ key: "country", type: "string" }],
    );
    const { outcomes } = compileFlow(flow).run(leads(1), { trace: true });
    expect(outcomes[0]?.status).toBe("unassigned");
    expect(traceOf(outcomes[0]).join("\n")).toContain("the lead has no country");
  });

  it("keys state by member id: reordering the roster between batches keeps the rotation", () => {
    const members = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const first = compileFlow(routeFlow({}, [team("t1", members)])).run(leads(2));
    expect(owners(first.outcomes)).toBe("a b");
    const reordered = routeFlow({}, [team("t1", [{ id: "c" }, { id: "a" }, { id: "b" }])]);
    const second = compileFlow(reordered).run(
      leads(3, () => ({}), "2026-03-02T11:00:00Z"),
      { state: first.state },
    );
    // The next member after b is c, wherever c now stands.
    expect(owners(second.outcomes)).toBe("c a b");
  });
});

describe("route: catch-up", () => {
  const roster = (bActive: boolean) => [team("t1", [{ id: "a" }, { id: "b", active: bActive }, { id: "c" }])];

  it("lets a member back from a pause catch up only with catchUp", () => {
    for (const catchUp of [false, true]) {
      const paused = compileFlow(routeFlow({ catchUp }, roster(false))).run(leads(4));
      expect(owners(paused.outcomes)).toBe("a c a c");
      const back = compileFlow(routeFlow({ catchUp }, roster(true))).run(
        leads(4, () => ({}), "2026-03-02T12:00:00Z"),
        { state: paused.state },
      );
      expect(owners(back.outcomes)).toBe(catchUp ? "b b a b" : "a b c a");
    }
  });

  it("starts a new member at the current lowest count so it is not flooded", () => {
    const start = compileFlow(routeFlow({ catchUp: true }, [team("t1", [{ id: "a" }, { id: "b" }])])).run(leads(6));
    expect(owners(start.outcomes)).toBe("a b a b a b");
    const grown = routeFlow({ catchUp: true }, [team("t1", [{ id: "a" }, { id: "b" }, { id: "n" }])]);
    const next = compileFlow(grown).run(
      leads(6, () => ({}), "2026-03-02T12:00:00Z"),
      { state: start.state },
    );
    expect(owners(next.outcomes)).toBe("a b n a b n");
  });
});

describe("route: other strategies", () => {
  it("least_loaded picks the fewest open leads (roster open leads plus leads assigned), ties by roster order", () => {
    const flow = routeFlow({ strategy: "least_loaded" }, [
      team("t1", [
        { id: "a", openLeads: 3 },
        { id: "b", openLeads: 1 },
        { id: "c", openLeads: 1 },
      ]),
    ]);
    expect(owners(compileFlow(flow).run(leads(6)).outcomes)).toBe("b c b c a b");
  });

  it("random_weighted is reproducible with the flow's seed, follows the weights, and carries its generator in the state", () => {
    const make = (seed: number) =>
      routeFlow(
        { strategy: "random_weighted" },
        [
          team("t1", [
            { id: "a", weight: 3 },
            { id: "b", weight: 1 },
          ]),
        ],
        [],
        { timezone: "UTC", seed },
      );
    const batch = leads(4000);
    const one = compileFlow(make(7)).run(batch);
    const again = compileFlow(make(7)).run(batch);
    expect(owners(again.outcomes)).toBe(owners(one.outcomes));
    expect(owners(compileFlow(make(8)).run(batch).outcomes)).not.toBe(owners(one.outcomes));
    const share = one.outcomes.filter((o) => o.owner === "a").length / batch.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    const first = compileFlow(make(7)).run(batch.slice(0, 1500));
    const rest = compileFlow(make(7)).run(batch.slice(1500), { state: first.state });
    expect(owners([...first.outcomes, ...rest.outcomes])).toBe(owners(one.outcomes));
  });

  it("fixed always picks its member while eligible", () => {
    const flow = routeFlow({ strategy: "fixed", member: "b" }, [team("t1", [{ id: "a" }, { id: "b" }])]);
    expect(owners(compileFlow(flow).run(leads(3)).outcomes)).toBe("b b b");
    const off = routeFlow({ strategy: "fixed", member: "b" }, [team("t1", [{ id: "a" }, { id: "b", active: false }])]);
    expect(compileFlow(off).run(leads(1)).outcomes[0]?.status).toBe("unassigned");
  });

  it("lead_owner matches the member by id or email, case-insensitively", () => {
    const flow = routeFlow(
      { strategy: "lead_owner", ownerField: "accountOwner" },
      [
        team("t1", [
          { id: "a", email: "ann@example.com" },
          { id: "b", email: "bo@example.com" },
        ]),
      ],
      [{ key: "accountOwner", type: "string" }],
    );
    const batch = [
      { id: "1", createdAt: "2026-03-02T10:00:00Z", accountOwner: "BO@example.com " },
      { id: "2", createdAt: "2026-03-02T10:01:00Z", accountOwner: "a" },
      { id: "3", createdAt: "2026-03-02T10:02:00Z", accountOwner: "zed@example.com" },
      { id: "4", createdAt: "2026-03-02T10:03:00Z" },
    ];
    const { outcomes } = compileFlow(flow).run(batch, { trace: true });
    expect(owners(outcomes)).toBe("b a - -");
    expect(traceOf(outcomes[2]).join("\n")).toContain("no member has the id or email zed@example.com");
  });

  it("skips members at the limit of an owner-scoped cap wired to assigned", () => {
    const flow = makeFlow({
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } },
        { id: "cap", type: "cap", label: "Two a day", config: { limit: 2, window: "day", scope: "owner" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "cap"],
      ],
      teams: [
        team("t1", [
          { id: "a", name: "Ann" },
          { id: "b", name: "Bo" },
        ]),
      ],
    });
    const { outcomes } = compileFlow(flow).run(leads(6), { trace: true });
    expect(owners(outcomes)).toBe("a b a b - -");
    expect(outcomes[4]?.status).toBe("unassigned");
    expect(traceOf(outcomes[4])).toContain('Skipped Ann: at the limit of "Two a day" 2/2');
  });
});

describe("route: weighted round robin with fractional weights", () => {
  it("breaks ties by roster order, exactly, with performance weights 0.3, 0.2, 0.1", () => {
    const flow = routeFlow({ strategy: "weighted_round_robin", weightBy: "performance" }, [
      team("t1", [
        { id: "a", performance: 0.3 },
        { id: "b", performance: 0.2 },
        { id: "c", performance: 0.1 },
      ]),
    ]);
    // Integer weights 3, 2, 1 give the nginx order a b a c b a.
    expect(owners(compileFlow(flow).run(leads(12)).outcomes)).toBe("a b a c b a a b a c b a");
  });
});
