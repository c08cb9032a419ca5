// Events supplied as leads get owners (RunOptions.eventsOnAssign): asked for at each assignment, the newest answer counts.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compileFlow, type LeadEvent, type OwnerEntry } from "../index";

const flow = JSON.parse(readFileSync(new URL("../../../test/fixtures/speed-to-lead.flow.json", import.meta.url), "utf8"));
const created = Date.parse("2026-12-07T08:00:00Z"); // Monday 09:00 in Berlin, inside working hours
const leads = [{ id: "L1", company: "Acme", createdAt: new Date(created).toISOString() }];
const now = "2026-12-08T17:00:00Z";
const MIN = 60_000;

/** The first owner answers after 20 minutes (too late), the second after 8; the lead converts an hour after the last touch. */
function answer(lead: string, owners: readonly OwnerEntry[]): LeadEvent[] {
  const touches = owners.map((o, j) => ({
    id: `${lead}:${j}:touched`,
    lead,
    type: "touched" as const,
    at: Date.parse(o.at) + (j === 0 ? 20 : 8) * MIN,
    by: o.owner,
  }));
  const last = touches[touches.length - 1]!;
  return [...touches, { id: `${lead}:converted`, lead, type: "converted", at: last.at + 60 * MIN, by: last.by }];
}

describe("events supplied when a lead gets an owner", () => {
  it("asks at each assignment and applies only the newest answer's events", () => {
    const asked: number[] = [];
    const run = compileFlow(flow).run(leads, {
      now,
      eventsOnAssign: (lead, owners) => {
        asked.push(owners.length);
        return answer(lead, owners);
      },
    });
    const o = run.outcomes[0]!;
    expect(asked).toEqual([1, 2]);
    expect(o.owners!.map((e) => e.why)).toEqual(["assigned", "breached"]);
    expect(o.touchedAt).toBe(new Date(created + 23 * MIN).toISOString());
    // The conversion the first answer promised (80 min) was replaced by the second answer's (83 min).
    expect(o.convertedAt).toBe(new Date(created + 83 * MIN).toISOString());
    expect(o.timeline!.filter((e) => e.kind === "converted")).toHaveLength(1);
  });

  it("tells the same story as one run given the final answer's events", () => {
    const supplied = compileFlow(flow).run(leads, { now, eventsOnAssign: answer });
    const o = supplied.outcomes[0]!;
    const given = compileFlow(flow).run(leads, { now, events: answer(o.id, o.owners!) });
    expect(supplied.outcomes).toEqual(given.outcomes);
    expect(supplied.summary).toEqual(given.summary);
    // The first owner's late touch is reported as a touch by someone who no longer owns the lead, in both.
    expect(supplied.warnings!.map((w) => w.code)).toEqual(["event.not_owner"]);
    expect(supplied.warnings).toEqual(given.warnings);
  });
});
