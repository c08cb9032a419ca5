// Several `leadwire serve` processes on one real Redis behave as one: 20,000 concurrent leads, caps held, each lead routed once — also through a SIGKILL and a Redis restart.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type Outcome, type FlowState } from "../../src/engine";
import { unflatten } from "../../src/runtime/store/fields";
import { redisKeys } from "../../src/runtime/store/redis";
import { cappedRoundRobin, leadDays, seeded, toRequests, type Lead } from "./flows";
import { metricTotal, postAll, type LoadResult, type Target } from "./load";
import { startRedis, type RedisServer } from "./redis-server";
import { removeWorkDir, startServe, writeJson, type ServeProcess } from "./serve-process";

let redis: RedisServer;
let raw: Redis;
const running: ServeProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  raw.on("error", () => undefined);
});
afterAll(async () => {
  raw?.disconnect();
  await Promise.all(running.map((p) => p.kill()));
  await redis?.dispose();
  removeWorkDir();
});

async function cluster(flowFile: string, size: number): Promise<ServeProcess[]> {
  const procs = await Promise.all(Array.from({ length: size }, () => startServe(flowFile, { redis: redis.url })));
  running.push(...procs);
  return procs;
}

const day = (o: Outcome, leads: Map<string, Lead>) => (leads.get(o.id)?.createdAt ?? "").slice(0, 10);

function tally(outcomes: Iterable<Outcome>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) if (o.owner) out[o.owner] = (out[o.owner] ?? 0) + 1;
  return out;
}

/** How many first outcomes (idempotency records) the flow keeps in Redis. */
async function storedOutcomes(flowId: string): Promise<number> {
  let count = 0;
  let cursor = "0";
  do {
    const [next, keys] = await raw.scan(cursor, "MATCH", `${redisKeys(flowId).prefix}o:*`, "COUNT", 2000);
    cursor = next;
    count += keys.length;
  } while (cursor !== "0");
  return count;
}

/** Leads assigned per owner according to the route nodes' counts in the shared state. */
async function stateCounts(flowId: string): Promise<Record<string, number>> {
  await raw.connect().catch(() => undefined);
  const state = unflatten(Object.entries(await raw.hgetall(redisKeys(flowId).fields))) as Pick<FlowState, "nodes">;
  const out: Record<string, number> = {};
  for (const node of Object.values(state.nodes)) {
    for (const [owner, n] of Object.entries((node as { counts?: Record<string, unknown> }).counts ?? {})) {
      if (typeof n === "number") out[owner] = (out[owner] ?? 0) + n;
    }
  }
  return out;
}

async function resendAll(leads: readonly Lead[], targets: Target[], first: LoadResult): Promise<LoadResult> {
  const again: LoadResult = { outcomes: new Map(first.outcomes), mismatches: [], retries: 0 };
  const batches: Lead[][] = [];
  for (let i = 0; i < leads.length; i += 100) batches.push(leads.slice(i, i + 100));
  return postAll(batches, targets, { concurrency: 8 }, again);
}

describe("four processes on one Redis", () => {
  it("route 20,000 concurrent leads with no cap exceeded, each exactly once, with a single run's totals", async () => {
    const flow = cappedRoundRobin({ id: "f_load", members: 8, capPerDay: 50 });
    const procs = await cluster(writeJson("load.json", flow), 4);
    const targets: Target[] = procs.map((p) => ({ url: p.url, alive: true }));
    const days = leadDays(20_000, 25, 2026);
    const all = days.flat();
    const byId = new Map(all.map((l) => [l.id, l]));
    const rand = seeded(99);
    const result: LoadResult = { outcomes: new Map(), mismatches: [], retries: 0 };
    const started = Date.now();
    // Days one after another (a cap window is a day), the leads of a day all at once: mixed singles and batches, 32 in flight.
    for (const leads of days) {
      const requests = toRequests(leads, rand);
      // Some leads are sent twice, to another process, while the first send may still be in flight.
      for (let i = 0; i < requests.length; i += 25) requests.push([leads[Math.floor(rand() * leads.length)] as Lead]);
      await postAll(requests, targets, { concurrency: 32 }, result);
    }
    const seconds = (Date.now() - started) / 1000;
    const urls = procs.map((p) => p.url);
    const retries = await metricTotal(urls, "leadwire_batch_retries_total");
    const batches = await metricTotal(urls, "leadwire_batches_total");
    console.info(
      `20,000 leads through 4 processes in ${seconds.toFixed(1)} s (${Math.round(20_000 / seconds)} leads/s); ${batches} batches, ${retries} WATCH retries`,
    );

    expect(result.mismatches).toEqual([]);
    expect(result.outcomes.size).toBe(20_000);
    expect([...result.outcomes.values()].every((o) => o.status === "assigned")).toBe(true);
    // Routed once across the cluster: the first-time counters of all processes add up to the leads, and so does the hash.
    expect(await metricTotal(urls, "leadwire_leads_routed_total")).toBe(20_000);
    await raw.connect().catch(() => undefined);
    expect(await storedOutcomes(flow.id)).toBe(20_000);
    // No owner over 50 a day.
    const perDay = new Map<string, number>();
    for (const o of result.outcomes.values()) {
      if (o.owner === "queue") continue;
      const key = `${o.owner} ${day(o, byId)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBe(50);
    // The same per-owner totals as one in-memory run of the same leads (±1 for round-robin interleaving).
    const single = tally(compileFlow(flow).run(all).outcomes);
    const served = tally(result.outcomes.values());
    expect(Object.keys(served).sort()).toEqual(Object.keys(single).sort());
    for (const [owner, n] of Object.entries(single)) expect(Math.abs((served[owner] ?? 0) - n), owner).toBeLessThanOrEqual(1);
    expect(await stateCounts(flow.id)).toEqual(served);
    // A sample sent again, anywhere: the same outcomes, nothing routed anew.
    const sample = Array.from({ length: 500 }, () => all[Math.floor(rand() * all.length)] as Lead);
    const again = await resendAll(sample, targets, result);
    expect(again.mismatches).toEqual([]);
    expect(await metricTotal(urls, "leadwire_leads_routed_total")).toBe(20_000);
  }, 120_000);
});

describe("faults", () => {
  it("lose and double no lead when a process is killed and when Redis restarts mid-load; 503 while Redis is down", async () => {
    const flow = cappedRoundRobin({ id: "f_fault", members: 8, capPerDay: 50 });
    const procs = await cluster(writeJson("fault.json", flow), 3);
    const targets: Target[] = procs.map((p) => ({ url: p.url, alive: true }));
    const leads = leadDays(6_000, 1, 4242, "F")[0] as Lead[];
    const requests = toRequests(leads, seeded(5));
    let redisDown: { from: number; to: number } | null = null;
    const unavailable: { at: number; ms: number }[] = [];
    let healthWhileDown = 0;
    let phase = 0;
    const faults: Promise<void>[] = [];
    const onProgress = (done: number) => {
      if (phase === 0 && done >= requests.length * 0.25) {
        phase = 1;
        faults.push(procs[0]!.kill());
      } else if (phase === 1 && done >= requests.length * 0.5) {
        phase = 2;
        faults.push(
          (async () => {
            const from = Date.now();
            await redis.kill();
            await new Promise((r) => setTimeout(r, 1_500));
            healthWhileDown = (await fetch(`${procs[1]!.url}/healthz`)).status;
            redisDown = { from, to: Date.now() };
            await redis.start();
          })(),
        );
      }
    };
    const result = await postAll(requests, targets, {
      concurrency: 24,
      deadlineMs: 90_000,
      onProgress,
      onAnswer: (status, ms) => {
        if (status === 503) unavailable.push({ at: Date.now(), ms });
      },
    });
    await Promise.all(faults);

    expect(phase).toBe(2);
    expect(targets[0]!.alive).toBe(false);
    expect(procs.slice(1).every((p) => p.child.exitCode === null)).toBe(true);
    expect(healthWhileDown).toBe(503);
    expect(redisDown).not.toBeNull();
    const down = redisDown as unknown as { from: number; to: number };
    const during = unavailable.filter((u) => u.at >= down.from && u.at <= down.to + 100);
    expect(during.length).toBeGreaterThan(0);
    expect(Math.max(...during.map((u) => u.ms))).toBeLessThan(2_500);
    console.info(
      `fault run: ${result.retries} client retries, ${unavailable.length} answers 503 (slowest ${Math.max(...unavailable.map((u) => u.ms))} ms)`,
    );

    expect(result.mismatches).toEqual([]);
    expect(result.outcomes.size).toBe(6_000);
    await raw.connect().catch(() => undefined);
    expect(await storedOutcomes(flow.id)).toBe(6_000);
    // Every lead counted exactly once in the shared counters, for the owner its answer names.
    const served = tally(result.outcomes.values());
    expect(Object.values(served).reduce((a, b) => a + b, 0)).toBe(6_000);
    expect(await stateCounts(flow.id)).toEqual(served);
    const again = await resendAll(leads, targets, result);
    expect(again.mismatches).toEqual([]);
  }, 120_000);
});
