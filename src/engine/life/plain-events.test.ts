// A flow without a follow-up step given events (even none) follows its leads, and routes exactly what it routes without
// them: every lead of the batch whatever its date, the same owners, statuses and summary, plus each lead's story.
import { describe, expect, it } from "vitest";
import { conformanceCases } from "../../../test/conformance/cases";
import { compileFlow } from "../compile";
import type { Outcome } from "../outcome";

/** An outcome without what following a lead adds to it. */
function routed(o: Outcome): Partial<Outcome> {
  const { owners: _o, timeline: _t, touchedAt: _a, responseMinutes: _r, convertedAt: _c, closedAt: _d, dueAt: _u, ...rest } = o;
  return rest;
}

describe("a plain flow given events", () => {
  const plain = conformanceCases().filter((c) => !c.events && !c.flow.nodes.some((n) => n.type === "follow_up"));

  it("has fixtures to compare, some with leads dated after the run's reference time", () => {
    expect(plain.length).toBeGreaterThan(3);
    expect(plain.some((c) => c.leads.some((l) => Date.parse(String(l.createdAt)) > Date.parse(c.now)))).toBe(true);
  });

  for (const c of plain)
    it(`${c.name}: routes the same leads to the same owners with an empty events list, and keeps their stories`, () => {
      const compiled = compileFlow(c.flow);
      const without = compiled.run(c.leads, { now: c.now });
      const withEvents = compiled.run(c.leads, { now: c.now, events: [] });
      expect(withEvents.outcomes.map(routed)).toEqual(without.outcomes.map(routed));
      // The same figures; following adds the follow-up ones (and a `waiting` count of 0).
      expect(withEvents.summary).toMatchObject(without.summary);
      expect(withEvents.notDue).toEqual({ leads: [], events: [] });
      const owned = without.outcomes.filter((o) => o.owner !== undefined);
      expect(Object.keys(withEvents.state.leads ?? {}).sort()).toEqual([...new Set(owned.map((o) => o.id))].sort());
      for (const o of withEvents.outcomes.filter((x) => x.owner !== undefined)) {
        expect(o.timeline?.[0]?.kind).toBe("assigned");
        expect(o.owners?.at(-1)?.owner).toBe(o.owner);
      }
    });
});
