// The browser and the CLI agree: what a user runs in the Leads & Run panel (an imported CSV, or generated leads) and
// exports as JSON equals `leadwire run` on the flow the user exported and the same leads — with a seed-dependent route.
import { execFileSync } from "node:child_process";
import Papa from "papaparse";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFlow, type Flow } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { generateLeads } from "../../src/simulation";
import { templateById } from "../../src/templates";
import { launchChromium } from "./chromium";
import { openDesignerPage } from "./designer-page";
import { startDevServer } from "./dev-server";

const CSV = "../shared/data/x-education/leads.csv";
const ui = UI_TEXTS.en;

/** The X Education fixture with a random weighted route, so the flow's seed decides who gets each lead. */
function xEducationRandom(): Flow {
  const flow = JSON.parse(readFileSync("test/fixtures/x-education.flow.json", "utf8")) as Flow;
  return {
    ...flow,
    settings: { ...flow.settings, seed: 11 },
    nodes: flow.nodes.map((n) =>
      n.id === "route" && n.type === "route" ? { ...n, config: { ...n.config, strategy: "random_weighted" } } : n,
    ),
  };
}

/** The daily-caps template with weighted random picks, a per-rep daily cap leads reach, and a fixed reference time. */
function cappedRandom(): Flow {
  const template = templateById("daily-caps");
  if (!template) throw new Error("the daily-caps template is missing");
  const flow = structuredClone(template.flow);
  const weights: Record<string, number> = { lin: 3, mei: 2, ning: 1 };
  return {
    ...flow,
    settings: { ...flow.settings, seed: 5, referenceTime: "2026-03-02T10:00:00Z" },
    teams: flow.teams.map((t) => (t.id === "reps" ? { ...t, members: t.members.map((m) => ({ ...m, weight: weights[m.id] ?? 1 })) } : t)),
    nodes: flow.nodes.map((n) => {
      if (n.id === "in-turn" && n.type === "route") return { ...n, config: { ...n.config, strategy: "random_weighted" as const } };
      if (n.id === "daily-cap" && n.type === "cap") return { ...n, config: { ...n.config, limit: 50 } };
      return n;
    }),
  };
}

let server: ViteDevServer;
let browser: Browser;
let url = "";
let tmp = "";

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "leadwire-sim-cli-"));
  ({ server, url } = await startDevServer("simulation-cli"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openDesigner(flow: Flow): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openDesignerPage(browser, url, { flow, acceptDownloads: true });
  await page.getByRole("button", { name: ui["simui.title"] }).click();
  return { page, errors };
}

/** Clicks a button that downloads a file, saves the file in the temp dir and returns its path. */
async function downloadVia(page: Page, button: ReturnType<Page["getByRole"]>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
  const path = join(tmp, name);
  await download.saveAs(path);
  return path;
}

async function runAndExport(page: Page, total: number, name: string): Promise<{ flowFile: string; resultsFile: string }> {
  await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
  const rows = page.locator(".lw-sim-rowcount");
  await rows.waitFor({ timeout: 180_000 });
  expect(await rows.textContent()).toContain(String(total));
  const resultsFile = await downloadVia(page, page.getByRole("button", { name: ui["simui.exportJson"] }), `${name}-browser.json`);
  const flowFile = await downloadVia(page, page.getByRole("button", { name: ui["io.export"], exact: true }), `${name}.flow.json`);
  return { flowFile, resultsFile };
}

interface ResultsDoc {
  summary: unknown;
  leads: { id: string; status: string; owner?: string; trace?: { text: string }[] }[];
  state: unknown;
  importWarnings?: unknown[];
}

function runCli(flowFile: string, leadsFile: string, name: string, extra: readonly string[] = []): ResultsDoc {
  const out = join(tmp, `${name}-cli.json`);
  execFileSync(process.execPath, ["bin/leadwire.mjs", "run", flowFile, leadsFile, "--out", out, ...extra], {
    stdio: "pipe",
    timeout: 120_000,
  });
  return JSON.parse(readFileSync(out, "utf8")) as ResultsDoc;
}

function expectSameResults(browserDoc: ResultsDoc, cliDoc: ResultsDoc): void {
  expect(browserDoc.leads).toHaveLength(cliDoc.leads.length);
  // Outcome by outcome first, so a difference names its lead rather than drowning in a 10,000-line diff.
  const firstDiff = browserDoc.leads.findIndex((o, i) => JSON.stringify(o) !== JSON.stringify(cliDoc.leads[i]));
  expect(firstDiff === -1 ? null : { browser: browserDoc.leads[firstDiff], cli: cliDoc.leads[firstDiff] }).toBeNull();
  expect(browserDoc.leads).toEqual(cliDoc.leads);
  expect(browserDoc.summary).toEqual(cliDoc.summary);
  expect(browserDoc.state).toEqual(cliDoc.state);
  // The CLI always lists the import warnings; the browser's export carries them when there are any.
  expect(browserDoc.importWarnings ?? []).toEqual(cliDoc.importWarnings ?? []);
}

/** Owners that got at least one lead: a random pick that always chose one rep would make the comparison weak. */
const owners = (doc: ResultsDoc) => new Set(doc.leads.map((o) => o.owner).filter((o) => o !== undefined));

describe("simulation in the browser equals the CLI", () => {
  it("for the X Education CSV imported through the file picker, with a random weighted route", async () => {
    const { page, errors } = await openDesigner(xEducationRandom());
    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles(CSV);
    await expect.poll(() => page.locator(".lw-sim-runbar").textContent(), { timeout: 60_000 }).toContain("9240");
    const { flowFile, resultsFile } = await runAndExport(page, 9240, "x-education");

    const exported = loadFlow(readFileSync(flowFile, "utf8"));
    expect(exported.nodes.find((n) => n.id === "route")?.config).toMatchObject({ strategy: "random_weighted" });
    const browserDoc = JSON.parse(readFileSync(resultsFile, "utf8")) as ResultsDoc;
    const cliDoc = runCli(flowFile, CSV, "x-education");
    expect(cliDoc.leads).toHaveLength(9240);
    expect(owners(cliDoc).size).toBeGreaterThanOrEqual(3);
    expectSameResults(browserDoc, cliDoc);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it("for 2,000 generated leads (count and seed typed in the panel) through random picks, a daily cap and a fallback queue", async () => {
    const { page, errors } = await openDesigner(cappedRandom());
    await page.getByLabel(ui["simui.count"]).fill("2000");
    await page.getByLabel(ui["simui.seed"]).fill("7");
    await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
    await expect.poll(() => page.locator(".lw-sim-runbar").textContent()).toContain("2000");
    const { flowFile, resultsFile } = await runAndExport(page, 2000, "daily-caps");

    // The same leads in Node, from the flow the browser ran and the same seed, written as a JSON file for the CLI.
    const flow = loadFlow(readFileSync(flowFile, "utf8"));
    const leadsFile = join(tmp, "generated-leads.json");
    writeFileSync(leadsFile, JSON.stringify(generateLeads(flow, 2000, { seed: 7 })));
    const browserDoc = JSON.parse(readFileSync(resultsFile, "utf8")) as ResultsDoc;
    const cliDoc = runCli(flowFile, leadsFile, "daily-caps");
    expect(cliDoc.leads).toHaveLength(2000);
    // Every branch is taken: picks spread over the reps, and the cap sends some leads to the fallback queue.
    expect(owners(cliDoc)).toEqual(new Set(["lin", "mei", "ning", "sales-queue"]));
    expectSameResults(browserDoc, cliDoc);

    // The CSV's trace column (each lead's first trace line, asked of the worker that keeps the traces) equals the CLI's.
    const csvFile = await downloadVia(page, page.getByRole("button", { name: ui["simui.exportCsv"] }), "daily-caps-browser.csv");
    const rows = Papa.parse<string[]>(readFileSync(csvFile, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    const traced = runCli(flowFile, leadsFile, "daily-caps-traced", ["--trace"]);
    expect(rows.slice(1).map((r) => [r[0], r[9]])).toEqual(traced.leads.map((o) => [o.id, o.trace?.[0]?.text ?? ""]));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
