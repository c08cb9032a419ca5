// The Redis store against a real redis-server: its keys, optimistic transactions across connections, idempotency, outages.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Outcome, emptyState, type FlowState } from "../../src/engine";
import { RedisStore, redisKeys } from "../../src/runtime/store/redis";
import { StoreUnavailableError } from "../../src/runtime/store/types";
import { freePort, startRedis, type RedisServer } from "./redis-server";

let redis: RedisServer;
const stores: RedisStore[] = [];

async function store(options: ConstructorParameters<typeof RedisStore>[1] = {}): Promise<RedisStore> {
  const s = new RedisStore(redis.url, options);
  stores.push(s);
  await s.connect();
  return s;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.dispose();
});

const outcome = (id: string, owner: string): Outcome => ({ id, status: "assigned", owner, team: "t", path: ["t"], notifications: [] });
const counter = (state: FlowState | undefined) => (state?.nodes.c as { n?: number } | undefined)?.n ?? 0;
const withCounter = (n: number): FlowState => ({ ...emptyState(), nodes: { c: { n } } });

describe("RedisStore", () => {
  it("writes the documented keys: state JSON, a version counter and a hash of first outcomes", async () => {
    const s = await store();
    const r = await s.transact("f_keys", ["a", "b"], () => ({
      state: withCounter(1),
      outcomes: new Map([
        ["a", outcome("a", "ann")],
        ["b", outcome("b", "bob")],
      ]),
    }));
    expect(r).toMatchObject({ attempts: 1, version: 1, known: new Map() });
    const raw = new Redis(redis.url);
    try {
      const keys = redisKeys("f_keys");
      expect(keys).toEqual({ state: "leadwire:f_keys:state", version: "leadwire:f_keys:version", outcomes: "leadwire:f_keys:outcomes" });
      expect(JSON.parse((await raw.get(keys.state)) ?? "")).toEqual(withCounter(1));
      expect(await raw.get(keys.version)).toBe("1");
      expect(JSON.parse((await raw.hget(keys.outcomes, "b")) ?? "")).toEqual(outcome("b", "bob"));
    } finally {
      raw.disconnect();
    }
    const again = await s.transact("f_keys", ["b", "c"], (_state, known) => {
      expect([...known.keys()]).toEqual(["b"]);
      return null;
    });
    expect(again).toMatchObject({ written: null, version: 1 });
    expect(await s.readState("f_keys")).toEqual({ state: withCounter(1), version: 1 });
  });

  it("loses no update when four connections write at once (WATCH conflicts are retried)", async () => {
    const clients = await Promise.all([1, 2, 3, 4].map(() => store()));
    let attempts = 0;
    await Promise.all(
      clients.flatMap((c) =>
        Array.from({ length: 25 }, () =>
          c
            .transact("f_count", [], (state) => ({ state: withCounter(counter(state) + 1), outcomes: new Map() }))
            .then((r) => {
              attempts += r.attempts;
            }),
        ),
      ),
    );
    const { state, version } = await clients[0]!.readState("f_count");
    expect(counter(state)).toBe(100);
    expect(version).toBe(100);
    expect(attempts).toBeGreaterThan(100);
  });

  it("routes an id once even when two processes race for it", async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const decide = (owner: string) => (state: FlowState | undefined, known: ReadonlyMap<string, Outcome>) =>
      known.has("L1") ? null : { state: withCounter(counter(state) + 1), outcomes: new Map([["L1", outcome("L1", owner)]]) };
    const [ra, rb] = await Promise.all([a!.transact("f_once", ["L1"], decide("ann")), b!.transact("f_once", ["L1"], decide("bob"))]);
    const first = ra.written?.outcomes.get("L1") ?? ra.known.get("L1");
    const second = rb.written?.outcomes.get("L1") ?? rb.known.get("L1");
    expect(first).toEqual(second);
    expect([ra.written, rb.written].filter(Boolean)).toHaveLength(1);
    expect(counter((await a!.readState("f_once")).state)).toBe(1);
  });

  it("fails fast with StoreUnavailableError while Redis is down and recovers, data intact, when it returns", async () => {
    const s = await store();
    await s.transact("f_outage", ["x"], () => ({ state: withCounter(7), outcomes: new Map([["x", outcome("x", "ann")]]) }));
    await redis.kill();
    const started = Date.now();
    await expect(s.transact("f_outage", ["y"], () => null)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(s.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
    await redis.start();
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await s.ping();
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(await s.readState("f_outage")).toEqual({ state: withCounter(7), version: 1 });
    const r = await s.transact("f_outage", ["x"], () => null);
    expect(r.known.get("x")).toEqual(outcome("x", "ann"));
  });

  it("cannot connect to a port where no Redis listens", async () => {
    const s = new RedisStore(`redis://127.0.0.1:${await freePort()}`, { commandTimeoutMs: 500 });
    stores.push(s);
    await expect(s.connect()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
