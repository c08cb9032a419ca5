// Launches Debian's Chromium on a persistent profile directory (same flags as launchChromium), so a test can close and reopen it.
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

export function launchPersistentChromium(userDataDir: string, locale = "en-US"): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
    locale,
    acceptDownloads: true,
  });
}
