// Runs 100,000 generated leads through a six-node flow (bench/simulation.flow.json) in the designer's worker, in the
// production build in Chromium, and the same run in Node; prints wall time from Run to the table, main-thread frame
// times while running (target: median ≤ 50 ms; the longest frame, well under 500 ms) and the worker's run time against
// Node's (target ≤ 1.5×).
// Rounds alternate Node and Chromium; each round is a fresh Node process and a fresh page, so both start cold.
// Follow-up (issue 13): each round also runs the same flow with a follow-up step after it (first call within 15 working
// minutes, a reminder, reassignment on a breach to someone else with a second 15-minute deadline; the reps answer in
// 5–40 minutes) in the worker, and prints its run time against the same round's worker run without it (target ≤ 2×).
// FOLLOW_UP_ONLY=1 (bench/simulation-follow-up.bench.mjs, part of `npm run bench`) runs only the two worker runs per round.
// Not a test: figures for the README. Run with `npx tsx bench/simulation.bench.mjs` (ROUNDS=3, LEADS=100000, SEED=7).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LEADS = Number(process.env.LEADS ?? 100_000);
const SEED = Number(process.env.SEED ?? 7);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const FOLLOW_UP_ONLY = process.env.FOLLOW_UP_ONLY === "1";
const FLOW = JSON.parse(readFileSync(new URL("./simulation.flow.json", import.meta.url), "utf8"));

/** The same flow with a follow-up step after the notify: the response model draws every first contact. */
function withFollowUp(flow) {
  const f = structuredClone(flow);
  f.version = 2;
  const speeds = [5, 10, 20, 40];
  f.teams = f.teams.map((t) => ({
    ...t,
    members: t.members.map((m, i) => ({ ...m, responseMinutes: speeds[i % 4], responseSpread: 0.6 })),
  }));
  const route = f.nodes.find((n) => n.type === "route");
  const last = f.nodes.find((n) => n.type === "notify");
  f.nodes.push(
    {
      id: "first-call",
      type: "follow_up",
      label: "First call in 15 min",
      position: { x: 0, y: 300 },
      config: { within: { minutes: 15 }, clock: "working_hours", remind: [{ after: { minutes: 10 } }] },
    },
    {
      id: "reassign",
      type: "route",
      label: "Reassign",
      position: { x: 300, y: 300 },
      config: { ...route.config, exclude: "previous_owners" },
    },
    {
      id: "second-call",
      type: "follow_up",
      label: "Second chance",
      position: { x: 600, y: 300 },
      config: { within: { minutes: 15 }, clock: "working_hours" },
    },
  );
  f.edges.push(
    { id: "fu1", source: last.id, sourcePort: "out", target: "first-call" },
    { id: "fu2", source: "first-call", sourcePort: "breached", target: "reassign" },
    { id: "fu3", source: "reassign", sourcePort: "assigned", target: "second-call" },
  );
  return f;
}
const FOLLOW_FLOW = withFollowUp(FLOW);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const ms = (v) => `${Math.round(v).toLocaleString("en-US")} ms`;

/** One Node round (in a child process): the same leads, seed and chunked runner as the designer, with trace on. */
async function nodeRound() {
  const { generateLeads, simulate } = await import("../src/simulation/index.ts");
  const leads = generateLeads(FLOW, LEADS, { seed: SEED });
  const started = performance.now();
  const result = await simulate(FLOW, leads, { trace: true, lang: "en" });
  if (result.kind !== "done") throw new Error(`Node run ended ${result.kind}`);
  const wallMs = performance.now() - started;
  return { elapsedMs: result.elapsedMs, wallMs, summary: result.result.summary };
}

/** One Chromium round: open the flow, generate the leads in the panel, click Run, time it until the table shows them. */
async function browserRound(browser, url, flow = FLOW) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    // Listens on the designer's worker to read what the worker reports (its own run time, when each message arrives).
    await page.addInitScript(() => {
      localStorage.setItem("leadwire.lang", "en");
      const log = (window.__simBench = { progress: [], result: null });
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener("message", ({ data }) => {
            if (data?.type === "progress") log.progress.push({ at: performance.now(), ...data.progress });
            else if (data?.type === "result")
              log.result = {
                at: performance.now(),
                kind: data.result.kind,
                elapsedMs: data.result.elapsedMs,
                summary: data.result.result?.summary,
              };
          });
        }
      };
    });
    await page.goto(`${url}#/new`);
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await page.evaluate((doc) => window.__leadwire.openFlow(doc), flow);
    await page.getByRole("button", { name: "Leads & Run" }).click();
    await page.getByLabel("How many").fill(String(LEADS));
    await page.getByLabel("Seed").fill(String(SEED));
    await page.getByRole("button", { name: "Generate sample leads" }).click();
    await page
      .locator(".lw-sim-runbar")
      .filter({ hasText: String(LEADS) })
      .waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);

    // Clicked from inside the page so the clock starts at the click. Frame time = the interval between consecutive
    // requestAnimationFrame callbacks, read with performance.now() when each runs (the callback's own timestamp is the
    // frame's start, so a long task in that frame — e.g. receiving the result — would not show in it).
    const r = await page.evaluate(
      (total) =>
        new Promise((resolve) => {
          const frames = [];
          const start = performance.now();
          let last = start;
          let shownAt = 0;
          document.querySelector(".lw-sim-run").click();
          const tick = () => {
            const now = performance.now();
            frames.push(now - last);
            last = now;
            const rows = document.querySelector(".lw-sim-rowcount");
            if (!shownAt && rows && rows.textContent.includes(`of ${total}`)) shownAt = now;
            // One more frame after the table shows, so the frame that painted it is counted.
            if (shownAt && now > shownAt) resolve({ wallMs: shownAt - start, frames, start, log: window.__simBench });
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      LEADS,
    );
    if (r.log.result?.kind !== "done") throw new Error(`browser run ended ${r.log.result?.kind}`);
    const first = r.log.progress[0];
    // Every interval counts, the first one too: it holds the click handler (posting the leads to the worker).
    const sorted = [...r.frames].sort((a, b) => a - b);
    if (process.env.DEBUG)
      console.log({
        first: r.frames[0],
        top: sorted.slice(-8),
        sum: r.frames.reduce((a, b) => a + b, 0),
        wall: r.wallMs,
        progress: r.log.progress.map((p) => Math.round(p.at - r.start)),
      });
    return {
      wallMs: r.wallMs,
      elapsedMs: r.log.result.elapsedMs,
      // Click → the worker starts its chunk loop: posting 100k leads (structured clone) and validating/compiling.
      startMs: first ? first.at - r.start - first.elapsedMs : NaN,
      // The last progress message (with the last slice of outcomes) → the result on the main thread; the outcomes came
      // with the progress messages, so the result itself is small (summary, state).
      resultMs: r.log.result.at - (r.log.progress.at(-1)?.at ?? r.start),
      // The result on the main thread → the table showing it (metrics, rows, React).
      renderMs: r.start + r.wallMs - r.log.result.at,
      progressMessages: r.log.progress.length,
      frames: sorted.length,
      frameMedian: percentile(sorted, 0.5),
      frameP95: percentile(sorted, 0.95),
      frameMax: sorted[sorted.length - 1],
      summary: r.log.result.summary,
    };
  } finally {
    await page.close();
  }
}

if (process.env.SIM_BENCH_NODE_ROUND === "1") {
  process.stdout.write(JSON.stringify(await nodeRound()));
  process.exit(0);
}

const { build, preview } = await import("vite");
const { launchChromium } = await import("../test/browser/chromium.ts");
// A build directory of its own: the drag benchmark builds into dist/web, and the two may run at the same time.
const outDir = "node_modules/.cache/simulation-bench-web";
process.env.VITE_TEST_HOOK = "1"; // the page is driven through window.__leadwire, which production builds leave out
if (process.env.BUILD !== "0") await build({ logLevel: "warn", build: { outDir, chunkSizeWarningLimit: 4096 } }); // BUILD=0 reuses the last build
const server = await preview({ build: { outDir }, preview: { port: 0, host: "127.0.0.1" }, logLevel: "warn" });
const url = server.resolvedUrls.local[0];
const browser = await launchChromium();
const self = fileURLToPath(import.meta.url);
try {
  console.log(
    FOLLOW_UP_ONLY
      ? `Simulation with follow-up in the worker (Chromium): ${LEADS.toLocaleString("en-US")} generated leads (seed ${SEED}), ${FLOW.nodes.length}-node flow with and without a follow-up step, trace on; ${ROUNDS} rounds`
      : `Simulation benchmark: ${LEADS.toLocaleString("en-US")} generated leads (seed ${SEED}), ${FLOW.nodes.length}-node flow, trace on; ${ROUNDS} rounds, Node and Chromium alternating`,
  );
  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) {
    if (FOLLOW_UP_ONLY) {
      const web = await browserRound(browser, url);
      const follow = await browserRound(browser, url, FOLLOW_FLOW);
      if (!follow.summary?.followUp) throw new Error(`round ${i}: the follow-up run has no follow-up figures`);
      rounds.push({ web, follow });
      console.log(
        `  round ${i}: worker run ${ms(web.elapsedMs)} without, ${ms(follow.elapsedMs)} with follow-up (${(follow.elapsedMs / web.elapsedMs).toFixed(2)}×); ` +
          `Run → table ${ms(web.wallMs)} without, ${ms(follow.wallMs)} with`,
      );
      continue;
    }
    const node = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", self], {
        env: { ...process.env, SIM_BENCH_NODE_ROUND: "1" },
        maxBuffer: 1 << 26,
      }).toString(),
    );
    const web = await browserRound(browser, url);
    if (JSON.stringify(web.summary) !== JSON.stringify(node.summary))
      throw new Error(`round ${i}: the worker's summary differs from Node's`);
    const follow = await browserRound(browser, url, FOLLOW_FLOW);
    if (!follow.summary?.followUp) throw new Error(`round ${i}: the follow-up run has no follow-up figures`);
    rounds.push({ node, web, follow });
    console.log(
      `  round ${i}: Node run ${ms(node.elapsedMs)} | worker run ${ms(web.elapsedMs)} (${(web.elapsedMs / node.elapsedMs).toFixed(2)}× Node); ` +
        `Run → table ${ms(web.wallMs)} (start ${ms(web.startMs)}, last progress → result ${ms(web.resultMs)}, render ${ms(web.renderMs)}); ` +
        `${web.frames} frames, median ${web.frameMedian.toFixed(1)} ms, p95 ${web.frameP95.toFixed(1)} ms, max ${web.frameMax.toFixed(1)} ms; ${web.progressMessages} progress messages`,
    );
    const f = follow.summary.followUp;
    console.log(
      `           with follow-up: worker run ${ms(follow.elapsedMs)} (${(follow.elapsedMs / web.elapsedMs).toFixed(2)}× without; target ≤ 2×); ` +
        `Run → table ${ms(follow.wallMs)}; frame median ${follow.frameMedian.toFixed(1)} ms, max ${follow.frameMax.toFixed(1)} ms; ` +
        `touched ${f.touched}, in time ${f.met}, missed ${f.breached}, reassigned ${f.reassigned}, median response ${f.responseMinutes.median?.toFixed(1)} min`,
    );
  }
  const ratios = rounds.map((r) => r.web.elapsedMs / (r.node?.elapsedMs ?? NaN));
  if (!FOLLOW_UP_ONLY)
    console.log(
      `  median: Node ${ms(median(rounds.map((r) => r.node.elapsedMs)))}, worker ${ms(median(rounds.map((r) => r.web.elapsedMs)))}, ` +
        `worker/Node ${median(ratios).toFixed(2)}× (per round ${ratios.map((x) => x.toFixed(2)).join(", ")}; target ≤ 1.5×); ` +
        `Run → table ${ms(median(rounds.map((r) => r.web.wallMs)))}; frame median ${median(rounds.map((r) => r.web.frameMedian)).toFixed(1)} ms (target ≤ 50 ms), ` +
        `p95 ${median(rounds.map((r) => r.web.frameP95)).toFixed(1)} ms, longest ${median(rounds.map((r) => r.web.frameMax)).toFixed(1)} ms ` +
        `(worst round ${Math.max(...rounds.map((r) => r.web.frameMax)).toFixed(1)} ms); results equal Node's (summary)`,
    );
  const followRatios = rounds.map((r) => r.follow.elapsedMs / r.web.elapsedMs);
  const followRatio = median(followRatios);
  console.log(
    `  follow-up: worker ${ms(median(rounds.map((r) => r.follow.elapsedMs)))} with vs ${ms(median(rounds.map((r) => r.web.elapsedMs)))} without, ` +
      `${followRatio.toFixed(2)}× (per round ${followRatios.map((x) => x.toFixed(2)).join(", ")}; target ≤ 2×: ${followRatio <= 2 ? "met" : "NOT met"})`,
  );
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
