// How a condition's value carries over when its operator or field changes.
import { describe, expect, it } from "vitest";
import type { FieldDef } from "../../../engine";
import { adaptValue, changeField, changeOperator, defaultField, newCondition, valueKind } from "./values";

const country: FieldDef = { key: "country", type: "string" };
const region: FieldDef = { key: "region", type: "string" };
const employees: FieldDef = { key: "employees", type: "number" };
const industry: FieldDef = { key: "industry", type: "enum", options: ["software"] };

describe("condition values", () => {
  it("picks the editor by operator and type", () => {
    expect(valueKind("in", "string")).toBe("list");
    expect(valueKind("eq", "list")).toBe("text");
    expect(valueKind("between", "date")).toBe("range");
    expect(valueKind("is_empty", "number")).toBe("none");
  });

  it("keeps what was typed across operators as far as the new editor can show it", () => {
    expect(adaptValue("US", "scalar", "list")).toEqual(["US"]);
    expect(adaptValue(["US", "CA"], "list", "scalar")).toBe("US");
    expect(adaptValue(10, "scalar", "range")).toEqual([10, ""]);
    expect(adaptValue([10, 20], "range", "none")).toBeUndefined();
    expect(changeOperator({ field: "country", operator: "eq", value: "US" }, country, "in")).toEqual({
      field: "country",
      operator: "in",
      value: ["US"],
    });
  });

  it("keeps the operator and value when the new field has the same type, else starts afresh", () => {
    expect(changeField({ field: "country", operator: "starts_with", value: "D" }, country, region)).toEqual({
      field: "region",
      operator: "starts_with",
      value: "D",
    });
    expect(changeField({ field: "country", operator: "starts_with", value: "D" }, country, employees)).toEqual({
      field: "employees",
      operator: "eq",
    });
    expect(changeField({ field: "country", operator: "in", value: ["US"] }, country, industry)).toEqual({
      field: "industry",
      operator: "in",
      value: [],
    });
  });

  it("starts new rules on the flow's own fields with a fitting operator", () => {
    expect(defaultField([{ key: "id", type: "string" }, { key: "source", type: "string" }, country], [country])).toBe(country);
    expect(newCondition(industry)).toEqual({ field: "industry", operator: "in", value: [] });
    expect(newCondition(employees)).toEqual({ field: "employees", operator: "eq" });
  });
});
