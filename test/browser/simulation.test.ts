// The simulation UI in Chromium: import the X Education CSV, map `Converted` as the outcome, run the fixture flow, read the
// table, a per-owner chart, the AUC and a lead's trace, then compare with a round-robin variant — in English and in 简体中文.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Flow, Lang } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { launchChromium } from "./chromium";
import { seriousViolations } from "./axe";
import { openDesignerPage } from "./designer-page";
import { startDevServer } from "./dev-server";

const CSV = "../shared/data/x-education/leads.csv";
/** `LEADWIRE_SCREENSHOTS=1` rewrites the README's screenshots of the Leads & Run panel. */
const SHOTS = process.env.LEADWIRE_SCREENSHOTS === "1" ? "docs/screenshots" : null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(1000); // charts finish their entry animation
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
const FLOW = JSON.parse(readFileSync("test/fixtures/x-education.flow.json", "utf8")) as Flow;

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("simulation"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openDesigner = (lang: Lang) => openDesignerPage(browser, url, { lang, flow: FLOW });
const axeDrawer = (page: Page) => seriousViolations(page, ".lw-sim");

const CJK = /[\u4e00-\u9fff]/;

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));

describe("simulation with bad input", () => {
  const ui = UI_TEXTS.en;

  it("says so for 0 leads, an empty file and a flow with errors (selecting the node), and keeps the leads", async () => {
    const { page, errors } = await openDesigner("en");
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    const message = page.locator(".lw-sim-message");
    const run = page.getByRole("button", { name: ui["simui.run"], exact: true });

    await run.click();
    await expect.poll(() => message.textContent()).toBe(ui["simui.noLeads"]);

    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect.poll(() => page.locator(".lw-sim-warnings summary").textContent()).toBe(fill(ui["simui.warnings"], { count: 1 }));

    // A dropped file: a cell that is not a number is a warning naming its value; the row is kept.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["id,totalVisits\na,3\nb,lots\n"], "drop.csv", { type: "text/csv" }));
      document.querySelector(".lw-sim-drop")?.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(() => page.locator(".lw-sim-runbar").textContent())
      .toContain(fill(ui["simui.ready"], { count: 2, source: "drop.csv" }));
    await page.locator(".lw-sim-warnings summary").click();
    expect(await page.locator(".lw-sim-warnings li").allTextContents()).toContainEqual(expect.stringContaining("lots"));

    // Pasted rows (JSON here; CSV works the same way).
    await page.getByLabel(ui["simui.paste"]).fill('[{"id":"p1"},{"id":"p2"},{"id":"p3"}]');
    await page.getByRole("button", { name: ui["simui.usePasted"] }).click();
    await expect
      .poll(() => page.locator(".lw-sim-runbar").textContent())
      .toContain(fill(ui["simui.ready"], { count: 3, source: ui["simui.pastedName"] }));

    await page.getByLabel(ui["simui.count"]).fill("200");
    await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
    await expect.poll(() => page.locator(".lw-sim-runbar").textContent()).toContain("200");
    const broken: Flow = {
      ...FLOW,
      nodes: FLOW.nodes.map((n) => (n.id === "route" && n.type === "route" ? { ...n, config: { ...n.config, team: "nobody" } } : n)),
    };
    await page.evaluate((flow) => window.__leadwire?.openFlow(flow), broken);
    await run.click();
    // The worker compiles the flow first: on a cold dev server that takes seconds.
    await expect
      .poll(() => message.textContent(), { timeout: 30_000 })
      .toContain(fill(ui["simui.invalid"], { count: 1, first: "" }).slice(0, 20));
    await expect
      .poll(() => page.evaluate(() => document.querySelector(".react-flow__node.selected")?.getAttribute("data-id")))
      .toBe("route");
    // Nothing lost: the 200 leads are still there and run once the flow is fixed.
    await page.evaluate((flow) => window.__leadwire?.openFlow(flow), FLOW);
    await run.click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
    expect(await page.locator(".lw-sim-rowcount").textContent()).toBe(fill(ui["simui.rows"], { shown: 200, total: 200 }));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
  it("refuses a file over 50 MB and reads a semicolon file with broken rows, reporting each; leads and flow kept", async () => {
    const { page, errors } = await openDesigner("en");
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    await page.getByLabel(ui["simui.count"]).fill("300");
    await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
    const runbar = page.locator(".lw-sim-runbar");
    await expect
      .poll(() => runbar.textContent())
      .toContain(fill(ui["simui.ready"], { count: 300, source: fill(ui["simui.generatedSource"], { count: 300 }) }));
    const flowBefore = await page.evaluate(() => window.__leadwire?.getFlow());

    // 51 MB of well-formed rows: refused by size with a message naming the file; the 300 leads stay loaded.
    const dir = mkdtempSync(join(tmpdir(), "leadwire-big-"));
    try {
      const row = "lead-0000000,Google,Select,12,345,2.5,Email Opened,India,Finance Management,Working Professional,Mumbai,0\n";
      const big = join(dir, "big.csv");
      writeFileSync(
        big,
        "Prospect ID,Lead Source,Specialization,TotalVisits,Total Time Spent on Website,Page Views Per Visit,Last Activity,Country,Spec,What is your current occupation,City,Converted\n" +
          row.repeat(Math.ceil((51 * 1048576) / row.length)),
      );
      await page.getByLabel(ui["simui.chooseFile"]).setInputFiles(big);
      await expect
        .poll(() => page.getByRole("alert").allTextContents(), { timeout: 90_000 })
        .toContain(fill(ui["simui.fileTooBig"], { name: "big.csv", size: 51 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await runbar.textContent()).toContain(
      fill(ui["simui.ready"], { count: 300, source: fill(ui["simui.generatedSource"], { count: 300 }) }),
    );

    // A semicolon-separated export with a short row and a long row: split on ";", every row kept, both rows reported.
    const semicolon = "Prospect ID;Lead Source;TotalVisits\na1;Google;3\na2;Direct Traffic\na3;Reference;5;extra\na4;Google;1\n";
    await page
      .getByLabel(ui["simui.chooseFile"])
      .setInputFiles({ name: "semicolon.csv", mimeType: "text/csv", buffer: Buffer.from(semicolon) });
    await expect.poll(() => runbar.textContent()).toContain(fill(ui["simui.ready"], { count: 4, source: "semicolon.csv" }));
    expect(await page.getByRole("alert").allTextContents()).not.toContainEqual(expect.stringContaining("big.csv"));
    const preview = page.getByRole("table", { name: ui["simui.preview"] });
    expect(await preview.getByRole("row").nth(1).textContent()).toContain("Google");
    await page.locator(".lw-sim-warnings summary").click();
    const warnings = await page.locator(".lw-sim-warnings li").allTextContents();
    // One line for the kind: how many, the first in words, the rows it hit.
    const ragged = warnings.filter((w) => w.includes("cells but the header has 3"));
    expect(ragged).toHaveLength(1);
    expect(ragged[0]).toContain(fill(ui["simui.warnTimes"], { count: 2 }));
    expect(ragged[0]).toContain("Row 2 has 2 cells but the header has 3");
    expect(ragged[0]).toContain(fill(ui["simui.warnRows"], { rows: "2, 3" }));
    // The flow is untouched by either file.
    expect(await page.evaluate(() => window.__leadwire?.getFlow())).toEqual(flowBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe("lead data in the outbox", () => {
  const ui = UI_TEXTS.en;

  it("shows markup in a lead's fields as text in the outbox and the lead's detail, never as markup", async () => {
    const { page, errors } = await openDesigner("en");
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    const evil = `<img src=x onerror="window.__xss=1"><b>bold</b>`;
    await page
      .getByLabel(ui["simui.paste"])
      .fill(JSON.stringify([{ id: "x1", source: evil, timeOnSite: 2000, totalVisits: 9, doNotEmail: false }]));
    await page.getByRole("button", { name: ui["simui.usePasted"] }).click();
    await expect
      .poll(() => page.locator(".lw-sim-runbar").textContent())
      .toContain(fill(ui["simui.ready"], { count: 1, source: ui["simui.pastedName"] }));
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: ui["simui.tabOutbox"] }).click();
    const body = page.locator(".lw-sim-mail .lw-sim-mail-body");
    await expect.poll(() => body.textContent()).toContain(evil);
    expect(await page.locator(".lw-sim-outbox-all img, .lw-sim-outbox-all b").count()).toBe(0);
    await page.locator(".lw-sim-mail .lw-sim-lead").click();
    await expect.poll(() => page.locator(".lw-sim-lead-detail pre").textContent()).toContain(evil);
    expect(await page.locator(".lw-sim-lead-detail img, .lw-sim-lead-detail b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("simulation in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  it("imports the X Education CSV, runs, shows table, chart, AUC and a trace, and compares two flows", async () => {
    const { page, errors } = await openDesigner(lang);
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles(CSV);
    await expect.poll(() => page.locator(".lw-sim-runbar").textContent(), { timeout: 60_000 }).toContain("9240");
    await expect.poll(() => page.getByRole("table", { name: ui["simui.mapping"] }).getByRole("row").count()).toBeGreaterThan(30);
    await page.getByLabel(ui["simui.outcomeField"]).selectOption("converted");
    expect(await axeDrawer(page)).toEqual([]);
    // Thousands of fill-in warnings read as a few grouped lines.
    await page.locator(".lw-sim-warnings summary").click();
    expect(await page.locator(".lw-sim-warnings li").count()).toBeLessThan(10);
    expect(await page.locator(".lw-sim-warnings li").first().textContent()).toContain(fill(ui["simui.warnTimes"], { count: 9240 }));

    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    const rows = page.locator(".lw-sim-rowcount");
    await rows.waitFor({ timeout: 120_000 });
    expect(await rows.textContent()).toBe(fill(ui["simui.rows"], { shown: 9240, total: 9240 }));
    // The virtualised table renders only what is in view.
    expect(await page.locator(".lw-sim-grid tbody tr:not([aria-hidden])").count()).toBeLessThan(100);

    // Counts on the canvas.
    await expect
      .poll(() => page.locator('.react-flow__node[data-id="trigger"] .lw-card-runcount').textContent())
      .toBe(fill(ui["simui.nodeCount"], { count: 9240 }));

    // A lead's trace in plain words, its path lit on the canvas.
    await page.locator(".lw-sim-lead").first().click();
    const detail = page.locator(".lw-sim-lead-detail");
    await detail.waitFor();
    // The trace is fetched from the worker for the chosen lead: wait for it to arrive.
    await expect.poll(() => detail.locator(".lw-sim-trace li").count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const trace = (await detail.locator(".lw-sim-trace").textContent()) ?? "";
    expect(CJK.test(trace)).toBe(lang === "zh-CN");
    await expect.poll(() => page.locator(".lw-card-lit").count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator(".lw-edge-lit").count()).toBeGreaterThan(0);
    await shot(page, `simulation-${lang}`);
    expect(await axeDrawer(page)).toEqual([]);

    // Charts: per-owner chart drawn, AUC shown.
    await page.getByRole("tab", { name: ui["simui.tabCharts"] }).click();
    const ownersChart = page.getByRole("img", { name: ui["simui.chartOwners"], exact: true });
    await ownersChart.locator("canvas").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("auc").textContent()).toContain("0.783");
    await shot(page, `simulation-charts-${lang}`);
    expect(await axeDrawer(page)).toEqual([]);

    // The outbox: every rendered message, counted by channel, searchable; a lead id opens that lead's result.
    await page.getByRole("tab", { name: ui["simui.tabOutbox"] }).click();
    const totals = (await page.getByTestId("outbox-totals").textContent()) ?? "";
    const emails = Number(/\d+/.exec(totals)?.[0] ?? "0");
    expect(totals).toBe(fill(ui["simui.outboxPerChannel"], { channel: ui["channel.email"], count: emails }));
    expect(emails).toBeGreaterThan(1000);
    await shot(page, `simulation-outbox-${lang}`);
    const outboxCount = page.locator(".lw-sim-outbox-count");
    expect(await outboxCount.textContent()).toBe(fill(ui["simui.outboxCount"], { shown: emails, total: emails }));
    const firstMessage = page.locator(".lw-sim-mail").first();
    const firstLead = (await firstMessage.locator(".lw-sim-lead").textContent()) ?? "";
    expect(await firstMessage.locator(".lw-sim-mail-body").textContent()).toMatch(
      new RegExp(`^Lead ${firstLead} \\(.*score \\d+\\) is yours, (Asha|Ben|Chen)\\.$`),
    );
    await page.getByLabel(ui["simui.outboxSearch"]).fill(firstLead.toUpperCase());
    await expect.poll(() => outboxCount.textContent()).toBe(fill(ui["simui.outboxCount"], { shown: 1, total: emails }));
    await page.locator(".lw-sim-mail .lw-sim-lead").click();
    await expect.poll(() => page.locator(".lw-sim-lead-detail h3").textContent()).toContain(firstLead);
    expect(await axeDrawer(page)).toEqual([]);

    // Compare with a round-robin variant of the flow on the same leads.
    const variant: Flow = {
      ...FLOW,
      nodes: FLOW.nodes.map((n) =>
        n.id === "route" && n.type === "route" ? { ...n, config: { ...n.config, strategy: "round_robin" } } : n,
      ),
    };
    await page.evaluate((flow) => window.__leadwire?.openFlow(flow), variant);
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.getByRole("tab", { name: ui["simui.tabCompare"] }).click();
    const differ = page.locator(".lw-sim-diffcount");
    await differ.waitFor({ timeout: 120_000 });
    const count = Number(/\d+/.exec((await differ.textContent()) ?? "")?.[0] ?? "0");
    expect(count).toBeGreaterThan(0);
    expect(await page.getByRole("table", { name: ui["simui.changedLeads"] }).getByRole("row").count()).toBeGreaterThan(1);
    expect(await axeDrawer(page)).toEqual([]);

    // Switching the language re-renders a lead's trace from its codes, without running again.
    const other: Lang = lang === "en" ? "zh-CN" : "en";
    await page.getByLabel(ui["toolbar.language"]).selectOption(other);
    await page.getByRole("tab", { name: UI_TEXTS[other]["simui.tabResults"] }).click();
    await page.locator(".lw-sim-lead").first().click();
    await expect.poll(async () => CJK.test((await page.locator(".lw-sim-trace").textContent()) ?? "")).toBe(other === "zh-CN");

    // Sorting, filtering and searching the table (its rows are made as they are shown, the rest ahead of need).
    const oui = UI_TEXTS[other];
    const cells = (col: number) => page.locator(`.lw-sim-grid tbody tr:not([aria-hidden]) td:nth-child(${col})`).allTextContents();
    await page.locator(".lw-sim-grid thead th").nth(4).getByRole("button").click();
    const sortedBy = await page.locator(".lw-sim-grid thead th").nth(4).getAttribute("aria-sort");
    expect(["ascending", "descending"]).toContain(sortedBy);
    const scores = (await cells(5)).filter((c) => c !== "").map(Number);
    expect(scores.length).toBeGreaterThan(5);
    expect(scores).toEqual([...scores].sort((a, b) => (sortedBy === "ascending" ? a - b : b - a)));
    await page.locator(".lw-sim-filters select").first().selectOption("assigned");
    await expect.poll(async () => new Set(await cells(2))).toEqual(new Set([oui["simui.status.assigned"]]));
    await page.getByLabel(oui["simui.searchId"]).fill("7f");
    await expect.poll(async () => (await cells(1)).every((id) => id.toLowerCase().includes("7f"))).toBe(true);
    const shown = Number(/\d+/.exec((await rows.textContent()) ?? "")?.[0] ?? "0");
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(9240);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
