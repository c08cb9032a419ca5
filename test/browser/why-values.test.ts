// The why quotes the lead's own values, in Chromium, in English and 简体中文: a run on imported leads, one lead opened,
// each score rule and the grade filter show what this lead had ("(this lead: 730)").
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession } from "./designer-session";
import { openDesignerPage } from "./designer-page";

const session = designerSession();

const seen = { en: (v: string) => `(this lead: ${v})`, "zh-CN": (v: string) => `（此线索：${v}）` };

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("the why with the lead's values in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  it("shows each rule's line with what this lead had", { timeout: 180_000 }, async () => {
    const flow = TEMPLATES.find((t) => t.id === "value-tiers")?.flowFor(lang);
    if (!flow) throw new Error("template missing");
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    const csv = "id,createdAt,employees,demoRequested,pageViews,email\nL-730,2026-03-02T10:00:00Z,730,yes,7,cfo@acme.example\n";
    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("table", { name: ui["simui.mapping"] }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.locator(".lw-sim-lead", { hasText: "L-730" }).first().click({ timeout: 60_000 });
    const why = page.locator(".lw-sim-trace");
    await why.waitFor({ timeout: 30_000 });
    const lines = await why.locator("li").allTextContents();
    // Employees ≥ 500 gave its points for 730; per page view 7 of them; the demo asked; the grade filter saw A.
    expect(lines.some((l) => l.includes(seen[lang]("730")) && l.includes("+"))).toBe(true);
    expect(lines.some((l) => l.includes(seen[lang]("7")))).toBe(true);
    expect(lines.some((l) => l.includes(seen[lang](lang === "en" ? "yes" : "是")))).toBe(true);
    expect(lines.some((l) => l.includes(seen[lang]("A")))).toBe(true);
    expect(await seriousViolations(page, ".lw-sim-lead-detail")).toEqual([]);
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await why.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screenshots/why-values-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await why.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screenshots/why-values-1280-${lang}.png` });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
