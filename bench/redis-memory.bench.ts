// Bytes per lead in Redis: routes leads through the service's router on a real redis-server, reads INFO memory, then lets a
// short retention pass and reads it again. `npx tsx bench/redis-memory.bench.ts` (BENCH_LEADS, default 20,000).
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

const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const RETENTION_MS = 4_000;
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

async function measure(label: string, flow: ReturnType<typeof followUpFlow>, withEvents: boolean) {
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
  await new Promise((r) => setTimeout(r, RETENTION_MS + 1_500));
  // Expired keys go on access or by Redis's active expiry; touch nothing, wait for the background cycle.
  for (let i = 0; i < 40 && (await raw.dbsize()) > 50; i++) await new Promise((r) => setTimeout(r, 250));
  const expired = await used();
  await store.close();
  return { label, perLead: (after - before) / LEADS, leftPerLead: (expired - before) / LEADS, keysLeft: await raw.dbsize() };
}

const rows = [
  await measure(
    "routed",
    { ...followUpFlow("mem_rr", 60), version: 2, nodes: followUpFlow("x", 1).nodes.slice(0, 2), edges: [followUpFlow("x", 1).edges[0]!] },
    false,
  ),
  await measure("followed", followUpFlow("mem_fu", 60), true),
];
console.log(`\n### Redis memory per lead (${LEADS.toLocaleString("en-US")} leads, retention ${RETENTION_MS / 1000} s)\n`);
console.log("| flow | bytes/lead after routing | bytes/lead after the retention | 30 days at 1M leads/day |");
console.log("|---|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.label} | ${Math.round(r.perLead)} | ${Math.round(r.leftPerLead)} | ${((r.perLead * 30e6) / 1e9).toFixed(1)} GB |`);
raw.disconnect();
process.exit(0);
