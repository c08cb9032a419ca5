// The group-commit router on the memory store: batching, idempotency by id, dedupe, trace, errors, conflicts and flow swaps.
import { describe, expect, it } from "vitest";
import { compileFlow, emptyState, type Outcome, type FlowState } from "../../engine";
import { cappedRoundRobin, leadDays, patternFlow, type Lead } from "../../../test/runtime/flows";
import { switchableStore } from "../../../test/runtime/stores";
import { MemoryStore } from "../store/memory";
import {
  scopeOf,
  StoreUnavailableError,
  type BatchDecision,
  type BatchScope,
  type BatchWrite,
  type StateStore,
  type TransactResult,
} from "../store/types";
import { BatchRouter, type ActiveFlow, type BatchReport } from "./router";

const NOW = "2026-03-02T12:00:00Z";
const active = (flow = cappedRoundRobin({ members: 3, capPerDay: 2 })): ActiveFlow => ({ id: flow.id, compiled: compileFlow(flow) });
const day = (count: number, prefix = "L") => leadDays(count, 1, 3, prefix)[0] as Lead[];

function setup(store: StateStore = new MemoryStore(), flow = active()) {
  const reports: BatchReport[] = [];
  let current = flow;
  const router = new BatchRouter({ store, flow: () => current, onBatch: (r) => reports.push(r) });
  return {
    router,
    store,
    reports,
    swap: (f: ActiveFlow) => {
      current = f;
    },
  };
}

describe("BatchRouter", () => {
  it("routes concurrent requests in few batches with exactly one run's results", async () => {
    const { router, reports } = setup();
    const leads = day(40);
    const answers = await Promise.all(leads.map((l) => router.route([l], { now: NOW })));
    const expected = active().compiled.run(leads, { now: NOW }).outcomes;
    expect(answers.map((a) => a[0])).toEqual(expected);
    // Requests made in the same turn of the event loop share one batch.
    expect(reports.map((r) => r.leads)).toEqual([40]);
    expect(reports.reduce((n, r) => n + r.fresh.length, 0)).toBe(40);
  });

  it("answers a resent id with its first outcome and never routes it again", async () => {
    const { router, store, reports } = setup();
    const [a, b] = day(2);
    const first = await router.route([a as Lead, b as Lead], { now: NOW });
    const again = await router.route([{ ...(b as Lead), country: "changed" }, a as Lead], { now: NOW });
    expect(again).toEqual([first[1], first[0]]);
    expect(reports[1]?.fresh).toEqual([]);
    expect(reports[1]?.replayed).toBe(2);
    expect((await store.readState("f_capped")).version).toBe(1);
  });

  it("gives a repeated id within one batch the first outcome", async () => {
    const { router } = setup();
    const [a, b] = day(2);
    const out = await router.route([a as Lead, b as Lead, { ...(a as Lead) }], { now: NOW });
    expect(out[2]).toEqual(out[0]);
    expect(out[1]?.owner).not.toBe(out[0]?.owner);
  });

  it("includes the trace only for requests that ask for it, and never stores it", async () => {
    const { router, store } = setup();
    const [a, b] = day(2);
    const [traced, plain] = await Promise.all([
      router.route([a as Lead], { trace: true, now: NOW }),
      router.route([b as Lead], { now: NOW }),
    ]);
    expect(traced[0]?.trace?.length).toBeGreaterThan(0);
    expect(plain[0]?.trace).toBeUndefined();
    const replay = await router.route([a as Lead], { trace: true, now: NOW });
    expect(replay[0]?.trace).toBeUndefined();
    expect(replay[0]).toEqual({ ...traced[0], trace: undefined });
    expect(await store.transact("f_capped", [(a as Lead).id], () => null)).toMatchObject({ known: new Map([[(a as Lead).id, replay[0]]]) });
  });

  it("answers an error outcome without keeping it, so a corrected resend routes", async () => {
    // 50 patterns on a 10,000-character value exceed the lead's time budget: the lead ends error.
    const { router } = setup(new MemoryStore(), active(patternFlow()));
    const bad = { id: "x", createdAt: NOW, email: "a".repeat(10_000) };
    expect((await router.route([bad], { now: NOW }))[0]?.status).toBe("error");
    const fixed = await router.route([{ id: "x", createdAt: NOW, email: "ann@example.com" }], { now: NOW });
    expect(fixed[0]?.status).toBe("assigned");
  });

  it("fails every request of a batch the store cannot take, and keeps nothing of it", async () => {
    const flaky = switchableStore();
    flaky.down = true;
    const { router } = setup(flaky.store);
    const leads = day(3);
    const results = await Promise.allSettled(leads.map((l) => router.route([l], { now: NOW })));
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof StoreUnavailableError)).toBe(true);
    expect((await flaky.memory.readState("f_capped")).state).toBeUndefined();
    flaky.down = false;
    const answers = await router.route(leads, { now: NOW });
    expect(answers).toEqual(active().compiled.run(leads, { now: NOW }).outcomes);
  });

  it("decides again with fresh data after a write conflict (the decision is pure)", async () => {
    const memory = new MemoryStore();
    let conflicts = 1;
    const racing: StateStore = {
      kind: "redis",
      async transact<T extends BatchWrite>(
        flowId: string,
        ids: BatchScope | readonly string[],
        decide: BatchDecision<T>,
      ): Promise<TransactResult<T>> {
        if (conflicts-- > 0) {
          // Another process routes one of our leads first; our first decision is thrown away.
          decide(emptyState(), new Map());
          await other.route([{ id: scopeOf(ids).ids[0] as string, createdAt: NOW }], { now: NOW });
          const result = await memory.transact(flowId, ids, decide);
          return { ...result, attempts: 2 };
        }
        return memory.transact(flowId, ids, decide);
      },
      readState: (id) => memory.readState(id),
      nextDue: (id) => memory.nextDue(id),
      readLead: (f, id) => memory.readLead(f, id),
      ping: async () => undefined,
      close: async () => undefined,
    };
    const other = new BatchRouter({ store: memory, flow: () => active() });
    const { router, reports } = setup(racing);
    const leads = day(3);
    const out = await router.route(leads, { now: NOW });
    const state = (await memory.readState("f_capped")).state as FlowState;
    const counts = Object.values((state.nodes.r as { counts: Record<string, number> }).counts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(reports[0]).toMatchObject({ attempts: 2, replayed: 1 });
    expect(new Set(out.map((o) => o.owner)).size).toBe(3);
  });

  it("routes with a swapped flow from the next batch on, keeping the state of nodes that still exist", async () => {
    const { router, store, swap } = setup(new MemoryStore(), active(cappedRoundRobin({ members: 3, capPerDay: 2 })));
    const leads = day(8);
    await router.route(leads.slice(0, 4), { now: NOW });
    // Same ids, a fourth rep added: the cursor and today's cap counts carry over.
    swap(active(cappedRoundRobin({ members: 4, capPerDay: 2 })));
    const rest = await router.route(leads.slice(4), { now: NOW });
    const oneRun = compileFlow(cappedRoundRobin({ members: 4, capPerDay: 2 })).run(leads.slice(4), {
      now: NOW,
      state: active(cappedRoundRobin({ members: 3, capPerDay: 2 })).compiled.run(leads.slice(0, 4), { now: NOW }).state,
    });
    expect(rest).toEqual(oneRun.outcomes);
    expect((await store.readState("f_capped")).state).toEqual(oneRun.state);
  });

  it("keeps the answers when the batch callback throws", async () => {
    const router = new BatchRouter({
      store: new MemoryStore(),
      flow: () => active(),
      onBatch: () => {
        throw new Error("metrics broke");
      },
    });
    const out: Outcome[] = await router.route(day(1), { now: NOW });
    expect(out[0]?.status).toBe("assigned");
  });

  it("does not mix requests with different reference times in one batch", async () => {
    const { router, reports } = setup();
    const leads = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const [a, b, c] = await Promise.all([
      router.route([leads[0] as Lead], { now: "2026-03-02T09:00:00Z" }),
      router.route([leads[1] as Lead], { now: "2026-03-03T09:00:00Z" }),
      router.route([leads[2] as Lead], { now: "2026-03-03T09:00:00Z" }),
    ]);
    expect(reports.map((r) => r.leads)).toEqual([1, 2]);
    expect(a[0]?.warnings?.[0]).toContain("2026-03-02T09:00:00");
    expect(b[0]?.warnings?.[0]).toContain("2026-03-03T09:00:00");
    expect(c[0]?.warnings?.[0]).toContain("2026-03-03T09:00:00");
  });
});
