// Leads that stay with the flow, in Chromium, in English and 简体中文: an imported file with its column mapping and outcome
// column, or generated sample leads, are there again after a reload; generated leads download as CSV and JSON; fields
// are read off the leads, a choice with the options its values showed.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession, fillText } from "./designer-session";
import { getFlow, openDesignerPage } from "./designer-page";

const session = designerSession();

/** Reloads once the flow is saved under its own URL (the designer flushes its draft when the page hides). */
async function reload(page: Page): Promise<void> {
  await page.waitForURL(/#\/flow\//);
  await page.reload();
  await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
}

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("leads kept with the flow in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const template = TEMPLATES.find((t) => t.id === "round-robin")?.flowFor(lang);
  if (!template) throw new Error("template missing");

  it("keeps an imported file, its mapping and outcome column across a reload", { timeout: 240_000 }, async () => {
    const { page, errors } = await openDesignerPage(session.browser, session.url, {
      lang,
      flow: template,
      viewport: { width: 1440, height: 900 },
    });
    const drawer = page.getByRole("button", { name: ui["simui.title"] });
    await drawer.click();
    const csv = [
      "Ref,Signed up,Channel,Won",
      "L-1,02/03/2026 09:00,Web,1",
      "L-2,05/04/2026 10:30,Event,0",
      "L-3,06/04/2026 11:00,Web,1",
      "L-4,07/04/2026 11:00,Event,0",
      "L-5,08/04/2026 11:00,Web,0",
      "",
    ].join("\n");
    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles({ name: "crm.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const mapping = page.getByRole("table", { name: ui["simui.mapping"] });
    await mapping.waitFor({ timeout: 60_000 });
    const target = (column: string) => mapping.getByLabel(fillText(ui["simui.fieldFor"], { column }));
    await target("Ref").selectOption("id");
    await target("Signed up").selectOption("createdAt");
    await mapping.getByLabel(fillText(ui["simui.dateOrderFor"], { column: "Signed up" })).selectOption("dmy");
    await page.getByLabel(ui["simui.outcomeField"]).selectOption("Won");

    // Channel repeats two values: added as a field, it is a choice with exactly those options.
    await page.getByRole("button", { name: fillText(ui["simui.addFields"], { count: 2 }) }).click();
    await expect
      .poll(async () => (await getFlow(page)).fields.find((f) => f.key === "Channel"))
      .toEqual({ key: "Channel", type: "enum", options: ["Web", "Event"] });
    await page.locator(".lw-sim-kept").first().waitFor();
    expect(await seriousViolations(page, ".lw-sim")).toEqual([]);

    await reload(page);
    await drawer.click();
    await expect.poll(() => page.locator(".lw-sim-source").textContent(), { timeout: 30_000 }).toContain("crm.csv");
    expect(await target("Ref").inputValue()).toBe("id");
    expect(await target("Signed up").inputValue()).toBe("createdAt");
    expect(await mapping.getByLabel(fillText(ui["simui.dateOrderFor"], { column: "Signed up" })).inputValue()).toBe("dmy");
    expect(await page.getByLabel(ui["simui.outcomeField"]).inputValue()).toBe("Won");
    expect((await getFlow(page)).fields.find((f) => f.key === "Channel")?.options).toEqual(["Web", "Event"]);

    // The results are computed again from the kept leads: ids and created times as mapped.
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
    expect(await page.locator(".lw-sim-rowcount").textContent()).toBe(fillText(ui["simui.rows"], { shown: 5, total: 5 }));
    await page.locator(".lw-sim-lead", { hasText: "L-2" }).first().click();
    await expect.poll(() => page.locator(".lw-sim-values").textContent()).toContain("2026-04-05T10:30:00.000Z");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps generated leads, downloads them, and adds the fields they show", { timeout: 240_000 }, async () => {
    const { page, errors } = await openDesignerPage(session.browser, session.url, {
      lang,
      flow: template,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const drawer = page.getByRole("button", { name: ui["simui.title"] });
    await drawer.click();
    await page.getByLabel(ui["simui.count"]).fill("40");
    await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
    const generated = page.locator(".lw-sim-generated");
    await generated.locator(".lw-sim-kept").waitFor({ timeout: 30_000 });
    expect(await generated.textContent()).toContain(fillText(ui["simui.generatedSource"], { count: 40 }));

    const [csvFile] = await Promise.all([
      page.waitForEvent("download"),
      generated.getByRole("button", { name: ui["simui.leadsCsv"] }).click(),
    ]);
    const csv = await readFile((await csvFile.path()) ?? "", "utf8");
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(41);
    expect(lines[0]?.startsWith("id,createdAt,")).toBe(true);
    const [jsonFile] = await Promise.all([
      page.waitForEvent("download"),
      generated.getByRole("button", { name: ui["simui.leadsJson"] }).click(),
    ]);
    const json: unknown = JSON.parse(await readFile((await jsonFile.path()) ?? "", "utf8"));
    expect(Array.isArray(json) && json.length).toBe(40);
    const first = Array.isArray(json) ? (json[0] as Record<string, unknown>) : {};
    expect(lines[1]?.startsWith(`${String(first.id)},${String(first.createdAt)},`)).toBe(true);

    // The sample has a source the flow does not list as a field: one click adds it, as a choice of the values seen.
    const sources = new Set(
      Array.isArray(json) ? json.flatMap((l: Record<string, unknown>) => (typeof l.source === "string" ? [l.source] : [])) : [],
    );
    await generated.getByRole("button", { name: fillText(ui["simui.fieldsFromLeads"], { count: 1 }) }).click();
    await expect.poll(async () => (await getFlow(page)).fields.find((f) => f.key === "source")?.type).toBe("enum");
    expect(new Set((await getFlow(page)).fields.find((f) => f.key === "source")?.options)).toEqual(sources);
    expect(await seriousViolations(page, ".lw-sim")).toEqual([]);
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await page.screenshot({ path: `docs/screenshots/kept-leads-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `docs/screenshots/kept-leads-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }

    await reload(page);
    await drawer.click();
    await expect
      .poll(() => page.locator(".lw-sim-generated").textContent(), { timeout: 30_000 })
      .toContain(fillText(ui["simui.generatedSource"], { count: 40 }));
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
    expect(await page.locator(".lw-sim-rowcount").textContent()).toBe(fillText(ui["simui.rows"], { shown: 40, total: 40 }));
    // The same leads, not a new sample: the first lead's id and created time are the downloaded ones.
    await page
      .locator(".lw-sim-lead", { hasText: String(first.id) })
      .first()
      .click();
    await expect.poll(() => page.locator(".lw-sim-values").textContent()).toContain(String(first.createdAt));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
