// A manager's first visit, in Chromium, in English and 简体中文: the home screen with a welcome and the template gallery (each
// with a picture of its flow), never an error; a template opens in the designer with a calm issues bar; a bare URL then
// reopens that flow; an empty flow shows how to start instead of a red error count.
import { mkdirSync } from "node:fs";
import type { ViteDevServer } from "vite";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { getFlow, mod, openDesignerPage, selectNode } from "./designer-page";

const SHOTS = process.env.LEADWIRE_SCREENSHOTS === "1" ? "docs/screenshots" : null;

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("designer"));
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("first visit in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  it("opens home with the templates, starts one, and comes back to it", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === "zh-CN" ? "zh-CN" : "en-US" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);

    // Home, not an empty flow: a welcome and every template with its picture.
    await page.getByRole("heading", { name: ui["library.welcome"], level: 1 }).waitFor({ timeout: 90_000 });
    expect(page.url()).toMatch(/#\/$/);
    const cards = page.locator(".lw-template");
    expect(await cards.count()).toBe(TEMPLATES.length);
    expect(await page.locator(".lw-template svg.lw-flow-picture").count()).toBe(TEMPLATES.length);
    // The round-robin template's picture draws its nodes and edges.
    const rr = page.locator('.lw-template[data-template="round-robin"]');
    const template = TEMPLATES.find((t) => t.id === "round-robin");
    expect(template).toBeDefined();
    expect(await rr.locator("svg .lw-flow-picture-card").count()).toBe(template?.flow.nodes.length);
    expect(await rr.locator("svg .lw-flow-picture-edge").count()).toBe(template?.flow.edges.length);
    expect(await page.locator(".lw-import-problems, .lw-severity-error").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/home-first-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `${SHOTS}/home-first-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }

    // Start the template: the designer opens with its nodes, in this language, with nothing wrong.
    const name = template?.name[lang] ?? "";
    const use = rr.getByRole("button", { name: ui["library.useThis"] });
    expect(await use.evaluate((el) => el.textContent)).toBe(ui["library.useThis"] + fill(ui["library.useThisName"], { name }));
    await use.click();
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(template?.flow.nodes.length);
    const flowUrl = page.url();
    expect(flowUrl).toContain("#/flow/");
    await expect.poll(() => page.locator(".lw-problems-count").textContent()).toBe(ui["issues.ok"]);
    expect((await getFlow(page)).name).toBe(name);

    // A bare URL now continues with that flow.
    await page.goto(url);
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    expect(page.url()).toBe(flowUrl);

    // An empty flow: the canvas says how to start; the issues bar is calm, not a red count.
    await page.goto(`${url}#/new`);
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator(".lw-problems-count").textContent()).toBe(ui["issues.empty"]);
    expect(await page.locator(".lw-problems-bar .lw-severity-error").count()).toBe(0);

    // Home again: the flows are listed now, the gallery below them.
    await page.goto(`${url}#/`);
    await page.getByRole("heading", { name: ui["library.title"], level: 1 }).waitFor();
    await expect.poll(() => page.locator(".lw-flow-table tbody tr").count()).toBe(2);
    expect(await page.locator(".lw-template").count()).toBe(TEMPLATES.length);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("asks before deleting more than three steps, not for one", { timeout: 180_000 }, async () => {
    const template = TEMPLATES.find((t) => t.id === "value-tiers");
    if (!template) throw new Error("value-tiers template missing");
    const flow = template.flowFor(lang);
    const { page, errors } = await openDesignerPage(browser, url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(flow.nodes.length);
    expect(flow.nodes.length).toBeGreaterThan(3);

    // One step: deleted at once.
    const last = flow.nodes[flow.nodes.length - 1]?.id ?? "";
    await selectNode(page, last);
    await page.keyboard.press("Delete");
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(flow.nodes.length - 1);
    expect(await page.getByRole("dialog").count()).toBe(0);

    // Everything: a question first; Cancel keeps them, the red button deletes them, Undo brings them back.
    await page.keyboard.press(mod("a"));
    await page.keyboard.press("Delete");
    const count = flow.nodes.length - 1;
    const dialog = page.getByRole("dialog", { name: ui["confirm.deleteNodesTitle"] });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(fill(ui["confirm.deleteNodes"], { count }));
    expect(await seriousViolations(page, ".lw-dialog")).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/confirm-delete-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `${SHOTS}/confirm-delete-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await dialog.getByRole("button", { name: formTexts[lang]["forms.dialog.cancel"] }).click();
    expect((await getFlow(page)).nodes.length).toBe(count);
    await page.keyboard.press("Delete");
    await dialog.getByRole("button", { name: fill(ui["confirm.deleteNodesYes"], { count }) }).click();
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(0);
    await page.keyboard.press(mod("z"));
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(count);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("names a refused import's problem by the step's name, never a JSON path", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === "zh-CN" ? "zh-CN" : "en-US" });
    await context.addInitScript((l) => window.localStorage.setItem("leadwire.lang", l), lang);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}#/`);
    await page.getByRole("button", { name: ui["library.importPaste"] }).click({ timeout: 90_000 });
    const bad = {
      format: "leadwire.flow",
      version: 2,
      id: "bad",
      name: "Bad",
      settings: { timezone: "UTC" },
      fields: [],
      teams: [],
      nodes: [{ id: "r", type: "route", label: "Senior reps", position: { x: 0, y: 0 }, config: { team: 5, strategy: "round_robin" } }],
      edges: [],
    };
    await page.getByLabel(ui["library.pasteLabel"]).fill(JSON.stringify(bad));
    await page.getByRole("button", { name: ui["library.pasteImport"] }).click();
    const problems = page.getByRole("dialog").getByRole("alert");
    await expect.poll(() => problems.innerText()).toContain(`${ui["diff.key.nodes"]} “Senior reps” › ${ui["diff.key.team"]}`);
    expect(await problems.innerText()).not.toMatch(/\$\.|config\.|\[0\]|\(node /);
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/import-problem-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `${SHOTS}/import-problem-1280-${lang}.png` });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
