// Who is next, in Chromium, in English and 简体中文: after a run, each route lists its next five owners in order, each
// member's counts, room left, and who is skipped now and why — the engine's rotationView of the run's state, unchanged.
import { describe, expect, it } from "vitest";
import { compileFlow, rotationView, translate, type Lang } from "../../src/engine";
import { generateLeads } from "../../src/simulation";
import { UI_TEXTS } from "../../src/i18n";
import { TEMPLATES } from "../../src/templates";
import { seriousViolations } from "./axe";
import { designerSession, fillText } from "./designer-session";
import { openDesignerPage } from "./designer-page";

const session = designerSession();

describe.each<{ lang: Lang }>([{ lang: "en" }, { lang: "zh-CN" }])("who is next in $lang", ({ lang }) => {
  const ui = UI_TEXTS[lang];

  it(
    "shows each route's next five, counts, room left and who is skipped, as the engine reads the run's state",
    { timeout: 240_000 },
    async () => {
      const flow = TEMPLATES.find((t) => t.id === "daily-caps")?.flowFor(lang);
      if (!flow) throw new Error("template missing");
      // What the engine says for the same leads: the run's state, read at its last lead's time.
      const leads = generateLeads(flow, 300, { seed: 4 });
      const state = compileFlow(flow).run(leads).state;
      const end = Math.max(...leads.map((l) => Date.parse(String(l.createdAt))));
      const expected = rotationView(flow, state, end);
      expect(expected.length).toBeGreaterThan(0);

      const { page, errors } = await openDesignerPage(session.browser, session.url, { lang, flow, viewport: { width: 1440, height: 900 } });
      await page.getByRole("button", { name: ui["simui.title"] }).click();
      await page.getByLabel(ui["simui.count"]).fill("300");
      await page.getByLabel(ui["simui.seed"]).fill("4");
      await page.getByRole("button", { name: ui["simui.generateButton"] }).click();
      await page.getByRole("button", { name: ui["simui.run"], exact: true }).click();
      await page.locator(".lw-sim-rowcount").waitFor({ timeout: 60_000 });
      await page.getByRole("tab", { name: ui["next.tab"] }).click();

      for (const route of expected) {
        const section = page.getByRole("region", { name: fillText(ui["next.routeTitle"], { name: route.name }) });
        await section.waitFor({ timeout: 30_000 });
        const order = await section
          .getByRole("list", { name: ui["next.order"] })
          .locator("li")
          .allTextContents()
          .catch(() => []);
        expect(order).toEqual(route.next.map((m, i) => `${i + 1}${m.name}`));
        const rows = await section
          .locator("tbody tr")
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
        expect(rows).toEqual(
          route.members.map((m) => [
            m.name,
            String(m.today),
            String(m.thisWeek),
            String(m.open),
            m.capacityLeft === null ? ui["next.noLimit"] : String(m.capacityLeft),
            m.skipped
              ? fillText(ui["next.skipped"], { reason: translate(m.skipped.code, m.skipped.params ?? {}, lang) })
              : ui["next.canTake"],
          ]),
        );
      }
      // The daily cap is what a manager watches: somebody has used part of the day's room after 300 leads.
      expect(expected.some((r) => r.members.some((m) => m.today > 0))).toBe(true);
      expect(await seriousViolations(page, ".lw-sim")).toEqual([]);
      if (process.env.LEADWIRE_SCREENSHOTS === "1") {
        await page.screenshot({ path: `docs/screenshots/who-is-next-${lang}.png` });
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.screenshot({ path: `docs/screenshots/who-is-next-1280-${lang}.png` });
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
