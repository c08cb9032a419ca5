// Simulating a follow-up flow: the model's touches, imported events replacing it, and a story consistent with one engine run.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compileFlow, loadFlow, type Flow, type Outcome } from "../engine";
import { generateLeads } from "./generate";
import { simulate } from "./run-chunks";
import { makeResponseModel } from "./response-model";
import type { SimulationResult } from "./worker-protocol";
import { SimulationRunner } from "./runner";
import { createInProcessWorker } from "./in-process-worker";
import { withStories } from "./export";

const flow: Flow = loadFlow(JSON.parse(readFileSync(new URL("../../test/fixtures/speed-to-lead.flow.json", import.meta.url), "utf8")));
const leads = generateLeads(flow, 300, { seed: 5 });
const done = (r: SimulationResult) => {
  if (r.kind !== "done") throw new Error(`expected a finished run, got ${r.kind}`);
  return r.result;
};

describe("simulating a follow-up flow", () => {
  it("is reproducible, and every member's response median follows their speed", async () => {
    const a = done(await simulate(flow, leads, { followUp: { outcomeField: "converted" } }));
    const b = done(await simulate(flow, leads, { followUp: { outcomeField: "converted" } }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.outcomes).toHaveLength(leads.length);
    const f = a.summary.followUp!;
    expect(f.touched).toBe(300);
    expect(f.met).toBeGreaterThan(100);
    expect(f.breached).toBeGreaterThan(10);
    expect(f.reassigned).toBeGreaterThan(0);
    expect(f.converted).toBeGreaterThan(0);
    const median = (owner: string) => a.summary.byOwner[owner]!.followUp!.responseMinutes.median!;
    expect(median("ann")).toBeLessThan(median("bob"));
    expect(median("bob")).toBeLessThan(median("chen"));
    // The model's touches by a former owner are not shown as problems.
    expect(a.warnings ?? []).toEqual([]);
  });

  it("gives the story one engine run gives with the model's events for the owners it ended with", async () => {
    const sim = done(await simulate(flow, leads, { trace: true, followUp: { outcomeField: "converted" } }));
    const model = makeResponseModel(flow, { outcomeField: "converted" });
    const byId = new Map(leads.map((l) => [l.id as string, l]));
    const events = sim.outcomes.flatMap((o: Outcome) => model.eventsFor(o.id, byId.get(o.id), o.owners ?? []));
    const now = new Date(Date.parse(leads[leads.length - 1]!.createdAt as string) + 30 * 86_400_000).toISOString();
    const one = compileFlow(flow).run(leads, { events, now, trace: true });
    expect(sim.outcomes).toEqual(one.outcomes);
    expect(sim.summary).toEqual(one.summary);
  });

  it("imported events replace the model for the leads they name; the others keep the model", async () => {
    const first = leads[0]!;
    const touch = new Date(Date.parse(first.createdAt as string) + 7 * 60_000).toISOString();
    const model = done(await simulate(flow, leads));
    const owner = model.outcomes[0]!.owners![0]!.owner;
    const events = [{ lead: first.id, type: "touched", at: touch, by: owner }];
    const sim = done(await simulate(flow, leads, { events }));
    expect(sim.outcomes[0]!.touchedAt).toBe(touch);
    expect(sim.outcomes[0]!.responseMinutes).toBe(7);
    expect(sim.outcomes[1]).toEqual(model.outcomes[1]);
    // A lead named only by a rejection: no model touch, so it leaves by `rejected` (here: breached, no edge) and is reassigned.
    const rejected = done(
      await simulate(flow, leads, { events: [{ lead: first.id, type: "rejected", at: touch, by: owner, reason: "spam" }] }),
    );
    expect(rejected.outcomes[0]!.touchedAt).toBeUndefined();
    expect(rejected.summary.followUp!.rejectionReasons).toEqual({ spam: 1 });
  });

  it("without an outcome column no lead converts; a repeated id and a lead after the end say they did not run", async () => {
    const sim = done(await simulate(flow, leads.slice(0, 50)));
    expect(sim.summary.followUp!.converted).toBe(0);
    const repeated = [...leads.slice(0, 3), { ...leads[1]! }];
    const r = done(await simulate(flow, repeated, { now: leads[1]!.createdAt as string }));
    expect(r.outcomes).toHaveLength(4);
    expect(r.outcomes[2]!.error).toMatch(/after the end of the simulation/);
    expect(r.outcomes[3]!.error).toMatch(/came earlier/);
  });

  it("stops when cancelled, keeping nothing, and sends outcomes back in slices in input order", async () => {
    const cancelled = await simulate(flow, leads, { isCancelled: () => true });
    expect(cancelled.kind).toBe("cancelled");
    const slices: { from: number; n: number }[] = [];
    const r = done(await simulate(flow, leads, { chunkSize: 128, onOutcomes: (s) => slices.push({ from: s.from, n: s.outcomes.length }) }));
    expect(slices).toEqual([
      { from: 0, n: 128 },
      { from: 128, n: 128 },
      { from: 256, n: 44 },
    ]);
    expect(r.outcomes.map((o) => o.id)).toEqual(leads.map((l) => l.id));
  });

  it("through the worker, a lead's owners and timeline stay there until the lead is opened", async () => {
    const some = leads.slice(0, 40);
    const direct = done(await simulate(flow, some, { trace: true, followUp: { outcomeField: "converted" } }));
    const runner = new SimulationRunner(createInProcessWorker);
    const handle = runner.run(flow, some, { trace: true, followUp: { outcomeField: "converted" } });
    const run = done(await handle.result);
    expect(run.summary).toEqual(direct.summary);
    expect(run.outcomes.map((o) => [o.status, o.owner, o.touchedAt])).toEqual(direct.outcomes.map((o) => [o.status, o.owner, o.touchedAt]));
    expect(run.outcomes.some((o) => o.timeline !== undefined || o.owners !== undefined)).toBe(false);
    for (const i of [0, 7, 39]) {
      const { trace, owners, timeline } = direct.outcomes[i]!;
      expect(await handle.trace(i)).toEqual({ kind: "trace", trace, owners, timeline });
    }
    // The JSON export puts them back where the engine has them: the same text as the direct run's outcomes.
    const stories = await handle.stories();
    if (stories.kind !== "stories") throw new Error(stories.message);
    const untraced = direct.outcomes.map(({ trace: _trace, ...rest }) => rest);
    expect(JSON.stringify(withStories(run.outcomes, stories.stories))).toBe(JSON.stringify(untraced));
    runner.dispose();
  });
});
