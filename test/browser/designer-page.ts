// Drives the designer like a person in browser tests: drag from the palette, drag handle to handle, click, type, press keys.
import type { Browser, Locator, Page } from "playwright-core";
import type { Flow, Issue } from "../../src/engine";

export interface XY {
  readonly x: number;
  readonly y: number;
}

export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const errorBadge = (page: Page, id: string): Locator => node(page, id).locator(".lw-badge-error");
export const handle = (page: Page, id: string, port: string): Locator =>
  node(page, id).locator(`.react-flow__handle[data-handleid="${port}"]`);

async function centre(locator: Locator): Promise<XY> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette entry onto the canvas, dropping it at `at` (relative to the canvas' top-left corner). */
export async function dropFromPalette(page: Page, type: string, at: XY): Promise<void> {
  const before = await page.locator(".react-flow__node").count();
  await page.dragAndDrop(`.lw-palette-entry[data-node-type="${type}"]`, ".react-flow__pane", { targetPosition: at });
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node").length > n, before);
}

/** Presses on one port's handle and moves, in small steps, onto another node's input, then releases. */
export async function connect(page: Page, from: [string, string], to: string, toPort = "in"): Promise<void> {
  const a = await centre(handle(page, from[0], from[1]));
  const b = await centre(handle(page, to, toPort));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 10, a.y + 5, { steps: 2 });
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

/** Moves a node by dragging its card. */
export async function dragNode(page: Page, id: string, by: XY): Promise<void> {
  const box = await node(page, id).locator(".lw-card-name").boundingBox();
  if (!box) throw new Error(`node ${id} not visible`);
  const start = { x: box.x + 10, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 15 });
  await page.mouse.up();
}

/** Selects a node by clicking its card. */
export async function selectNode(page: Page, id: string): Promise<void> {
  const card = node(page, id);
  const selected = card.and(page.locator(".react-flow__node.selected"));
  // A click while the canvas is still settling (fit view, a lazy form loading, a busy machine) can miss; the user would
  // click again, so do we, a few times, before giving up.
  for (let attempt = 1; ; attempt++) {
    await card.locator(".lw-card-name").click();
    try {
      await selected.waitFor({ timeout: 8_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

export const getFlow = (page: Page): Promise<Flow> =>
  page.evaluate(() => {
    const hook = window.__leadwire;
    if (!hook) throw new Error("the designer's test hook is missing");
    return hook.getFlow();
  });

export const getIssues = (page: Page): Promise<readonly Issue[]> => page.evaluate(() => window.__leadwire?.getIssues() ?? []);

/** A modifier-key chord the way the platform spells it (Chromium on Linux: Control). */
export const mod = (key: string) => `Control+${key}`;

export interface OpenOptions {
  readonly lang?: "en" | "zh-CN";
  /** A flow opened through the test hook once the canvas shows. */
  readonly flow?: Flow;
  readonly viewport?: { width: number; height: number };
  readonly acceptDownloads?: boolean;
}

/** A new browser context (locale and stored language set) on the designer; page errors are collected in `errors`. */
export async function openDesignerPage(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const lang = options.lang ?? "en";
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 1100 },
    locale: lang === "zh-CN" ? "zh-CN" : "en-US",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  await context.addInitScript((l) => window.localStorage.setItem("leadwire.lang", l), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // A URL without a route starts an empty flow (a bare URL is the home screen on a first visit).
  await page.goto(url.includes("#") ? url : `${url}#/new`);
  await page.locator(".react-flow__pane").waitFor({ timeout: 90_000 });
  if (options.flow) await page.evaluate((flow) => window.__leadwire?.openFlow(flow), options.flow);
  return { page, errors };
}
