// Table-driven conformance: every fixture's flow + leads give exactly the expected outcomes (run in Node here, in Chromium by test/browser).
import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine";
import { conformanceCases, runOptionsOf } from "./cases";

describe("conformance fixtures", () => {
  for (const c of conformanceCases()) {
    it(`${c.name}: ${c.description}`, () => {
      const { outcomes, summary, warnings, notDue } = compileFlow(c.flow).run(c.leads, runOptionsOf(c));
      expect(outcomes.length).toBe(c.expect.length);
      c.expect.forEach((want, i) => expect(outcomes[i]).toMatchObject(want));
      if (c.summary) expect(summary).toMatchObject(c.summary);
      if (c.warnings) expect(warnings ?? []).toMatchObject(c.warnings);
      if (c.notDue) expect(notDue).toEqual(c.notDue);
    });
  }
});
