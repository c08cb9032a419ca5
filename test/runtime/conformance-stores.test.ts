// The engine's conformance fixtures routed through the store-backed router, on the memory store and on a real Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, mergeRunOutcomes, type Outcome } from "../../src/engine";
import { BatchRouter, type ServiceLead } from "../../src/runtime/service/router";
import { MemoryStore } from "../../src/runtime/store/memory";
import { RedisStore } from "../../src/runtime/store/redis";
import type { StateStore } from "../../src/runtime/store/types";
import { conformanceCases, type ConformanceCase } from "../conformance/cases";
import { startRedis, type RedisServer } from "./redis-server";

let redis: RedisServer;
const opened: StateStore[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await redis?.dispose();
});

const makers: [string, () => Promise<StateStore>][] = [
  ["memory", async () => new MemoryStore()],
  [
    "redis",
    async () => {
      const s = new RedisStore(redis.url);
      await s.connect();
      return s;
    },
  ],
];

let run = 0;

/** A fresh store and flow id per test, the router on them, and what one engine run gives. */
async function setup(c: ConformanceCase, make: () => Promise<StateStore>) {
  const store = await make();
  opened.push(store);
  const flow = { ...c.flow, id: `${c.flow.id}-${++run}` };
  const compiled = compileFlow(flow);
  const router = new BatchRouter({ store, flow: () => ({ id: flow.id, compiled }) });
  return { store, flow, router, expected: compiled.run(c.leads, { now: c.now }) };
}

const byId = (outcomes: readonly Outcome[]) => [...outcomes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe.each(makers)("conformance on the %s store", (_name, make) => {
  for (const c of conformanceCases()) {
    const events = c.events;
    if (events) {
      // Follow-up fixtures: the waiting leads, timers and event ids travel through the store between two runs.
      it(`${c.name}: split at the middle lead, the state carried through the store, gives one run's outcomes and state`, async () => {
        const store = await make();
        opened.push(store);
        const flowId = `${c.flow.id}-${++run}`;
        const compiled = compileFlow({ ...c.flow, id: flowId });
        const one = compiled.run(c.leads, { now: c.now, events });
        const times = c.leads.map((l) => Date.parse(String(l.createdAt))).sort((a, b) => a - b);
        const split = Math.min(times[Math.floor(times.length / 2)] as number, Date.parse(c.now));
        const parts: Outcome[][] = [];
        for (const [now, leads, part] of [
          [split, c.leads.filter((l) => Date.parse(String(l.createdAt)) <= split), events.filter((e) => Date.parse(String(e.at)) <= split)],
          [
            Date.parse(c.now),
            c.leads.filter((l) => Date.parse(String(l.createdAt)) > split),
            events.filter((e) => !(Date.parse(String(e.at)) <= split)),
          ],
        ] as const) {
          // Only what the part needs: its leads, the leads its events name and the leads whose timers are due by then.
          const followed = [...leads.map((l) => String(l.id)), ...part.map((e) => String(e.lead))];
          await store.transact(flowId, { ids: [], followed, dueBy: now, dueLimit: 10_000 }, (state) => {
            const r = compiled.run(leads, { now, events: part, state, stateInPlace: true });
            parts.push(r.outcomes);
            return { state: r.state, outcomes: new Map() };
          });
        }
        expect(byId(mergeRunOutcomes(parts.slice(-2)))).toEqual(byId(one.outcomes));
        expect((await store.readState(flowId)).state).toEqual(one.state);
      });
      continue;
    }
    it(`${c.name}: one batch gives exactly the engine's outcomes and state`, async () => {
      const { store, flow, router, expected } = await setup(c, make);
      const outcomes = await router.route(c.leads as ServiceLead[], { now: c.now });
      expect(outcomes).toEqual(expected.outcomes);
      c.expect.forEach((want, i) => expect(outcomes[i]).toMatchObject(want));
      expect((await store.readState(flow.id)).state).toEqual(expected.state);
      // Sent again: the same outcomes from the store and the state untouched (an `error` outcome is not kept, so it runs again).
      expect(await router.route(c.leads as ServiceLead[], { now: c.now })).toEqual(expected.outcomes.map(({ trace: _t, ...o }) => o));
      const errors = expected.outcomes.some((o) => o.status === "error");
      expect(await store.readState(flow.id)).toEqual({ state: expected.state, version: errors ? 2 : 1 });
    });

    it(`${c.name}: lead by lead, carrying the state through the store, gives one run's outcomes`, async () => {
      const { store, flow, router, expected } = await setup(c, make);
      // One request at a time, in the order the engine processes them (by createdAt).
      const order = c.leads.map((l, i) => ({ l, i, t: Date.parse(String(l.createdAt ?? c.now)) })).sort((a, b) => a.t - b.t || a.i - b.i);
      for (const { l, i } of order) {
        const [outcome] = await router.route([l as ServiceLead], { now: c.now });
        expect(outcome, `lead ${i}`).toEqual(expected.outcomes[i]);
      }
      expect((await store.readState(flow.id)).state).toEqual(expected.state);
    });
  }
});
