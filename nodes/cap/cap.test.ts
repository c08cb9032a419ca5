import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { makeFlow, team, trigger } from "../../test/helpers/flow";
import type { CapConfig } from "./schema";

function pathCap(config: CapConfig, timezone = "UTC") {
  return makeFlow({ settings: { timezone, seed: 1 }, nodes: [trigger(), { id: "c", type: "cap", config }], wires: [["t", "c"]] });
}
const at = (...times: string[]) => times.map((createdAt, i) => ({ id: `L${i + 1}`, createdAt }));
/** How many leads left the cap by each port. */
const ports = (flow: ReturnType<typeof pathCap>, batch: ReturnType<typeof at>) => compileFlow(flow).run(batch).summary.nodes.c?.out;

describe("cap node", () => {
  it("counts per day in the flow's time zone", () => {
    // 22:30 UTC on 2 March is already 3 March in Shanghai (UTC+8).
    const batch = at("2026-03-02T10:00:00Z", "2026-03-02T15:00:00Z", "2026-03-02T16:30:00Z");
    expect(ports(pathCap({ limit: 1, window: "day", scope: "path" }), batch)).toEqual({ ok: 1, overflow: 2 });
    expect(ports(pathCap({ limit: 1, window: "day", scope: "path" }, "Asia/Shanghai"), batch)).toEqual({ ok: 2, overflow: 1 });
  });

  it("counts per hour, ISO week (Monday start), month and in total", () => {
    const hour = at("2026-03-02T10:05:00Z", "2026-03-02T10:55:00Z", "2026-03-02T11:00:00Z");
    expect(ports(pathCap({ limit: 1, window: "hour", scope: "path" }), hour)).toEqual({ ok: 2, overflow: 1 });
    // Sunday 8 March then Monday 9 March: a new ISO week.
    const week = at("2026-03-08T23:00:00Z", "2026-03-08T23:30:00Z", "2026-03-09T00:30:00Z");
    expect(ports(pathCap({ limit: 1, window: "week", scope: "path" }), week)).toEqual({ ok: 2, overflow: 1 });
    // In New York, Monday 00:30 UTC is still Sunday evening: same week.
    expect(ports(pathCap({ limit: 1, window: "week", scope: "path" }, "America/New_York"), week)).toEqual({ ok: 1, overflow: 2 });
    const month = at("2026-01-31T12:00:00Z", "2026-01-31T13:00:00Z", "2026-02-01T00:00:00Z");
    expect(ports(pathCap({ limit: 1, window: "month", scope: "path" }), month)).toEqual({ ok: 2, overflow: 1 });
    const total = at("2026-01-01T00:00:00Z", "2027-06-01T00:00:00Z", "2028-01-01T00:00:00Z");
    expect(ports(pathCap({ limit: 2, window: "total", scope: "path" }), total)).toEqual({ ok: 2, overflow: 1 });
  });

  it("undoes the assignment when an owner cap overflows, so a fallback route can place the lead", () => {
    const flow = makeFlow({
      teams: [team("reps", [{ id: "a", name: "Ann", capacity: { perDay: 10 } }]), team("queue", [{ id: "q", name: "Queue" }])],
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "reps", strategy: "round_robin", respect: { capacity: true } } },
        { id: "n", type: "notify", config: { channel: "in_app", to: "owner", template: "x" } },
        { id: "c", type: "cap", label: "Two a day", config: { limit: 2, window: "day", scope: "owner" } },
        { id: "fb", type: "route", config: { team: "queue", strategy: "round_robin" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "n"],
        ["n", "c"],
        ["c:overflow", "fb"],
      ],
    });
    const batch = at("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:02:00Z");
    const { outcomes, state } = compileFlow(flow).run(batch, { trace: true });
    expect(outcomes.map((o) => o.owner)).toEqual(["a", "a", "q"]);
    expect(outcomes[2]?.trace?.map((t) => t.text)).toContain('Over "Two a day" for Ann: 2/2 this day; assignment undone');
    // Ann's daily capacity counts only the two leads she kept.
    expect(state.members.a?.day).toEqual({ w: "2026-03-02", n: 2 });
    expect(state.members.a?.assigned).toBe(2);
  });
});

describe("cap node with late leads", () => {
  it("counts a late lead from an earlier day against that day, never resetting today's count", () => {
    const flow = makeFlow({
      teams: [team("reps", [{ id: "a", name: "Ann" }]), team("queue", [{ id: "q", name: "Queue" }])],
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "reps", strategy: "round_robin" } },
        { id: "c", type: "cap", config: { limit: 2, window: "day", scope: "owner" } },
        { id: "fb", type: "route", config: { team: "queue", strategy: "round_robin" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "c"],
        ["c:overflow", "fb"],
        ["r:unassigned", "fb"],
      ],
    });
    const compiled = compileFlow(flow);
    let state: unknown;
    const owners: (string | undefined)[] = [];
    // Each lead arrives on its own, as a service sees them: today, today, yesterday (late), today.
    for (const createdAt of ["2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z", "2026-03-02T23:00:00Z", "2026-03-03T11:00:00Z"]) {
      const result = compiled.run([{ id: createdAt, createdAt }], { state });
      owners.push(result.outcomes[0]?.owner);
      state = result.state;
    }
    expect(owners).toEqual(["a", "a", "a", "q"]);
  });
});

describe("an owner cap that sends the lead on, in a lead's story", () => {
  const flow = (afterOverflow: "queue" | "others") =>
    makeFlow({
      teams: [team("reps", [{ id: "ann" }, { id: "bob" }]), team("queue", [{ id: "q" }])],
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "reps", strategy: "round_robin" } },
        // A step between the route and the cap: the route does not look ahead to the cap, the cap turns the lead back.
        { id: "n", type: "notify", config: { channel: "in_app", to: "owner", template: "x" } },
        { id: "c", type: "cap", config: { limit: 1, window: "day", scope: "owner" } },
        { id: "q", type: "route", config: { team: "queue", strategy: "round_robin" } },
        { id: "r2", type: "route", config: { team: "reps", strategy: "round_robin", exclude: "previous_owners" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "n"],
        ["n", "c"],
        ["c:overflow", afterOverflow === "queue" ? "q" : "r2"],
      ],
    });
  const leads = ["09:00", "09:01", "09:02"].map((t, i) => ({ id: `L${i + 1}`, createdAt: `2026-12-07T${t}:00Z` }));

  it("does not list the member it turned back as an owner, nor count a reassignment", () => {
    const r = compileFlow(flow("queue")).run(leads, { now: "2026-12-07T12:00:00Z", events: [] });
    const third = r.outcomes[2];
    expect(third).toMatchObject({ id: "L3", owner: "q", owners: [{ owner: "q", why: "assigned" }] });
    expect(third?.timeline?.map((e) => [e.kind, e.owner])).toEqual([["assigned", "q"]]);
    expect(r.summary.followUp?.reassigned).toBe(0);
  });

  it("still skips that member on a route that excludes previous owners, with and without events", () => {
    for (const options of [{ now: "2026-12-07T12:00:00Z" }, { now: "2026-12-07T12:00:00Z", events: [] }]) {
      const r = compileFlow(flow("others")).run(leads, options);
      // L3 goes to Ann, who has had her one lead today: the second route gives it to Bob, never back to Ann.
      expect(r.outcomes.map((o) => [o.id, o.owner])).toEqual([
        ["L1", "ann"],
        ["L2", "bob"],
        ["L3", "bob"],
      ]);
    }
  });
});
