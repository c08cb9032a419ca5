// The service is safe to expose: credentials per role, a flow id change confirmed, a rate limit, slow clients cut off.
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { compileFlow } from "../../engine";
import { cappedRoundRobin, leadDays, type Lead } from "../../../test/runtime/flows";
import { MemoryStore } from "../store/memory";
import { buildService, type Service, type ServiceOptions } from "./app";

const flow = cappedRoundRobin({ members: 3, capPerDay: 2 });
const leads = leadDays(8, 1, 5)[0] as Lead[];
const services: Service[] = [];
const TOKENS = { admin: "admin-token-0123456789", read: "read-token-0123456789", ingest: "ingest-token-0123456789" };

async function start(options: Partial<ServiceOptions> = {}): Promise<Service> {
  const service = await buildService({ flow: { id: flow.id, compiled: compileFlow(flow) }, store: new MemoryStore(), ...options });
  services.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

const call = (s: Service, method: "GET" | "POST", url: string, token?: string, body?: unknown) =>
  s.app.inject({
    method,
    url,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe("credentials", () => {
  it("gives each endpoint to its role (and the admin), 401 without a token and 403 with another role's", async () => {
    const s = await start({ credentials: TOKENS });
    const endpoints: [string, "GET" | "POST", string, unknown, "admin" | "read" | "ingest"][] = [
      ["flow", "POST", "/v1/flow", flow, "admin"],
      ["state", "GET", "/v1/state", undefined, "read"],
      ["rotation", "GET", "/v1/rotation", undefined, "read"],
      ["metrics", "GET", "/metrics", undefined, "read"],
      ["leads", "POST", "/v1/leads", leads[0], "ingest"],
    ];
    for (const [name, method, url, body, role] of endpoints) {
      const none = await call(s, method, url, undefined, body);
      expect(none.statusCode, name).toBe(401);
      expect(none.json().error, name).toContain(`the ${role} token`);
      expect((await call(s, method, url, "wrong-token-0123456789", body)).statusCode, name).toBe(401);
      for (const other of ["read", "ingest"] as const) {
        if (other === role) continue;
        const res = await call(s, method, url, TOKENS[other], body);
        expect(res.statusCode, `${name} with ${other}`).toBe(403);
        expect(res.json().error).toContain(`needs the ${role} token`);
      }
      expect((await call(s, method, url, TOKENS[role], body)).statusCode, name).toBe(200);
      expect((await call(s, method, url, TOKENS.admin, body)).statusCode, `${name} as admin`).toBe(200);
    }
    expect((await call(s, "GET", "/healthz")).statusCode).toBe(200);
  });

  it("keeps the flow's state: a flow with a new id is refused unless confirmed", async () => {
    const s = await start({ credentials: TOKENS });
    await call(s, "POST", "/v1/leads", TOKENS.ingest, { leads: leads.slice(0, 3) });
    const state = (await call(s, "GET", "/v1/state", TOKENS.read)).body;
    const renamed = cappedRoundRobin({ id: "f_other", members: 3, capPerDay: 2 });
    const refused = await call(s, "POST", "/v1/flow", TOKENS.admin, renamed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().problems[0].message).toMatch(/changes from "f_capped" to "f_other".*\?newState=1/);
    expect(s.flow().id).toBe("f_capped");
    expect((await call(s, "GET", "/v1/state", TOKENS.read)).body).toBe(state);
    const confirmed = await call(s, "POST", "/v1/flow?newState=1", TOKENS.admin, renamed);
    expect(confirmed.statusCode).toBe(200);
    expect(s.flow().id).toBe("f_other");
  });
});

describe("rate limit", () => {
  it("answers 429 with a clear message beyond the limit, and health checks still pass", async () => {
    const s = await start({ rateLimit: { max: 50, windowMs: 60_000 } });
    const answers = await Promise.all(Array.from({ length: 300 }, () => call(s, "GET", "/v1/state")));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.filter((c) => c === 429)).toHaveLength(250);
    const limited = answers.find((a) => a.statusCode === 429);
    expect(limited?.json().error).toMatch(/Too many requests.*retry in/);
    expect(limited?.headers["retry-after"]).toBeDefined();
    expect((await call(s, "GET", "/healthz")).statusCode).toBe(200);
  });
});

describe("slow clients", () => {
  /** Opens a socket, sends `first`, then trickles a byte every `everyMs`; resolves with how long until the server closed it. */
  async function heldFor(port: number, first: string, everyMs: number): Promise<number> {
    const started = Date.now();
    return new Promise<number>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(first));
      const drip = setInterval(() => {
        if (!socket.destroyed) socket.write("x");
      }, everyMs);
      const done = () => {
        clearInterval(drip);
        resolve(Date.now() - started);
      };
      socket.on("close", done);
      socket.on("error", () => undefined);
      // Bounded: a server that never closes fails the test instead of hanging it.
      setTimeout(() => socket.destroy(), 10_000);
    });
  }

  it("closes a client that sends its headers or body too slowly, or goes silent", async () => {
    const s = await start({ timeouts: { headersMs: 500, requestMs: 1_000, idleMs: 700, keepAliveMs: 500 } });
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = s.app.server.address() as { port: number };
    const [headers, body, silent] = await Promise.all([
      heldFor(port, "POST /v1/leads HTTP/1.1\r\nHost: x\r\nX-Slow: ", 100),
      heldFor(port, "POST /v1/leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", 100),
      heldFor(port, "POST /v1/leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n", 60_000),
    ]);
    expect(headers).toBeLessThan(3_000);
    expect(body).toBeLessThan(3_000);
    expect(silent).toBeLessThan(3_000);
  });
});
