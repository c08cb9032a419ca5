// Room to see the flow, in Chromium at 1440×900 and 1280×720, in English and 简体中文: the canvas keeps half the window with Leads &
// Run open, overlays cover at most a tenth of it, a 9-node flow at fit view has readable names, the page never scrolls, the
// palette folds (remembered), the inspector only takes room while something is selected, and the split is resizable.
import { mkdirSync } from "node:fs";
import type { ViteDevServer } from "vite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Edge, Flow, Lang, NodeType } from "../../src/engine";
import { emptyFlow, newNode } from "../../src/designer/document";
import { UI_TEXTS } from "../../src/i18n";
import { seriousViolations } from "./axe";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";
import { getFlow, openDesignerPage, selectNode } from "./designer-page";

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

/** The standard flow of issue 16: trigger → filter → score → grade split → seniors / juniors → daily cap → rep / overflow. */
function nineNodeFlow(): Flow {
  const spec: [NodeType, string][] = [
    ["trigger", "New lead"],
    ["filter", "Web leads only"],
    ["score", "Lead score"],
    ["filter", "Grade A?"],
    ["route", "Senior reps"],
    ["route", "Junior reps"],
    ["cap", "Daily cap"],
    ["notify", "Tell the rep"],
    ["notify", "Overflow queue"],
  ];
  const wires: [number, string, number][] = [
    [1, "out", 2],
    [2, "pass", 3],
    [3, "out", 4],
    [4, "pass", 5],
    [4, "fail", 6],
    [5, "assigned", 7],
    [6, "assigned", 7],
    [7, "ok", 8],
    [7, "overflow", 9],
  ];
  const base = emptyFlow("f_room");
  // Placed in a row far apart: auto-layout has to bring them together.
  const nodes = spec.map(([type, label], i) => newNode(type, `n${i + 1}`, { x: i * 400, y: (i % 2) * 300 }, label));
  const edges: Edge[] = wires.map(([from, port, to], i) => ({ id: `e${i + 1}`, source: `n${from}`, sourcePort: port, target: `n${to}` }));
  return { ...base, name: "Room test", nodes, edges };
}

interface Room {
  readonly canvas: { width: number; height: number };
  readonly windowHeight: number;
  readonly scrolls: boolean;
  readonly overlayShare: number;
  readonly toolbarTop: number;
}

/** What a person sees: the canvas' size, whether the page scrolls, and how much of the canvas other things cover. */
const measureRoom = (page: Page): Promise<Room> =>
  page.evaluate(() => {
    const canvas = document.getElementById("lw-canvas");
    if (!canvas) throw new Error("no canvas");
    const c = canvas.getBoundingClientRect();
    const area = (r: DOMRect) =>
      Math.max(0, Math.min(r.right, c.right) - Math.max(r.left, c.left)) *
      Math.max(0, Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top));
    // Everything drawn over the canvas: React Flow's panels (minimap, zoom controls) and the designer's panels and bars.
    const overlays = [...document.querySelectorAll(".react-flow__panel, .lw-problems, .lw-sim, .lw-inspector, .lw-palette, .lw-toolbar")];
    const covered = overlays.reduce((sum, el) => sum + area(el.getBoundingClientRect()), 0);
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      canvas: { width: c.width, height: c.height },
      windowHeight: window.innerHeight,
      scrolls: scroller.scrollHeight > scroller.clientHeight || scroller.scrollWidth > scroller.clientWidth,
      overlayShare: covered / (c.width * c.height),
      toolbarTop: document.querySelector(".lw-toolbar")?.getBoundingClientRect().top ?? -1,
    };
  });

/** The smallest rendered node name: its computed font size times the canvas zoom, and the glyph box height of its text. */
const smallestTitle = (page: Page): Promise<{ px: number; boxPx: number; count: number; allInView: boolean }> =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
    const c = document.getElementById("lw-canvas")?.getBoundingClientRect();
    const names = [...document.querySelectorAll<HTMLElement>(".lw-card-name")];
    let px = Infinity;
    let boxPx = Infinity;
    let allInView = true;
    for (const name of names) {
      px = Math.min(px, parseFloat(getComputedStyle(name).fontSize) * zoom);
      const range = document.createRange();
      range.selectNodeContents(name);
      const line = range.getClientRects()[0];
      if (line) boxPx = Math.min(boxPx, line.height);
      const r = name.getBoundingClientRect();
      if (!c || r.left < c.left || r.right > c.right || r.top < c.top || r.bottom > c.bottom) allInView = false;
    }
    return { px, boxPx, count: names.length, allInView };
  });

const simHeight = (page: Page) => page.locator(".lw-sim").evaluate((el) => el.getBoundingClientRect().height);

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("room in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  describe.each([
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ])("at $width×$height", (viewport) => {
    it(
      "fits a 9-node flow with readable names; the canvas keeps half the window with Leads & Run open; nothing scrolls",
      { timeout: 180_000 },
      async () => {
        const { page, errors } = await openDesignerPage(browser, url, { lang, viewport, flow: nineNodeFlow() });
        await expect.poll(() => page.locator(".lw-card-name").count()).toBe(9);

        // Nothing selected: no inspector, no minimap; the page does not scroll.
        expect(await page.locator(".lw-inspector").count()).toBe(0);
        expect(await page.locator(".react-flow__minimap").count()).toBe(0);

        // Auto-layout, then fit view: every name in view, none smaller than 11 px at 1440×900.
        const before = (await getFlow(page)).nodes.map((n) => n.position);
        await page.getByRole("button", { name: ui["toolbar.layout"] }).click();
        await expect.poll(async () => (await getFlow(page)).nodes.map((n) => n.position), { timeout: 30_000 }).not.toEqual(before);
        await page.getByRole("button", { name: ui["canvas.fitView"] }).click();
        await expect.poll(async () => (await smallestTitle(page)).allInView, { timeout: 10_000 }).toBe(true);
        const titles = await smallestTitle(page);
        expect(titles.count).toBe(9);
        if (viewport.width === 1440) {
          expect(titles.px).toBeGreaterThanOrEqual(11);
          expect(titles.boxPx).toBeGreaterThanOrEqual(11);
        }
        const closed = await measureRoom(page);
        expect(closed.scrolls).toBe(false);
        expect(closed.overlayShare).toBeLessThanOrEqual(0.1);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/room-fit-${viewport.width}-${lang}.png` });

        // Leads & Run open: the canvas keeps at least half the window, the toolbar stays at the top, the page does not scroll.
        await page.getByRole("button", { name: ui["simui.title"] }).click();
        await page.locator(".lw-sim-body").waitFor({ timeout: 60_000 });
        // The minimap, turned on from the toolbar, counts as an overlay too.
        await page.getByRole("button", { name: ui["toolbar.minimap"] }).click();
        await page.locator(".react-flow__minimap").waitFor();
        // The view keeps its centre as the canvas gets shorter: the flow's middle stays on screen, not under the drawer.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const c = document.getElementById("lw-canvas")?.getBoundingClientRect();
              const cards = [...document.querySelectorAll(".lw-card")].map((el) => el.getBoundingClientRect());
              if (!c || cards.length === 0) return false;
              const middle = (Math.min(...cards.map((r) => r.top)) + Math.max(...cards.map((r) => r.bottom))) / 2;
              return middle > c.top && middle < c.bottom;
            }),
          )
          .toBe(true);
        const open = await measureRoom(page);
        expect(open.canvas.height).toBeGreaterThanOrEqual(open.windowHeight / 2);
        expect(open.overlayShare).toBeLessThanOrEqual(0.1);
        expect(open.scrolls).toBe(false);
        expect(open.toolbarTop).toBe(0);
        // Even pulled to its tallest, the drawer leaves the canvas half the window.
        await page.getByRole("separator", { name: ui["simui.resize"] }).focus();
        await page.keyboard.press("Home");
        const tallest = await measureRoom(page);
        expect(tallest.canvas.height).toBeGreaterThanOrEqual(tallest.windowHeight / 2);
        expect(tallest.scrolls).toBe(false);
        // Scrolling the page (a wheel over the toolbar) moves nothing.
        await page.mouse.move(viewport.width / 2, 20);
        await page.mouse.wheel(0, 800);
        expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop)).toBe(0);
        if (SHOTS) {
          await page.screenshot({ path: `${SHOTS}/room-run-${viewport.width}-${lang}.png` });
          console.log(
            `room ${lang} ${viewport.width}x${viewport.height}: names ${titles.px.toFixed(1)} px (glyph box ${titles.boxPx.toFixed(1)}); canvas ${Math.round(open.canvas.height)} of ${open.windowHeight} px with Leads & Run open (${Math.round(tallest.canvas.height)} at its tallest); overlays ${(closed.overlayShare * 100).toFixed(1)} % closed, ${(open.overlayShare * 100).toFixed(1)} % open with minimap`,
          );
        }

        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      },
    );
  });

  it(
    "folds the palette to icons and splits Leads & Run by drag or keys, both remembered; the inspector comes with a selection",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openDesignerPage(browser, url, { lang, viewport: { width: 1280, height: 720 }, flow: nineNodeFlow() });
      const canvasWidth = () => page.locator("#lw-canvas").evaluate((el) => el.getBoundingClientRect().width);

      // The inspector takes room only while a node is selected (or the lead fields are open), and closes again.
      const wide = await canvasWidth();
      await selectNode(page, "n3");
      await page.locator(".lw-inspector").waitFor();
      expect(await canvasWidth()).toBeLessThan(wide);
      await page.getByRole("button", { name: ui["inspector.close"] }).click();
      await expect.poll(() => page.locator(".lw-inspector").count()).toBe(0);
      expect(await canvasWidth()).toBe(wide);
      await page.getByRole("button", { name: ui["flow.fields"] }).click();
      await page.getByRole("button", { name: ui["flow.addField"] }).waitFor();
      await page.getByRole("button", { name: ui["flow.fields"] }).click();
      await expect.poll(() => page.locator(".lw-inspector").count()).toBe(0);

      // Fold the palette: icons only, the canvas grows, an icon still adds its node.
      await page.getByRole("button", { name: ui["palette.fold"] }).click();
      await expect.poll(canvasWidth).toBeGreaterThan(wide + 100);
      expect(await page.locator(".lw-palette-desc").count()).toBe(0);
      await page.locator('.lw-palette-entry[data-node-type="notify"]').click();
      await expect.poll(async () => (await getFlow(page)).nodes.length).toBe(10);

      // The split: arrow keys and a drag change the drawer's height.
      await page.getByRole("button", { name: ui["simui.title"] }).click();
      await page.locator(".lw-sim-body").waitFor({ timeout: 60_000 });
      const separator = page.getByRole("separator", { name: ui["simui.resize"] });
      const start = await simHeight(page);
      await separator.focus();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => simHeight(page)).toBeLessThan(start - 40);
      const box = await separator.boundingBox();
      if (!box) throw new Error("no separator");
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y - 30, { steps: 5 });
      await page.mouse.up();
      const dragged = await simHeight(page);
      expect(dragged).toBeGreaterThan(start - 48 + 20);

      // After a reload: palette still folded, minimap still off, drawer the same height when reopened.
      await page.reload();
      await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
      expect(await page.locator(".lw-palette-folded").count()).toBe(1);
      expect(await page.locator(".react-flow__minimap").count()).toBe(0);
      await page.getByRole("button", { name: ui["simui.title"] }).click();
      await page.locator(".lw-sim-body").waitFor({ timeout: 60_000 });
      expect(Math.abs((await simHeight(page)) - dragged)).toBeLessThanOrEqual(2);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: ui["palette.unfold"] }).click();
      await page.locator(".lw-palette-desc").first().waitFor();
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
