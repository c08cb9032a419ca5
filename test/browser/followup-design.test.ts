// Designing a speed-to-lead flow in Chromium as a sales manager does, in English and 简体中文: nodes dragged from the palette
// and wired by hand (trigger → route → follow-up → on a missed deadline a second route that skips previous owners → an
// email to the manager), the follow-up's deadline, reminder and cadence typed in its form, a rep's leave and response speed
// in the roster, holidays in the flow settings. No validation error, the cards say what each step does, axe finds nothing
// serious on the three forms, and screenshots at 1440×900 go to docs/screenshots.
import { mkdirSync } from "node:fs";
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Flow, Lang, MessageParams } from "../../src/engine";
import { translate } from "../../src/i18n/catalogue";
import { seriousViolations } from "./axe";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { connect, dropFromPalette, getFlow, getIssues, node, openDesignerPage, selectNode } from "./designer-page";

const SHOTS = "docs/screenshots";
const VIEWPORT = { width: 1440, height: 900 };
const HOURS = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };

/** An empty flow with the sales team already in the roster: this journey is about what happens after assignment. */
const START: Flow = {
  format: "leadwire.flow",
  version: 2,
  id: "f_speed",
  name: "Speed to lead",
  description: "",
  settings: { timezone: "Europe/Berlin", seed: 1 },
  fields: [{ key: "company", label: "Company", type: "string" }],
  teams: [
    {
      id: "sales",
      name: "Inside sales",
      members: [
        { id: "ann", name: "Ann", email: "ann@example.com", workingHours: HOURS },
        { id: "bo", name: "Bo", email: "bo@example.com", workingHours: HOURS },
        { id: "cy", name: "Cy", email: "cy@example.com", workingHours: HOURS },
      ],
    },
  ],
  nodes: [],
  edges: [],
};

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("followup-design"));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("designing follow-up in $lang", ({ lang }) => {
  const say = (code: string, params?: MessageParams) => translate(code, params ?? {}, lang);
  let page: Page;

  it("builds speed to lead by dragging, wiring and typing, with no validation error", { timeout: 300_000 }, async () => {
    const opened = await openDesignerPage(browser, url, { lang, viewport: VIEWPORT, flow: START });
    page = opened.page;
    const inspector = page.locator(".lw-inspector");

    await dropFromPalette(page, "trigger", { x: 80, y: 90 });
    await dropFromPalette(page, "route", { x: 330, y: 90 });
    await dropFromPalette(page, "follow_up", { x: 580, y: 90 });
    await dropFromPalette(page, "route", { x: 330, y: 360 });
    await dropFromPalette(page, "notify", { x: 580, y: 360 });
    expect((await getFlow(page)).nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      "n1:trigger",
      "n2:route",
      "n3:follow_up",
      "n4:route",
      "n5:notify",
    ]);
    await connect(page, ["n1", "out"], "n2");
    await connect(page, ["n2", "assigned"], "n3");
    await connect(page, ["n3", "breached"], "n4");
    await connect(page, ["n3", "rejected"], "n4");
    await connect(page, ["n4", "assigned"], "n5");
    expect((await getFlow(page)).edges.map((e) => `${e.source}:${e.sourcePort}>${e.target}`)).toEqual([
      "n1:out>n2",
      "n2:assigned>n3",
      "n3:breached>n4",
      "n3:rejected>n4",
      "n4:assigned>n5",
    ]);

    // The first route: the sales team in turn.
    await selectNode(page, "n2");
    await inspector.getByLabel(say("forms.route.team"), { exact: true }).selectOption("sales");

    // The follow-up: first contact within 5 minutes; the default reminder moved before the deadline and its text written
    // with a chip; one cadence step.
    await selectNode(page, "n3");
    await inspector.getByLabel(say("follow_up.form.within"), { exact: true }).fill("5");
    const reminder = inspector.getByRole("group", { name: say("follow_up.form.reminderN", { n: 1 }), exact: true });
    await expect.poll(() => reminder.getByText(say("follow_up.reminder_too_late", { n: 1 })).count()).toBe(1);
    await reminder.getByLabel(say("follow_up.form.remindAfter"), { exact: true }).fill("3");
    await expect.poll(() => reminder.getByText(say("follow_up.reminder_too_late", { n: 1 })).count()).toBe(0);
    const body = reminder.getByLabel(say("forms.tpl.body"), { exact: true });
    await body.fill(lang === "en" ? "Please call " : "请致电 ");
    await reminder
      .getByRole("button", {
        name: say("forms.tpl.insert", { scope: say("forms.tpl.scope.lead"), name: "Company", token: "{{lead.company}}" }),
      })
      .click();
    await expect
      .poll(() => reminder.getByTestId("template-preview").textContent())
      .toContain(lang === "en" ? "Please call ‹Company›" : "请致电 ‹Company›");
    await inspector.getByRole("button", { name: say("follow_up.form.addStep") }).click();
    // Where the ways out lead, in words: the second route, by the name its card shows.
    const second = (await getFlow(page)).nodes.find((n) => n.id === "n4")?.label ?? "";
    expect(second).not.toBe("");
    await expect
      .poll(() => inspector.locator('[data-port="breached"]').textContent())
      .toContain(say("follow_up.form.goesTo", { targets: second }));
    await expect.poll(() => node(page, "n4").locator(".lw-card-name").textContent()).toBe(second);

    // The reassignment: the same team, skipping whoever had the lead.
    await selectNode(page, "n4");
    await inspector.getByLabel(say("forms.route.team"), { exact: true }).selectOption("sales");
    await inspector.getByRole("switch", { name: say("forms.route.previousOwners") }).check();

    // Tell the manager.
    await selectNode(page, "n5");
    await inspector.getByRole("radio", { name: say("forms.notify.address") }).check();
    await inspector.getByLabel(say("forms.notify.addressOf.email"), { exact: true }).fill("manager@example.com");
    await inspector
      .getByLabel(say("forms.tpl.body"), { exact: true })
      .fill(lang === "en" ? "{{lead.company}} was reassigned to {{owner.name}}" : "{{lead.company}} 已重新分配给 {{owner.name}}");

    const flow = await getFlow(page);
    expect(flow.nodes.find((n) => n.id === "n3")?.config).toMatchObject({
      within: { minutes: 5 },
      clock: "working_hours",
      remind: [
        { after: { minutes: 3 }, to: "owner", template: lang === "en" ? "Please call {{lead.company}}" : "请致电 {{lead.company}}" },
      ],
      cadence: [{ after: { days: 1 } }],
    });
    expect(flow.nodes.find((n) => n.id === "n4")?.config).toMatchObject({ team: "sales", exclude: "previous_owners" });
    await expect.poll(async () => (await getIssues(page)).filter((i) => i.severity === "error").map((i) => i.message)).toEqual([]);

    // The cards say what each step does.
    const summary = (id: string) => node(page, id).locator(".lw-card-summary").textContent();
    expect(await summary("n3")).toBe(
      [
        say("follow_up.summary", { within: say("duration.minutes", { n: 5 }) }),
        say("follow_up.summary.reminder"),
        say("follow_up.summary.step"),
      ].join(" · "),
    );
    expect(await summary("n4")).toContain(say("forms.route.skipsPrevious"));
    expect(opened.errors).toEqual([]);
  });

  it("shows the follow-up form readably: hours and holidays it counts, no serious axe violation", { timeout: 180_000 }, async () => {
    const inspector = page.locator(".lw-inspector");
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    // Holidays in the flow settings: one typed, two pasted.
    await page.getByRole("button", { name: say("flow.fields"), exact: true }).click();
    await inspector.getByRole("button", { name: say("settings.holidays.add") }).click();
    await inspector.getByLabel(say("settings.holidays.date", { n: 1 }), { exact: true }).fill("2026-12-24");
    await inspector.getByLabel(say("settings.holidays.name", { n: 1 }), { exact: true }).fill(lang === "en" ? "Christmas Eve" : "平安夜");
    await inspector
      .getByLabel(say("settings.holidays.paste"), { exact: true })
      .fill(lang === "en" ? "2026-12-25 Christmas Day\n26.12.2026 Boxing Day" : "2026年12月25日 圣诞节\n2027-02-17 春节");
    await inspector.getByRole("button", { name: say("settings.holidays.addPasted") }).click();
    await expect.poll(() => inspector.getByRole("status").textContent()).toBe(say("settings.holidays.pasted", { added: 2, known: 0 }));
    const holidays = lang === "en" ? ["2026-12-24", "2026-12-25", "2026-12-26"] : ["2026-12-24", "2026-12-25", "2027-02-17"];
    expect((await getFlow(page)).settings?.holidays).toEqual(holidays);
    expect(await seriousViolations(page, ".lw-inspector")).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/followup-settings-holidays-${lang}.png` });

    // The follow-up form now names the holidays beside the reps' working hours.
    await page.getByRole("button", { name: say("flow.fields"), exact: true }).click();
    await selectNode(page, "n3");
    const named =
      lang === "en"
        ? "2026-12-24 Christmas Eve, 2026-12-25 Christmas Day, 2026-12-26 Boxing Day"
        : "2026-12-24 平安夜、2026-12-25 圣诞节、2027-02-17 春节";
    await expect.poll(() => inspector.getByText(say("follow_up.form.holidays", { dates: named })).count()).toBe(1);
    await expect.poll(() => inspector.getByText(/Ann: /).textContent()).toMatch(/09:00–18:00/);
    expect(await seriousViolations(page, ".lw-inspector")).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/followup-form-${lang}.png` });
    // Scrolls only the inspector's own scroll box (scrollIntoView would also move the page under the toolbar).
    const scrollToTop = (name: string) =>
      inspector.getByRole("heading", { name }).evaluate((el) => {
        let box = el.parentElement;
        while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
        if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      });
    await scrollToTop(say("follow_up.form.reminders"));
    await page.screenshot({ path: `${SHOTS}/followup-form-reminders-${lang}.png` });
    await scrollToTop(say("follow_up.form.cadence"));
    await page.screenshot({ path: `${SHOTS}/followup-form-outcomes-${lang}.png` });
  });

  it("gives a rep leave and a response speed in the roster, with no serious axe violation", { timeout: 180_000 }, async () => {
    const inspector = page.locator(".lw-inspector");
    await selectNode(page, "n2");
    await inspector.getByRole("button", { name: say("forms.route.editTeams") }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: say("forms.roster.more", { who: "Ann" }) }).click();
    await dialog.getByRole("button", { name: say("forms.away.add") }).click();
    await dialog.getByLabel(say("forms.away.from", { n: 1 }), { exact: true }).fill("2026-12-28");
    await dialog.getByLabel(say("forms.away.to", { n: 1 }), { exact: true }).fill("2027-01-08");
    await dialog.getByLabel(say("forms.response.median"), { exact: true }).fill("8");
    await dialog.getByLabel(say("forms.response.spread"), { exact: true }).fill("0.4");
    await expect.poll(() => dialog.getByText(say("forms.response.meaning", { median: 8, p90: 13 })).count()).toBe(1);
    const ann = (await getFlow(page)).teams[0]?.members[0];
    expect(ann).toMatchObject({ away: [{ from: "2026-12-28", to: "2027-01-08" }], responseMinutes: 8, responseSpread: 0.4 });
    await dialog.getByText(say("forms.away.title", { who: "Ann" }), { exact: true }).scrollIntoViewIfNeeded();
    expect(await seriousViolations(page, ".lw-dialog")).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/followup-roster-away-${lang}.png` });
    await dialog
      .getByRole("button", { name: say("forms.dialog.close") })
      .first()
      .click();
    await page.context().close();
  });
});
