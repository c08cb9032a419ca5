import { describe, expect, it } from "vitest";
import { ruleFields, seenValues } from "./lead-values";

const labels = new Map([["employees", "Employees"]]);

describe("the lead's own values in the why", () => {
  it("names the fields a rule compares, nested groups included, expressions left out, each once", () => {
    expect(
      ruleFields({
        op: "all",
        rules: [
          { field: "country", operator: "in", value: ["US"] },
          { expr: "lead.x > 1" },
          {
            op: "any",
            rules: [
              { field: "employees", operator: "gte", value: 5 },
              { field: "country", operator: "eq", value: "CA" },
            ],
          },
        ],
      }),
    ).toEqual(["country", "employees"]);
    expect(ruleFields(null)).toEqual([]);
  });

  it("says one value alone and several by their field's name, in both languages", () => {
    expect(seenValues({ employees: 730 }, ["employees"], labels)?.text).toEqual({ en: "730", "zh-CN": "730" });
    expect(seenValues({ employees: 730, country: "US" }, ["country", "employees"], labels)?.text).toEqual({
      en: "country: US; Employees: 730",
      "zh-CN": "country：US；Employees：730",
    });
    expect(seenValues({ ok: true, tags: ["a", "b"] }, ["ok"], labels)?.text).toEqual({ en: "yes", "zh-CN": "是" });
    expect(seenValues({ tags: ["a", "b"] }, ["tags"], labels)?.text).toEqual({ en: "a, b", "zh-CN": "a、b" });
    expect(seenValues({}, ["employees"], labels)?.text).toEqual({ en: "empty", "zh-CN": "空" });
    expect(seenValues({}, [], labels)).toBeNull();
  });

  it("cuts a long text and keeps the same key for the same values (lines are shared)", () => {
    const long = "x".repeat(200);
    expect(seenValues({ note: long }, ["note"], labels)?.text.en).toHaveLength(60);
    expect(seenValues({ a: 1 }, ["a"], labels)?.key).toBe(seenValues({ a: 1, b: 2 }, ["a"], labels)?.key);
  });
});
