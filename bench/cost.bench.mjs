// Benchmark (npm run bench): engine cost that stays flat (issue 17) — per-lead cost against team size, lead width and
// the age of the carried state, each as a ratio of two flows timed in interleaved rounds of one run.
import { compileFlow } from "../dist/leadwire.js";

const N = Number(process.env.BENCH_COST_LEADS ?? 20_000);
const REPS = Number(process.env.BENCH_COST_REPS ?? 7);
const T0 = Date.parse("2026-03-02T08:00:00Z");

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
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { a: median(ta), b: median(tb), ratio: median(tb.map((t, r) => t / ta[r])) };
}

const rows = [];
function row(label, result, target, ok) {
  rows.push({ label, ...result, target, ok });
}

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

// 2. Process age: the 500-member round robin with 14 days of carried state (one batch a day, in this process) against the
// same batch with a fresh state timed before any aging: a long-running process must not get slower with its history.
{
  const flow = compileFlow(roundRobinFlow(500));
  const day15 = makeLeads(N, { start: T0 + 14 * 86_400_000, spacing: 4_000, prefix: "D14-" });
  const timed = (fn) => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  flow.run(day15);
  // Not interleaved (the process ages in between), so both sides take their fastest round: the least disturbed by
  // whatever else the machine runs.
  const fastest = (fn) => Math.min(...Array.from({ length: REPS }, () => timed(fn)));
  const pristine = fastest(() => flow.run(day15));
  const perDay = Math.min(N, 5_000);
  let state;
  for (let d = 0; d < 14; d++)
    state = flow.run(makeLeads(perDay, { start: T0 + d * 86_400_000, spacing: 10_000, prefix: `D${d}-` }), { state }).state;
  const carried = state;
  const r = compare({ fn: () => flow.run(day15) }, { fn: () => flow.run(day15, { state: carried }) });
  row("500-member round robin, 14 days of carried state ÷ fresh state (same process, after)", r, "≤ 1.3×", r.ratio <= 1.3);
  const agedFastest = fastest(() => flow.run(day15, { state: carried }));
  const aged = { a: pristine, b: agedFastest, ratio: agedFastest / pristine };
  row(
    "500-member round robin, 14 days of carried state ÷ fresh state before any aging (fastest rounds)",
    aged,
    "≤ 1.3×",
    aged.ratio <= 1.3,
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
    `| ${r.label} | ${r.a.toFixed(1)} ms | ${r.b.toFixed(1)} ms | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.ok ? "met" : "NOT met"} |`,
  );
