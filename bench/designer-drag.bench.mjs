// Opens a generated 300-node flow in the production build in Chromium, drags one node for about 2 s and prints frame
// times measured with requestAnimationFrame in the page (median and p95; target: median ≤ 16 ms). Not a test: figures for the README.
//
// Chromium runs without its frame-rate limit and vsync, so requestAnimationFrame fires as soon as the previous frame is
// done: the time between two callbacks is what a frame costs (script, style, layout, paint, layers), not the 16.7 ms
// vsync interval a 60 Hz screen would quantise it to. The baseline, measured in the same run, is the same drag in a
// 12-node flow; rounds are interleaved so a busy machine slows every scenario alike.
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/browser/chromium.ts";

const NODES = Number(process.env.NODES ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DRAG_MS = 2000;
const TYPES = ["trigger", "filter", "score", "route", "cap", "notify"];
const CONFIGS = {
  trigger: { sources: [] },
  filter: { conditions: { op: "all", rules: [{ field: "source", operator: "eq", value: "web" }] } },
  score: {
    field: "score",
    base: 0,
    rules: [{ label: "Web", points: 10 }],
    grades: { field: "grade", bands: [{ name: "A", min: 5 }, { name: "B" }] },
  },
  route: { team: "t", strategy: "round_robin" },
  cap: { limit: 20, window: "day", scope: "path" },
  notify: { channel: "email", to: "owner", subject: "New lead", template: "Hi {{owner.name}}" },
};
const PORT = { trigger: "out", filter: "pass", score: "out", route: "assigned", cap: "ok", notify: "out" };

/** Rows of chains trigger → filter → score → route → cap → notify → filter …, laid out on a grid. */
function generateFlow(count) {
  const cols = 20;
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const type = col === 0 ? "trigger" : TYPES[1 + ((col - 1) % 5)];
    nodes.push({
      id: `n${i + 1}`,
      type,
      label: `${type} ${i + 1}`,
      position: { x: col * 280, y: Math.floor(i / cols) * 160 },
      config: CONFIGS[type],
    });
    if (col > 0) edges.push({ id: `e${edges.length + 1}`, source: `n${i}`, sourcePort: PORT[nodes[i - 1].type], target: `n${i + 1}` });
  }
  return {
    format: "leadwire.flow",
    version: 1,
    id: "f_bench",
    name: `Benchmark ${count} nodes`,
    description: "",
    settings: { timezone: "UTC", seed: 1 },
    fields: [],
    teams: [
      {
        id: "t",
        name: "Team",
        members: [
          { id: "a", name: "Ann" },
          { id: "b", name: "Bo" },
        ],
      },
    ],
    nodes,
    edges,
  };
}

/** The viewport that shows `node` at 100 % in the middle of a 1600×1000 window (the canvas is about 1020×770). */
const viewportAround = (node) => ({ x: Math.round(510 - node.position.x - 110), y: Math.round(385 - node.position.y - 40), zoom: 1 });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

/** Opens the flow (at the given viewport, or fitted when none), drags one node for DRAG_MS, returns frame times and the result. */
/** Opens the flow and drags one node (`dragged`), or with `pan` drags the empty canvas; returns frame times and what changed. */
async function measure(browser, url, flow, dragged, pan = false) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await page.addInitScript(
      ([text]) => {
        localStorage.setItem("leadwire.currentFlow", text);
        localStorage.setItem("leadwire.lang", "en");
      },
      [JSON.stringify(flow)],
    );
    const opened = Date.now();
    await page.goto(`${url}#/new`);
    await page.locator(`.react-flow__node[data-id="${dragged}"]`).waitFor({ timeout: 60_000 });
    const openMs = Date.now() - opened;
    await page.waitForTimeout(1500);
    const rendered = await page.locator(".react-flow__node").count();

    // The drag is driven from inside the page, one pointer move per animation frame (as Chrome delivers real mouse moves),
    // so every measured frame carries a drag update; frame time = time between consecutive requestAnimationFrame callbacks.
    const viewportBefore = await page.evaluate(() => JSON.stringify(document.querySelector(".react-flow__viewport")?.style.transform));
    const frames = await page.evaluate(
      async ([id, ms, pan]) => {
        const el = document.querySelector(pan ? ".react-flow__pane" : `.react-flow__node[data-id="${id}"] .lw-card-name`);
        if (!el) throw new Error(`node ${id} not found`);
        const box = el.getBoundingClientRect();
        const at = pan ? { x: box.left + 40, y: box.top + 40 } : { x: box.left + 10, y: box.top + box.height / 2 };
        const mouse = (type, x, y) =>
          el.dispatchEvent(
            new MouseEvent(type, {
              bubbles: true,
              cancelable: true,
              view: window,
              clientX: x,
              clientY: y,
              button: 0,
              buttons: type === "mouseup" ? 0 : 1,
            }),
          );
        mouse("mousedown", at.x, at.y);
        return new Promise((resolve) => {
          const times = [];
          let step = 0;
          const start = performance.now();
          const tick = () => {
            // The clock is read in the callback (not the frame's start time passed to it), so a long task between frames counts.
            const now = performance.now();
            times.push(now);
            if (now - start < ms) {
              step++;
              const angle = step / 15;
              mouse("mousemove", at.x + 150 * Math.sin(angle) + step * 0.5, at.y + 100 * (1 - Math.cos(angle)));
              requestAnimationFrame(tick);
            } else {
              mouse("mouseup", at.x, at.y);
              resolve(times.slice(1).map((t, i) => t - (times[i] ?? t)));
            }
          };
          requestAnimationFrame(tick);
        });
      },
      [dragged, DRAG_MS, pan],
    );
    await page.waitForTimeout(300);
    const before = flow.nodes.find((n) => n.id === dragged)?.position;
    const after = await page.evaluate((id) => window.__leadwire.getFlow().nodes.find((n) => n.id === id)?.position, dragged);
    const undoable = await page.evaluate(() => document.querySelector('button[aria-label="Undo"]')?.disabled === false);
    const viewportAfter = await page.evaluate(() => JSON.stringify(document.querySelector(".react-flow__viewport")?.style.transform));
    return {
      openMs,
      rendered,
      frames: frames.slice(1),
      moved: pan ? viewportAfter !== viewportBefore : JSON.stringify(before) !== JSON.stringify(after),
      undoable: pan || undoable,
    };
  } finally {
    await page.close();
  }
}

process.env.VITE_TEST_HOOK = "1"; // the page is driven through window.__leadwire, which production builds leave out
if (process.env.BUILD !== "0") await build({ logLevel: "warn" }); // BUILD=0 reuses dist/web
const server = await preview({ preview: { port: 0, host: "127.0.0.1" }, logLevel: "warn" });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, "--disable-frame-rate-limit", "--disable-gpu-vsync"],
});
try {
  const flow = generateFlow(NODES);
  const small = generateFlow(12);
  const dragged = `n${Math.floor(NODES / 2) + 3}`;
  const node = flow.nodes.find((n) => n.id === dragged);
  const scenarios = [
    { name: "baseline: 12-node flow, fitted", doc: small, dragged: "n4" },
    { name: `${NODES} nodes, whole flow in view (fitted)`, doc: flow, dragged },
    { name: `${NODES} nodes, editing zoom 100 %`, doc: { ...flow, ui: { viewport: viewportAround(node) } }, dragged },
    { name: `${NODES} nodes, panning the fitted view`, doc: flow, dragged, pan: true },
  ];
  console.log(
    `Drag benchmark: ${NODES} nodes, ${flow.edges.length} edges; one pointer move per frame for ${DRAG_MS} ms, ${ROUNDS} interleaved rounds (target: median ≤ 16 ms)`,
  );
  const results = scenarios.map(() => ({ frames: [], runs: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of scenarios.entries()) {
      const r = await measure(browser, url, s.doc, s.dragged, s.pan);
      results[i].frames.push(...r.frames);
      results[i].runs.push(r);
    }
  }
  const baseline = percentile(
    [...results[0].frames].sort((a, b) => a - b),
    0.5,
  );
  for (const [i, s] of scenarios.entries()) {
    const sorted = [...results[i].frames].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5);
    const perRound = results[i].runs
      .map((r) =>
        percentile(
          [...r.frames].sort((a, b) => a - b),
          0.5,
        ).toFixed(1),
      )
      .join(", ");
    const last = results[i].runs[results[i].runs.length - 1];
    console.log(
      `  ${s.name}: ${sorted.length} frames, median ${median.toFixed(1)} ms (rounds ${perRound}), p95 ${percentile(sorted, 0.95).toFixed(1)} ms, ${(median / baseline).toFixed(2)}× baseline; opened in ${last.openMs} ms with ${last.rendered} nodes rendered; ${s.pan ? "view moved" : "node moved"}: ${results[i].runs.every((r) => r.moved)}, one undo step: ${results[i].runs.every((r) => r.undoable)}`,
    );
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
