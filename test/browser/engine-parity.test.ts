// The same engine gives the same results in Node, in Chromium's main thread and in a Chromium Web Worker.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type Flow } from "../../src/engine";
import { parseLeadsCsv } from "../../src/engine/leads";
import { launchChromium } from "./chromium";
import { engineBundle } from "./engine-bundle";
import { conformanceCases, runOptionsOf } from "../conformance/cases";

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await engineBundle();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent("<!doctype html><title>engine</title>");
  await page.addScriptTag({ content: bundle });
});

afterAll(async () => {
  await browser?.close();
});

type RunArgs = { flow: unknown; leads: unknown[]; now: string; trace?: boolean; events?: unknown[] };

function inPage(args: RunArgs) {
  return page.evaluate(({ flow, leads, now, events }) => {
    const lw = (globalThis as unknown as { Leadwire: typeof import("../../src/index") }).Leadwire;
    // Compared as the JSON each side writes (trace lines put their codes into words when serialised).
    return JSON.parse(JSON.stringify(lw.compileFlow(flow).run(leads, { now, trace: true, ...(events ? { events } : {}) })));
  }, args);
}

function inWorker(args: RunArgs) {
  return page.evaluate(
    ({ code, args }) =>
      new Promise((resolve, reject) => {
        const source = `${code}\nself.onmessage = (e) => { const { flow, leads, now, trace, events } = e.data; self.postMessage(JSON.parse(JSON.stringify(Leadwire.compileFlow(flow).run(leads, { now, trace: trace !== false, ...(events ? { events } : {}) })))); };`;
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
        worker.onmessage = (e) => {
          resolve(e.data);
          worker.terminate();
        };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(args);
      }),
    { code: bundle, args },
  );
}

describe("engine parity: Node, browser and Web Worker", () => {
  for (const c of conformanceCases()) {
    it(`${c.name}: same outcomes, summary and state`, async () => {
      const args = { flow: c.flow, leads: c.leads, ...runOptionsOf(c) };
      const node = JSON.parse(JSON.stringify(compileFlow(c.flow).run(c.leads, { ...runOptionsOf(c), trace: true })));
      expect(await inPage(args)).toEqual(node);
      expect(await inWorker(args)).toEqual(node);
    });
  }

  it("the X Education export: 9,240 leads imported and routed identically in a worker", async () => {
    const flow = JSON.parse(readFileSync("test/fixtures/x-education.flow.json", "utf8")) as Flow;
    const csv = readFileSync("../shared/data/x-education/leads.csv", "utf8");
    const now = "2026-03-02T10:00:00Z";
    const leads = parseLeadsCsv(csv, flow.fields, { referenceTime: now }).leads;
    const node = JSON.parse(JSON.stringify(compileFlow(flow).run(leads, { now })));
    const browserResult = (await inWorker({ flow, leads, now, trace: false })) as typeof node;
    expect(browserResult.outcomes).toHaveLength(9240);
    expect(browserResult).toEqual(node);
  });
});
