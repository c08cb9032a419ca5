// Compare opens with the counts, in Chromium, in English and 简体中文: after a manager changes a route and runs again, the
// first thing under Compare is leads per owner and per grade, before and after; the reshuffled leads are listed below.
import { describe, expect, it } from "vitest";
import { messagesFor, type Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession } from "./designer-session";
import { openDesignerPage, selectNode } from "./designer-page";

const session = designerSession();

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("compare in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const engine = messagesFor(lang);

  it("opens with leads per owner and per grade before and after, then the changed leads", { timeout: 240_000 }, async () => {
    const flow = TEMPLATES.find((t) => t.id === "value-tiers")?.flowFor(lang);
    if (!flow) throw new Error("template missing");
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    await page.getByLabel(ui["simui.count"]).fill("200");
    await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
    const run = page.getByRole("button", { name: ui["simui.run"], exact: true });
    await run.click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });

    // The manager lets the rep pool take leads at weighted random instead of in turn, and runs again.
    await selectNode(page, "pool");
    const strategy = page.locator(".lw-inspector").getByRole("group", { name: formTexts[lang]["forms.route.strategy"] });
    const randomName = engine["strategy.random_weighted"] ?? "";
    await strategy.getByRole("radio", { name: new RegExp(`^${randomName}`, "i") }).check();
    await run.click();
    await page.getByRole("tab", { name: ui["simui.tabCompare"] }).click();

    const owners = page.getByRole("table", { name: ui["simui.ownerDeltas"] });
    await owners.waitFor({ timeout: 120_000 });
    const grades = page.getByRole("table", { name: ui["simui.gradeDeltas"] });
    const rows = async (table: typeof owners) =>
      (await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")))).map(
        ([name, before, after, delta]) => ({ name, before: Number(before), after: Number(after), delta: Number(delta) }),
      );
    const perOwner = await rows(owners);
    const pool = new Set(flow.teams.find((t) => t.id === "pool")?.members.map((m) => m.name));
    // Every lead is counted before and after; only the pool's members moved, and the moves add up to nothing.
    expect(perOwner.reduce((n, r) => n + r.before, 0)).toBe(perOwner.reduce((n, r) => n + r.after, 0));
    expect(perOwner.every((r) => r.delta === r.after - r.before)).toBe(true);
    expect(perOwner.some((r) => r.delta !== 0 && pool.has(r.name ?? ""))).toBe(true);
    expect(perOwner.filter((r) => r.delta !== 0).every((r) => pool.has(r.name ?? ""))).toBe(true);
    // The grades did not change: the route comes after the score.
    const perGrade = await rows(grades);
    expect(perGrade.map((r) => r.name)).toEqual(["A", "B", "C"]);
    expect(perGrade.every((r) => r.delta === 0 && r.before > 0)).toBe(true);

    // The counts come first; the reshuffled leads below them.
    const changed = page.getByRole("table", { name: ui["simui.changedLeads"] });
    await changed.waitFor();
    const above = await page.evaluate(() => {
      const tables = [...document.querySelectorAll(".lw-sim-compare table")];
      return tables.map((t) => t.getAttribute("aria-label") ?? t.querySelector("caption")?.textContent ?? "");
    });
    expect(above).toEqual([ui["simui.ownerDeltas"], ui["simui.gradeDeltas"], ui["simui.changedLeads"]]);
    expect(await seriousViolations(page, ".lw-sim")).toEqual([]);
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await page.screenshot({ path: `docs/screenshots/compare-counts-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `docs/screenshots/compare-counts-1280-${lang}.png` });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
