// Where a single lead's time goes with Redis state, without load: one lead at a time through the service's router on a
// real redis-server (appendfsync always), timing the two Lua round trips (BEGIN with the lease, COMMIT with the fsync)
// and the rest (engine, JSON, bookkeeping). `npx tsx bench/redis-latency.bench.ts` (BENCH_LEADS, default 3,000; 8 and 500 reps).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFlow } from "../src/engine";
import { BatchRouter } from "../src/runtime/service/router";
import { RedisStore } from "../src/runtime/store/redis";
import { cappedRoundRobin } from "../test/runtime/flows";

const LEADS = Number(process.env.BENCH_LEADS ?? 3_000);
const dir = mkdtempSync(join(tmpdir(), "leadwire-lat-"));
const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const address = server.address();
    server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
const server = spawn(
  "redis-server",
  ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dir],
  { stdio: "ignore" },
);
process.once("exit", () => {
  server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

type Call = (command: string, keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(members: number) {
  const flow = cappedRoundRobin({ id: `lat_${members}`, members, capPerDay: 1_000_000 });
  const store = new RedisStore(`redis://127.0.0.1:${port}`);
  await store.connect().catch(() => undefined);
  for (
    let i = 0;
    i < 100 &&
    !(await store.ping().then(
      () => true,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  // Times each Lua round trip by wrapping the store's one call site.
  const spent = new Map<string, number>();
  const target = store as unknown as { call: Call };
  const call = target.call.bind(store);
  target.call = async (command, keys, args) => {
    const t = performance.now();
    try {
      return await call(command, keys, args);
    } finally {
      spent.set(command, (spent.get(command) ?? 0) + performance.now() - t);
    }
  };
  const compiled = compileFlow(flow);
  const router = new BatchRouter({ store, flow: () => ({ id: flow.id, compiled }) });
  const times: number[] = [];
  for (let i = 0; i < LEADS + 300; i++) {
    if (i === 300) spent.clear();
    const t = performance.now();
    await router.route([{ id: `L${i}`, createdAt: "2026-03-02T10:00:00Z" }]);
    if (i >= 300) times.push(performance.now() - t);
  }
  await store.close();
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const begin = spent.get("lwBegin") ?? 0;
  const commit = spent.get("lwCommit") ?? 0;
  return {
    members,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    mean: total / LEADS,
    begin: begin / LEADS,
    commit: commit / LEADS,
  };
}

const rows = [await measure(8), await measure(500)];
console.log(
  `\n### One lead at a time, Redis state (appendfsync always), ${LEADS.toLocaleString("en-US")} leads, no other load from this bench\n`,
);
console.log("| reps | p50 ms | p99 ms | mean ms | BEGIN round trip ms | COMMIT round trip ms | engine and the rest ms |");
console.log("|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.members} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.mean.toFixed(2)} | ${r.begin.toFixed(2)} | ${r.commit.toFixed(2)} | ${(r.mean - r.begin - r.commit).toFixed(2)} |`,
  );
process.exit(0);
