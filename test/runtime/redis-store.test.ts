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
  it("writes the documented keys: one field per member, node property and map entry, a version, first outcomes with a lifetime", async () => {
    const s = await store({ retentionMs: 60_000 });
    const state: FlowState = {
      ...emptyState(),
      nodes: { r: { counts: { ann: 2, bob: 1 }, next: "bob" } },
      members: { ann: { assigned: 2 } },
    };
    const r = await s.transact("f_keys", ["a", "b"], () => ({
      state,
      outcomes: new Map([
        ["a", outcome("a", "ann")],
        ["b", outcome("b", "bob")],
      ]),
    }));
    expect(r).toMatchObject({ attempts: 1, version: 1, known: new Map() });
    const raw = new Redis(redis.url);
    try {
      const keys = redisKeys("f_keys");
      expect(keys.fields).toBe("leadwire:f_keys:fields");
      expect(await raw.hgetall(keys.fields)).toEqual({
        "m\u0000ann": '{"assigned":2}',
        "n\u0000r": "{}",
        "n\u0000r\u0000counts": "{}",
        "n\u0000r\u0000counts\u0000ann": "2",
        "n\u0000r\u0000counts\u0000bob": "1",
        "n\u0000r\u0000next": '"bob"',
      });
      expect(await raw.hget(keys.meta, "version")).toBe("1");
      expect(JSON.parse((await raw.get(`${keys.prefix}o:b`)) ?? "")).toEqual(outcome("b", "bob"));
      const ttl = await raw.pttl(`${keys.prefix}o:b`);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await raw.exists(keys.lock)).toBe(0);
    } finally {
      raw.disconnect();
    }
    const again = await s.transact("f_keys", ["b", "c"], (_state, known) => {
      expect([...known.keys()]).toEqual(["b"]);
      return null;
    });
    expect(again).toMatchObject({ written: null, version: 1 });
    expect(await s.readState("f_keys")).toEqual({ state, version: 1 });
  });

  it("loses no update when four connections write at once: each waits for the lease, none conflicts", async () => {
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
    expect(attempts).toBe(100);
  });

  it("a batch changes only the member fields it touched; another process's copy picks them up", async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const roster: FlowState = {
      ...emptyState(),
      members: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`m${i}`, { assigned: 0 }])),
    };
    await a!.transact("f_roster", [], () => ({ state: roster, outcomes: new Map() }));
    const bump = (id: string) => (state: FlowState) => {
      const m = state.members[id] as { assigned: number };
      m.assigned++;
      return { state, outcomes: new Map() };
    };
    await b!.transact("f_roster", [], bump("m7"));
    await a!.transact("f_roster", [], bump("m7"));
    await b!.transact("f_roster", [], bump("m300"));
    const raw = new Redis(redis.url);
    try {
      const changes = await raw.zrange(redisKeys("f_roster").changes, 0, -1, "WITHSCORES");
      const byVersion = new Map<string, string[]>();
      for (let i = 0; i < changes.length; i += 2) byVersion.set(changes[i + 1]!, [...(byVersion.get(changes[i + 1]!) ?? []), changes[i]!]);
      expect(byVersion.get("1")).toHaveLength(498);
      expect(byVersion.get("3")).toEqual(["m\u0000m7"]);
      expect(byVersion.get("4")).toEqual(["m\u0000m300"]);
    } finally {
      raw.disconnect();
    }
    const { state } = await a!.readState("f_roster");
    expect(state?.members.m7).toEqual({ assigned: 2 });
    expect(state?.members.m300).toEqual({ assigned: 1 });
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
