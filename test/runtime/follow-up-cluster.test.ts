// Acceptance of live follow-up: 4 `serve` processes on one Redis, leads and events while one process is SIGKILLed and Redis
// restarts; every reminder, breach and reassignment happens once and the totals equal one in-memory run.
// LEADWIRE_FOLLOW_UP_LEADS scales it (default 2,000 leads and 1,000 events, about 20 s here; the issue names 20,000).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type TrackedLead } from "../../src/engine";
import { followUpFlow } from "./flows";
import { startRedis, type RedisServer } from "./redis-server";
import { removeWorkDir, startServe, writeJson, type ServeProcess } from "./serve-process";

const LEADS = Number(process.env.LEADWIRE_FOLLOW_UP_LEADS ?? 2_000);
// 9 s to the first call and a reminder at 4.5 s; longer for bigger runs (all leads and events must arrive before it).
const WITHIN_MINUTES = Number(process.env.LEADWIRE_FOLLOW_UP_WITHIN_MINUTES ?? 0.15);

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs a body to the first live process, moving on to the next on a connection error or a 503 (as a client would). */
async function send(procs: ServeProcess[], path: string, body: unknown, start: number): Promise<Response> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const proc = procs[(start + attempt) % procs.length]!;
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
    try {
      const res = await fetch(`${proc.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 503) return res;
    } catch {
      /* killed or restarting: try another */
    }
    await sleep(50);
  }
  throw new Error(`no process answered ${path}`);
}

describe("follow-up across processes and faults", () => {
  it("fires every reminder, breach and reassignment once with a process killed and Redis restarted", async () => {
    const flow = followUpFlow("fu_cluster", WITHIN_MINUTES);
    const file = writeJson("fu-cluster.json", flow);
    const procs = await Promise.all([1, 2, 3, 4].map(() => startServe(file, { redis: redis.url })));
    running.push(...procs);
    const t0 = Date.now();
    const createdAt = new Date(t0).toISOString();
    const leads = Array.from({ length: LEADS }, (_, i) => ({ id: `C${i}`, createdAt }));
    // Every other lead is touched a second after it arrives (before its reminder); the rest breach and are reassigned.
    const events = leads
      .filter((_, i) => i % 2 === 0)
      .map((l) => ({ id: `t-${l.id}`, lead: l.id, type: "touched", at: new Date(t0 + 1_000).toISOString() }));

    const chunks = <T>(list: T[], size: number) =>
      Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
    let sent = 0;
    const faults: Promise<unknown>[] = [];
    await Promise.all(
      chunks(chunks(leads, 20), Math.ceil(LEADS / 20 / 8)).map(async (part, k) => {
        for (const batch of part) {
          expect((await send(procs, "/v1/leads", { leads: batch }, k)).status).toBe(200);
          if (++sent === Math.round(LEADS / 20 / 3)) faults.push(procs[0]!.kill());
        }
      }),
    );
    while (Date.now() < t0 + 1_000) await sleep(50);
    let posted = 0;
    for (const batch of chunks(events, 50)) {
      const res = await send(procs, "/v1/events", { events: batch }, posted++);
      expect(res.status).toBe(200);
      if (posted === 3)
        faults.push(
          (async () => {
            await redis.kill();
            await sleep(500);
            await redis.start();
          })(),
        );
    }
    await Promise.all(faults);
    // After the last deadline, plus time for the ticks.
    while (Date.now() < t0 + WITHIN_MINUTES * 60_000 + 4_000) await sleep(200);

    const live = procs.slice(1);
    const state = (await (await fetch(`${live[0]!.url}/v1/state`)).json()) as { leads: Record<string, TrackedLead> };
    const records = Object.entries(state.leads);
    expect(records).toHaveLength(LEADS);
    const kinds = (rec: TrackedLead) => rec.timeline.map((e) => e.kind);
    const count = (kind: string) => records.reduce((n, [, rec]) => n + kinds(rec).filter((k) => k === kind).length, 0);
    for (const [id, rec] of records) {
      const touched = Number(id.slice(1)) % 2 === 0;
      expect(kinds(rec), id).toEqual(touched ? ["assigned", "touched", "met"] : ["assigned", "reminded", "breached", "reassigned"]);
      if (!touched) expect(rec.owners[1]!.owner, id).not.toBe(rec.owners[0]!.owner);
    }
    // The same totals as one in-memory run of the same leads and events.
    const one = compileFlow(flow).run(leads, { events, now: t0 + WITHIN_MINUTES * 60_000 + 1_000 });
    const f = one.summary.followUp!;
    expect({ met: count("met"), breached: count("breached"), reassigned: count("reassigned"), touched: count("touched") }).toEqual({
      met: f.met,
      breached: f.breached,
      reassigned: f.reassigned,
      touched: f.touched,
    });
    expect(count("reminded")).toBe(one.outcomes.reduce((n, o) => n + (o.timeline ?? []).filter((e) => e.kind === "reminded").length, 0));
  }, 120_000);
});
