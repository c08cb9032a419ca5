// Data that sets itself up, in Chromium, in English and 简体中文: a rule's field picker makes a new lead field on the spot
// (name, kind, options), the rule uses it at once, and the lead fields list has it.
import type { ViteDevServer } from "vite";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { getFlow, openDesignerPage, selectNode } from "./designer-page";

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("designer"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("new field from a picker in $lang", ({ lang }) => {
  const forms = formTexts[lang];

  it("adds a choice field with its options and uses it in the filter's rule", { timeout: 180_000 }, async () => {
    const flow = TEMPLATES.find((t) => t.id === "value-tiers")?.flowFor(lang);
    const filter = flow?.nodes.find((n) => n.type === "filter");
    if (!flow || !filter) throw new Error("template with a filter missing");
    const { page, errors } = await openDesignerPage(browser, url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await selectNode(page, filter.id);
    const inspector = page.locator(".lw-inspector");
    const rule = inspector.locator(".lw-condition").first();
    await rule.waitFor();
    await rule.getByLabel(forms["forms.cond.field"]).selectOption({ label: forms["forms.field.new"] });
    const form = inspector.getByRole("group", { name: forms["forms.field.newTitle"] });
    await form.getByLabel(forms["forms.field.name"]).fill(lang === "en" ? "Lead source" : "线索来源");
    await form.getByLabel(forms["forms.field.kind"]).selectOption("enum");
    await form.getByLabel(forms["forms.field.options"]).fill("Web, Event, Partner");
    expect(await seriousViolations(page, ".lw-inspector")).toEqual([]);
    await form.getByRole("button", { name: forms["forms.field.add"] }).click();

    await expect
      .poll(async () => (await getFlow(page)).fields.find((f) => f.type === "enum" && f.options?.includes("Partner"))?.key)
      .toBeTruthy();
    const made = (await getFlow(page)).fields.find((f) => f.options?.includes("Partner"));
    expect(made).toMatchObject({ label: lang === "en" ? "Lead source" : "线索来源", type: "enum", options: ["Web", "Event", "Partner"] });
    const rules = (await getFlow(page)).nodes.find((n) => n.id === filter.id);
    expect(JSON.stringify(rules)).toContain(`"field":"${made?.key}"`);
    // The rule now offers the new field's options as chips.
    await expect.poll(() => rule.getByRole("button", { name: "Partner" }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
