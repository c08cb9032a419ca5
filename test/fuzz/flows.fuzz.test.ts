// Fuzz: thousands of mutated flow documents through loadFlow, validateFlow, compileFlow and a run — only documented
// errors, no prototype pollution, each within a bound.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFlow, FlowValidationError } from "../../src/engine";
import { FlowLoadError, loadFlow, safeLoadFlow } from "../../src/engine";
import { validateFlow } from "../../src/engine";
import { cappedRoundRobin, patternFlow } from "../runtime/flows";
import { mutate, mutations, prototypesClean } from "./mutate";

const BASES = [
  cappedRoundRobin({ notify: true }),
  patternFlow(3),
  JSON.parse(readFileSync(new URL("../fixtures/x-education.flow.json", import.meta.url), "utf8")) as unknown,
];
const LEADS = [
  { id: "a", createdAt: "2026-03-02T10:00:00Z", source: "web", email: "ann@example.com", country: "DE" },
  { id: "b", createdAt: "2026-03-02T11:00:00Z", email: "x".repeat(2_000) },
  { id: "c" },
  42,
];
/** Per document: load, validate, compile and run take far less; a hang or a blow-up fails here. */
const BOUND_MS = 2_000;

function exercise(doc: unknown, asText: boolean): void {
  const started = performance.now();
  const input = asText ? JSON.stringify(doc) : doc;
  const loaded = safeLoadFlow(input);
  if (!loaded.ok) {
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(() => loadFlow(input)).toThrow(FlowLoadError);
  } else {
    const issues = validateFlow(loaded.flow);
    // Linear-size output: never more issues than the flow has parts, with short messages.
    expect(issues.length).toBeLessThanOrEqual(
      10 + 4 * (loaded.flow.nodes.length + loaded.flow.edges.length + loaded.flow.teams.length + loaded.flow.fields.length),
    );
    try {
      const compiled = compileFlow(loaded.flow);
      const { outcomes } = compiled.run(LEADS, { now: "2026-03-02T12:00:00Z" });
      expect(outcomes).toHaveLength(LEADS.length);
    } catch (error) {
      if (!(error instanceof FlowValidationError)) throw error;
    }
  }
  expect(prototypesClean()).toBe(true);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
}

describe("fuzzed flow documents", () => {
  it("as objects and as JSON text, never throw anything undocumented", () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), mutations, fc.boolean(), (base, steps, asText) => {
        exercise(mutate(BASES[base], steps), asText);
      }),
      { numRuns: 2_000, seed: 15 },
    );
  });

  it("survive prototype keys written into the JSON text", () => {
    const text = JSON.stringify(cappedRoundRobin());
    fc.assert(
      fc.property(
        fc.nat(text.length - 1),
        fc.constantFrom('"__proto__":{"polluted":1},', '"constructor":{"prototype":{"polluted":1}},'),
        (at, poison) => {
          const cut = text.indexOf("{", at);
          if (cut === -1) return;
          const doc = `${text.slice(0, cut + 1)}${poison}${text.slice(cut + 1)}`.replace(/,}/g, "}");
          const loaded = safeLoadFlow(doc);
          if (loaded.ok) compileFlow(loaded.flow, {}).run(LEADS);
          expect(prototypesClean()).toBe(true);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});
