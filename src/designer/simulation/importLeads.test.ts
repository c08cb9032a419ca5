// The import step of the simulation panel: the X Education file with the default mapping, dropped columns, placeholders, JSON, bad input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Flow } from "../../engine";
import { EMPTY_MAPPING, guessOutcomeField, isJsonFile, readLeads } from "./importLeads";

const FLOW = JSON.parse(readFileSync("test/fixtures/x-education.flow.json", "utf8")) as Flow;
const CSV = readFileSync("../shared/data/x-education/leads.csv", "utf8");

describe("readLeads", () => {
  it("reads the X Education export as it is, with `Select` read as empty", () => {
    const result = readLeads("leads.csv", CSV, FLOW, EMPTY_MAPPING);
    expect(result.leads).toHaveLength(9240);
    expect(result.leads.some((l) => l.specialization === "Select")).toBe(false);
    expect(result.columns.find((c) => c.column === "Converted")?.fieldKey).toBe("converted");
    expect(guessOutcomeField(result.columns.map((c) => c.fieldKey))).toBe("converted");
  });

  it("drops a column the user leaves out and keeps `Select` when the placeholder list is cleared", () => {
    const result = readLeads("leads.csv", CSV, FLOW, { ...EMPTY_MAPPING, columnMap: { Tags: "" }, placeholders: [] });
    expect(result.leads[0]).not.toHaveProperty("Tags");
    expect(result.leads.some((l) => l.Specialization === "Select" || l["How did you hear about X Education"] === "Select")).toBe(true);
  });

  it("reads JSON by name or content, and reports an empty file instead of throwing", () => {
    expect(isJsonFile("pasted rows", ' [{"id":"a"}]')).toBe(true);
    expect(readLeads("x.json", '[{"id":"a"},{"id":"b"}]', FLOW, EMPTY_MAPPING).leads.map((l) => l.id)).toEqual(["a", "b"]);
    const empty = readLeads("empty.csv", "", FLOW, EMPTY_MAPPING);
    expect(empty.leads).toEqual([]);
    expect(empty.warnings.map((w) => w.code)).toEqual(["import.empty_file"]);
    expect(readLeads("bad.json", "[{", FLOW, EMPTY_MAPPING).warnings[0]?.code).toBe("import.not_json");
  });

  it("reads a semicolon export with broken rows: every row kept, `Select` empty, each broken row reported", () => {
    const csv =
      "Prospect ID;Lead Source;Specialization;TotalVisits\nx1;Google;Select;3\nx2;Direct Traffic\nx3;Reference;Finance Management;5;extra\n";
    const result = readLeads("leads.csv", csv, FLOW, EMPTY_MAPPING);
    expect(result.leads.map((l) => [l.id, l.source, l.specialization, l.totalVisits])).toEqual([
      ["x1", "Google", null, 3],
      ["x2", "Direct Traffic", null, null],
      ["x3", "Reference", "Finance Management", 5],
    ]);
    expect(result.warnings.filter((w) => w.code === "import.ragged_row").map((w) => w.row)).toEqual([2, 3]);
  });
});
