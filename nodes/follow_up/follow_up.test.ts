import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { loadFlow } from "../../src/engine/document/load";
import { validateFlow } from "../../src/engine/validate";
import { makeFlow, team, trigger } from "../../test/helpers/flow";
import type { FollowUpConfig } from "./schema";

function speedToLead(config: FollowUpConfig, opts: { routeFirst?: boolean; breachedEdge?: boolean } = {}) {
  const routeFirst = opts.routeFirst ?? true;
  return makeFlow({
    teams: [
      team("reps", [
        { id: "ann", name: "Ann" },
        { id: "bob", name: "Bob" },
      ]),
    ],
    nodes: [
      trigger(),
      { id: "r", type: "route", config: { team: "reps", strategy: "round_robin" } },
      { id: "f", type: "follow_up", config },
      { id: "r2", type: "route", config: { team: "reps", strategy: "round_robin", exclude: "previous_owners" } },
    ],
    wires: [
      ...(routeFirst
        ? ([
            ["t", "r"],
            ["r:assigned", "f"],
          ] as [string, string][])
        : ([["t", "f"]] as [string, string][])),
      ...((opts.breachedEdge ?? true) ? ([["f:breached", "r2"]] as [string, string][]) : []),
    ],
  });
}

const codes = (flow: ReturnType<typeof speedToLead>, lang: "en" | "zh-CN" = "en") =>
  validateFlow(loadFlow(flow), { lang })
    .filter((i) => i.nodeId === "f")
    .map((i) => [i.severity, i.code, i.message]);

describe("follow_up validation", () => {
  it("accepts a speed-to-lead step with a route before it and a breached edge", () => {
    expect(codes(speedToLead({ within: { minutes: 5 }, remind: [{ after: { minutes: 3 } }] }))).toEqual([]);
  });

  it("refuses a deadline of zero or less, in the manager's language", () => {
    const issues = codes(speedToLead({ within: { minutes: 0 } }), "zh-CN");
    expect(issues).toContainEqual(["error", "follow_up.within_not_positive", "首次联系期限必须大于零，例如 15 分钟。"]);
    expect(codes(speedToLead({ within: { hours: -1 } }))).toContainEqual([
      "error",
      "follow_up.within_not_positive",
      "The first-contact deadline must be longer than zero, e.g. 15 minutes.",
    ]);
    expect(() => compileFlow(speedToLead({ within: { minutes: 0 } }))).toThrow(/deadline must be longer than zero/);
  });

  it("refuses a follow-up a lead can reach without an owner", () => {
    const issues = codes(speedToLead({ within: { minutes: 5 } }, { routeFirst: false }));
    expect(issues.map((i) => i[1])).toContain("follow_up.needs_route");
    expect(issues.find((i) => i[1] === "follow_up.needs_route")?.[0]).toBe("error");
  });

  it("refuses more than 20 cadence steps", () => {
    const step = { after: { days: 1 } };
    expect(codes(speedToLead({ within: { minutes: 5 }, cadence: Array.from({ length: 20 }, () => step) }))).toEqual([]);
    const issues = codes(speedToLead({ within: { minutes: 5 }, cadence: Array.from({ length: 21 }, () => step) }), "zh-CN");
    expect(issues).toContainEqual(["error", "follow_up.too_many_steps", "跟进节奏有 21 步，最多允许 20 步。"]);
  });

  it("warns about a reminder at or after the deadline and about an unwired breached port", () => {
    const issues = codes(
      speedToLead({ within: { minutes: 15 }, remind: [{ after: { minutes: 10 } }, { after: { minutes: 15 } }] }, { breachedEdge: false }),
    );
    expect(issues).toEqual([
      ["warning", "follow_up.reminder_too_late", "Reminder 2 is due at or after the deadline, so it would never be sent."],
      ["warning", "follow_up.breached_unwired", expect.stringContaining('leave by "breached"')],
    ]);
  });
});

describe("follow_up run", () => {
  it("keeps a waiting lead in the state and does not enter it again; its breach comes in a later run", () => {
    const flow = compileFlow(speedToLead({ within: { minutes: 15 }, clock: "calendar" }));
    const lead = { id: "L1", createdAt: "2026-12-07T09:00:00Z" };
    const first = flow.run([lead], { now: "2026-12-07T09:10:00Z" });
    expect(first.outcomes[0]).toMatchObject({ status: "waiting", owner: "ann", dueAt: "2026-12-07T09:15:00.000Z" });
    const saved = JSON.parse(JSON.stringify(first.state));
    const again = flow.run([lead], { now: "2026-12-07T09:14:00Z", state: saved });
    expect(again.outcomes).toEqual([]);
    expect(again.warnings?.map((w) => w.code)).toEqual(["run.lead_known"]);
    const later = flow.run([], { now: "2026-12-07T09:20:00Z", state: saved });
    expect(later.outcomes[0]).toMatchObject({
      id: "L1",
      status: "assigned",
      owner: "bob",
      owners: [{ owner: "ann" }, { owner: "bob", why: "breached" }],
    });
  });

  it("a flow without a follow-up step keeps no leads unless given events; given them, it follows its leads", () => {
    const flow = makeFlow({
      teams: [team("reps", [{ id: "ann" }])],
      nodes: [trigger(), { id: "r", type: "route", config: { team: "reps", strategy: "round_robin" } }],
      wires: [["t", "r"]],
    });
    const leads = [{ id: "L1", createdAt: "2026-12-07T09:00:00Z" }];
    const plain = compileFlow(flow).run(leads, { now: "2026-12-07T10:00:00Z" });
    expect(plain.outcomes[0]?.timeline).toBeUndefined();
    expect(plain.state.leads).toBeUndefined();
    const withEvents = compileFlow(flow).run(leads, {
      now: "2026-12-07T10:00:00Z",
      events: [{ id: "e1", lead: "L1", type: "closed", at: "2026-12-07T09:30:00Z" }],
    });
    expect(withEvents.warnings).toEqual([]);
    expect(withEvents.outcomes).toMatchObject([
      {
        id: "L1",
        status: "assigned",
        owner: "ann",
        closedAt: "2026-12-07T09:30:00.000Z",
        timeline: [{ kind: "assigned" }, { kind: "closed" }],
      },
    ]);
    expect(Object.keys(withEvents.state.leads ?? {})).toEqual(["L1"]);
  });
});

describe("follow_up retention", () => {
  it("drops a finished lead 30 days after its last change, after returning its outcome; a later event is then unknown", () => {
    const flow = compileFlow(speedToLead({ within: { hours: 1 }, clock: "calendar" }));
    const lead = { id: "L1", createdAt: "2026-01-01T09:00:00Z" };
    const touch = { id: "t1", lead: "L1", type: "touched", at: "2026-01-01T09:10:00Z" };
    const late = { id: "c1", lead: "L1", type: "closed", at: "2026-02-15T09:00:00Z" };
    const r = flow.run([lead], { events: [touch, late], now: "2026-03-01T00:00:00Z" });
    expect(r.outcomes).toMatchObject([{ id: "L1", status: "assigned", touchedAt: "2026-01-01T09:10:00.000Z" }]);
    expect(r.outcomes[0]?.closedAt).toBeUndefined();
    expect(r.warnings?.map((w) => [w.code, w.event])).toEqual([["event.unknown_lead", "c1"]]);
    expect(r.state.leads).toEqual({});
    const kept = flow.run([lead], { events: [touch, late], now: "2026-03-01T00:00:00Z", retentionDays: 60 });
    expect(kept.outcomes[0]?.closedAt).toBe("2026-02-15T09:00:00.000Z");
    expect(Object.keys(kept.state.leads ?? {})).toEqual(["L1"]);
  });
});
