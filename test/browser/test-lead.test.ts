// Test one lead, in Chromium, in English and 简体中文: the form lists the flow's fields (a choice as a select), Test runs the
// flow on that lead at once — no file — the canvas lights its path and the why shows with the lead's values.
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession } from "./designer-session";
import { node, openDesignerPage } from "./designer-page";

const session = designerSession();

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("test one lead in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  it("fills the flow's fields, tests, lights the path and shows the why", { timeout: 180_000 }, async () => {
    const base = TEMPLATES.find((t) => t.id === "value-tiers")?.flowFor(lang);
    if (!base) throw new Error("template missing");
    // A choice field too, so the form offers its options as a select.
    const flow = {
      ...base,
      fields: [
        ...base.fields,
        { key: "region", label: lang === "en" ? "Region" : "区域", type: "enum" as const, options: ["EMEA", "APAC"] },
      ],
    };
    const label = (key: string) => flow.fields.find((f) => f.key === key)?.label ?? key;
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    await page.getByRole("tab", { name: ui["testlead.tab"] }).click();
    const form = page.getByRole("form", { name: ui["testlead.title"] });
    await form.waitFor();
    expect(await form.getByLabel(label("region"), { exact: true }).evaluate((el) => el.tagName)).toBe("SELECT");
    await form.getByLabel(label("region"), { exact: true }).selectOption("APAC");
    await form.getByLabel(label("employees"), { exact: true }).fill("730");
    await form.getByLabel(label("demoRequested"), { exact: true }).selectOption("true");
    await form.getByLabel(label("pageViews"), { exact: true }).fill("9");
    await form.getByLabel(label("email"), { exact: true }).fill("cfo@acme.example");
    await form.getByRole("button", { name: ui["testlead.test"] }).click();

    // The path is lit: the trigger, the score, the grade filter and the senior route, with nothing lit off the path.
    await node(page, "seniors").locator(".lw-card-lit").waitFor({ timeout: 60_000 });
    expect(await node(page, "pool").locator(".lw-card-lit").count()).toBe(0);
    const why = page.locator(".lw-testlead .lw-sim-trace");
    await why.waitFor({ timeout: 30_000 });
    const text = (await why.textContent()) ?? "";
    expect(text).toContain(lang === "en" ? "(this lead: 730)" : "（此线索：730）");
    expect(await seriousViolations(page, ".lw-sim")).toEqual([]);
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await page.screenshot({ path: `docs/screenshots/test-lead-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `docs/screenshots/test-lead-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }

    // Another lead, small this time: the pool takes it, and the why says why.
    await form.getByLabel(label("employees"), { exact: true }).fill("12");
    await form.getByLabel(label("demoRequested"), { exact: true }).selectOption("false");
    await form.getByLabel(label("pageViews"), { exact: true }).fill("1");
    await form.getByRole("button", { name: ui["testlead.test"] }).click();
    await node(page, "pool").locator(".lw-card-lit").waitFor({ timeout: 60_000 });
    await expect.poll(() => why.textContent()).toContain(lang === "en" ? "(this lead: 12)" : "（此线索：12）");
    expect(await node(page, "seniors").locator(".lw-card-lit").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
