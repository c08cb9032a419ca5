// One Vite dev server and one Chromium shared by the tests of a browser test file: started before them, closed after.
import type { Browser } from "playwright-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium";
import { startDevServer } from "./dev-server";

export interface DesignerSession {
  /** The designer's address (set once the tests start). */
  readonly url: string;
  readonly browser: Browser;
}

export function designerSession(): DesignerSession {
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  let url = "";
  beforeAll(async () => {
    ({ server, url } = await startDevServer("designer"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not started yet (use the session inside a test)");
      return browser;
    },
  };
}

/** A UI text with its {placeholders} filled in, as the designer shows it. */
export const fillText = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
