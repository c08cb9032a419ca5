// Data that sets itself up, in Chromium, in English and 简体中文: a rule's field picker makes a new lead field on the spot
// (name, kind, options), the rule uses it at once, and the lead fields list has it.
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession } from "./designer-session";
import { getFlow, openDesignerPage, selectNode } from "./designer-page";

const session = designerSession();

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("new field from a picker in $lang", ({ lang }) => {
  const forms = formTexts[lang];

  it("adds a choice field with its options and uses it in the filter's rule", { timeout: 180_000 }, async () => {
    const flow = TEMPLATES.find((t) => t.id === "value-tiers")?.flowFor(lang);
    const filter = flow?.nodes.find((n) => n.type === "filter");
    if (!flow || !filter) throw new Error("template with a filter missing");
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
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
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await page.screenshot({ path: `docs/screenshots/new-field-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `docs/screenshots/new-field-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
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

  it("maps a CRM export's columns to the lead id, created time (day first) and source", { timeout: 180_000 }, async () => {
    const ui = UI_TEXTS[lang];
    const flow = TEMPLATES.find((t) => t.id === "round-robin")?.flowFor(lang);
    if (!flow) throw new Error("template missing");
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    const csv = "Ref,Signed up,Channel\nL-1,02/03/2026 09:00,Web\nL-2,05/04/2026 10:30,Event\n";
    await page.getByLabel(ui["simui.chooseFile"]).setInputFiles({ name: "crm.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const mapping = page.getByRole("table", { name: ui["simui.mapping"] });
    await mapping.waitFor({ timeout: 60_000 });
    const target = (column: string) => mapping.getByLabel(ui["simui.fieldFor"].replace("{column}", column));
    await target("Ref").selectOption("id");
    await target("Signed up").selectOption("createdAt");
    await target("Channel").selectOption("source");
    // 02/03 and 05/04 could be either: the column asks once for its order.
    const order = mapping.getByLabel(ui["simui.dateOrderFor"].replace("{column}", "Signed up"));
    await order.waitFor();
    expect(await order.inputValue()).toBe("");
    expect(await seriousViolations(page, ".lw-sim-mapping")).toEqual([]);
    if (process.env.LEADWIRE_SCREENSHOTS === "1") {
      await order.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screenshots/mapping-date-order-${lang}.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `docs/screenshots/mapping-date-order-1280-${lang}.png` });
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await order.selectOption("dmy");
    await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
    await page.locator(".lw-sim-lead", { hasText: "L-2" }).first().click();
    const detail = page.locator(".lw-sim-lead-detail");
    await expect.poll(() => detail.textContent()).toContain("L-2");
    // The lead's own values: the created time read day first, and the source from the Channel column.
    const values = detail.locator(".lw-sim-values");
    await expect.poll(() => values.textContent()).toContain("2026-04-05T10:30:00.000Z");
    expect(await values.textContent()).toContain(ui["simui.builtIn.source"]);
    expect(await values.textContent()).toContain("Event");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
