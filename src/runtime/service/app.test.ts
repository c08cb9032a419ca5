// The HTTP service in-process (Fastify inject, memory store): endpoints, bad input, flow swaps, metrics and notifications.
import { afterEach, describe, expect, it } from "vitest";
import { compileFlow } from "../../engine";
import { cappedRoundRobin, leadDays, type Lead } from "../../../test/runtime/flows";
import type { NotificationSender, OutgoingNotification } from "../senders/types";
import { MemoryStore } from "../store/memory";
import type { StateStore } from "../store/types";
import { switchableStore } from "../../../test/runtime/stores";
import { buildService, type Service, type ServiceOptions } from "./app";

const flow = cappedRoundRobin({ members: 3, capPerDay: 2, notify: true });
const leads = leadDays(8, 1, 5)[0] as Lead[];
const services: Service[] = [];

async function start(options: Partial<ServiceOptions> = {}): Promise<Service> {
  const service = await buildService({ flow: { id: flow.id, compiled: compileFlow(flow) }, store: new MemoryStore(), ...options });
  services.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

const post = (s: Service, url: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  s.app.inject({ method: "POST", url, headers, payload: typeof body === "string" ? body : JSON.stringify(body) });

describe("POST /v1/leads", () => {
  it("routes one lead or a batch, answers in request order and is idempotent by id", async () => {
    const s = await start();
    const one = await post(s, "/v1/leads", leads[0]);
    expect(one.statusCode).toBe(200);
    const batch = await post(s, "/v1/leads", { leads: leads.slice(1, 4) });
    const expected = compileFlow(flow).run(leads.slice(0, 4)).outcomes;
    expect([...one.json().outcomes, ...batch.json().outcomes]).toEqual(expected);
    const again = await post(s, "/v1/leads", { leads: [leads[3], leads[0]] });
    expect(again.json().outcomes).toEqual([expected[3], expected[0]]);
  });

  it("adds the trace only with ?trace=1", async () => {
    const s = await start();
    const plain = await post(s, "/v1/leads", leads[0]);
    const traced = await post(s, "/v1/leads?trace=1", leads[1]);
    expect(plain.json().outcomes[0].trace).toBeUndefined();
    expect(traced.json().outcomes[0].trace[0].text).toBeTypeOf("string");
  });

  it("uses the server time for a lead without createdAt, with a warning", async () => {
    const s = await start();
    const before = Date.now();
    const out = (await post(s, "/v1/leads", { id: "no-time" })).json().outcomes[0];
    expect(out.status).toBe("assigned");
    const stamped = Date.parse(/(\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(out.warnings[0])?.[1] ?? "");
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it("rejects bad bodies with listed problems and routes nothing of them", async () => {
    const s = await start({ bodyLimit: 64 * 1024 });
    await post(s, "/v1/leads", leads[0]);
    const before = await s.app.inject({ method: "GET", url: "/v1/state" });
    const cases: [string, () => ReturnType<typeof post>, number, RegExp][] = [
      ["malformed JSON", () => post(s, "/v1/leads", '{"leads": [{"id": "x"'), 400, /not valid JSON/],
      ["empty JSON body", () => post(s, "/v1/leads", ""), 400, /body is empty/],
      [
        "text/plain",
        () => post(s, "/v1/leads", JSON.stringify(leads[1]), { "content-type": "text/plain" }),
        415,
        /application\/json.*text\/plain/,
      ],
      ["form", () => post(s, "/v1/leads", "id=x", { "content-type": "application/x-www-form-urlencoded" }), 415, /application\/json/],
      ["oversized", () => post(s, "/v1/leads", { leads: [{ id: "big", note: "x".repeat(70 * 1024) }] }), 413, /larger than 65536 bytes/],
      [
        "too many",
        () => post(s, "/v1/leads", { leads: Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}` })) }),
        413,
        /at most 1000 leads/,
      ],
      [
        "lead without id",
        () => post(s, "/v1/leads", { leads: [leads[1], { name: "x" }, 4] }),
        400,
        /leads\[1\]\.id: .*\nleads\[2\]: a lead must be a JSON object/,
      ],
      ["array body", () => post(s, "/v1/leads", [leads[1]]), 400, /must be one lead/],
      ["proto poisoning", () => post(s, "/v1/leads", '{"id":"p","__proto__":{"x":1}}'), 400, /not valid JSON/],
    ];
    for (const [name, send, status, message] of cases) {
      const res = await send();
      expect(res.statusCode, name).toBe(status);
      const body = res.json();
      expect(body.error, name).toBeTypeOf("string");
      expect(body.problems.length, name).toBeGreaterThan(0);
      expect(body.problems.map((p: { message: string }) => p.message).join("\n"), name).toMatch(message);
    }
    const paths = (await post(s, "/v1/leads", { leads: [leads[1], { name: "x" }, 4] }))
      .json()
      .problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(["leads[1].id", "leads[2]"]);
    const after = await s.app.inject({ method: "GET", url: "/v1/state" });
    expect(after.body).toBe(before.body);
    expect(after.headers["x-leadwire-state-version"]).toBe("1");
    // leads[1] was in rejected requests only, so it is still unrouted: it gets the next rep.
    expect((await post(s, "/v1/leads", leads[1])).json().outcomes[0].owner).toBe("rep2");
  });

  it("answers in the service's language", async () => {
    const s = await start({ lang: "zh-CN" });
    expect((await post(s, "/v1/leads", { leads: [{}] })).json().error).toContain("没有分配任何线索");
  });
});

describe("state, health and metrics", () => {
  it("GET /v1/state gives the engine's JSON state with its version", async () => {
    const s = await start();
    const empty = await s.app.inject({ method: "GET", url: "/v1/state" });
    expect(empty.json()).toEqual({ format: "leadwire.state", version: 1, nodes: {}, members: {} });
    await post(s, "/v1/leads", { leads: leads.slice(0, 3) });
    const res = await s.app.inject({ method: "GET", url: "/v1/state" });
    expect(res.json()).toEqual(compileFlow(flow).run(leads.slice(0, 3)).state);
    expect(res.headers).toMatchObject({ "x-leadwire-flow": "f_capped", "x-leadwire-state-version": "1" });
  });

  it("GET /healthz is 200 with a reachable store and 503 without; a store failure is a quick 503", async () => {
    const flaky = switchableStore();
    const s = await start({ store: flaky.store });
    expect((await s.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok", store: "redis", flow: "f_capped" });
    flaky.down = true;
    const health = await s.app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(503);
    const res = await post(s, "/v1/leads", leads[0]);
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.json().error).toMatch(/state store is unavailable \(State store unavailable: connection refused\)|connection refused/);
    expect((await s.app.inject({ method: "GET", url: "/v1/state" })).statusCode).toBe(503);
    flaky.down = false;
    expect((await post(s, "/v1/leads", leads[0])).statusCode).toBe(200);
    expect(await s.metrics.text()).toContain('leadwire_store_errors_total{kind="unavailable"} 2');
  });

  it("GET /metrics counts leads by status and owner, cap overflows, batches and latency", async () => {
    const s = await start();
    await post(s, "/v1/leads", { leads });
    await post(s, "/v1/leads", leads[0]);
    const res = await s.app.inject({ method: "GET", url: "/metrics" });
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    // 3 reps × cap 2 = 6 assigned to reps; the other 2 of the 8 go to the queue (the route skips capped reps).
    expect(text).toContain('leadwire_leads_routed_total{status="assigned",owner="rep1"} 2');
    expect(text).toContain('leadwire_leads_routed_total{status="assigned",owner="queue"} 2');
    expect(text).toContain("leadwire_leads_replayed_total 1");
    expect(text).toMatch(/leadwire_cap_overflows_total \d+/);
    expect(text).toContain("leadwire_batch_retries_total 0");
    expect(text).toContain('leadwire_http_request_duration_seconds_count{method="POST",route="/v1/leads",status_code="200"} 2');
    expect(text).toContain('leadwire_notifications_total{channel="email",result="sent"} 6');
  });
});

describe("POST /v1/flow", () => {
  it("swaps in a valid flow between batches and keeps the state of nodes that still exist", async () => {
    const s = await start();
    await post(s, "/v1/leads", { leads: leads.slice(0, 2) });
    const bigger = cappedRoundRobin({ members: 4, capPerDay: 2, notify: true });
    const res = await post(s, "/v1/flow", bigger);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ flow: { id: "f_capped", version: 2 }, message: expect.stringContaining("is now in use") });
    const out = (await post(s, "/v1/leads", { leads: leads.slice(2, 6) })).json().outcomes;
    const first = compileFlow(flow).run(leads.slice(0, 2));
    expect(out).toEqual(compileFlow(bigger).run(leads.slice(2, 6), { state: first.state }).outcomes);
  });

  it("rejects a newer format version, a broken document and an invalid flow with their problems; the flow stays", async () => {
    const s = await start();
    await post(s, "/v1/leads", leads[0]);
    const state = (await s.app.inject({ method: "GET", url: "/v1/state" })).body;
    const newer = await post(s, "/v1/flow", { ...flow, version: 99 });
    expect(newer.statusCode).toBe(422);
    expect(newer.json().problems[0]).toMatchObject({
      code: "doc.newer_version",
      path: "$.version",
      message: expect.stringContaining("newer Leadwire (format version 99)"),
    });
    const broken = await post(s, "/v1/flow", { ...flow, nodes: [{ id: "x", type: "teleport", config: {} }] });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().problems[0].path).toMatch(/^\$\.nodes\[0\]/);
    const invalid = await post(s, "/v1/flow", { ...flow, nodes: flow.nodes.filter((n) => n.type !== "trigger"), edges: [] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().problems.length).toBeGreaterThan(0);
    expect((await post(s, "/v1/flow", "{nope")).statusCode).toBe(400);
    expect(s.flow().compiled.flow).toEqual(flow);
    expect((await s.app.inject({ method: "GET", url: "/v1/state" })).body).toBe(state);
    expect(await s.metrics.text()).toContain('leadwire_flow_reloads_total{result="rejected"} 3');
  });

  it("needs the admin token when one is configured", async () => {
    const s = await start({ credentials: { admin: "s3cret-admin-token" } });
    expect((await post(s, "/v1/flow", flow)).statusCode).toBe(401);
    expect((await post(s, "/v1/flow", flow, { "content-type": "application/json", authorization: "Bearer wrong" })).statusCode).toBe(401);
    expect(
      (await post(s, "/v1/flow", flow, { "content-type": "application/json", authorization: "Bearer s3cret-admin-token" })).statusCode,
    ).toBe(200);
  });
});

describe("notifications", () => {
  it("are handed to the sender after the batch is committed; a failing sender changes no result and is counted", async () => {
    const sent: OutgoingNotification[] = [];
    let fail = false;
    const store = new MemoryStore();
    const sender: NotificationSender = {
      name: "test",
      async send(message) {
        // By the time a message is sent, its lead's outcome is stored.
        const known = await store.transact("f_capped", [message.leadId], () => null);
        expect(known.known.has(message.leadId)).toBe(true);
        if (fail) throw new Error("smtp down");
        sent.push(message);
      },
    };
    const s = await start({ store, sender });
    const ok = (await post(s, "/v1/leads", leads[0])).json().outcomes[0];
    await s.dispatcher.drain(1_000);
    expect(sent).toEqual([{ flowId: "f_capped", leadId: leads[0]?.id, owner: "rep1", notification: ok.notifications[0] }]);
    fail = true;
    const res = await post(s, "/v1/leads", leads[1]);
    expect(res.statusCode).toBe(200);
    expect(res.json().outcomes[0]).toMatchObject({ status: "assigned", owner: "rep2" });
    await s.dispatcher.drain(1_000);
    const text = await s.metrics.text();
    expect(text).toContain('leadwire_notifications_total{channel="email",result="sent"} 1');
    expect(text).toContain('leadwire_notifications_total{channel="email",result="failed"} 1');
    // A resent lead is answered from the store and notifies nobody again.
    await post(s, "/v1/leads", leads[0]);
    await s.dispatcher.drain(1_000);
    expect(sent).toHaveLength(1);
  });
});

describe("close", () => {
  it("finishes the batch in flight, then stops", async () => {
    const memory = new MemoryStore();
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store: StateStore = {
      kind: "memory",
      transact: async (f, ids, d) => {
        entered();
        await gate;
        return memory.transact(f, ids, d);
      },
      readState: (f) => memory.readState(f),
      nextDue: (f) => memory.nextDue(f),
      readLead: (f, id) => memory.readLead(f, id),
      ping: async () => undefined,
      close: async () => undefined,
    };
    const s = await start({ store });
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = s.app.server.address() as { port: number };
    const inflight = fetch(`http://127.0.0.1:${port}/v1/leads`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ leads }),
    });
    await inside;
    let closed = false;
    const closing = s.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    release();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect((await res.json()).outcomes).toHaveLength(leads.length);
    await closing;
    expect(s.app.server.listening).toBe(false);
    expect((await memory.readState("f_capped")).version).toBe(1);
  });
});

describe("leads dated ahead of the server's clock", () => {
  it("refuses a lead dated 2099 in a flow without follow-up, so counter windows keep moving and stay pruned", async () => {
    const s = await start();
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d, 10)).toISOString();
    const route = async (id: string, createdAt: string) => (await post(s, "/v1/leads", { id, createdAt })).json().outcomes[0];
    for (let d = 0; d < 10; d++) expect((await route(`a${d}`, day(d))).status).toBe("assigned");
    const far = await route("far", "2099-06-01T10:00:00Z");
    expect(far).toMatchObject({ id: "far", status: "error" });
    expect(far.error).toContain("later than now");
    expect((await s.app.inject({ method: "GET", url: "/v1/leads/far" })).statusCode).toBe(404);
    for (let d = 10; d < 20; d++) expect((await route(`b${d}`, day(d))).status).toBe("assigned");
    // A clock a little fast is fine: a lead 30 s ahead is routed.
    expect((await route("soon", new Date(Date.now() + 30_000).toISOString())).status).toBe("assigned");

    const state = (await s.app.inject({ method: "GET", url: "/v1/state" })).json() as {
      members: Record<string, { day?: { w: string; past?: Record<string, number> } }>;
      nodes: { cap: { counts: Record<string, { w: string; past?: Record<string, number> }> } };
    };
    const windows = [...Object.values(state.members).map((m) => m.day), ...Object.values(state.nodes.cap.counts)];
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) {
      expect(w?.w.startsWith("2099")).toBe(false);
      expect(Object.keys(w?.past ?? {}).length).toBeLessThanOrEqual(7);
    }
  });
});
