// The real X Education export (9,240 leads, CRLF, `Select` placeholders), imported as a consultant would.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseLeadsCsv, summariseWarnings } from "./index";
import type { FieldDef, ImportResult } from "./index";

const FILE = new URL("../../../../shared/data/x-education/leads.csv", import.meta.url);
const fields: FieldDef[] = [
  { key: "id", label: "Prospect ID", type: "string" },
  { key: "converted", label: "Converted", type: "boolean" },
  { key: "totalVisits", label: "TotalVisits", type: "number" },
  { key: "leadSource", label: "Lead Source", type: "string", placeholders: ["Select"] },
  { key: "specialization", label: "Specialization", type: "string", placeholders: ["Select"] },
];
const REF = "2024-06-01T00:00:00.000Z";

describe("X Education leads.csv", () => {
  let text = "";
  let result: ImportResult;

  beforeAll(() => {
    text = readFileSync(FILE, "utf8");
    result = parseLeadsCsv(text, fields, { referenceTime: REF });
  });

  // Import speed is a benchmark's business (npm run bench), not a timed unit test's.
  it("imports every one of the 9,240 rows", () => {
    expect(result.leads).toHaveLength(9240);
    expect(result.rowCount).toBe(9240);
  });

  it("takes ids from Prospect ID, all unique", () => {
    const lines = text.split("\r\n").filter((l) => l !== "");
    expect(result.leads[0]?.id).toBe(lines[1]?.split(",")[0]);
    expect(result.leads[0]?.id).toBe("7927b2df-8bba-4d29-b9a2-b6e0beafe620");
    expect(new Set(result.leads.map((l) => l.id)).size).toBe(9240);
  });

  it("counts the converted leads the README documents (38.5 %), checked by a plain line count", () => {
    // The file has no quoted commas before column 7, so splitting lines is an independent check.
    const lines = text.split("\r\n").filter((l) => l !== "");
    const col = lines[0]?.split(",").indexOf("Converted") ?? -1;
    const byLines = lines.slice(1).filter((l) => l.split(",")[col] === "1").length;
    const converted = result.leads.filter((l) => l.converted === true).length;
    expect(converted).toBe(byLines);
    expect(converted).toBe(3561);
    expect(result.leads.filter((l) => l.converted === false)).toHaveLength(9240 - 3561);
    expect(Math.round((converted / 9240) * 1000) / 10).toBe(38.5);
  });

  it("maps Select to null where the field says so, and keeps it on unknown columns", () => {
    expect(result.leads.some((l) => l.specialization === "Select" || l.leadSource === "Select")).toBe(false);
    // 1,942 Select (README) + 1,438 empty cells
    expect(result.leads.filter((l) => l.specialization === null)).toHaveLength(1942 + 1438);
    expect(result.leads.filter((l) => l.City === "Select")).toHaveLength(2249);
  });

  it("coerces numbers: 137 empty TotalVisits, the outlier 251", () => {
    const visits = result.leads.map((l) => l.totalVisits);
    expect(visits.filter((v) => v === null)).toHaveLength(137);
    expect(visits.every((v) => v === null || typeof v === "number")).toBe(true);
    expect(Math.max(...visits.filter((v): v is number => typeof v === "number"))).toBe(251);
  });

  it("has no warnings but the createdAt fill-in, summarised as one group of 9,240", () => {
    const groups = summariseWarnings(result.warnings);
    expect(groups).toEqual([{ code: "import.missing_created_at", count: 9240, firstRows: [1, 2, 3, 4, 5] }]);
    expect(result.leads.every((l) => l.createdAt === REF)).toBe(true);
  });

  it("keeps the 32 unknown columns as text and offers them with a guessed type", () => {
    const unknown = result.columns.filter((c) => !c.known);
    expect(unknown).toHaveLength(32);
    const guess = Object.fromEntries(unknown.map((c) => [c.column, c.guessedType]));
    expect(guess).toMatchObject({
      "Lead Number": "number",
      "Do Not Email": "boolean",
      "Page Views Per Visit": "number",
      "Lead Origin": "enum",
      Country: "string",
      "Asymmetrique Activity Index": "enum",
    });
    expect(result.leads[1]).toMatchObject({ "Page Views Per Visit": "2.5", Country: "India" });
  });

  it("turns every placeholder to null when told to for all columns", () => {
    const r = parseLeadsCsv(text, fields, { referenceTime: REF, placeholders: ["select"] });
    const heard = r.leads.filter((l) => l["How did you hear about X Education"] === null);
    expect(heard).toHaveLength(5043 + 2207);
    expect(r.leads.filter((l) => l["Lead Profile"] === "Select")).toHaveLength(0);
  });
});
