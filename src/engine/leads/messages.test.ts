// Warning texts: complete in both languages, same placeholders, formatted from a warning's own data; grouping.
import { describe, expect, it } from "vitest";
import { formatImportWarning, importMessages, importWarningCodes, summariseWarnings } from "./index";
import type { ImportWarning } from "./index";

const placeholdersOf = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("importMessages", () => {
  it.each(importWarningCodes.map((c) => [c]))("%s has an en and a zh-CN text with the same placeholders", (code) => {
    const en = importMessages.en[code];
    const zh = importMessages["zh-CN"][code];
    expect(en.length).toBeGreaterThan(0);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholdersOf(zh)).toEqual(placeholdersOf(en));
  });

  it("has no text for a code that does not exist", () => {
    expect(Object.keys(importMessages.en).sort()).toEqual([...importWarningCodes].sort());
    expect(Object.keys(importMessages["zh-CN"]).sort()).toEqual([...importWarningCodes].sort());
  });
});

describe("formatImportWarning", () => {
  const w: ImportWarning = {
    row: 12,
    column: "TotalVisits",
    value: "{row}",
    code: "import.not_a_number",
    params: {},
    message: "",
  };
  it("fills row, column and value, and never expands a value a second time", () => {
    expect(formatImportWarning(w, "en")).toBe('Row 12, column "TotalVisits": "{row}" is not a number; the cell was left empty.');
    expect(formatImportWarning(w, "zh-CN")).toBe("第 12 行，列“TotalVisits”：“{row}”不是数字，该单元格已置空。");
  });

  it("fills params", () => {
    const d: ImportWarning = { row: 3, value: "x", code: "import.duplicate_id", params: { id: "x", firstRow: 1 }, message: "" };
    expect(formatImportWarning(d, "en")).toBe('Row 3 has the id "x", already used by row 1; both rows were kept.');
  });
});

describe("summariseWarnings", () => {
  const mk = (row: number, code: ImportWarning["code"], column?: string, value?: string): ImportWarning => ({
    row,
    code,
    params: {},
    message: "",
    ...(column === undefined ? {} : { column }),
    ...(value === undefined ? {} : { value }),
  });

  it("groups by code and column in order of first appearance", () => {
    const ws = [
      mk(1, "import.not_a_number", "A", "x"),
      mk(1, "import.missing_created_at"),
      mk(2, "import.not_a_number", "B", "y"),
      ...Array.from({ length: 8 }, (_, i) => mk(i + 2, "import.not_a_number", "A", `v${i}`)),
    ];
    expect(summariseWarnings(ws)).toEqual([
      { code: "import.not_a_number", column: "A", count: 9, firstRows: [1, 2, 3, 4, 5], example: "x" },
      { code: "import.missing_created_at", count: 1, firstRows: [1] },
      { code: "import.not_a_number", column: "B", count: 1, firstRows: [2], example: "y" },
    ]);
  });

  it("returns nothing for no warnings", () => {
    expect(summariseWarnings([])).toEqual([]);
  });
});
