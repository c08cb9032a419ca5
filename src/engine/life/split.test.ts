// The split-anywhere property with time (spec §9): leads, events and timers split at any instant, state carried as JSON.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeFlow, team, trigger } from "../../../test/helpers/flow";
import { compileFlow } from "../compile";
import type { Flow } from "../document/schema";
import type { Outcome } from "../outcome";
import { mergeRunOutcomes } from "./merge";
import { followUpFigures } from "./summary";

const T0 = Date.parse("2026-12-04T08:00:00Z"); // a Friday
const iso = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const byId = (outcomes: readonly Outcome[]) => [...outcomes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const duration = fc.oneof(
  fc.integer({ min: 1, max: 240 }).map((minutes) => ({ minutes })),
  fc.integer({ min: 1, max: 3 }).map((hours) => ({ hours })),
  fc.constant({ days: 1 }),
);

const arbFlow = fc
  .record({
    strategy: fc.constantFrom("round_robin", "least_loaded"),
    clock: fc.constantFrom("working_hours", "calendar"),
    within: duration,
    remind: fc.array(
      duration.map((after) => ({ after })),
      { maxLength: 2 },
    ),
    cadence: fc.array(
      duration.map((after) => ({ after })),
      { maxLength: 3 },
    ),
    rejectedEdge: fc.boolean(),
    maxOpen: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map((p): Flow =>
    makeFlow({
      settings: { timezone: "Europe/Berlin", seed: 7, holidays: ["2026-12-07"] },
      teams: [
        team("reps", [
          { id: "ann", workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }, capacity: { maxOpen: p.maxOpen } },
          { id: "bob", away: [{ from: "2026-12-08", to: "2026-12-08" }] },
          { id: "cy", workingHours: { days: [1, 2, 3, 4, 5, 6], start: "22:00", end: "06:00" } },
        ]),
        team("queue", [{ id: "q" }]),
      ],
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "reps", strategy: p.strategy as "round_robin", respect: { capacity: true } } },
        { id: "f", type: "follow_up", config: { within: p.within, clock: p.clock as "calendar", remind: p.remind, cadence: p.cadence } },
        {
          id: "r2",
          type: "route",
          config: { team: "reps", strategy: "round_robin", exclude: "previous_owners", respect: { workingHours: true, capacity: true } },
        },
        { id: "f2", type: "follow_up", config: { within: { minutes: 30 }, clock: "calendar" } },
        { id: "q", type: "route", config: { team: "queue", strategy: "round_robin" } },
        { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "{{lead.id}} for {{owner.id}}" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "f"],
        ["r:unassigned", "q"],
        ["f:breached", "r2"],
        ...(p.rejectedEdge ? [["f:rejected", "n"] as [string, string]] : []),
        ["r2:assigned", "f2"],
        ["f2:met", "n"],
      ],
    }),
  );

/** Leads over four days and events after their lead (or for nobody), with ids drawn from a small pool so some repeat. */
const arbInput = fc.array(fc.integer({ min: 0, max: 4 * 1440 }), { maxLength: 25 }).chain((minutes) => {
  const leads = minutes.map((m, i) => ({ id: `L${i}`, createdAt: iso(m), minute: m }));
  const event = fc
    .record({
      lead:
        leads.length > 0
          ? fc.oneof(
              { weight: 9, arbitrary: fc.constantFrom(...leads) },
              { weight: 1, arbitrary: fc.constant({ id: "NOPE", createdAt: iso(0), minute: 0 }) },
            )
          : fc.constant({ id: "NOPE", createdAt: iso(0), minute: 0 }),
      type: fc.constantFrom("touched", "touched", "converted", "closed", "rejected"),
      after: fc.integer({ min: 0, max: 3000 }),
      by: fc.constantFrom(undefined, undefined, "ann", "bob"),
      id: fc.integer({ min: 0, max: 40 }),
      reason: fc.constantFrom(undefined, "not my territory", "spam"),
    })
    .map((e) => ({
      id: `ev${e.id}`,
      lead: e.lead.id,
      type: e.type,
      at: iso(e.lead.minute + e.after),
      ...(e.by ? { by: e.by } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    }));
  return fc.tuple(fc.constant(leads.map(({ minute: _m, ...l }) => l)), fc.array(event, { maxLength: 40 }));
});

/** A flow without a follow_up step (least_loaded with an open-lead limit, so closes change who gets the next lead). */
const arbPlainFlow = fc
  .record({
    strategy: fc.constantFrom("round_robin", "least_loaded"),
    maxOpen: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map((p): Flow =>
    makeFlow({
      settings: { timezone: "Europe/Berlin", seed: 7 },
      teams: [
        team("reps", [
          { id: "ann", capacity: { maxOpen: p.maxOpen } },
          { id: "bob", capacity: { maxOpen: p.maxOpen } },
        ]),
        team("queue", [{ id: "q" }]),
      ],
      nodes: [
        trigger(),
        { id: "r", type: "route", config: { team: "reps", strategy: p.strategy as "round_robin", respect: { capacity: true } } },
        { id: "q", type: "route", config: { team: "queue", strategy: "round_robin" } },
        { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "{{lead.id}} for {{owner.id}}" } },
      ],
      wires: [
        ["t", "r"],
        ["r:assigned", "n"],
        ["r:unassigned", "q"],
      ],
    }),
  );

describe("split anywhere with time: leads, events and timers", () => {
  it.each([
    ["with follow-up steps", arbFlow],
    ["without a follow-up step, given events", arbPlainFlow],
  ])("%s: two runs split at any instant, carrying the JSON state, give one run's outcomes, figures, warnings and state", (_name, flows) => {
    fc.assert(
      fc.property(flows, arbInput, fc.integer({ min: 0, max: 8 * 1440 }), (flow, [leads, events], cut) => {
        const compiled = compileFlow(flow);
        const end = iso(8 * 1440);
        const split = Date.parse(iso(cut));
        const early = (at: string) => Date.parse(at) <= split;
        const whole = compiled.run(leads, { events, now: end, trace: true });
        const first = compiled.run(
          leads.filter((l) => early(l.createdAt)),
          { events: events.filter((e) => early(e.at)), now: iso(cut), trace: true },
        );
        const second = compiled.run(
          leads.filter((l) => !early(l.createdAt)),
          {
            events: events.filter((e) => !early(e.at)),
            now: end,
            trace: true,
            state: JSON.parse(JSON.stringify(first.state)),
          },
        );
        const merged = mergeRunOutcomes([first.outcomes, second.outcomes]);
        expect(byId(merged)).toEqual(byId(whole.outcomes));
        expect(followUpFigures(merged)).toEqual(followUpFigures(whole.outcomes));
        expect([...(first.warnings ?? []), ...(second.warnings ?? [])]).toEqual(whole.warnings);
        expect(second.state).toEqual(whole.state);
      }),
      { numRuns: 120 },
    );
  });
});
