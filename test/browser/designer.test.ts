// The designer in Chromium, used as a person would: build "trigger → filter → score → route → notify" from an empty canvas
// by dragging and typing, watch badges, undo/redo, copy/paste, a refused cycle, reload — in English and in 简体中文 — then axe.
import { mkdirSync } from "node:fs";
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConnection, loadFlow, translate, validateFlow, type EngineCode, type Flow, type Lang } from "../../src/engine";
import { NODE_TYPES, nodeUi } from "../../nodes/ui";
import { formTexts } from "../../src/designer/forms/i18n";
import { UI_TEXTS } from "../../src/i18n";
import { seriousViolations } from "./axe";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { connect, dragNode, dropFromPalette, errorBadge, getFlow, handle, mod, node, selectNode } from "./designer-page";

const SHOTS = process.env.LEADWIRE_SCREENSHOTS === "1" ? "docs/screenshots" : null;

let server: ViteDevServer;
let browser: Browser;
let url = "";

beforeAll(async () => {
  ({ server, url } = await startDevServer("designer"));
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function openDesigner(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}#/new`);
  await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
  expect(errors).toEqual([]);
  return page;
}

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("designer journey in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const forms = formTexts[lang];
  let page: Page;

  it("builds a flow from an empty canvas by dragging and typing; the result validates with the engine", { timeout: 240_000 }, async () => {
    page = await openDesigner();
    if (lang !== "en") await page.getByLabel(UI_TEXTS.en["toolbar.language"]).selectOption(lang);
    await expect.poll(() => page.getByText(ui["canvas.emptyTitle"]).isVisible()).toBe(true);
    await shot(page, `empty-${lang}`);

    await page.getByLabel(ui["toolbar.flowName"]).fill(lang === "en" ? "US & Canada web leads" : "美国和加拿大网站线索");

    // A lead field the filter can test, typed into the flow's field list (opened from the toolbar).
    await page.getByRole("button", { name: ui["flow.fields"], exact: true }).click();
    await page.getByRole("button", { name: ui["flow.addField"] }).click();
    await page.getByLabel(ui["flow.fieldKey"]).fill("country");

    // Five nodes dragged from the palette: n1 … n5.
    await dropFromPalette(page, "trigger", { x: 150, y: 120 });
    await dropFromPalette(page, "filter", { x: 450, y: 120 });
    await dropFromPalette(page, "score", { x: 750, y: 120 });
    await dropFromPalette(page, "route", { x: 450, y: 400 });
    await dropFromPalette(page, "notify", { x: 750, y: 400 });
    expect((await getFlow(page)).nodes.map((n) => n.type)).toEqual(["trigger", "filter", "score", "route", "notify"]);

    // Ports connected by dragging handle to handle.
    await connect(page, ["n1", "out"], "n2");
    await connect(page, ["n2", "pass"], "n3");
    await connect(page, ["n3", "out"], "n4");
    await connect(page, ["n4", "assigned"], "n5");
    expect((await getFlow(page)).edges.map((e) => `${e.source}:${e.sourcePort}>${e.target}`)).toEqual([
      "n1:out>n2",
      "n2:pass>n3",
      "n3:out>n4",
      "n4:assigned>n5",
    ]);

    // Filter: country is one of US, CA — the error badge goes away once the value is filled in.
    await selectNode(page, "n2");
    const inspector = page.locator(".lw-inspector");
    await inspector.getByRole("button", { name: forms["forms.cond.addRule"] }).click();
    await inspector.getByLabel(forms["forms.cond.field"], { exact: true }).selectOption("country");
    await inspector.getByLabel(forms["forms.cond.operator"], { exact: true }).selectOption("in");
    await expect.poll(() => errorBadge(page, "n2").count()).toBe(1);
    const values = inspector.getByLabel(forms["forms.cond.value"], { exact: true });
    await values.fill("US");
    await values.press("Enter");
    await expect.poll(() => errorBadge(page, "n2").count()).toBe(0);
    await values.fill("CA");
    await values.press("Enter");

    // Route: round robin to a new 3-member team; the badge disappears once the team has members.
    await selectNode(page, "n4");
    await expect.poll(() => errorBadge(page, "n4").count()).toBe(1);
    await inspector.getByRole("button", { name: forms["forms.route.editTeams"] }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: forms["forms.roster.addTeam"] }).click();
    for (const [i, name] of ["Ann", "Bo", "Cy"].entries()) {
      await dialog.getByRole("button", { name: forms["forms.roster.addMember"] }).click();
      const column = forms["forms.roster.name"];
      await dialog
        .getByLabel(forms["forms.roster.cell"].replace("{column}", column).replace("{n}", String(i + 1)), { exact: true })
        .fill(name);
    }
    await dialog.getByRole("button", { name: forms["forms.dialog.close"] }).first().click();
    await expect.poll(() => errorBadge(page, "n4").count()).toBe(0);
    const built = await getFlow(page);
    expect(built.teams[0]?.members.map((m) => m.name)).toEqual(["Ann", "Bo", "Cy"]);
    expect(built.nodes[3]?.config).toMatchObject({ team: built.teams[0]?.id, strategy: "round_robin" });
    expect(built.nodes[1]?.config).toMatchObject({
      conditions: { op: "all", rules: [{ field: "country", operator: "in", value: ["US", "CA"] }] },
    });
    // A drag is one undo step; undo and redo by keyboard and by the toolbar.
    const before = (await getFlow(page)).nodes[4]?.position;
    await dragNode(page, "n5", { x: 60, y: 100 });
    const after = (await getFlow(page)).nodes[4]?.position;
    expect(after).not.toEqual(before);
    await page.locator(".react-flow__pane").click({ position: { x: 40, y: 600 } });
    await page.keyboard.press(mod("z"));
    expect((await getFlow(page)).nodes[4]?.position).toEqual(before);
    await page.keyboard.press(mod("Shift+z"));
    expect((await getFlow(page)).nodes[4]?.position).toEqual(after);
    await page.getByRole("button", { name: ui["toolbar.undo"], exact: true }).click();
    expect((await getFlow(page)).nodes[4]?.position).toEqual(before);
    await page.getByRole("button", { name: ui["toolbar.redo"], exact: true }).click();
    expect((await getFlow(page)).nodes[4]?.position).toEqual(after);

    // Copy and paste a node (new id, same config, offset), then delete the copy.
    await selectNode(page, "n5");
    await page.keyboard.press(mod("c"));
    await page.keyboard.press(mod("v"));
    await expect.poll(() => node(page, "n6").count()).toBe(1);
    const pasted = await getFlow(page);
    expect(pasted.nodes[5]).toMatchObject({
      type: "notify",
      config: pasted.nodes[4]?.config,
      position: { x: (after?.x ?? 0) + 40, y: (after?.y ?? 0) + 40 },
    });
    await page.keyboard.press("Delete");
    await expect.poll(() => node(page, "n6").count()).toBe(0);

    // A cycle is refused, and the engine's reason is shown on the spot.
    const expected = checkConnection(await getFlow(page), { source: "n5", sourcePort: "out", target: "n2" }, lang)[0]?.message ?? "";
    expect(expected).not.toBe("");
    await connect(page, ["n5", "out"], "n2");
    const alert = page.locator(".lw-canvas [role=alert]");
    await expect.poll(() => alert.innerText()).toContain(expected);
    expect((await getFlow(page)).edges).toHaveLength(4);
    await shot(page, `refused-${lang}`);
    await alert.getByRole("button", { name: ui["canvas.dismiss"] }).click();

    // Auto-layout tidies the hand-placed nodes (and fits them in view) before the screenshot.
    const handPlaced = (await getFlow(page)).nodes.map((n) => n.position);
    await page.getByRole("button", { name: ui["toolbar.layout"] }).click();
    await expect.poll(async () => (await getFlow(page)).nodes.map((n) => n.position), { timeout: 30_000 }).not.toEqual(handPlaced);
    await page.waitForTimeout(500);
    await selectNode(page, "n4");
    await shot(page, `designer-${lang}`);

    // The document is valid for the engine: it loads, and validation reports no error.
    const flow = await getFlow(page);
    expect(() => loadFlow(flow)).not.toThrow();
    expect(validateFlow(flow).filter((i) => i.severity === "error")).toEqual([]);

    // A reload shows the same flow in the same language.
    await page.waitForTimeout(600);
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    expect((await getFlow(page)).nodes).toHaveLength(5);
    await expect.poll(() => page.getByRole("button", { name: ui["toolbar.undo"], exact: true }).count()).toBe(1);
  });

  it("has no serious or critical accessibility violation on the main screen", { timeout: 60_000 }, async () => {
    await selectNode(page, "n4");
    await page.getByRole("button", { name: forms["forms.route.editTeams"] }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: ui["toolbar.help"] }).click();
    await expect.poll(() => page.getByRole("dialog", { name: ui["help.title"] }).isVisible()).toBe(true);
    await shot(page, `shortcuts-${lang}`);
    await page.keyboard.press("Escape");
    await page.context().close();
  });
});

describe("designer canvas tools", () => {
  const ui = UI_TEXTS.en;

  it(
    "searches the palette, adds by click after the selection (auto-wired), box-selects, moves several nodes as one step, lays out, and jumps to an issue",
    { timeout: 180_000 },
    async () => {
      const page = await openDesigner();
      const search = page.getByLabel(ui["palette.search"]);
      await search.fill("owner");
      // Every node type whose name or description mentions owners, and no other.
      const mentionsOwner = NODE_TYPES.filter((type) =>
        [nodeUi[type].palette.name, nodeUi[type].palette.description].some((code) =>
          translate(code as EngineCode, {}, "en")
            .toLowerCase()
            .includes("owner"),
        ),
      ).length;
      expect(mentionsOwner).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator(".lw-palette-entry").count()).toBe(mentionsOwner);
      await search.fill("zzz");
      await expect.poll(() => page.getByText(ui["palette.empty"].replace("{query}", "zzz")).isVisible()).toBe(true);
      await search.fill("");

      // Click to add: the first node lands in the view; the next ones come after the selected node, wired from its primary port;
      // the "+" on the filter's free fail port adds a node wired from fail.
      const entry = (type: string) => page.locator(`.lw-palette-entry[data-node-type="${type}"]`);
      await entry("trigger").click();
      await entry("filter").click();
      await entry("route").click();
      await page
        .getByRole("button", { name: ui["canvas.addAfter"].replace("{port}", ui["port.fail"]).replace("{node}", "Filter") })
        .click();
      await page.getByRole("menuitem", { name: "Notify" }).click();
      const added = await getFlow(page);
      expect(added.edges.map((e) => `${e.source}:${e.sourcePort}>${e.target}`)).toEqual(["n1:out>n2", "n2:pass>n3", "n2:fail>n4"]);

      // Box selection (toolbar mode), then one drag moves all selected nodes; one undo puts them all back.
      await page.getByRole("button", { name: ui["toolbar.boxSelect"] }).click();
      const pane = await page.locator(".react-flow__pane").boundingBox();
      if (!pane) throw new Error("no canvas");
      await page.mouse.move(pane.x + 5, pane.y + 5);
      await page.mouse.down();
      await page.mouse.move(pane.x + pane.width - 5, pane.y + pane.height - 5, { steps: 10 });
      await page.mouse.up();
      await expect.poll(() => page.locator(".react-flow__node.selected").count()).toBe(4);
      await page.getByRole("button", { name: ui["toolbar.boxSelect"] }).click();
      const before = (await getFlow(page)).nodes.map((n) => n.position);
      await dragNode(page, "n1", { x: 80, y: 60 });
      const moved = (await getFlow(page)).nodes.map((n) => n.position);
      moved.forEach((p, i) => expect(p?.x).toBe((before[i]?.x ?? 0) + (moved[0]?.x ?? 0) - (before[0]?.x ?? 0)));
      await page.getByRole("button", { name: ui["toolbar.undo"], exact: true }).click();
      expect((await getFlow(page)).nodes.map((n) => n.position)).toEqual(before);

      // Auto-layout left to right, one undo step.
      await page.getByRole("button", { name: ui["toolbar.layout"] }).click();
      await expect.poll(async () => (await getFlow(page)).nodes.map((n) => n.position), { timeout: 30_000 }).not.toEqual(before);
      const laid = await getFlow(page);
      const x = (id: string) => laid.nodes.find((n) => n.id === id)?.position?.x ?? 0;
      expect(x("n1")).toBeLessThan(x("n2"));
      expect(x("n2")).toBeLessThan(x("n3"));
      await page.keyboard.press(mod("z"));
      expect((await getFlow(page)).nodes.map((n) => n.position)).toEqual(before);

      // The issues panel lists the route's missing team; choosing it selects the node.
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      await page.getByRole("button", { name: ui["issues.title"], exact: true }).click();
      await page
        .locator(".lw-problems")
        .getByRole("button")
        .filter({ hasText: translate("route.no_team", {}, "en") })
        .click();
      await expect.poll(() => page.locator(".react-flow__node.selected").getAttribute("data-id")).toBe("n3");

      // Zoomed far out, the cards keep icon, name and badge but hide the small print, the edges' port labels and the dot
      // grid; zooming
      // back in shows them again, and the cards keep their size (nothing is re-laid out).
      const summary = page.locator('.react-flow__node[data-id="n1"] .lw-card-summary');
      const portLabel = page.locator(".react-flow__edge-text").first();
      await expect.poll(() => summary.isVisible()).toBe(true);
      await expect.poll(() => portLabel.isVisible()).toBe(true);
      const layoutSize = () => node(page, "n2").evaluate((el) => [(el as HTMLElement).offsetWidth, (el as HTMLElement).offsetHeight]);
      const size = await layoutSize();
      const zoomOut = page.getByRole("button", { name: ui["canvas.zoomOut"] });
      for (let i = 0; i < 6; i++) await zoomOut.click();
      await expect.poll(() => summary.isVisible()).toBe(false);
      expect(await portLabel.isVisible()).toBe(false);
      expect(await node(page, "n2").locator(".lw-card-name").isVisible()).toBe(true);
      expect(await errorBadge(page, "n3").isVisible()).toBe(true);
      expect(await page.locator(".react-flow__background").isVisible()).toBe(false); // the dot grid would be noise
      expect(await layoutSize()).toEqual(size);
      const zoomIn = page.getByRole("button", { name: ui["canvas.zoomIn"] });
      for (let i = 0; i < 6; i++) await zoomIn.click();
      await expect.poll(() => summary.isVisible()).toBe(true);
      expect(await portLabel.isVisible()).toBe(true);
      expect(await page.locator(".react-flow__background").isVisible()).toBe(true);
      await page.context().close();
    },
  );

  it(
    "refuses a second edge from one output and an edge into a trigger, saying why; a drop on a card connects to its input",
    { timeout: 120_000 },
    async () => {
      const page = await openDesigner();
      const flow: Flow = {
        format: "leadwire.flow",
        version: 2,
        id: "f_refuse",
        name: "Refusals",
        description: "",
        settings: { timezone: "UTC", seed: 1 },
        fields: [{ key: "country", label: "Country", type: "string" }],
        teams: [],
        nodes: [
          { id: "n1", type: "trigger", label: "Web", position: { x: 40, y: 60 }, config: { sources: [] } },
          { id: "n2", type: "filter", label: "US", position: { x: 340, y: 60 }, config: { conditions: { op: "all", rules: [] } } },
          { id: "n3", type: "score", label: "Score", position: { x: 640, y: 60 }, config: { field: "score", base: 0, rules: [] } },
          {
            id: "n4",
            type: "notify",
            label: "Tell",
            position: { x: 640, y: 300 },
            config: { channel: "email", to: "sales@example.com", subject: "", template: "New lead" },
          },
        ],
        edges: [
          { id: "e1", source: "n1", sourcePort: "out", target: "n2" },
          { id: "e2", source: "n2", sourcePort: "pass", target: "n3" },
        ],
      };
      await page.evaluate((f) => window.__leadwire?.openFlow(f), flow);
      await node(page, "n4").waitFor();
      const alert = page.locator(".lw-canvas [role=alert]");

      // "pass" already has an edge: a second one is refused with the engine's reason.
      const expected = checkConnection(flow, { source: "n2", sourcePort: "pass", target: "n4" }, "en")[0]?.message ?? "";
      expect(expected).not.toBe("");
      await connect(page, ["n2", "pass"], "n4");
      await expect.poll(() => alert.innerText()).toContain(expected);
      expect((await getFlow(page)).edges).toEqual(flow.edges);
      await alert.getByRole("button", { name: ui["canvas.dismiss"] }).click();

      // A trigger has no input: an output dropped onto its card is refused with the engine's reason; nothing is added.
      const dropOnCard = async (from: [string, string], onto: string) => {
        const start = await handle(page, from[0], from[1]).boundingBox();
        const card = await node(page, onto).locator(".lw-card-name").boundingBox();
        if (!start || !card) throw new Error("not laid out");
        await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
        await page.mouse.down();
        await page.mouse.move(start.x + 20, start.y + 10, { steps: 2 });
        await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2, { steps: 12 });
        await page.mouse.up();
      };
      const intoTrigger = checkConnection(flow, { source: "n3", sourcePort: "out", target: "n1" }, "en")[0]?.message ?? "";
      expect(intoTrigger).not.toBe("");
      await dropOnCard(["n3", "out"], "n1");
      await expect.poll(() => alert.innerText()).toContain(intoTrigger);
      expect((await getFlow(page)).edges).toEqual(flow.edges);
      await alert.getByRole("button", { name: ui["canvas.dismiss"] }).click();

      // Dropped onto the card of a node that has an input, the edge goes to that input.
      await dropOnCard(["n3", "out"], "n4");
      await expect
        .poll(async () => (await getFlow(page)).edges.map((e) => `${e.source}:${e.sourcePort}>${e.target}`))
        .toEqual(["n1:out>n2", "n2:pass>n3", "n3:out>n4"]);
      await page.context().close();
    },
  );

  it("follows the browser's language on first visit and remembers the one chosen", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${url}#/new`);
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    const zh = UI_TEXTS["zh-CN"];
    await expect.poll(() => page.getByLabel(zh["toolbar.language"]).inputValue()).toBe("zh-CN");
    expect(await page.getByRole("button", { name: zh["toolbar.undo"], exact: true }).count()).toBe(1);
    await page.getByLabel(zh["toolbar.language"]).selectOption("en");
    await expect.poll(() => page.getByRole("button", { name: ui["toolbar.undo"], exact: true }).count()).toBe(1);
    await page.reload();
    await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByLabel(ui["toolbar.language"]).inputValue()).toBe("en");
    await context.close();
  });
});
