// Fuzz: thousands of generated and mutated CSV and JSON lead files through the import and `leadwire run` — only
// documented results, no prototype pollution, each within a bound.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { decodeLeadsBytes, parseLeadsCsv, parseLeadsJson, type FieldDef } from "../../src/engine/leads";
import { main } from "../../src/runtime/cli";
import { cappedRoundRobin } from "../runtime/flows";
import { prototypesClean } from "./mutate";

const REF = { referenceTime: "2026-03-02T12:00:00Z" };
const FIELDS: FieldDef[] = [
  { key: "employees", label: "Employees", type: "number" },
  { key: "vip", label: "VIP", type: "boolean" },
  { key: "tags", label: "Tags", type: "list" },
  { key: "stage", label: "Stage", type: "enum", options: ["new", "won"] },
  { key: "seen", label: "Seen", type: "date" },
];
const BOUND_MS = 2_000;

/** Cells that break naive CSV readers: quotes, delimiters, line breaks, formula starts, prototype names. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "",
    '"',
    '""',
    '"a,b"',
    '"open',
    "a\nb",
    "a\r\nb",
    ";",
    "\t",
    "=1+1",
    "\u3000＝1",
    "__proto__",
    "constructor",
    "prototype",
    "yes",
    "是",
    "1e999",
    "2026-02-30",
    "\uFEFF",
    "\uFFFD",
    "x".repeat(3_000),
  ),
);
const header = fc.array(
  fc.oneof(cell, fc.constantFrom("id", "createdAt", "employees", "vip", "tags", "stage", "seen", "id", "__proto__")),
  { minLength: 1, maxLength: 8 },
);
const csvFile = fc
  .record({
    header,
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(",", ";", "\t"),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    bom: fc.boolean(),
  })
  .map(({ header: h, rows, delimiter, newline, bom }) => (bom ? "\uFEFF" : "") + [h, ...rows].map((r) => r.join(delimiter)).join(newline));

function checkImport(result: ReturnType<typeof parseLeadsCsv>, started: number): void {
  for (const lead of result.leads) {
    expect(Object.getPrototypeOf(lead)).toBe(Object.prototype);
    expect(typeof lead.id).toBe("string");
    expect(typeof lead.createdAt).toBe("string");
    expect(Object.hasOwn(lead, "__proto__")).toBe(false);
  }
  expect(prototypesClean()).toBe(true);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
}

describe("fuzzed lead files", () => {
  it("CSV text never throws and gives plain leads", () => {
    fc.assert(
      fc.property(csvFile, (text) => {
        const started = performance.now();
        checkImport(parseLeadsCsv(text, FIELDS, REF), started);
      }),
      { numRuns: 2_000, seed: 15 },
    );
  });

  it("arbitrary bytes decode with a UTF-8 report and import without throwing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const started = performance.now();
        const decoded = decodeLeadsBytes(bytes);
        if (decoded.warning) expect(decoded.warning.params.line).toBeGreaterThanOrEqual(1);
        checkImport(parseLeadsCsv(decoded.text, FIELDS, REF), started);
      }),
      { numRuns: 1_000, seed: 16 },
    );
  });

  it("JSON text never throws and gives plain leads", () => {
    const item = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(
        fc.constantFrom("id", "createdAt", "employees", "vip", "tags", "__proto__", "constructor"),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(item, { maxLength: 10 }).map((a) => JSON.stringify(a)),
          fc.string({ maxLength: 40 }),
          fc.constant('[{"__proto__":{"polluted":1},"id":"x"}]'),
        ),
        (text) => {
          const started = performance.now();
          checkImport(parseLeadsJson(text, FIELDS, REF), started);
        },
      ),
      { numRuns: 1_500, seed: 17 },
    );
  });
});

describe("fuzzed leadwire run", () => {
  const dir = mkdtempSync(join(tmpdir(), "leadwire-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const flowFile = join(dir, "flow.json");
  writeFileSync(flowFile, JSON.stringify({ ...cappedRoundRobin(), fields: FIELDS }));

  it("exits 0, or 2 when nothing is importable, and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, fc.boolean(), async (text, asJson) => {
        const file = join(dir, asJson ? "leads.json" : "leads.csv");
        writeFileSync(file, asJson ? text.replace(/^[^[{]*/, "") : text);
        const lines: string[] = [];
        const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
        const started = performance.now();
        const code = await main(["run", flowFile, file, "--now", REF.referenceTime], io);
        expect([0, 2]).toContain(code);
        if (code === 2) expect(lines.join("\n")).toMatch(/nothing was routed|Cannot read/);
        expect(prototypesClean()).toBe(true);
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
