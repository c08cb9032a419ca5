// GET /v1/rotation on the memory store and on a real Redis shared by two services: the next five it shows are the owners
// the service then gives five leads, and the counts and skip reasons are the state's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type Flow, type Outcome, type RouteRotation } from "../../src/engine";
import { buildService, type Service } from "../../src/runtime/service/app";
import { MemoryStore } from "../../src/runtime/store/memory";
import { RedisStore } from "../../src/runtime/store/redis";
import type { StateStore } from "../../src/runtime/store/types";
import { makeFlow, team } from "../helpers/flow";
import { startRedis, type RedisServer } from "./redis-server";

let redis: RedisServer;
const services: Service[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await redis?.dispose();
});

/** Weighted round robin with daily capacity, a member away and an owner cap of 4 a day; overflow goes to a queue. */
function rotationFlow(id: string): Flow {
  const flow = makeFlow({
    teams: [
      team("reps", [
        { id: "ann", name: "Ann", weight: 3, capacity: { perDay: 3 } },
        { id: "bo", name: "Bo", weight: 2, away: [{ from: "2026-03-02", to: "2026-03-06" }] },
        { id: "cy", name: "Cy", weight: 1 },
        { id: "di", name: "Di", weight: 2 },
      ]),
      team("queue", [{ id: "queue", name: "Queue" }]),
    ],
    nodes: [
      { id: "t", type: "trigger", config: {} },
      { id: "r", type: "route", label: "Reps", config: { team: "reps", strategy: "weighted_round_robin", respect: { capacity: true } } },
      { id: "cap", type: "cap", label: "Four a day", config: { limit: 4, window: "day", scope: "owner" } },
      { id: "q", type: "route", config: { team: "queue", strategy: "fixed", member: "queue" } },
    ],
    wires: [
      ["t", "r"],
      ["r:assigned", "cap"],
      ["r:unassigned", "q"],
      ["cap:overflow", "q"],
    ],
  });
  return { ...flow, id };
}

async function service(flow: Flow, store: StateStore): Promise<Service> {
  const s = await buildService({ flow: { id: flow.id, compiled: compileFlow(flow) }, store, rateLimit: false, timerTickMs: 0 });
  services.push(s);
  return s;
}

async function redisService(flow: Flow): Promise<Service> {
  const store = new RedisStore(redis.url);
  await store.connect();
  return service(flow, store);
}

const post = async (s: Service, leads: unknown[]) =>
  (
    (
      await s.app.inject({
        method: "POST",
        url: "/v1/leads",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ leads }),
      })
    ).json() as { outcomes: Outcome[] }
  ).outcomes;

async function rotation(s: Service, at: string): Promise<RouteRotation> {
  const res = await s.app.inject({ method: "GET", url: `/v1/rotation?at=${encodeURIComponent(at)}` });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { flow: string; at: string; routes: RouteRotation[] };
  expect(body.at).toBe(at);
  const route = body.routes.find((r) => r.node === "r");
  expect(route).toBeDefined();
  return route as RouteRotation;
}

const at = "2026-03-02T14:00:00.000Z";
const morning = Array.from({ length: 6 }, (_, i) => ({ id: `M${i}`, createdAt: `2026-03-02T09:0${i}:00Z` }));
const five = (tag: string) => Array.from({ length: 5 }, (_, i) => ({ id: `${tag}${i}`, createdAt: at }));

/** Predicts on `reader`, routes five leads on `writer`, three rounds: every prediction is what happens. */
async function checkRounds(reader: Service, writer: Service): Promise<RouteRotation[]> {
  await post(writer, morning);
  const views: RouteRotation[] = [];
  for (let round = 0; round < 3; round++) {
    const view = await rotation(reader, at);
    views.push(view);
    const owners = (await post(writer, five(`R${round}-`))).flatMap((o) => (o.path.includes("q") ? [] : [o.owner]));
    expect(view.next.map((n) => n.id)).toEqual(owners);
  }
  return views;
}

describe("GET /v1/rotation", () => {
  it("memory store: the next five are the next five routed, with counts, room and skip reasons", async () => {
    const s = await service(rotationFlow("rot_mem"), new MemoryStore());
    const views = await checkRounds(s, s);
    const first = views[0] as RouteRotation;
    expect(first).toMatchObject({ name: "Reps", strategy: "weighted_round_robin" });
    const byId = new Map(first.members.map((m) => [m.id, m]));
    expect(byId.get("bo")?.skipped).toMatchObject({ code: "reason.away", params: { until: "2026-03-06" } });
    expect(byId.get("ann")).toMatchObject({ today: 3, limits: { perDay: { count: 3, limit: 3 } }, capacityLeft: 0 });
    expect(byId.get("ann")?.skipped?.text.en).toBe("at daily capacity 3/3");
    expect(byId.get("di")?.limits.cap).toMatchObject({ node: "cap", name: "Four a day", limit: 4 });
    // By the last round Cy and Di have four each: nobody is left, and the view says why.
    const last = views[2] as RouteRotation;
    expect(last.next).toEqual([]);
    expect(last.stop?.text.en).toContain("no member is eligible");
  });

  it("Redis: a rotation read on one service predicts what another service routes", async () => {
    const flow = rotationFlow("rot_redis");
    const a = await redisService(flow);
    const b = await redisService(flow);
    const views = await checkRounds(a, b);
    expect(views[0]?.members.map((m) => [m.id, m.today])).toEqual([
      ["ann", 3],
      ["bo", 0],
      ["cy", 1],
      ["di", 2],
    ]);
    const state = (await a.app.inject({ method: "GET", url: "/v1/rotation" })).headers["x-leadwire-state-version"];
    expect(Number(state)).toBeGreaterThan(0);
  });

  it("answers 400 with the problem for an instant it cannot read", async () => {
    const s = await service(rotationFlow("rot_bad"), new MemoryStore());
    const res = await s.app.inject({ method: "GET", url: "/v1/rotation?at=tomorrow" });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([expect.objectContaining({ code: "service.rotation_at", path: "at" })]);
    const empty = await s.app.inject({ method: "GET", url: "/v1/rotation" });
    expect((empty.json() as { routes: RouteRotation[] }).routes.map((r) => r.next.length)).toEqual([5, 5]);
  });
});
