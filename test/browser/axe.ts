// axe-core in the page under test: the serious and critical violations within one part of the screen (or all of it).
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

export interface Violation {
  readonly id: string;
  readonly targets: string[];
}

/** Serious or critical violations inside the first element matching `selector` (the whole document without one). */
export async function seriousViolations(page: Page, selector?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Element | Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run((sel ? document.querySelector(sel) : null) ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  }, selector ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map(({ id, targets }) => ({ id, targets }));
}
