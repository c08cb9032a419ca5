// Several processes on one flow (Redis): a batch that finds the lease taken is handed to the holder, decided in its next
// commit and answered on the sender's channel; a holder that dies after taking it leaves the sender to decide it itself.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type Outcome } from "../../src/engine";
import { BatchRouter, type ActiveFlow, type BatchReport } from "../../src/runtime/service/router";
import { RedisStore, redisKeys } from "../../src/runtime/store/redis";
import { cappedRoundRobin, followUpFlow, leadDays, type Lead } from "./flows";
import { startRedis, type RedisServer } from "./redis-server";

let redis: RedisServer;
let raw: Redis;
const stores: RedisStore[] = [];
const NOW = "2026-03-02T12:00:00Z";

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  raw?.disconnect();
  await redis?.dispose();
});

async function store(options: ConstructorParameters<typeof RedisStore>[1] = {}): Promise<RedisStore> {
  const s = new RedisStore(redis.url, options);
  stores.push(s);
  await s.connect();
  return s;
}

function router(s: RedisStore, active: ActiveFlow) {
  const reports: BatchReport[] = [];
  return { router: new BatchRouter({ store: s, flow: () => active, onBatch: (r) => reports.push(r) }), reports };
}

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const flowOf = (id: string): ActiveFlow => {
  const flow = cappedRoundRobin({ id, members: 3, capPerDay: 2 });
  return { id, compiled: compileFlow(flow) };
};
const version = async (id: string) => Number((await raw.hget(redisKeys(id).meta, "version")) ?? 0);

describe("handing a batch to the process that holds the flow's lease", () => {
  it("decides the other process's leads in the holder's next batch, one commit, each process answered its own", async () => {
    const active = flowOf("f_fwd");
    const keys = redisKeys(active.id);
    // Lingering 1 s rather than 50 ms: the checks below take longer than 50 ms on a loaded machine.
    const storeA = await store({ lingerMs: 1_000 });
    const [a, b] = [router(storeA, active), router(await store(), active)];
    const leads = leadDays(6, 1, 3, "F")[0] as Lead[];
    const [mine, theirs] = [leads.slice(0, 3), leads.slice(3)];
    // Another process is deciding: B's batch finds the lease taken and is pushed to the inbox instead of waiting.
    await raw.set(keys.lock, "someone", "PX", 5_000);
    const answeredB = b.router.route(theirs, { now: NOW, trace: true });
    await until(async () => (await raw.llen(keys.inbox)) === 1);
    // The lease comes free without a word (no `:free` message): B does not take it, it waits for the answer.
    await raw.del(keys.lock);
    await new Promise((r) => setTimeout(r, 100));
    expect(await version(active.id)).toBe(0);
    // A's next batch takes B's leads with its own: one engine run, one commit, B answered on its channel.
    const answeredA = await a.router.route(mine, { now: NOW });
    const outcomesB = await answeredB;
    expect(await version(active.id)).toBe(1);
    const expected = active.compiled.run([...mine, ...theirs], { now: NOW, trace: true }).outcomes;
    const strip = ({ trace: _trace, ...rest }: Outcome) => rest;
    expect(answeredA).toEqual(expected.slice(0, 3).map(strip));
    // Sent as JSON, like every HTTP answer (keys whose value is undefined are left out).
    expect(outcomesB).toEqual(JSON.parse(JSON.stringify(expected.slice(3))));
    expect(outcomesB[0]?.trace).toBeDefined();
    expect(a.reports).toMatchObject([{ leads: 6, replayed: 0 }]);
    expect(a.reports[0]?.fresh).toHaveLength(6);
    expect(b.reports).toMatchObject([{ forwarded: true, leads: 3 }]);
    expect(await raw.exists(keys.inbox)).toBe(0);
    // Having served another process, A lingers with the lease (a push would wake it), then gives it back on its own.
    expect(await raw.exists(keys.lock)).toBe(1);
    await until(async () => (await raw.exists(keys.lock)) === 0, 3_000);
    // The owner counts are those of one run over the six leads.
    const { state } = await storeA.readState(active.id, { leads: false });
    expect(state?.nodes.cap).toEqual(active.compiled.run([...mine, ...theirs], { now: NOW }).state.nodes.cap);
  });

  it("a holder lingering after serving others is woken by the next batch handed to it, and stays the one deciding", async () => {
    const active = flowOf("f_fwd_wake");
    const keys = redisKeys(active.id);
    const storeA = await store({ lingerMs: 2_000 });
    const [a, b] = [router(storeA, active), router(await store(), active)];
    const leads = leadDays(4, 1, 13, "W")[0] as Lead[];
    await raw.set(keys.lock, "someone", "PX", 5_000);
    const first = b.router.route([leads[0] as Lead], { now: NOW });
    await until(async () => (await raw.llen(keys.inbox)) === 1);
    await raw.del(keys.lock);
    await a.router.route([leads[1] as Lead], { now: NOW });
    await first;
    // A keeps the lease, idle; B's next batches go straight to it (no BEGIN of B's own), and A's wake-up decides them.
    const token = await raw.get(keys.lock);
    expect(token).not.toBeNull();
    const later = await Promise.all([b.router.route([leads[2] as Lead], { now: NOW }), b.router.route([leads[3] as Lead], { now: NOW })]);
    expect(await raw.get(keys.lock)).toBe(token);
    const expected = JSON.parse(JSON.stringify(active.compiled.run(leads, { now: NOW }).outcomes)) as Outcome[];
    expect(later.flat()).toEqual(expected.slice(2));
    expect(b.reports.every((r) => r.forwarded)).toBe(true);
    expect(a.reports.reduce((n, r) => n + r.fresh.length, 0)).toBe(4);
    expect(await version(active.id)).toBe(2);
  });

  it("a handed-over request without a reference time is routed at the server's time, not at the holder's request's", async () => {
    const active = flowOf("f_fwd_now");
    const keys = redisKeys(active.id);
    const [a, b] = [router(await store(), active), router(await store(), active)];
    await raw.set(keys.lock, "someone", "PX", 5_000);
    const theirs = b.router.route([{ id: "N1" }]);
    await until(async () => (await raw.llen(keys.inbox)) === 1);
    await raw.del(keys.lock);
    const before = Date.now();
    await a.router.route([{ id: "N0", createdAt: NOW }], { now: NOW });
    const [outcome] = await theirs;
    const at = /reference time (\S+) is used/.exec(outcome?.warnings?.join(" ") ?? "")?.[1];
    expect(Date.parse(at ?? "")).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("a follow-up lead handed over after the holder formed its batch is routed, not refused as dated later than now", async () => {
    const id = "f_fwd_fu";
    const active: ActiveFlow = { id, compiled: compileFlow(followUpFlow(id, 5)) };
    const keys = redisKeys(id);
    const storeA = await store();
    const [a, b] = [router(storeA, active), router(await store(), active)];
    let theirs: Promise<Outcome[]> | undefined;
    // Between A forming its batch and its BEGIN, B receives a lead dated that instant and hands it over (the lease is
    // taken then); A's BEGIN takes it from the inbox with A's own lead.
    const target = storeA as unknown as {
      call: (command: string, keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;
    };
    const call = target.call.bind(storeA);
    target.call = async (command, k, args) => {
      if (command === "lwBegin" && theirs === undefined) {
        await new Promise((r) => setTimeout(r, 20));
        await raw.set(keys.lock, "someone", "PX", 5_000);
        theirs = b.router.route([{ id: "FU1", createdAt: new Date().toISOString() }]);
        await until(async () => (await raw.llen(keys.inbox)) === 1);
        await raw.del(keys.lock);
      }
      return call(command, k, args);
    };
    const mine = await a.router.route([{ id: "FU0", createdAt: new Date(Date.now() - 1_000).toISOString() }]);
    const [outcome] = await (theirs as Promise<Outcome[]>);
    expect(mine[0]?.status).toBe("waiting");
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.status).toBe("waiting");
    expect(outcome?.owner).toBeDefined();
  });

  it("answers a resent lead from its first outcome when the holder decides it (nothing to write, answer still sent)", async () => {
    const active = flowOf("f_fwd_known");
    const keys = redisKeys(active.id);
    const [a, b] = [router(await store(), active), router(await store(), active)];
    const [lead] = leadDays(1, 1, 5, "K")[0] as Lead[];
    const first = await a.router.route([lead as Lead], { now: NOW });
    await raw.set(keys.lock, "someone", "PX", 5_000);
    const again = b.router.route([{ ...(lead as Lead), source: "changed" }], { now: NOW });
    await until(async () => (await raw.llen(keys.inbox)) === 1);
    await raw.del(keys.lock);
    // A has nothing of its own queued: the inbox is served by whoever next takes the lease (here A's timer batch).
    await a.router.fireDue();
    expect(await Promise.race([again, new Promise((r) => setTimeout(() => r("no answer"), 2_000))])).not.toBe("no answer");
    expect(await again).toEqual(first);
    expect(await version(active.id)).toBe(1);
  });

  it("a holder killed after taking the batch from the inbox wrote nothing; the sender decides it itself, answered once", async () => {
    const active = flowOf("f_fwd_kill");
    const keys = redisKeys(active.id);
    const b = router(await store({ forwardWaitMs: 1_000 }), active);
    const holder = await store({ leaseMs: 300 });
    const leads = leadDays(2, 1, 9, "D")[0] as Lead[];
    await raw.set(keys.lock, "someone", "PX", 5_000);
    const answered = b.router.route(leads, { now: NOW });
    await until(async () => (await raw.llen(keys.inbox)) === 1);
    await raw.del(keys.lock);
    // The holder takes the inbox item, then dies before COMMIT: its connection is gone, its lease expires on its own.
    let taken = 0;
    await expect(
      holder.transact(active.id, { ids: [], inbox: 100 }, (_state, _known, inbox) => {
        taken = inbox?.items.length ?? 0;
        holder.client.disconnect();
        throw new Error("killed");
      }),
    ).rejects.toThrow();
    expect(taken).toBe(1);
    expect(await raw.llen(keys.inbox)).toBe(0);
    expect(await version(active.id)).toBe(0);
    const outcomes = await answered;
    expect(outcomes).toEqual(active.compiled.run(leads, { now: NOW }).outcomes);
    expect(await version(active.id)).toBe(1);
    // Routed once: B committed it itself (no forwarded answer), and its leads' first outcomes are the ones answered.
    expect(b.reports).toMatchObject([{ leads: 2, replayed: 0 }]);
    expect(b.reports[0]?.forwarded).toBeUndefined();
    for (const o of outcomes) expect(JSON.parse((await raw.get(`${keys.prefix}o:${o.id}`)) ?? "null")).toEqual(o);
  });

  it("four routers on one flow: every lead routed once, totals of one run, no lease expired under a batch", async () => {
    const active = flowOf("f_fwd_four");
    const routers = await Promise.all([1, 2, 3, 4].map(async () => router(await store(), active)));
    const leads = leadDays(400, 1, 11, "Q")[0] as Lead[];
    // In waves, so the processes are past their first contact with the lease (subscribing to their reply channels).
    const answers: Outcome[][] = [];
    for (let wave = 0; wave < 8; wave++)
      answers.push(
        ...(await Promise.all(leads.slice(wave * 50, wave * 50 + 50).map((l, i) => routers[i % 4]!.router.route([l], { now: NOW })))),
      );
    const expected = active.compiled.run(leads, { now: NOW }).outcomes;
    // Order between processes is not fixed, so compare what is: owners per lead are one run's multiset, each lead once.
    const owners = (list: readonly Outcome[]) =>
      list
        .map((o) => o.owner ?? "")
        .sort()
        .join(",");
    expect(owners(answers.flat())).toEqual(owners(expected));
    const reports = routers.flatMap((r) => r.reports);
    expect(reports.filter((r) => !r.forwarded).reduce((n, r) => n + r.fresh.length, 0)).toBe(400);
    expect(reports.reduce((n, r) => n + r.attempts - 1, 0)).toBe(0);
    expect(reports.some((r) => r.forwarded)).toBe(true);
  });
});
