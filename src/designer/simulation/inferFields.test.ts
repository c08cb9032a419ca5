import { describe, expect, it } from "vitest";
import type { Flow, Lead } from "../../engine";
import { generateLeads } from "../../simulation";
import { applyInferred, inferFields, optionsSeen } from "./inferFields";
import { leadsToCsv, leadsToJson } from "./leadFile";
import { readLeads, EMPTY_MAPPING } from "./importLeads";

const leads: Lead[] = [
  { id: "a", createdAt: "2026-01-01T00:00:00.000Z", Country: "India", Visits: "3", Source: "Google" },
  { id: "b", createdAt: "2026-01-01T00:00:00.000Z", Country: "India", Visits: "10", Source: "Google" },
  { id: "c", createdAt: "2026-01-01T00:00:00.000Z", Country: "Qatar", Visits: "", Source: "Olark Chat" },
  { id: "d", createdAt: "2026-01-01T00:00:00.000Z", Country: "India", Visits: "1", Source: "Google" },
];

function flowWith(fields: Flow["fields"]): Flow {
  return {
    format: "leadwire.flow",
    version: 2,
    id: "f",
    name: "F",
    settings: { timezone: "UTC" },
    fields,
    teams: [],
    nodes: [],
    edges: [],
  };
}

describe("fields read off leads", () => {
  it("guesses each unknown key's type and gives a choice the options it saw, most frequent first", () => {
    const inferred = inferFields(leads, []);
    expect(inferred).toEqual([
      { key: "Country", type: "enum", options: ["India", "Qatar"], existing: false },
      { key: "Visits", type: "number", existing: false },
      { key: "Source", type: "enum", options: ["Google", "Olark Chat"], existing: false },
    ]);
    expect(optionsSeen(leads, "Country", 1)).toEqual(["India"]);
  });

  it("takes the type the user chose, skips known fields and fills a choice field that has no options", () => {
    const inferred = inferFields(
      leads,
      [
        { key: "Country", type: "enum" },
        { key: "Visits", type: "number" },
      ],
      { Source: "string" },
    );
    expect(inferred).toEqual([
      { key: "Country", type: "enum", options: ["India", "Qatar"], existing: true },
      { key: "Source", type: "string", existing: false },
    ]);
    const fields: Flow["fields"] = [{ key: "Country", type: "enum" }];
    applyInferred(fields, inferred);
    expect(fields).toEqual([
      { key: "Country", type: "enum", options: ["India", "Qatar"] },
      { key: "Source", type: "string" },
    ]);
  });

  it("reads generated leads back from their CSV and JSON with the same values", () => {
    const flow = flowWith([
      { key: "country", type: "enum", options: ["US", "DE"] },
      { key: "employees", type: "number" },
      { key: "tags", type: "list" },
    ]);
    const generated = generateLeads(flow, 20, { seed: 3 });
    const csv = leadsToCsv(generated);
    expect(csv.split("\n")[0]).toBe(
      ["id", "createdAt", ...Object.keys(generated[0] ?? {}).filter((k) => k !== "id" && k !== "createdAt")].join(","),
    );
    const fromCsv = readLeads("sample.csv", csv, flow, EMPTY_MAPPING);
    const fromJson = readLeads("sample.json", leadsToJson(generated), flow, EMPTY_MAPPING);
    expect(fromCsv.leads).toEqual(generated);
    expect(fromJson.leads).toEqual(generated);
    // The sample's source has few values: it is offered as a choice with them.
    const source = inferFields(generated, flow.fields).find((f) => f.key === "source");
    expect(source?.type).toBe("enum");
    expect(new Set(source?.options)).toEqual(new Set(generated.map((l) => l.source)));
  });

  it("keeps a formula-looking value as text in the CSV", () => {
    expect(leadsToCsv([{ id: "x", createdAt: "2026-01-01T00:00:00.000Z", note: "=1+2" }])).toContain("'=1+2");
  });
});
