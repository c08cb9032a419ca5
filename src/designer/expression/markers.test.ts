// Error markers come from the engine's checker, at its line and column, over the word concerned, in the user's language.
import { describe, expect, it } from "vitest";
import { expressionMarkers } from "./markers";

const fields = [
  { key: "employees", type: "number" as const },
  { key: "country", type: "string" as const },
];

describe("expressionMarkers", () => {
  it("has none for a valid expression", () => {
    expect(expressionMarkers('employees > 50 and country in ["US"]', fields, "en")).toEqual([]);
  });

  it("marks an unknown field over its whole name, on the right line", () => {
    const [m, ...rest] = expressionMarkers('employees > 50\nand contry == "US"', fields, "en");
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 11 });
    expect(m?.message).toMatch(/contry/);
  });

  it("marks the end of a half-typed expression, with the message in Chinese", () => {
    const [m] = expressionMarkers("employees >", fields, "zh-CN");
    expect(m).toBeDefined();
    expect(m!.startLineNumber).toBe(1);
    expect(m!.endColumn).toBeGreaterThan(m!.startColumn);
    expect(m!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
