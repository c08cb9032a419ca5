// The advanced expression editor in Chromium, on the production build (as a user gets it): Monaco is not loaded until the
// editor opens; field names autocomplete; a half-typed expression gets an error marker at its position and the node's
// badge, is kept exactly as typed (spaces included: Monaco's EditContext input once lost them to the canvas' pan key)
// through closing the editor and a reload, and the flow still saves.
import type { EngineCode } from "../../src/engine";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate, type Flow, type Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { launchChromium } from "./chromium";
import { errorBadge, getFlow, getIssues, openDesignerPage, selectNode } from "./designer-page";

const FLOW: Flow = {
  format: "leadwire.flow",
  version: 2,
  id: "f_expr",
  name: "Expression journey",
  description: "",
  settings: { timezone: "UTC", seed: 1 },
  fields: [
    { key: "country", label: "Country", type: "string" },
    { key: "employees", label: "Employees", type: "number" },
  ],
  teams: [],
  nodes: [
    { id: "n1", type: "trigger", label: "Web", position: { x: 0, y: 80 }, config: { sources: [] } },
    { id: "n2", type: "filter", label: "Big companies", position: { x: 300, y: 80 }, config: { conditions: { op: "all", rules: [] } } },
  ],
  edges: [{ id: "e1", source: "n1", sourcePort: "out", target: "n2" }],
};

let out = "";
let server: PreviewServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "leadwire-expression-web-"));
  await build({ logLevel: "warn", build: { outDir: out, emptyOutDir: true, sourcemap: false } });
  server = await preview({ preview: { port: 0, host: "127.0.0.1" }, build: { outDir: out }, logLevel: "warn" });
  url = server.resolvedUrls?.local[0] ?? "";
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.httpServer.close(resolve));
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Scripts the page has fetched whose name says Monaco (its editor API, contributions or worker). */
const monacoScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((r) => r.name)
      .filter((n) => /editor\.(api|all|worker)|monaco/i.test(n)),
  );

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("expression editor in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const forms = formTexts[lang];

  it(
    "loads Monaco only when opened, completes field names, marks a half-typed expression and keeps it as typed",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openDesignerPage(browser, url, { lang, flow: FLOW });
      await page.locator('.react-flow__node[data-id="n2"]').waitFor();
      expect(await monacoScripts(page)).toEqual([]);

      // A new advanced-expression rule opens the code editor; only now does Monaco arrive.
      await selectNode(page, "n2");
      const inspector = page.locator(".lw-inspector");
      await inspector.getByRole("button", { name: forms["forms.cond.addExpression"] }).click();
      const editor = inspector.locator(".monaco-editor");
      await editor.waitFor({ timeout: 60_000 });
      expect((await monacoScripts(page)).length).toBeGreaterThan(0);

      // Autocomplete offers the flow's fields.
      await editor.locator(".view-lines").click();
      await page.keyboard.type("emp");
      await page.keyboard.press("Control+Space");
      const suggestions = page.locator(".monaco-editor .suggest-widget");
      await expect.poll(() => suggestions.textContent(), { timeout: 20_000 }).toContain("employees");
      await page.keyboard.press("Enter");
      await expect
        .poll(async () => (await getFlow(page)).nodes[1]?.config)
        .toMatchObject({ conditions: { rules: [{ expr: "employees" }] } });

      // Half-typed: an error marker where the expression stops, the node's error badge, the engine's message in the user's language.
      await page.keyboard.type(" > ");
      const squiggle = editor.locator(".squiggly-error");
      await squiggle.first().waitFor({ timeout: 20_000 });
      await expect.poll(() => errorBadge(page, "n2").count()).toBe(1);
      const text = await editor.locator(".view-line").first().boundingBox();
      const mark = await squiggle.first().boundingBox();
      if (!text || !mark) throw new Error("editor text or marker not laid out");
      const typedWidth = await editor
        .locator(".view-line span span")
        .evaluateAll((spans) => spans.reduce((w, s) => w + s.getBoundingClientRect().width, 0));
      expect(mark.x).toBeGreaterThan(text.x + typedWidth * 0.6); // at the end of "employees > ", not over the field name
      const issue = (await getIssues(page)).find((i) => i.nodeId === "n2" && i.severity === "error");
      expect(issue).toBeDefined();
      const message = translate((issue?.code ?? "") as EngineCode, issue?.params ?? {}, lang);
      await expect.poll(() => inspector.textContent()).toContain(message);

      // Kept exactly as typed: in the document, in the plain box after closing the editor, and after a reload.
      expect((await getFlow(page)).nodes[1]?.config).toMatchObject({ conditions: { rules: [{ expr: "employees > " }] } });
      await inspector.getByRole("button", { name: forms["forms.expr.close"] }).click();
      await expect.poll(() => inspector.getByRole("textbox", { name: forms["forms.expr.label"] }).inputValue()).toBe("employees > ");
      await expect.poll(() => page.getByText(ui["save.saved"]).count(), { timeout: 20_000 }).toBe(1);
      await page.reload();
      await page.locator('.react-flow__node[data-id="n2"]').waitFor({ timeout: 60_000 });
      expect((await getFlow(page)).nodes[1]?.config).toMatchObject({ conditions: { rules: [{ expr: "employees > " }] } });
      await expect.poll(() => errorBadge(page, "n2").count()).toBe(1);

      // Finishing the expression clears the badge.
      await selectNode(page, "n2");
      const box = inspector.getByRole("textbox", { name: forms["forms.expr.label"] });
      await box.click();
      await box.press("End");
      await page.keyboard.type("50");
      await expect.poll(() => errorBadge(page, "n2").count()).toBe(0);
      expect((await getFlow(page)).nodes[1]?.config).toMatchObject({ conditions: { rules: [{ expr: "employees > 50" }] } });
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
