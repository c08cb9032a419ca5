// Adding nodes in Chromium, in English and 简体中文: a palette click puts the node in view beside the one it follows (or mid-view)
// and the view follows it; auto-wiring uses the primary port only; the "+" on a free port adds and wires the chosen node.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nodeRegistry, translate, type Lang, type NodeType } from "../../src/engine";
import { UI_TEXTS } from "../../src/i18n";
import { seriousViolations } from "./axe";
import { designerSession } from "./designer-session";
import { getFlow, node, openDesignerPage, selectNode } from "./designer-page";

const session = designerSession();

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const boxOf = async (page: Page, id: string): Promise<Box> => {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} not shown`);
  return box;
};

const canvasBox = async (page: Page): Promise<Box> => {
  const box = await page.locator("#lw-canvas").boundingBox();
  if (!box) throw new Error("no canvas");
  return box;
};

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const wires = async (page: Page) => (await getFlow(page)).edges.map((e) => `${e.source}:${e.sourcePort}>${e.target}`);

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("adding nodes in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];
  const entry = (page: Page, type: string) => page.locator(`.lw-palette-entry[data-node-type="${type}"]`);
  const nodeName = (type: NodeType) => translate(`node.${type}.name`, {}, lang);

  it(
    "puts a clicked node mid-view, then beside the node it follows, and the view follows it; wiring uses the primary port",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, viewport: { width: 1440, height: 900 } });

      // Nothing selected: the node lands in the middle of the view.
      await entry(page, "trigger").click();
      await expect.poll(() => node(page, "n1").count()).toBe(1);
      const canvas = await canvasBox(page);
      const first = await boxOf(page, "n1");
      expect(Math.abs(first.x + first.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width * 0.1);
      expect(Math.abs(first.y + first.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(canvas.height * 0.1);

      // A chain of clicks: each new node is right of the previous, at its height, wired from the primary port, and in view —
      // the chain runs far past the canvas' right edge, so the view has to follow.
      const chain = ["filter", "score", "filter", "route", "cap", "notify", "filter", "score"];
      for (const [i, type] of chain.entries()) {
        const previous = `n${i + 1}`;
        const id = `n${i + 2}`;
        await entry(page, type).click();
        await expect.poll(() => node(page, id).count()).toBe(1);
        // Polled: the view may still be gliding to the new node.
        await expect
          .poll(
            async () => {
              const [a, b] = [await boxOf(page, previous), await boxOf(page, id)];
              return {
                inView: inside(b, await canvasBox(page)),
                rightOf: b.x > a.x + a.width,
                beside: b.x - (a.x + a.width) < a.width,
                level: Math.abs(b.y - a.y) < 4,
              };
            },
            { timeout: 5_000 },
          )
          .toEqual({ inView: true, rightOf: true, beside: true, level: true });
      }
      expect(await wires(page)).toEqual([
        "n1:out>n2",
        "n2:pass>n3",
        "n3:out>n4",
        "n4:pass>n5",
        "n5:assigned>n6",
        "n6:ok>n7",
        "n7:out>n8",
        "n8:pass>n9",
      ]);

      // The route's assigned port is taken: another node after it is placed (below) but never wired from unassigned.
      await page.getByRole("button", { name: ui["canvas.fitView"] }).click();
      await selectNode(page, "n5");
      await entry(page, "notify").click();
      await expect.poll(() => node(page, "n10").count()).toBe(1);
      expect((await wires(page)).filter((w) => w.endsWith(">n10"))).toEqual([]);
      await expect.poll(async () => inside(await boxOf(page, "n10"), await canvasBox(page)), { timeout: 5_000 }).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it("adds and wires a node from the + on a free port, by mouse and by keyboard", { timeout: 180_000 }, async () => {
    const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, viewport: { width: 1280, height: 720 } });
    await entry(page, "trigger").click();
    await entry(page, "route").click();
    await expect.poll(() => node(page, "n2").count()).toBe(1);
    const plusOf = (port: string) =>
      node(page, "n2").getByRole("button", {
        name: ui["canvas.addAfter"]
          .replace("{port}", ui[port === "assigned" ? "port.assigned" : "port.unassigned"])
          .replace("{node}", nodeName("route")),
      });
    // The trigger's only port is wired: no "+" there; the route has one on each free port.
    expect(await node(page, "n1").locator(".lw-port-add").count()).toBe(0);
    expect(await node(page, "n2").locator(".lw-port-add").count()).toBe(2);

    // Mouse: "+" on unassigned → Notify.
    await plusOf("unassigned").click();
    const menu = page.getByRole("menu");
    await menu.waitFor();
    // The list offers what can follow a port: never a trigger.
    expect(await menu.getByRole("menuitem").count()).toBe(Object.keys(nodeRegistry).length - 1);
    expect(await menu.locator('[data-node-type="trigger"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await menu.getByRole("menuitem", { name: nodeName("notify") }).click();
    await expect.poll(() => node(page, "n3").count()).toBe(1);
    expect(await wires(page)).toEqual(["n1:out>n2", "n2:unassigned>n3"]);
    expect((await getFlow(page)).nodes.find((n) => n.id === "n3")?.type).toBe("notify");
    await expect.poll(async () => inside(await boxOf(page, "n3"), await canvasBox(page)), { timeout: 5_000 }).toBe(true);
    expect(await node(page, "n2").locator(".lw-port-add").count()).toBe(1);

    // Keyboard: focus "+" on assigned, Enter opens the list with the first type focused, Escape closes it, then pick Cap.
    await plusOf("assigned").focus();
    await page.keyboard.press("Enter");
    await menu.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.count()).toBe(0);
    await page.keyboard.press("Enter");
    await menu.waitFor();
    await menu.getByRole("menuitem", { name: nodeName("cap") }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => node(page, "n4").count()).toBe(1);
    expect(await wires(page)).toEqual(["n1:out>n2", "n2:unassigned>n3", "n2:assigned>n4"]);
    // Placed beside the route, not on top of the notify node.
    const [route, cap, notify] = [await boxOf(page, "n2"), await boxOf(page, "n4"), await boxOf(page, "n3")];
    expect(cap.x).toBeGreaterThan(route.x + route.width);
    expect(Math.abs(cap.y - notify.y)).toBeGreaterThan(notify.height / 2);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
