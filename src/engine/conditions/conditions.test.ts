import { describe, expect, it } from "vitest";
import type { FieldType } from "../document/schema";
import { compileCondition } from "./operators";
import { compileGroup } from "./compile";
import type { Condition, ConditionGroup } from "./schema";

const REF = Date.parse("2026-03-10T12:00:00Z");

function holds(field: FieldType | undefined, operator: Condition["operator"], value: Condition["value"], leadValue: unknown): boolean {
  const lead = leadValue === undefined ? {} : { x: leadValue };
  return compileCondition({ field: "x", operator, value }, field)(lead, REF);
}

describe("condition operators (spec §4)", () => {
  it.each([
    ["string", "eq", "Acme", "  acme ", true],
    ["string", "eq", "Acme", "Acme Corp", false],
    ["string", "neq", "Acme", "ACME", false],
    ["number", "eq", 5, 5, true],
    ["number", "eq", 5, "5", true],
    ["boolean", "eq", true, true, true],
    ["boolean", "eq", false, true, false],
    ["date", "eq", "2026-03-01", "2026-03-01T00:00:00.000Z", true],
    ["enum", "eq", "Software", "software", true],
    ["string", "in", ["US", "CA"], "ca", true],
    ["string", "in", ["US", "CA"], "DE", false],
    ["number", "in", [1, 2], 2, true],
    ["string", "not_in", ["US", "CA"], "DE", true],
    ["string", "not_in", ["US", "CA"], " us", false],
    ["string", "contains", "soft", "Microsoft", true],
    ["list", "contains", "CRM", ["crm", "erp"], true],
    ["list", "contains", "cr", ["crm"], false],
    ["list", "not_contains", "hr", ["crm"], true],
    ["string", "starts_with", "vp", "VP Sales", true],
    ["string", "ends_with", ".io", "acme.IO", true],
    ["number", "gt", 10, 11, true],
    ["number", "gt", 10, 10, false],
    ["number", "gte", 10, 10, true],
    ["number", "lt", 10, 9.5, true],
    ["number", "lte", 10, 10, true],
    ["number", "between", [10, 20], 10, true],
    ["number", "between", [10, 20], 20, true],
    ["number", "between", [10, 20], 20.5, false],
    ["date", "gt", "2026-03-01", "2026-03-02T00:00:00Z", true],
    ["date", "between", ["2026-03-01", "2026-03-31"], "2026-03-15", true],
    ["string", "is_empty", undefined, "   ", true],
    ["list", "is_empty", undefined, [], true],
    ["string", "is_not_empty", undefined, "x", true],
    ["number", "is_empty", undefined, 0, false],
    ["string", "matches", "^\\+?[0-9 ]{7,15}$", "+49 30 1234567", true],
    ["string", "matches", "^acme", "ACME corp", true],
    ["date", "within_last_days", 7, "2026-03-05T00:00:00Z", true],
    ["date", "within_last_days", 7, "2026-03-01T00:00:00Z", false],
    ["date", "older_than_days", 7, "2026-03-01T00:00:00Z", true],
    ["date", "older_than_days", 7, "2026-03-05T00:00:00Z", false],
  ] as const)("%s %s %j on %j → %s", (type, op, value, lead, expected) => {
    expect(holds(type, op, value as Condition["value"], lead)).toBe(expected);
  });

  const allOps: Condition["operator"][] = [
    "eq",
    "neq",
    "in",
    "not_in",
    "contains",
    "not_contains",
    "starts_with",
    "ends_with",
    "gt",
    "gte",
    "lt",
    "lte",
    "between",
    "is_empty",
    "is_not_empty",
    "matches",
    "within_last_days",
    "older_than_days",
  ];
  const trueWhenMissing = new Set(["is_empty", "neq", "not_in", "not_contains"]);

  it.each(allOps)("a missing or null field makes %s true only for is_empty, neq, not_in, not_contains", (op) => {
    const value = op === "between" ? [1, 2] : op === "in" || op === "not_in" ? ["a"] : op.endsWith("days") ? 3 : "a";
    expect(holds("string", op, value, undefined)).toBe(trueWhenMissing.has(op));
    expect(holds("string", op, value, null)).toBe(trueWhenMissing.has(op));
  });

  it("refuses a catastrophic pattern instead of hanging", () => {
    const started = Date.now();
    expect(holds("string", "matches", "(a+)+$", `${"a".repeat(40)}!`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("reads only the lead's own fields", () => {
    const c = compileCondition({ field: "constructor", operator: "is_not_empty" }, undefined);
    expect(c({}, REF)).toBe(false);
  });
});

describe("condition groups", () => {
  const fields = {
    types: new Map<string, FieldType>([
      ["country", "string"],
      ["employees", "number"],
    ]),
    labels: new Map([
      ["country", "Country"],
      ["employees", "Employees"],
    ]),
  };
  const group: ConditionGroup = {
    op: "all",
    rules: [
      { field: "country", operator: "in", value: ["US", "CA"] },
      {
        op: "any",
        rules: [
          { field: "employees", operator: "gte", value: 100 },
          { field: "country", operator: "eq", value: "CA" },
        ],
      },
    ],
  };

  it("treats an empty all as true and an empty any as false", () => {
    expect(compileGroup({ op: "all", rules: [] }, fields).test({}, REF)).toBe(true);
    expect(compileGroup({ op: "any", rules: [] }, fields).test({}, REF)).toBe(false);
  });

  it("evaluates nested groups", () => {
    const g = compileGroup(group, fields);
    expect(g.test({ country: "US", employees: 150 }, REF)).toBe(true);
    expect(g.test({ country: "US", employees: 50 }, REF)).toBe(false);
    expect(g.test({ country: "CA", employees: 5 }, REF)).toBe(true);
  });

  it("names the first failing rule of an all and the first passing rule of an any", () => {
    const g = compileGroup(group, fields);
    expect(g.explain({ country: "DE" }, REF).decidedBy?.en).toBe("Country is one of US, CA");
    expect(g.explain({ country: "US", employees: 1 }, REF).decidedBy?.en).toBe("any of (Employees is at least 100; Country is CA)");
    const any = compileGroup({ op: "any", rules: group.rules }, fields);
    expect(any.explain({ country: "CA" }, REF).decidedBy?.["zh-CN"]).toBe("Country 属于 US、CA");
  });

  it("evaluates expression rules, treating anything but true as false", () => {
    const g = compileGroup({ op: "all", rules: [{ expr: "employees * 2 > 100 and lower(country) == 'us'" }] }, fields);
    expect(g.test({ country: "US", employees: 51 }, REF)).toBe(true);
    expect(g.test({ country: "US", employees: "many" }, REF)).toBe(false);
  });
});
