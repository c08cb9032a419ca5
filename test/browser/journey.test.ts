// The first ten minutes, in Chromium, as a first-time manager does them, counting every click, drag and typed value:
// home → a new flow → trigger, filter, score, grade split, weighted route for seniors and round robin for juniors, a
// daily cap with an overflow queue, notify → a run on generated leads and on the X Education CSV (id and created time
// mapped) → reload → everything still there. English in full; 简体中文 the same path (the texts come from the tables).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { messagesFor, validateFlow, type Lang } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { seriousViolations } from "./axe";
import { designerSession, fillText } from "./designer-session";
import { getFlow, node } from "./designer-page";

const session = designerSession();

/** The X Education export with the created time a CRM export carries (the public file has none): one lead a minute. */
function xEducationCsv(): string {
  const text = readFileSync(resolve(process.cwd(), "../shared/data/x-education/leads.csv"), "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const start = Date.parse("2026-03-02T08:00:00Z");
  return lines.map((line, i) => `${i === 0 ? "Created" : new Date(start + (i - 1) * 60_000).toISOString()},${line}`).join("\n");
}

/** Every user action goes through here, so the count is the number of clicks, drags, choices and typed values. */
class User {
  actions = 0;
  constructor(readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.actions++;
    await target.click();
  }
  async type(target: Locator, value: string): Promise<void> {
    this.actions++;
    await target.fill(value);
  }
  async choose(target: Locator, value: string | { label: string }): Promise<void> {
    this.actions++;
    await target.selectOption(value);
  }
  async pick(target: Locator, file: { name: string; buffer: Buffer }): Promise<void> {
    this.actions++;
    await target.setInputFiles({ ...file, mimeType: "text/csv" });
  }
}

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("a first-time manager's journey in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const forms = formTexts[lang];
  const te = messagesFor(lang);

  it("builds the standard flow, runs it on sample and real leads, and finds it all after a reload", { timeout: 600_000 }, async () => {
    const context = await session.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: lang === "zh-CN" ? "zh-CN" : "en-US",
    });
    await context.addInitScript((l) => window.localStorage.setItem("leadwire.lang", l), lang);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const user = new User(page);
    await page.goto(session.url);
    const inspector = page.locator(".lw-inspector");
    const palette = (type: string) => page.locator(`.lw-palette-entry[data-node-type="${type}"]`);
    const lastNode = async () => (await getFlow(page)).nodes.at(-1)?.id ?? "";
    const selectedIs = (id: string) => page.locator(`.react-flow__node.selected[data-id="${id}"]`).waitFor({ timeout: 30_000 });

    // Home → a new, empty flow with a name.
    await user.click(page.getByRole("button", { name: ui["library.new"] }));
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await user.type(page.getByLabel(ui["toolbar.flowName"]), lang === "en" ? "Inbound leads" : "入站线索");

    // The one lead field the rules use, named as the CRM export names it.
    await user.click(page.getByRole("button", { name: ui["flow.fields"], exact: true }));
    await user.click(page.getByRole("button", { name: ui["flow.addField"] }));
    await user.type(page.getByLabel(ui["flow.fieldKey"]), "TotalVisits");
    await user.choose(page.getByLabel(ui["flow.fieldType"]), "number");

    // Trigger, then Filter: each click on the palette adds after the selected node and wires its main port.
    await user.click(palette("trigger"));
    const trigger = await lastNode();
    await selectedIs(trigger);
    await user.click(palette("filter"));
    const filter = await lastNode();
    await selectedIs(filter);
    await user.click(inspector.getByRole("button", { name: forms["forms.cond.addRule"] }));
    await user.choose(inspector.getByLabel(forms["forms.cond.field"], { exact: true }), "TotalVisits");
    await user.choose(inspector.getByLabel(forms["forms.cond.operator"], { exact: true }), "gte");
    await user.type(inspector.getByLabel(forms["forms.cond.value"], { exact: true }), "1");

    // Score: 10 points a visit, at most 100; its default grades (A from 40) stay.
    await user.click(palette("score"));
    const score = await lastNode();
    await selectedIs(score);
    await user.click(inspector.getByRole("button", { name: forms["forms.score.addRule"] }));
    const cell = (column: string) => inspector.getByLabel(fillText(forms["forms.score.cell"], { column, n: 1 }), { exact: true });
    await user.choose(cell(forms["forms.score.per"]), "TotalVisits");
    await user.type(cell(forms["forms.score.points"]), "10");
    await user.type(cell(forms["forms.score.max"]), "100");

    // Grade split: grade A goes on to the seniors.
    await user.click(palette("filter"));
    const split = await lastNode();
    await selectedIs(split);
    await user.click(inspector.getByRole("button", { name: forms["forms.cond.addRule"] }));
    await user.choose(inspector.getByLabel(forms["forms.cond.field"], { exact: true }), "grade");
    await user.type(inspector.getByLabel(forms["forms.cond.value"], { exact: true }), "A");

    const team = async (name: string, members: readonly string[], weights?: readonly string[]) => {
      await user.click(inspector.getByRole("button", { name: forms["forms.route.editTeams"] }));
      const dialog = page.getByRole("dialog");
      await user.click(dialog.getByRole("button", { name: forms["forms.roster.addTeam"] }));
      await user.type(dialog.getByLabel(forms["forms.roster.teamName"]), name);
      for (const [i, member] of members.entries()) {
        await user.click(dialog.getByRole("button", { name: forms["forms.roster.addMember"] }));
        const at = (column: string) => dialog.getByLabel(fillText(forms["forms.roster.cell"], { column, n: i + 1 }), { exact: true });
        await user.type(at(forms["forms.roster.name"]), member);
        const weight = weights?.[i];
        if (weight) await user.type(at(forms["forms.roster.weight"]), weight);
      }
      await user.click(dialog.getByRole("button", { name: forms["forms.dialog.close"] }).first());
    };
    const strategy = async (key: string) =>
      user.click(
        inspector
          .getByRole("group", { name: forms["forms.route.strategy"] })
          .getByRole("radio", { name: new RegExp(`^${te[key] ?? key}`, "i") }),
      );

    // Seniors: weighted round robin.
    await user.click(palette("route"));
    const seniors = await lastNode();
    await selectedIs(seniors);
    await team(lang === "en" ? "Seniors" : "资深销售", ["Ann", "Bo"], ["3", "1"]);
    await strategy("strategy.weighted_round_robin");

    // Juniors: from the split's "fail" port with its "+", round robin (the default).
    await user.click(node(page, split).locator(".lw-port-add"));
    await user.click(page.getByRole("menuitem").filter({ hasText: te["node.route.name"] ?? "Route" }));
    const juniors = await lastNode();
    await selectedIs(juniors);
    // Only the new node is selected (the menu's click must not also select the card it came from).
    expect(await page.locator(".react-flow__node.selected").count()).toBe(1);
    await team(lang === "en" ? "Juniors" : "初级销售", ["Cy", "Di", "Ed"]);

    // A daily cap of 3 leads per junior; the overflow waits in a queue.
    await user.click(palette("cap"));
    const cap = await lastNode();
    await selectedIs(cap);
    await user.type(inspector.getByLabel(forms["forms.cap.limit"]), "3");
    // The cap's ports are ok and overflow, in that order: its second "+".
    await user.click(node(page, cap).locator(".lw-port-add").nth(1));
    await user.click(page.getByRole("menuitem").filter({ hasText: te["node.route.name"] ?? "Route" }));
    const queue = await lastNode();
    await selectedIs(queue);
    await team(lang === "en" ? "Queue" : "队列", ["Queue"]);

    // Notify the owner of the leads within the cap.
    await user.click(node(page, cap).locator(".lw-card-name"));
    await selectedIs(cap);
    await user.click(palette("notify"));
    const notify = await lastNode();

    const built = await getFlow(page);
    expect(built.nodes.map((n) => n.type)).toEqual(["trigger", "filter", "score", "filter", "route", "route", "cap", "route", "notify"]);
    expect(built.edges.map((e) => `${e.source}:${e.sourcePort ?? "out"}>${e.target}`).sort()).toEqual(
      [
        `${trigger}:out>${filter}`,
        `${filter}:pass>${score}`,
        `${score}:out>${split}`,
        `${split}:pass>${seniors}`,
        `${split}:fail>${juniors}`,
        `${juniors}:assigned>${cap}`,
        `${cap}:overflow>${queue}`,
        `${cap}:ok>${notify}`,
      ].sort(),
    );
    expect(validateFlow(built).filter((i) => i.severity === "error")).toEqual([]);
    const building = user.actions;

    // Run on generated leads.
    await user.click(page.getByRole("button", { name: ui["simui.title"] }));
    await user.type(page.getByLabel(ui["simui.count"]), "300");
    await user.click(page.getByRole("button", { name: ui["simui.generateButton"] }));
    await user.click(page.getByRole("button", { name: ui["simui.run"], exact: true }));
    await page.locator(".lw-sim-rowcount").waitFor({ timeout: 120_000 });
    expect(await page.locator(".lw-sim-rowcount").textContent()).toBe(fillText(ui["simui.rows"], { shown: 300, total: 300 }));

    // Run on the X Education CSV with the lead id and created time mapped.
    await user.click(page.getByRole("tab", { name: ui["simui.tabLeads"], exact: true }));
    await user.pick(page.getByLabel(ui["simui.chooseFile"]), { name: "leads.csv", buffer: Buffer.from(xEducationCsv()) });
    const mapping = page.getByRole("table", { name: ui["simui.mapping"] });
    await mapping.waitFor({ timeout: 120_000 });
    await user.choose(mapping.getByLabel(fillText(ui["simui.fieldFor"], { column: "Prospect ID" })), "id");
    await user.choose(mapping.getByLabel(fillText(ui["simui.fieldFor"], { column: "Created" })), "createdAt");
    // The outcome column is recognised by its name: nothing to choose.
    await expect.poll(() => page.getByLabel(ui["simui.outcomeField"]).inputValue()).toBe("Converted");
    await page.locator(".lw-sim-kept").first().waitFor({ timeout: 60_000 });
    await user.click(page.getByRole("button", { name: ui["simui.run"], exact: true }));
    await expect
      .poll(() => page.locator(".lw-sim-rowcount").textContent(), { timeout: 180_000 })
      .toBe(fillText(ui["simui.rows"], { shown: 9240, total: 9240 }));
    expect(await page.locator(".lw-sim-lead").first().textContent()).toMatch(/^[0-9a-f]{8}-/);
    expect(await seriousViolations(page)).toEqual([]);
    const total = user.actions;

    // Reload: the flow, the file, its mapping and the outcome column are all there.
    await page.reload();
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(9);
    expect((await getFlow(page)).edges).toHaveLength(8);
    await page.getByRole("button", { name: ui["simui.title"] }).click();
    await expect.poll(() => page.locator(".lw-sim-source").textContent(), { timeout: 60_000 }).toContain("leads.csv");
    expect(await mapping.getByLabel(fillText(ui["simui.fieldFor"], { column: "Prospect ID" })).inputValue()).toBe("id");
    expect(await mapping.getByLabel(fillText(ui["simui.fieldFor"], { column: "Created" })).inputValue()).toBe("createdAt");
    expect(await page.getByLabel(ui["simui.outcomeField"]).inputValue()).toBe("Converted");
    expect(errors).toEqual([]);
    // The figure in the README: a budget the journey must stay within, so a change that adds steps is noticed.
    expect(building).toBeLessThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(70);
    console.log(`journey ${lang}: ${building} actions to build the flow, ${total} with both runs`);
    await context.close();
  });
});
