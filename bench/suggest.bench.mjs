// "Suggest from outcomes" on the 9,240 X Education leads: the designer's worker in the production build in Chromium
// (click → both AUCs on screen, target < 5 s) against the same suggestion in Node, and against importing the CSV (the
// baseline measured in the same process). Rounds alternate Node and Chromium; each round is a fresh process / page.
// Not a test: figures for docs/score-suggestion.md. Run with `npx tsx bench/suggest.bench.mjs` (ROUNDS=3, BUILD=0 reuses the build).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const FLOW = JSON.parse(readFileSync(new URL("../test/fixtures/x-education.flow.json", import.meta.url), "utf8"));
const CSV = ["../shared/data/x-education/leads.csv", "/work/shared/data/x-education/leads.csv"].find((f) => existsSync(f));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const ms = (v) => `${Math.round(v).toLocaleString("en-US")} ms`;

/** One Node round: import the CSV as the designer does (baseline), then the suggestion with its 5-fold check. */
async function nodeRound() {
  const { parseLeadsCsv } = await import("../src/engine/leads/index.ts");
  const { suggestScore } = await import("../src/simulation/suggest/index.ts");
  const text = readFileSync(CSV, "utf8");
  const t0 = performance.now();
  const leads = parseLeadsCsv(text, FLOW.fields, { referenceTime: FLOW.settings.referenceTime, placeholders: ["Select"] }).leads;
  const importMs = performance.now() - t0;
  const current = FLOW.nodes.find((n) => n.type === "score").config;
  const t1 = performance.now();
  const s = suggestScore({
    leads,
    fields: FLOW.fields,
    outcome: "converted",
    current,
    lang: "en",
    referenceTime: FLOW.settings.referenceTime,
  });
  return { importMs, suggestMs: performance.now() - t1, auc: s.auc.suggested, rules: s.config.rules.length };
}

async function browserRound(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.addInitScript(() => {
      localStorage.setItem("leadwire.lang", "en");
      const log = (window.__suggestBench = { workers: 0, parts: [] });
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          log.workers++;
          this.addEventListener("message", ({ data }) => {
            if (data && "elapsedMs" in data) log.parts.push(data.elapsedMs);
          });
        }
      };
    });
    await page.goto(`${url}#/new`);
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await page.evaluate((flow) => window.__leadwire.openFlow(flow), FLOW);
    await page.getByRole("button", { name: "Leads & Run" }).click();
    await page.getByLabel("Lead file (CSV or JSON)").setInputFiles(CSV);
    await page.locator(".lw-sim-runbar").filter({ hasText: "9240" }).waitFor({ timeout: 120_000 });
    await page.getByLabel("Outcome column").selectOption("converted");
    await page.locator('.react-flow__node[data-id="score"] .lw-card-name').click();
    const button = page.getByRole("button", { name: "Suggest from outcomes" });
    await button.waitFor();
    await page.waitForTimeout(500);
    const r = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          [...document.querySelectorAll("button")].find((b) => b.textContent === "Suggest from outcomes").click();
          const tick = () => {
            const shown = document.querySelector('[data-testid="auc-suggested"] strong');
            if (shown) resolve({ wallMs: performance.now() - start, auc: shown.textContent, log: window.__suggestBench });
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    // The parts (the rules, each fold's check) run in several workers at once; their sum is the work one worker would do.
    return { wallMs: r.wallMs, workerMs: r.log.parts.reduce((a, b) => a + b, 0), workers: r.log.workers, auc: r.auc };
  } finally {
    await page.close();
  }
}

if (process.env.SUGGEST_BENCH_NODE_ROUND === "1") {
  process.stdout.write(JSON.stringify(await nodeRound()));
  process.exit(0);
}

const { build, preview } = await import("vite");
const { launchChromium } = await import("../test/browser/chromium.ts");
const outDir = "node_modules/.cache/suggest-bench-web";
process.env.VITE_TEST_HOOK = "1"; // the page is driven through window.__leadwire, which production builds leave out
if (process.env.BUILD !== "0") await build({ logLevel: "warn", build: { outDir, chunkSizeWarningLimit: 4096 } });
const server = await preview({ build: { outDir }, preview: { port: 0, host: "127.0.0.1" }, logLevel: "warn" });
const url = server.resolvedUrls.local[0];
const browser = await launchChromium();
const self = fileURLToPath(import.meta.url);
try {
  console.log(
    `Suggestion benchmark: X Education, 9,240 leads, outcome "converted", 5-fold check; ${ROUNDS} rounds, Node and Chromium alternating`,
  );
  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const node = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", self], {
        env: { ...process.env, SUGGEST_BENCH_NODE_ROUND: "1" },
        maxBuffer: 1 << 26,
      }).toString(),
    );
    const web = await browserRound(browser, url);
    if (web.auc !== node.auc.toFixed(3)) throw new Error(`round ${i}: the designer's AUC ${web.auc} differs from Node's ${node.auc}`);
    rounds.push({ node, web });
    console.log(
      `  round ${i}: Node import ${ms(node.importMs)}, suggestion ${ms(node.suggestMs)} (${(node.suggestMs / node.importMs).toFixed(1)}× the import); ` +
        `${web.workers} workers, their parts together ${ms(web.workerMs)} (${(web.workerMs / node.suggestMs).toFixed(2)}× Node); click → AUCs shown ${ms(web.wallMs)}; AUC ${node.auc.toFixed(3)}, ${node.rules} rules`,
    );
  }
  console.log(
    `  median: suggestion/import ${median(rounds.map((r) => r.node.suggestMs / r.node.importMs)).toFixed(1)}×, ` +
      `workers' parts/Node ${median(rounds.map((r) => r.web.workerMs / r.node.suggestMs)).toFixed(2)}×, click → AUCs ${ms(median(rounds.map((r) => r.web.wallMs)))} (target < 5,000 ms); ` +
      `the designer's AUC equals Node's`,
  );
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
