// Hostile or broken lead files: linear header handling, precise CSV and UTF-8 errors, nothing importable, library = CLI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine";
import { decodeLeadsBytes, parseLeadsCsv } from "../../src/engine/leads";
import { cappedRoundRobin } from "../runtime/flows";
import { ensureBuilt, ROOT } from "../runtime/serve-process";

const tmp = mkdtempSync(join(tmpdir(), "leadwire-leads-"));
const REF = { referenceTime: "2026-03-02T12:00:00Z" };
const flow = cappedRoundRobin();
const flowFile = join(tmp, "flow.json");

beforeAll(() => {
  ensureBuilt();
  writeFileSync(flowFile, JSON.stringify(flow));
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/leadwire.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name: string, content: string | Uint8Array): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

describe("CSV headers", () => {
  it("reads 40,000 columns of one name in linear time, each renamed once", () => {
    const n = 40_000;
    const text = `${Array(n).fill("dup").join(",")}\n${Array(n).fill("x").join(",")}\n`;
    const started = performance.now();
    const r = parseLeadsCsv(text, [], REF);
    // It took 86 s before; a generous bound, so only a return to quadratic time fails it.
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(r.columns).toHaveLength(n);
    expect(new Set(r.columns.map((c) => c.column)).size).toBe(n);
    expect(r.columns[n - 1]?.column).toBe(`dup_${n}`);
    expect(r.warnings.filter((w) => w.code === "import.duplicate_column")).toHaveLength(n - 1);
  });
});

describe("precise CSV errors", () => {
  it("names the lines an unclosed quote swallowed", () => {
    const r = parseLeadsCsv('id,name\n1,Ann\n2,"Bob\n3,Cy\n4,Di\n', [], REF);
    expect(r.leads.map((l) => l.id)).toEqual(["1", "2"]);
    expect(r.warnings[0]?.message).toBe(
      "Row 2: a quote opened here is never closed, so the 2 line(s) after it (up to line 5 of the file) were read into one cell of this row. Close the quote, then import again.",
    );
  });

  it("reports bytes that are not UTF-8 with their line and byte, in the CLI too", () => {
    const latin1 = Buffer.concat([
      Buffer.from("id,createdAt,name\nL1,2026-03-02T10:00:00Z,Ann\nL2,2026-03-02T10:00:00Z,Ren"),
      Buffer.from([0xe9]),
      Buffer.from("e\n"),
    ]);
    const decoded = decodeLeadsBytes(latin1);
    expect(decoded.warning?.message).toBe(
      `The file is not valid UTF-8: 1 unreadable byte sequence(s), the first on line 3 (byte ${latin1.indexOf(0xe9) + 1}); they were read as �. Save the file as UTF-8, then import again.`,
    );
    expect(decodeLeadsBytes(Buffer.from("id\n①,é,😀\n")).warning).toBeNull();
    const r = cli("run", flowFile, write("latin1.csv", latin1));
    expect(r.code).toBe(0);
    expect(r.err).toContain("not valid UTF-8");
    expect(r.err).toContain("line 3");
  });

  it("leadwire run exits 2 with a message when nothing is importable", () => {
    for (const [name, content] of [
      ["empty.csv", ""],
      ["header-only.csv", "id,createdAt\n"],
      ["empty.json", "[]"],
      ["not-json.json", "{nope"],
      ["blank.csv", "\n\n  \n"],
    ] as const) {
      const r = cli("run", flowFile, write(name, content));
      expect(r.code, name).toBe(2);
      expect(r.err, name).toContain("could be read as a lead, so nothing was routed");
    }
  });
});

describe("library and CLI agree", () => {
  it("give a non-object item an error outcome, and an unreadable createdAt the reference time, in both", () => {
    const items: unknown[] = [
      { id: "a", createdAt: "2026-03-02T09:00:00Z", source: "web" },
      42,
      { id: "b", createdAt: "yesterday-ish", source: "web" },
      "c",
      { id: "d", createdAt: "2026-03-02T09:30:00Z", source: "web" },
    ];
    const out = join(tmp, "agree.out.json");
    const r = cli("run", flowFile, write("agree.json", JSON.stringify(items)), "--now", REF.referenceTime, "--out", out);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, "utf8")) as { leads: Record<string, unknown>[] };
    const library = compileFlow(flow).run(items, { now: REF.referenceTime }).outcomes;
    const essentials = (o: Record<string, unknown>) => ({ id: o.id, status: o.status, owner: o.owner, path: o.path });
    expect(written.leads.map(essentials)).toEqual(library.map((o) => essentials(o as unknown as Record<string, unknown>)));
    expect(library.map((o) => [o.id, o.status])).toEqual([
      ["a", "assigned"],
      ["row-2", "error"],
      ["b", "assigned"],
      ["row-4", "error"],
      ["d", "assigned"],
    ]);
    expect(library[2]?.warnings?.[0]).toBe(
      `the created time "yesterday-ish" is not a date; the run's reference time 2026-03-02T12:00:00.000Z is used`,
    );
  });
});
