// Benchmark (npm run bench): engine cost that stays flat (issue 17) — per-lead cost against team size, lead width and
// the age of the carried state, each as a ratio of two runs timed in interleaved rounds (docs/engine-cost.md says how).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compileFlow } from "../dist/leadwire.js";

const N = Number(process.env.BENCH_COST_LEADS ?? 20_000);
const REPS = Number(process.env.BENCH_COST_REPS ?? 7);
/** Rounds of the young-process ÷ aged-process comparison (each round starts one process of each kind). */
const PAIRS = Number(process.env.BENCH_COST_PAIRS ?? 7);
/** Set in a child process of this benchmark: the side of the process-age comparison it measures. */
const SIDE = process.env.BENCH_COST_SIDE;
const T0 = Date.parse("2026-03-02T08:00:00Z");
const DAY = 86_400_000;

/** Leads `spacing` ms apart from `start`, with `extra` filler fields (a wide CRM export) besides the ones the flows read. */
function makeLeads(n, { start = T0, spacing = 2_000, extra = 0, prefix = "L" } = {}) {
  let s = 42;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  const countries = ["US", "CA", "DE", "FR", "GB"];
  return Array.from({ length: n }, (_, i) => {
    const lead = {
      id: `${prefix}${i}`,
      createdAt: new Date(start + i * spacing).toISOString(),
      source: "web",
      country: countries[Math.floor(rnd() * countries.length)],
      employees: Math.floor(rnd() * 5000),
      pageViews: Math.floor(rnd() * 40),
      title: rnd() < 0.2 ? "Student" : "VP Sales",
    };
    for (let k = 0; k < extra; k++) lead[`crm_field_${k}`] = k % 3 === 0 ? `value ${i % 97}` : k % 3 === 1 ? i % 1000 : rnd() < 0.5;
    return lead;
  });
}

function members(n, { capacity = false } = {}) {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    name: `Member ${i}`,
    weight: 1 + (i % 5),
    ...(capacity ? { capacity: { perDay: 100_000, perWeek: 500_000, maxOpen: 1_000_000 } } : {}),
  }));
}

const FIELDS = [
  { key: "country", type: "string" },
  { key: "employees", type: "number" },
  { key: "pageViews", type: "number" },
  { key: "title", type: "string" },
];

/** trigger → round robin with capacity → owner cap per day. */
function roundRobinFlow(n) {
  return {
    format: "leadwire.flow",
    version: 2,
    id: `rr${n}`,
    name: "RR",
    settings: { timezone: "Europe/Berlin", seed: 1 },
    fields: FIELDS,
    teams: [{ id: "sales", name: "Sales", members: members(n, { capacity: true }) }],
    nodes: [
      { id: "t", type: "trigger", config: { sources: ["web"] } },
      { id: "r", type: "route", config: { team: "sales", strategy: "round_robin", respect: { capacity: true, workingHours: true } } },
      { id: "c", type: "cap", config: { limit: 100_000, window: "day", scope: "owner" } },
    ],
    edges: [
      { id: "e1", source: "t", target: "r" },
      { id: "e2", source: "r", sourcePort: "assigned", target: "c" },
    ],
  };
}

/** trigger → weighted round robin (weights 1–5). */
function weightedFlow(n) {
  return {
    format: "leadwire.flow",
    version: 2,
    id: `wrr${n}`,
    name: "WRR",
    settings: { timezone: "UTC", seed: 1 },
    fields: FIELDS,
    teams: [{ id: "sales", name: "Sales", members: members(n) }],
    nodes: [
      { id: "t", type: "trigger", config: { sources: ["web"] } },
      { id: "r", type: "route", config: { team: "sales", strategy: "weighted_round_robin" } },
    ],
    edges: [{ id: "e1", source: "t", target: "r" }],
  };
}

/** trigger → score → filter → filter → round robin: the filters read lead fields, so the score's fields must reach them. */
const scoreFlow = {
  format: "leadwire.flow",
  version: 2,
  id: "wide",
  name: "Wide",
  settings: { timezone: "UTC", seed: 1 },
  fields: FIELDS,
  teams: [{ id: "sales", name: "Sales", members: members(4) }],
  nodes: [
    { id: "t", type: "trigger", config: { sources: ["web"] } },
    {
      id: "s",
      type: "score",
      config: {
        base: 0,
        rules: [
          { label: "Page views", per: { field: "pageViews", unit: 1 }, points: 2, max: 20 },
          { label: "Big company", when: { op: "all", rules: [{ field: "employees", operator: "gte", value: 1000 }] }, points: 15 },
          { label: "Student", when: { op: "all", rules: [{ field: "title", operator: "contains", value: "student" }] }, points: -20 },
        ],
        grades: { bands: [{ name: "A", min: 30 }, { name: "B", min: 10 }, { name: "C" }] },
      },
    },
    { id: "f1", type: "filter", config: { conditions: { op: "all", rules: [{ field: "score", operator: "gte", value: -100 }] } } },
    {
      id: "f2",
      type: "filter",
      config: { conditions: { op: "any", rules: [{ field: "grade", operator: "in", value: ["A", "B", "C"] }] } },
    },
    { id: "r", type: "route", config: { team: "sales", strategy: "round_robin" } },
  ],
  edges: [
    { id: "e1", source: "t", target: "s" },
    { id: "e2", source: "s", target: "f1" },
    { id: "e3", source: "f1", sourcePort: "pass", target: "f2" },
    { id: "e4", source: "f2", sourcePort: "pass", target: "r" },
  ],
};

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Day `d`'s batch of the age comparison: N leads from 00:00 on, 4 s apart (20,000 leads run into the next day). */
function dayBatch(d) {
  return makeLeads(N, { start: T0 + d * DAY, spacing: 4_000, prefix: `D${d}-` });
}

/** One batch a day (`perDay` leads from 00:00) for `days` days through `flow`, each run carrying the state of the one before. */
function carryDays(flow, days, perDay = Math.min(N, 5_000)) {
  let state;
  for (let d = 0; d < days; d++)
    state = flow.run(makeLeads(perDay, { start: T0 + d * DAY, spacing: 10_000, prefix: `D${d}-` }), { state }).state;
  return state;
}

/**
 * Runs one side of the process-age comparison in a new process (this file with BENCH_COST_SIDE set): young runs day
 * 15's batch with a fresh state, aged first carries 14 days of state and runs day 15's batch with it. Returns the
 * median CPU time of REPS runs after REPS warm-up runs, in ms.
 */
function side(kind) {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_COST_SIDE: kind },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`${kind} process failed: ${child.stderr}`);
  return Number(child.stdout.trim().split("\n").pop());
}

function measureSide(kind) {
  const flow = compileFlow(roundRobinFlow(500));
  const day15 = dayBatch(14);
  const options = kind === "aged" ? { state: carryDays(flow, 14) } : {};
  for (let r = 0; r < REPS; r++) flow.run(day15, options);
  return median(Array.from({ length: REPS }, () => cpuTimed(() => flow.run(day15, options))));
}

/**
 * CPU time the process spent on `fn` (all its threads: the collector's and compiler's work counts), in ms. The two
 * sides run seconds apart, so time spent waiting for a core on a busy machine would decide a wall-clock ratio.
 */
function cpuTimed(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Interleaved rounds (A B A B …) after a warm-up each; the ratio is the median over rounds of (time B ÷ time A). */
function compare(a, b) {
  a.fn();
  b.fn();
  const ta = [];
  const tb = [];
  for (let r = 0; r < REPS; r++) {
    for (const [e, into] of [
      [a, ta],
      [b, tb],
    ]) {
      const t0 = process.hrtime.bigint();
      e.fn();
      into.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { a: median(ta), b: median(tb), ratio: median(tb.map((t, r) => t / ta[r])) };
}

const rows = [];
function row(label, result, target, ok) {
  rows.push({ label, ...result, target, ok });
}

if (SIDE !== undefined) console.log(String(measureSide(SIDE)));
else main();

function main() {
  // 1. Team size: per-lead cost with 500 members against 5 (same leads, same flow otherwise).
  const leads = makeLeads(N);
  {
    const small = compileFlow(roundRobinFlow(5));
    const big = compileFlow(roundRobinFlow(500));
    const r = compare({ fn: () => small.run(leads) }, { fn: () => big.run(leads) });
    row("round robin + capacity + owner cap: 500 members ÷ 5", r, "≤ 3×", r.ratio <= 3);
  }
  {
    const small = compileFlow(weightedFlow(5));
    const big = compileFlow(weightedFlow(500));
    const r = compare({ fn: () => small.run(leads) }, { fn: () => big.run(leads) });
    row("weighted round robin: 500 members ÷ 5", r, "≤ 3×", r.ratio <= 3);
  }

  // 2. State age. A long-running process carries each day's state into the next day's batch; after 14 days its runs must
  // cost what a fresh state's runs cost (≤ 1.3×), with no cliff. Measured two ways, both medians of interleaved rounds:
  // (a) in one process, after the 14 days, the carried state against a fresh one, alternating run by run: what the
  //     carried state itself costs (its size: windows, members, the copy a run makes of it);
  // (b) child processes, one young (never carried a state) and one aged (ran the 14 days, carrying the state), started
  //     alternately, each timing REPS runs (CPU time) after REPS warm-up runs: what the issue means, an old process with its state
  //     against a new one with a fresh state. The young side is the harder baseline: its JIT has seen one kind of state.
  // (c) the size of the carried state after 12 weeks against 8 weeks: what a day adds once the windows are full.
  {
    const flow = compileFlow(roundRobinFlow(500));
    const day15 = dayBatch(14);
    const carried = carryDays(flow, 14);
    const r = compare({ fn: () => flow.run(day15) }, { fn: () => flow.run(day15, { state: carried }) });
    row("500-member round robin: 14 days of carried state ÷ fresh state, same process, interleaved runs", r, "≤ 1.3×", r.ratio <= 1.3);

    const young = [];
    const aged = [];
    const ratios = [];
    for (let k = 0; k < PAIRS; k++) {
      // Which side starts first alternates, so a load that builds up during a round weighs on both alike.
      const first = k % 2 === 0 ? "young" : "aged";
      const t = { [first]: side(first) };
      const second = first === "young" ? "aged" : "young";
      t[second] = side(second);
      const [y, a] = [t.young, t.aged];
      young.push(y);
      aged.push(a);
      ratios.push(a / y);
    }
    const p = { a: median(young), b: median(aged), ratio: median(ratios) };
    row(
      `500-member round robin: aged process with 14 days of carried state ÷ young process with a fresh state (CPU time, ${PAIRS} pairs of processes)`,
      p,
      "≤ 1.3×",
      p.ratio <= 1.3,
    );

    // Each count keeps its window and the 7 before it (late leads), so the state stops growing once the longest window
    // kind has filled: 8 weeks for the week counts. Days of 1,000 leads (2 per member) keep this quick.
    const bytes = (days) => JSON.stringify(carryDays(compileFlow(roundRobinFlow(500)), days, 1_000)).length;
    const b56 = bytes(56);
    const b84 = bytes(84);
    row(
      "carried state (JSON) after 12 weeks of daily batches ÷ after 8 weeks: bounded, not growing with days",
      { a: b56, b: b84, ratio: b84 / b56, unit: "kB" },
      "≤ 1.02×",
      b84 / b56 <= 1.02,
    );
  }

  // 3. Lead width: 200-field leads through score → filter → filter against 10-field leads.
  {
    const flow = compileFlow(scoreFlow);
    const narrow = makeLeads(N, { extra: 3 });
    const wide = makeLeads(N, { extra: 193 });
    const r = compare({ fn: () => flow.run(narrow) }, { fn: () => flow.run(wide) });
    row("score → filter chain: 200-field leads ÷ 10-field leads", r, "≤ 2×", r.ratio <= 2);
  }

  console.log("");
  console.log(
    `Engine cost benchmark — ${N.toLocaleString("en")} leads per run, median of ${REPS} interleaved rounds, Node ${process.version}`,
  );
  console.log("");
  console.log("| comparison | baseline run | compared run | ratio | target | |");
  console.log("|---|---:|---:|---:|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${amount(r, r.a)} | ${amount(r, r.b)} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.ok ? "met" : "NOT met"} |`,
    );
}

function amount(r, value) {
  return r.unit === "kB" ? `${(value / 1000).toFixed(1)} kB` : `${value.toFixed(1)} ms`;
}
