// `leadwire serve` as a user runs it (real process, real Redis): start-up refusals, bad input over HTTP, SIGHUP reload, SIGTERM.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cappedRoundRobin, leadDays, type Lead } from "./flows";
import { startRedis, type RedisServer } from "./redis-server";
import { CURRENT_VERSION } from "../../src/engine";
import { removeWorkDir, serveOnce, startServe, workDir, writeJson, type ServeProcess } from "./serve-process";

let redis: RedisServer;
const running: ServeProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  await redis?.dispose();
  removeWorkDir();
});

const json = { "content-type": "application/json" };
const leads = leadDays(6, 1, 11)[0] as Lead[];

async function serve(flowFile: string, redisUrl?: string): Promise<ServeProcess> {
  const p = await startServe(flowFile, redisUrl ? { redis: redisUrl } : {});
  running.push(p);
  return p;
}

const logLines = (p: ServeProcess) =>
  p
    .log()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("start-up", () => {
  it("refuses a flow of a newer format version with the loader's message (exit 2)", () => {
    const newer = CURRENT_VERSION + 1;
    const r = serveOnce(writeJson("newer.json", { ...cappedRoundRobin(), version: newer }));
    expect(r.code).toBe(2);
    expect(r.err).toContain("cannot start");
    expect(r.err).toContain(`saved by a newer Leadwire (format version ${newer})`);
  });

  it("refuses a flow with errors, a bad port and a bad Redis URL (exit 2)", () => {
    const noTrigger = { ...cappedRoundRobin(), nodes: cappedRoundRobin().nodes.filter((n) => n.type !== "trigger"), edges: [] };
    const r = serveOnce(writeJson("no-trigger.json", noTrigger));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error {4}.*trigger/i);
    const good = writeJson("good.json", cappedRoundRobin());
    expect(serveOnce(good, ["--port", "99999"])).toMatchObject({ code: 2, err: expect.stringContaining("--port must be") });
    expect(serveOnce(good, ["--redis", "localhost:6379"])).toMatchObject({ code: 2, err: expect.stringContaining("--redis must be") });
    expect(serveOnce(`${workDir}/missing.json`)).toMatchObject({ code: 2, err: expect.stringContaining("Cannot read") });
  });
});

describe("bad input over HTTP, Redis state", () => {
  it("answers 4xx with the problems listed and leaves the state as it was", async () => {
    const p = await serve(writeJson("bad-input.json", cappedRoundRobin({ id: "f_bad" })), redis.url);
    const post = (path: string, body: string, headers: Record<string, string> = json) =>
      fetch(`${p.url}${path}`, { method: "POST", headers, body });
    expect((await post("/v1/leads", JSON.stringify({ leads: leads.slice(0, 2) }))).status).toBe(200);
    const state = async () => {
      const res = await fetch(`${p.url}/v1/state`);
      return { body: await res.text(), version: res.headers.get("x-leadwire-state-version") };
    };
    const before = await state();
    expect(before.version).toBe("1");
    const huge = JSON.stringify({ leads: [{ id: "big", note: "x".repeat(1024 * 1024) }] });
    const tooMany = JSON.stringify({ leads: Array.from({ length: 1_001 }, (_, i) => ({ id: `m${i}` })) });
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ["malformed JSON", post("/v1/leads", '{"leads": [{"id": "x"}'), 400, /not valid JSON/],
      [
        "wrong content type",
        post("/v1/leads", JSON.stringify(leads[2]), { "content-type": "text/csv" }),
        415,
        /application\/json.*text\/csv/,
      ],
      ["oversized body", post("/v1/leads", huge), 413, /larger than 1048576 bytes/],
      ["too many leads", post("/v1/leads", tooMany), 413, /at most 1000 leads per request, this one has 1001/],
      [
        "lead without id",
        post("/v1/leads", JSON.stringify({ leads: [leads[2], { country: "DE" }, { id: "" }] })),
        400,
        /leads\[1\]\.id: .*\n.*leads\[2\]\.id: /,
      ],
      [
        "newer flow version",
        post("/v1/flow", JSON.stringify({ ...cappedRoundRobin({ id: "f_bad" }), version: CURRENT_VERSION + 1 })),
        422,
        /newer Leadwire \(format version \d+\)/,
      ],
      ["broken flow", post("/v1/flow", JSON.stringify({ format: "leadwire.flow", version: 1 })), 422, /\$\.id|\$\.nodes/],
    ];
    for (const [name, sending, status, message] of cases) {
      const res = await sending;
      expect(res.status, name).toBe(status);
      const body = (await res.json()) as { error: string; problems: { message: string }[] };
      expect(body.error, name).toBeTypeOf("string");
      expect(body.problems.map((x) => x.message).join("\n"), name).toMatch(message);
    }
    expect(await state()).toEqual(before);
    // The leads of the rejected requests were never routed: the next rep in turn gets leads[2].
    const next = (await (await post("/v1/leads", JSON.stringify(leads[2]))).json()) as { outcomes: { owner: string }[] };
    expect(next.outcomes[0]?.owner).toBe("rep3");
  });
});

describe("signals", () => {
  it("re-reads the flow file on SIGHUP (a broken file keeps the current flow) and stops cleanly on SIGTERM", async () => {
    const file = writeJson("reload.json", cappedRoundRobin({ id: "f_reload", members: 2, capPerDay: 10 }));
    const p = await serve(file);
    const route = async (lead: Lead) => {
      const res = await fetch(`${p.url}/v1/leads`, { method: "POST", headers: json, body: JSON.stringify(lead) });
      return ((await res.json()) as { outcomes: { owner: string }[] }).outcomes[0]?.owner;
    };
    expect([await route(leads[0] as Lead), await route(leads[1] as Lead)]).toEqual(["rep1", "rep2"]);
    writeFileSync(file, "{ not json");
    p.child.kill("SIGHUP");
    await expect.poll(() => logLines(p).some((l) => l.event === "reload_failed"), { timeout: 5_000 }).toBe(true);
    expect(await route(leads[2] as Lead)).toBe("rep1");
    writeFileSync(file, JSON.stringify(cappedRoundRobin({ id: "f_reload", members: 3, capPerDay: 10 })));
    p.child.kill("SIGHUP");
    await expect.poll(() => logLines(p).some((l) => l.event === "flow_loaded"), { timeout: 5_000 }).toBe(true);
    // The cursor carried over (after rep1 comes rep2), and the new rep3 takes its turn.
    expect([await route(leads[3] as Lead), await route(leads[4] as Lead)]).toEqual(["rep2", "rep3"]);
    expect(await p.stop("SIGTERM")).toBe(0);
    const events = logLines(p).map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(["listening", "stopping", "stopped"]));
    expect(logLines(p).every((l) => typeof l.level === "number" && typeof l.time === "number")).toBe(true);
  });
});
