// The inspector forms in Chromium, by clicking and typing as a manager does: the condition builder (enum chips, operators
// by type, a number and a date value, a nested group, reorder and delete), the score rules table, the cap form, the
// notify template with variable chips and its live preview, and the team roster's CSV import. Each step checks what the
// form shows and the document it wrote.
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Flow } from "../../src/engine";
import { formTexts } from "../../src/designer/forms/i18n";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { seriousViolations } from "./axe";
import { getFlow, node, openDesignerPage, selectNode } from "./designer-page";

const forms = formTexts.en;
const FLOW: Flow = {
  format: "leadwire.flow",
  version: 2,
  id: "f_forms",
  name: "Forms journey",
  description: "",
  settings: { timezone: "Europe/Berlin", seed: 1 },
  fields: [
    { key: "industry", label: "Industry", type: "enum", options: ["software", "retail"] },
    { key: "employees", label: "Employees", type: "number" },
    { key: "signup", label: "Signed up", type: "date" },
    { key: "pageViews", label: "Page views", type: "number" },
  ],
  teams: [
    {
      id: "emea",
      name: "EMEA",
      members: [
        { id: "ann", name: "Ann", email: "ann@example.com" },
        { id: "bo", name: "Bo", email: "bo@example.com" },
      ],
    },
  ],
  nodes: [
    { id: "n1", type: "trigger", label: "Web", position: { x: 0, y: 80 }, config: { sources: [] } },
    { id: "n2", type: "filter", label: "Fit", position: { x: 260, y: 80 }, config: { conditions: { op: "all", rules: [] } } },
    { id: "n3", type: "score", label: "Score", position: { x: 520, y: 80 }, config: { field: "score", base: 0, rules: [] } },
    { id: "n4", type: "route", label: "EMEA", position: { x: 780, y: 80 }, config: { team: "emea", strategy: "round_robin" } },
    { id: "n5", type: "cap", label: "Cap", position: { x: 1040, y: 80 }, config: { limit: 20, window: "day", scope: "owner" } },
    {
      id: "n6",
      type: "notify",
      label: "Tell",
      position: { x: 1300, y: 80 },
      config: { channel: "email", to: "owner", subject: "New lead", template: "Hi " },
    },
  ],
  edges: [
    { id: "e1", source: "n1", sourcePort: "out", target: "n2" },
    { id: "e2", source: "n2", sourcePort: "pass", target: "n3" },
    { id: "e3", source: "n3", sourcePort: "out", target: "n4" },
    { id: "e4", source: "n4", sourcePort: "assigned", target: "n5" },
    { id: "e5", source: "n5", sourcePort: "ok", target: "n6" },
  ],
};

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("inspector"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openDesignerPage(browser, url, { flow: FLOW });
  await node(opened.page, "n6").waitFor();
  return opened;
}

const axeInspector = (page: Page) => seriousViolations(page, ".lw-inspector");

const config = async (page: Page, id: string): Promise<unknown> => (await getFlow(page)).nodes.find((n) => n.id === id)?.config;

describe("inspector forms in Chromium", () => {
  it(
    "builds conditions, score rules, a cap and a notification by clicking and typing, and imports a roster CSV",
    { timeout: 240_000 },
    async () => {
      const { page, errors } = await open();
      const inspector = page.locator(".lw-inspector");

      // Condition builder: an enum field offers its options as chips; a number field offers only number operators.
      await selectNode(page, "n2");
      await inspector.getByRole("button", { name: forms["forms.cond.addRule"] }).click();
      await inspector.getByLabel(forms["forms.cond.field"], { exact: true }).selectOption("industry");
      await inspector.getByRole("button", { name: "software", exact: true }).click();
      await expect
        .poll(() => config(page, "n2"))
        .toEqual({ conditions: { op: "all", rules: [{ field: "industry", operator: "in", value: ["software"] }] } });

      await inspector.getByRole("button", { name: forms["forms.cond.addGroup"] }).first().click();
      // A new group comes with one rule (2.1); a second rule is added to it.
      const nested = inspector.locator("fieldset.lw-group fieldset.lw-group").first();
      const rule21 = inspector.getByRole("group", { name: "Rule 2.1" });
      await rule21.getByLabel(forms["forms.cond.field"], { exact: true }).selectOption("employees");
      const operators = await rule21
        .getByLabel(forms["forms.cond.operator"], { exact: true })
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(operators).toContain("gt");
      expect(operators).toContain("between");
      expect(operators).not.toContain("contains");
      expect(operators).not.toContain("starts_with");
      await rule21.getByLabel(forms["forms.cond.operator"], { exact: true }).selectOption("gt");
      await rule21.getByLabel(forms["forms.cond.value"], { exact: true }).fill("50");
      await nested.getByRole("button", { name: forms["forms.cond.addRule"] }).first().click();
      const rule22 = inspector.getByRole("group", { name: "Rule 2.2" });
      await rule22.getByLabel(forms["forms.cond.field"], { exact: true }).selectOption("signup");
      await rule22.getByLabel(forms["forms.cond.operator"], { exact: true }).selectOption("gte");
      const date = rule22.getByLabel(forms["forms.cond.value"], { exact: true });
      expect(await date.getAttribute("type")).toMatch(/^date/);
      await date.fill((await date.getAttribute("type")) === "date" ? "2026-01-15" : "2026-01-15T09:00");
      await expect.poll(async () => JSON.stringify(await config(page, "n2"))).toContain("2026-01-15");
      const group = (await config(page, "n2")) as { conditions: { rules: { rules?: unknown[] }[] } };
      expect(group.conditions.rules[1]?.rules?.[0]).toEqual({ field: "employees", operator: "gt", value: 50 });
      // Reorder: the nested group moves above the first rule; then the first rule of the group is deleted.
      await inspector.getByRole("button", { name: forms["forms.row.up"].replace("{name}", "Group 2") }).click();
      await expect
        .poll(async () => ((await config(page, "n2")) as { conditions: { rules: { field?: string }[] } }).conditions.rules[1]?.field)
        .toBe("industry");
      await inspector.getByRole("button", { name: forms["forms.row.delete"].replace("{name}", "Rule 1.1") }).click();
      await expect.poll(async () => JSON.stringify(await config(page, "n2"))).not.toContain("employees");

      expect(await axeInspector(page)).toEqual([]);

      // Score rules as a table: points per unit of a number field, capped.
      await selectNode(page, "n3");
      await inspector.getByRole("button", { name: forms["forms.score.addRule"] }).click();
      await inspector.getByLabel("Label, rule 1").fill("Page views");
      await inspector.getByLabel("Per unit of, rule 1").selectOption("pageViews");
      await inspector.getByLabel("Unit size, rule 1").fill("5");
      await inspector.getByLabel("Points, rule 1").fill("2");
      await inspector.getByLabel("At most, rule 1").fill("20");
      await expect
        .poll(async () => ((await config(page, "n3")) as { rules: unknown[] }).rules[0])
        .toEqual({ label: "Page views", points: 2, per: { field: "pageViews", unit: 5 }, max: 20 });

      expect(await axeInspector(page)).toEqual([]);

      // Cap: limit, window and scope, explained in words; the card's summary follows.
      await selectNode(page, "n5");
      await inspector.getByLabel(forms["forms.cap.limit"]).fill("5");
      await inspector.getByLabel(forms["forms.cap.window"]).selectOption("week");
      await inspector.getByRole("radio", { name: forms["forms.cap.path"] }).click();
      await expect.poll(() => config(page, "n5")).toEqual({ limit: 5, window: "week", scope: "path" });
      await expect.poll(() => inspector.textContent()).toContain("At most 5 leads per week pass here in all");
      await expect.poll(() => node(page, "n5").locator(".lw-card-summary").textContent()).toMatch(/5/);

      expect(await axeInspector(page)).toEqual([]);

      // Notify: a variable chip inserts at the cursor; the preview renders a sample lead (owner: the routed team's first
      // member) as text.
      await selectNode(page, "n6");
      const body = inspector.getByLabel(forms["forms.tpl.body"]);
      await body.click();
      await body.press("End");
      await inspector.getByRole("button", { name: "Insert Owner name ({{owner.name}})" }).click();
      await expect.poll(async () => ((await config(page, "n6")) as { template: string }).template).toBe("Hi {{owner.name}}");
      await body.press("End");
      await page.keyboard.type(", a new <b>lead</b>");
      const preview = inspector.getByTestId("template-preview");
      await expect.poll(() => preview.textContent()).toContain("Hi Ann, a new <b>lead</b>");
      expect(await preview.locator("b").count()).toBe(0);
      await inspector.getByLabel(forms["forms.notify.channel"]).selectOption("sms");
      await expect.poll(() => inspector.getByLabel(forms["forms.tpl.subject"]).count()).toBe(0);
      expect(await config(page, "n6")).toMatchObject({ channel: "sms", subject: "New lead" });

      expect(await axeInspector(page)).toEqual([]);

      // Roster: a CSV adds a member and updates one (matched by email).
      await selectNode(page, "n4");
      await inspector.getByRole("button", { name: forms["forms.route.editTeams"] }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(forms["forms.roster.import"]).setInputFiles({
        name: "reps.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Name,Email,Weight,Regions\nCy,cy@example.com,3,DE;AT\nBo,bo@example.com,2,\n"),
      });
      await expect.poll(() => dialog.textContent()).toContain("reps.csv: 1 added, 1 updated.");
      await expect
        .poll(async () => (await getFlow(page)).teams[0]?.members.map((m) => [m.name, m.weight ?? 1]))
        .toEqual([
          ["Ann", 1],
          ["Bo", 2],
          ["Cy", 3],
        ]);
      expect((await getFlow(page)).teams[0]?.members[2]?.attributes).toMatchObject({ regions: ["DE", "AT"] });
      expect(await axeInspector(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
