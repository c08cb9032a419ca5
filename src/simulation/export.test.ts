import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { compileFlow } from "../engine";
import { parseLeadsJson } from "../engine/leads";
import { main } from "../runtime/cli";
import { leads as makeLeads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { resultsToCsv, resultsToJson, resultsToJsonText } from "./export";

const NOW = "2026-03-02T12:00:00.000Z";
const flow = makeFlow({
  fields: [{ key: "pageViews", label: "Page views", type: "number" }],
  teams: [
    team("t1", [
      { id: "a", name: 'Ann, "the closer"' },
      { id: "b", name: "=Bo" },
    ]),
  ],
  nodes: [
    trigger(),
    {
      id: "s",
      type: "score",
      config: {
        base: -10,
        rules: [{ per: { field: "pageViews", unit: 1 }, points: 5 }],
        grades: { bands: [{ name: "A", min: 0 }, { name: "B" }] },
      },
    },
    { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } },
    { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "hi" } },
  ],
  wires: [
    ["t", "s"],
    ["s", "r"],
    ["r:assigned", "n"],
  ],
});

const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe("resultsToCsv", () => {
  it("writes one row per lead with owner names, the path joined by arrows and the first trace line", () => {
    const result = compileFlow(flow).run(
      makeLeads(2, (i) => ({ pageViews: i * 4 })),
      { trace: true },
    );
    const rows = parse(resultsToCsv(flow, result.outcomes));
    expect(rows[0]).toEqual([
      "id",
      "status",
      "owner",
      "owner name",
      "team",
      "score",
      "grade",
      "path",
      "notifications",
      "first trace line",
      "error",
    ]);
    expect(rows[1]).toEqual(["L1", "assigned", "a", 'Ann, "the closer"', "t1", "-10", "B", "t → s → r → n", "1", "Entered at t", ""]);
    expect(rows[2]?.slice(0, 7)).toEqual(["L2", "assigned", "b", "'=Bo", "t1", "10", "A"]);
  });

  it("takes the first trace lines from the worker for outcomes that came back without their trace", () => {
    const result = compileFlow(flow).run(
      makeLeads(2, (i) => ({ pageViews: i * 4 })),
      { trace: true },
    );
    const slim = result.outcomes.map(({ trace: _trace, ...rest }) => rest);
    const firstTraceLines = result.outcomes.map((o) => o.trace?.[0]?.text ?? "");
    expect(resultsToCsv(flow, slim, { firstTraceLines })).toBe(resultsToCsv(flow, result.outcomes));
  });

  it("defuses cells a spreadsheet would run as formulas, and leaves negative numbers alone", () => {
    const ids = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "=1+1\nsecond line", "\tcmd", "plain"];
    const result = compileFlow(flow).run(ids.map((id, i) => ({ id, createdAt: `2026-03-02T10:0${i}:00Z` })));
    const rows = parse(resultsToCsv(flow, result.outcomes)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(ids.map((id) => (id === "plain" ? id : `'${id}`)));
    expect(rows.map((r) => r[5])).toEqual(ids.map(() => "-10"));
  });

  it("defuses them after leading spaces, an ideographic space, and in full-width forms", () => {
    const ids = [
      " =1+1",
      "  @SUM(A1)",
      "\u3000=1+1",
      "\uFF1D1+1",
      "\uFF0B1",
      "\uFF0D1",
      "\uFF20SUM(A1)",
      "\u3000\uFF1DHYPERLINK(1)",
      " plain",
      "a=b",
    ];
    const result = compileFlow(flow).run(ids.map((id, i) => ({ id, createdAt: `2026-03-02T10:0${i}:00Z` })));
    const rows = parse(resultsToCsv(flow, result.outcomes)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(ids.map((id) => (id === " plain" || id === "a=b" ? id : `'${id}`)));
  });

  it("translates the header and can start with a byte order mark", () => {
    const csv = resultsToCsv(flow, [], { lang: "zh-CN", bom: true });
    expect(csv.startsWith("\uFEFF编号,状态,负责人,负责人姓名")).toBe(true);
  });
});

describe("resultsToJson", () => {
  it("has the CLI's shape and drops the trace unless asked", () => {
    const result = compileFlow(flow).run(makeLeads(2), { trace: true });
    const doc = resultsToJson(result);
    expect(Object.keys(doc)).toEqual(["summary", "leads", "state"]);
    expect(doc.leads.every((o) => !("trace" in o))).toBe(true);
    expect(result.outcomes[0]?.trace).toBeDefined(); // the run itself is untouched
    expect(resultsToJson(result, { trace: true }).leads[0]?.trace?.[0]?.text).toBe("Entered at t");
  });

  it("writes exactly the file `leadwire run --out` writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lw-export-"));
    const rows = makeLeads(5, (i) => ({ pageViews: i, source: "web" }));
    writeFileSync(join(dir, "flow.json"), JSON.stringify(flow));
    writeFileSync(join(dir, "leads.json"), JSON.stringify(rows));
    const lines: string[] = [];
    const code = await main(["run", join(dir, "flow.json"), join(dir, "leads.json"), "--now", NOW, "--out", join(dir, "out.json")], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    const imported = parseLeadsJson(JSON.stringify(rows), flow.fields, { referenceTime: NOW });
    const ours = resultsToJsonText(compileFlow(flow).run(imported.leads, { now: NOW }), { importWarnings: imported.warnings });
    expect(ours).toBe(readFileSync(join(dir, "out.json"), "utf8"));
  });
});
