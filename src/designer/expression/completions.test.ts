// What the expression editor offers: fields written as the language wants them, functions documented in the user's language.
import { describe, expect, it } from "vitest";
import { expressionCompletions, fieldReference, isAfterLeadDot } from "./completions";

const fields = [
  { key: "country", label: "Country", type: "string" as const },
  { key: "Lead Source", type: "string" as const },
  { key: "in", type: "number" as const },
];

describe("expressionCompletions", () => {
  it("writes field names bare when it can, else through lead", () => {
    expect(fieldReference("country")).toBe("country");
    expect(fieldReference("in")).toBe("lead.in");
    expect(fieldReference("Lead Source")).toBe('lead["Lead Source"]');
  });

  it("offers fields, every engine function with its doc in the user's language, and keywords", () => {
    const zh = expressionCompletions(fields, "zh-CN");
    expect(zh.filter((c) => c.kind === "field").map((c) => c.insertText)).toEqual(["country", 'lead["Lead Source"]', "lead.in"]);
    const lower = zh.find((c) => c.label === "lower");
    expect(lower).toMatchObject({ kind: "function", insertText: "lower($0)", snippet: true, detail: "lower(text)" });
    expect(lower?.documentation).toMatch(/小写/);
    expect(zh.filter((c) => c.kind === "function")).toHaveLength(12);
    expect(zh.some((c) => c.kind === "keyword" && c.label === "and")).toBe(true);
  });

  it("after `lead.` offers only names that can follow the dot", () => {
    expect(isAfterLeadDot("x > 1 and lead.")).toBe(true);
    expect(isAfterLeadDot("mislead.")).toBe(false);
    expect(expressionCompletions(fields, "en", true).map((c) => c.insertText)).toEqual(["country", "in"]);
  });
});
