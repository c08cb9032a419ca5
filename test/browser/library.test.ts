// The flow library in Chromium with real IndexedDB: reload and a reopened profile keep the flow; publish/compare/restore/undo;
// export → import as new is identical; a broken import changes nothing; two tabs see a conflict banner (in 简体中文) and lose nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ViteDevServer } from "vite";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { normaliseForCompare } from "../../src/storage";
import { TEMPLATES } from "../../src/templates";
import { getFlow } from "./designer-page";
import { startDevServer } from "./dev-server";
import { seriousViolations } from "./axe";
import { launchPersistentChromium } from "./library-chromium";

const ui = UI_TEXTS.en;
const forms = formTexts.en;
let server: ViteDevServer;
let url = "";
let profile = "";
let context: BrowserContext;
const pageErrors: string[] = [];
const watched = new WeakSet<Page>();

// IndexedDB, autosave (500 ms) and live lists take a moment on a busy machine: poll for up to 15 s.
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });

beforeAll(async () => {
  // No HMR: a file saved in the tree mid-test must not reload the tabs (a reload would hide a missed conflict).
  ({ server, url } = await startDevServer("library", { hmr: false }));
  profile = mkdtempSync(join(tmpdir(), "leadwire-profile-"));
  context = await launchPersistentChromium(profile);
});

afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function firstPage(ctx: BrowserContext): Promise<Page> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  if (!watched.has(page)) page.on("pageerror", (e) => pageErrors.push(e.message));
  watched.add(page);
  return page;
}

async function waitForDesigner(page: Page): Promise<void> {
  await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
}

const savedRevision = async (page: Page): Promise<number> => Number(await page.locator(".lw-save").getAttribute("data-revision"));

/** Waits until everything is saved; with `after`, until a save past that revision happened (no race with the debounce). */
async function waitSaved(page: Page, after?: number): Promise<void> {
  await expect.poll(() => page.locator(".lw-save").getAttribute("data-status"), { timeout: 20_000 }).toBe("saved");
  if (after !== undefined) await expect.poll(() => savedRevision(page), { timeout: 20_000 }).toBeGreaterThan(after);
}

const entry = (page: Page, type: string) => page.locator(`.lw-palette-entry[data-node-type="${type}"]`);

describe("flow library in the browser", () => {
  let flowId = "";

  it(
    "keeps a small flow through a reload and through closing and reopening the browser profile (same viewport)",
    { timeout: 240_000 },
    async () => {
      let page = await firstPage(context);
      await page.goto(`${url}#/new`);
      await waitForDesigner(page);
      const start = await savedRevision(page);
      await page.getByLabel(ui["toolbar.flowName"]).fill("Library journey");
      await entry(page, "trigger").click();
      await entry(page, "filter").click();
      // Zoom the canvas so the viewport differs from the default, then wait for the autosave.
      await page.getByRole("button", { name: ui["canvas.zoomOut"] }).click();
      await page.waitForTimeout(400);
      await waitSaved(page, start);
      const built = await getFlow(page);
      flowId = built.id;
      expect(built.nodes.map((n) => n.type)).toEqual(["trigger", "filter"]);
      expect(page.url()).toContain(`#/flow/${flowId}`);
      const zoom = (built as { ui?: { viewport?: { zoom: number } } }).ui?.viewport?.zoom ?? 1;
      expect(zoom).toBeLessThan(1);
      const transform = () => page.locator(".react-flow__viewport").evaluate((el) => (el as HTMLElement).style.transform);

      await page.reload();
      await waitForDesigner(page);
      await expect.poll(async () => normaliseForCompare(await getFlow(page))).toBe(normaliseForCompare(built));
      expect((await getFlow(page)).id).toBe(flowId);
      expect(await transform()).toContain(`scale(${zoom})`);

      await context.close();
      context = await launchPersistentChromium(profile);
      page = await firstPage(context);
      await page.goto(url);
      await waitForDesigner(page);
      expect(await getFlow(page)).toEqual(built);
    },
  );

  it(
    "publishes a template flow, changes it, compares with the version, restores it and undoes the restore",
    { timeout: 180_000 },
    async () => {
      const page = await firstPage(context);
      await page.goto(`${url}#/`);
      const template = TEMPLATES[0];
      if (!template) throw new Error("no template");
      await expect
        .poll(() =>
          page
            .getByRole("table")
            .getByRole("link", { name: ui["library.open"].replace("{name}", "Library journey") })
            .count(),
        )
        .toBe(1);
      await page.locator(`.lw-template[data-template="${template.id}"]`).getByRole("button", { name: ui["library.useThis"] }).click();
      await waitForDesigner(page);
      const original = await getFlow(page);

      await page.getByRole("button", { name: ui["versions.publish"], exact: true }).click();
      await page.getByLabel(ui["versions.note"]).fill("First cut");
      await page.getByRole("button", { name: ui["versions.publishNow"] }).click();
      await expect.poll(() => page.getByText(ui["versions.published"].replace("{version}", "1")).isVisible()).toBe(true);
      await page.getByRole("dialog").getByRole("button", { name: forms["forms.dialog.close"] }).click();

      // A change: the last node deleted.
      const last = original.nodes[original.nodes.length - 1];
      if (!last) throw new Error("empty template");
      const published = await savedRevision(page);
      await page.locator(`.react-flow__node[data-id="${last.id}"] .lw-card-name`).click();
      await page.keyboard.press("Delete");
      await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(original.nodes.length - 1);
      await waitSaved(page, published);

      await page.getByRole("button", { name: ui["versions.history"] }).click();
      const history = page.getByRole("dialog", { name: ui["versions.history"] });
      await expect.poll(() => history.getByText("First cut").isVisible()).toBe(true);
      await history.getByRole("button", { name: ui["versions.compare"].replace("{version}", "1") }).click();
      await expect
        .poll(() =>
          history
            .getByText(ui["versions.removed"].replace("{items}", last.label ?? last.id))
            .first()
            .isVisible(),
        )
        .toBe(true);
      await history.getByRole("button", { name: ui["versions.restore"].replace("{version}", "1") }).click();
      await expect
        .poll(async () => normaliseForCompare(await getFlow(page)))
        .toBe(normaliseForCompare({ ...original, ui: (await getFlow(page)).ui }));
      await history.getByRole("button", { name: forms["forms.dialog.close"] }).click();
      await page.getByRole("button", { name: ui["toolbar.undo"], exact: true }).click();
      expect((await getFlow(page)).nodes.map((n) => n.id)).not.toContain(last.id);
      await page.getByRole("button", { name: ui["toolbar.redo"], exact: true }).click();
      expect((await getFlow(page)).nodes.map((n) => n.id)).toContain(last.id);
      await waitSaved(page);
    },
  );

  it(
    "exports a flow and imports it as a new flow: the same document; a broken file shows errors in words and changes nothing",
    { timeout: 180_000 },
    async () => {
      const page = await firstPage(context);
      const exported = await getFlow(page);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: ui["io.export"] }).click()]);
      const file = await download.path();
      const text = readFileSync(file, "utf8");
      expect(text.startsWith('{\n  "$schema"')).toBe(true);

      await page.goto(`${url}#/`);
      const rows = page.locator(".lw-flow-table tbody tr");
      await expect.poll(() => rows.count()).toBe(2);
      await page
        .getByLabel(ui["library.importFile"])
        .setInputFiles({ name: "flow.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await waitForDesigner(page);
      const imported = await getFlow(page);
      expect(imported.id).not.toBe(exported.id);
      expect(normaliseForCompare(imported)).toBe(normaliseForCompare(text));

      await page.goto(`${url}#/`);
      await expect.poll(() => rows.count()).toBe(3);
      await page.getByLabel(ui["library.search"]).fill("journey");
      await expect.poll(() => rows.count()).toBe(1);
      await page.getByLabel(ui["library.search"]).fill("");
      await expect.poll(() => rows.count()).toBe(3);
      const before = await rows.allInnerTexts();
      await page.getByRole("button", { name: ui["library.importPaste"] }).click();
      await page.getByLabel(ui["library.pasteLabel"]).fill(
        JSON.stringify({
          format: "leadwire.flow",
          version: 2,
          id: "bad",
          name: "Bad",
          settings: { timezone: "UTC" },
          fields: [],
          teams: [],
          nodes: [{ id: "r", type: "route", label: "Senior reps", position: { x: 0, y: 0 }, config: { team: 5, strategy: "round_robin" } }],
          edges: [],
        }),
      );
      await page.getByRole("button", { name: ui["library.pasteImport"] }).click();
      const problems = page.getByRole("dialog").getByRole("alert");
      await expect.poll(() => problems.innerText()).toContain(ui["library.importFailed"]);
      // Where, in words: the step by its name and the setting, never a JSON path.
      expect(await problems.innerText()).toContain(`${ui["diff.key.nodes"]} “Senior reps” › ${ui["diff.key.team"]}`);
      expect(await problems.innerText()).not.toMatch(/\$\.|config\.|\[0\]|\(node /);
      await page.getByRole("dialog").getByRole("button", { name: forms["forms.dialog.close"] }).click();
      expect(await rows.allInnerTexts()).toEqual(before);

      // Delete to the trash and restore from there.
      const name = imported.name;
      await page
        .getByRole("button", { name: ui["library.trash"].replace("{name}", name) })
        .first()
        .click();
      await expect.poll(() => rows.count()).toBe(2);
      await page.getByRole("link", { name: ui["library.trashView"] }).click();
      await page.getByRole("button", { name: ui["library.restore"].replace("{name}", name) }).click();
      await page.getByRole("link", { name: ui["library.backHome"] }).click();
      await expect.poll(() => rows.count()).toBe(3);

      if (process.env.LEADWIRE_SCREENSHOTS === "1") await page.screenshot({ path: "docs/screenshots/library-en.png" });
      // The home screen has no serious or critical accessibility violation.
      expect(await seriousViolations(page)).toEqual([]);

      // A file dropped on the home screen is imported as a new flow too.
      await page.evaluate((json) => {
        const data = new DataTransfer();
        data.items.add(new File([json], "dropped.json", { type: "application/json" }));
        document.querySelector(".lw-home")?.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }, text);
      await waitForDesigner(page);
      expect(normaliseForCompare(await getFlow(page))).toBe(normaliseForCompare(text));
    },
  );
});

describe("two tabs on one flow, in 简体中文", () => {
  const zh = UI_TEXTS["zh-CN"];

  it("shows the second tab a conflict banner and loses nothing", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "leadwire-tabs-"));
    const ctx = await launchPersistentChromium(dir, "zh-CN");
    try {
      const a = await firstPage(ctx);
      await a.goto(`${url}#/new`);
      await waitForDesigner(a);
      const opened = await savedRevision(a);
      await a.getByLabel(zh["toolbar.flowName"]).fill("甲");
      await waitSaved(a, opened);
      const href = a.url();
      const b = await ctx.newPage();
      await b.goto(href);
      await waitForDesigner(b);
      expect((await getFlow(b)).name).toBe("甲");

      const before = await savedRevision(a);
      await a.getByLabel(zh["toolbar.flowName"]).fill("甲 改过");
      await waitSaved(a, before);
      await b.bringToFront();
      const banner = b.getByRole("alert").filter({ hasText: zh["save.external.draft"] });
      await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(true);
      // B edits anyway: its save is refused, never written over A's.
      await b.getByLabel(zh["toolbar.flowName"]).fill("乙的版本");
      await expect.poll(() => b.locator(".lw-save").getAttribute("data-status"), { timeout: 20_000 }).toBe("conflict");
      await b.getByRole("button", { name: zh["save.keepCopy"] }).click();
      await expect.poll(() => b.url()).not.toBe(href);
      await waitForDesigner(b);
      expect((await getFlow(b)).name).toContain("乙的版本");
      await b.goto(`${url}#/`);
      const names = b.locator(".lw-flow-table tbody tr td:first-child");
      await expect
        .poll(async () => (await names.allInnerTexts()).sort(), { timeout: 10_000 })
        .toEqual(["乙的版本（我的副本）", "甲 改过"].sort());
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
