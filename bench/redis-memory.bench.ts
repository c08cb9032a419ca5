// Bytes per lead in Redis: routes leads through the service's router on a real redis-server, reads INFO memory, then lets a
// retention pass and reads it again. `npx tsx bench/redis-memory.bench.ts`: BENCH_LEADS routed leads (default 1,000,000) and
// BENCH_FOLLOWED_LEADS followed ones (default 50,000: each also gets an event, 700–1,800 a second here); each flow's retention
// is long enough that no key expires while its leads are being routed, then the bench waits for it to pass.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { compileFlow } from "../src/engine";
import { BatchRouter } from "../src/runtime/service/router";
import { RedisStore } from "../src/runtime/store/redis";
import { followUpFlow } from "../test/runtime/flows";

const ROUTED = Number(process.env.BENCH_LEADS ?? 1_000_000);
const FOLLOWED = Number(process.env.BENCH_FOLLOWED_LEADS ?? 50_000);
/** A retention that outlasts routing `leads` at `perSecond` (a half to a third of what this machine does), at least 4 s. */
const retentionFor = (leads: number, perSecond: number) => Math.max(4_000, Math.round((leads / perSecond) * 1_000));
const dir = mkdtempSync(join(tmpdir(), "leadwire-mem-"));

const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const address = server.address();
    server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
  stdio: "ignore",
});
process.once("exit", () => {
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});
const url = `redis://127.0.0.1:${port}`;
const raw = new Redis(url);
raw.on("error", () => undefined);
for (let i = 0; i < 100; i++) {
  if ((await raw.ping().catch(() => "")) === "PONG") break;
  await new Promise((r) => setTimeout(r, 50));
}
const used = async () => Number(/used_memory:(\d+)/.exec(await raw.info("memory"))?.[1] ?? 0);

async function measure(label: string, flow: ReturnType<typeof followUpFlow>, withEvents: boolean, LEADS: number, RETENTION_MS: number) {
  const store = new RedisStore(url, { retentionMs: RETENTION_MS });
  await store.connect();
  const compiled = compileFlow(flow);
  const router = new BatchRouter({ store, flow: () => ({ id: flow.id, compiled }), retentionDays: RETENTION_MS / 86_400_000 });
  const before = await used();
  const now = Date.now();
  for (let i = 0; i < LEADS; i += 500) {
    const leads = Array.from({ length: Math.min(500, LEADS - i) }, (_, k) => ({
      id: `${label}-${i + k}`,
      createdAt: new Date(now).toISOString(),
      company: "ACME",
      email: `lead${i + k}@example.com`,
    }));
    const outcomes = await router.route(leads);
    if (withEvents) {
      const events = outcomes.map((o) => ({ id: `t-${o.id}`, lead: o.id, type: "touched" as const, at: now, by: o.owner as string }));
      await router.applyEvents(events);
    }
  }
  const after = await used();
  const routedMs = Date.now() - now;
  // Valid only if nothing expired yet: every lead's first outcome must still be there.
  const keys = await raw.dbsize();
  if (routedMs >= RETENTION_MS || keys < LEADS)
    console.warn(`${label}: routing took ${routedMs} ms, retention ${RETENTION_MS} ms: raise BENCH_RETENTION_MS`);
  process.stderr.write(`${label}: ${LEADS} leads in ${(routedMs / 1000).toFixed(1)} s, ${keys} keys\n`);
  // The last lead's keys expire a retention after it was routed. Expired keys go on access or by Redis's active expiry
  // (which samples keys, so it catches up once most have expired); touch nothing, wait for the background cycle.
  await new Promise((r) => setTimeout(r, RETENTION_MS + 1_500));
  for (let i = 0; i < 240 && (await raw.dbsize()) > 100; i++) await new Promise((r) => setTimeout(r, 250));
  const expired = await used();
  await store.close();
  const keysLeft = await raw.dbsize();
  await raw.flushall(); // the next flow starts from an empty Redis
  return {
    label,
    leads: LEADS,
    retentionMs: RETENTION_MS,
    perLead: (after - before) / LEADS,
    leftPerLead: (expired - before) / LEADS,
    keysLeft,
  };
}

const rows = [
  await measure(
    "routed",
    { ...followUpFlow("mem_rr", 60), version: 2, nodes: followUpFlow("x", 1).nodes.slice(0, 2), edges: [followUpFlow("x", 1).edges[0]!] },
    false,
    ROUTED,
    retentionFor(ROUTED, 6_000),
  ),
  await measure("followed", followUpFlow("mem_fu", 60), true, FOLLOWED, retentionFor(FOLLOWED, 400)),
];
console.log(`\n### Redis memory per lead (retention long enough for routing, then waited out)\n`);
console.log(
  "| flow | leads | retention | bytes/lead after routing | bytes/lead after the retention | keys left | 30 days at 1M leads/day |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.leads.toLocaleString("en-US")} | ${Math.round(r.retentionMs / 1000)} s | ${Math.round(r.perLead)} | ${Math.round(r.leftPerLead)} | ${r.keysLeft} | ${((r.perLead * 30e6) / 1e9).toFixed(1)} GB |`,
  );
raw.disconnect();
process.exit(0);
