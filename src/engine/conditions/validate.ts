// Checks a condition group against the flow's fields: unknown fields, operators that do not fit, values of the wrong type.
import { checkExpression, formatExprError } from "../expr";
import type { FieldDef, FieldType } from "../document/schema";
import { localText, type LocalText } from "../i18n";
import type { IssueDraft } from "../node-spec";
import { compileSafeRegex, formatRegexError } from "../regex";
import { MAX_GROUP_DEPTH, isExpression, isGroup, type Condition, type ConditionGroup, type Operator } from "./schema";
import { toNumber, toTime } from "./values";

const ALWAYS: Operator[] = ["eq", "neq", "is_empty", "is_not_empty"];
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  string: [...ALWAYS, "in", "not_in", "contains", "not_contains", "starts_with", "ends_with", "matches"],
  number: [...ALWAYS, "in", "not_in", "gt", "gte", "lt", "lte", "between"],
  boolean: ALWAYS,
  date: [...ALWAYS, "gt", "gte", "lt", "lte", "between", "within_last_days", "older_than_days"],
  enum: [...ALWAYS, "in", "not_in"],
  list: [...ALWAYS, "contains", "not_contains"],
};

export type Expected = "number" | "date" | "boolean" | "text" | "list" | "range" | "days";

function scalarExpected(type: FieldType): Expected {
  return type === "number" ? "number" : type === "date" ? "date" : type === "boolean" ? "boolean" : "text";
}

/** The shape of the value an operator takes (none, one value, a list, a range, a number of days, or free text); the designer's value editor follows it. */
export type ValueShape = "none" | "scalar" | "list" | "range" | "days" | "text";

export function valueShape(op: Operator, type: FieldType): ValueShape {
  switch (op) {
    case "is_empty":
    case "is_not_empty":
      return "none";
    case "in":
    case "not_in":
      return "list";
    case "between":
      return "range";
    case "within_last_days":
    case "older_than_days":
      return "days";
    case "contains":
    case "not_contains":
    case "starts_with":
    case "ends_with":
    case "matches":
      return "text";
    case "eq":
    case "neq":
      return type === "list" ? "text" : "scalar";
    default:
      return "scalar";
  }
}

/** What value an operator takes on a field of a type (null: none). */
export function expectedValue(op: Operator, type: FieldType): Expected | null {
  const shape = valueShape(op, type);
  return shape === "none" ? null : shape === "scalar" ? scalarExpected(type) : shape;
}

function fitsScalar(value: unknown, type: FieldType): boolean {
  switch (type) {
    case "number":
      return !Number.isNaN(toNumber(value)) && typeof value !== "boolean";
    case "date":
      return typeof value === "string" && !Number.isNaN(toTime(value));
    case "boolean":
      return typeof value === "boolean";
    default:
      return typeof value === "string" || typeof value === "number";
  }
}

function valueFits(value: unknown, expected: Expected, type: FieldType): boolean {
  switch (expected) {
    case "list":
      return Array.isArray(value) && value.length > 0 && value.every((v) => fitsScalar(v, type));
    case "range":
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((v) => fitsScalar(v, type)) &&
        !(toNumberOrTime(value[0], type) > toNumberOrTime(value[1], type))
      );
    case "days":
      return typeof value === "number" && value >= 0;
    case "text":
      return typeof value === "string" || (type === "list" && Array.isArray(value));
    default:
      return fitsScalar(value, type);
  }
}

function toNumberOrTime(value: unknown, type: FieldType): number {
  return type === "date" ? toTime(value) : toNumber(value);
}

function checkCondition(cond: Condition, field: FieldDef | undefined, path: string, fieldLabel: string): IssueDraft[] {
  if (!field) return [{ severity: "error", code: "cond.unknown_field", params: { field: cond.field }, path: `${path}.field` }];
  const type = field.type;
  if (!OPERATORS_BY_TYPE[type].includes(cond.operator)) {
    return [
      {
        severity: "error",
        code: "cond.bad_operator",
        params: { field: fieldLabel, operator: localText(`opname.${cond.operator}`), type: localText(`fieldtype.${type}`) },
        path: `${path}.operator`,
      },
    ];
  }
  const expected = expectedValue(cond.operator, type);
  if (expected === null) return [];
  if (!valueFits(cond.value, expected, type)) {
    return [
      {
        severity: "error",
        code: "cond.bad_value",
        params: { field: fieldLabel, operator: localText(`opname.${cond.operator}`), expected: expectedText(expected) },
        path: `${path}.value`,
      },
    ];
  }
  if (type === "enum" && field.options) {
    const options = new Set(field.options.map((o) => o.trim().toLowerCase()));
    const values = Array.isArray(cond.value) ? cond.value : [cond.value];
    const bad = values.find((v) => !options.has(String(v).trim().toLowerCase()));
    if (bad !== undefined)
      return [
        {
          severity: "error",
          code: "cond.bad_option",
          params: { field: fieldLabel, value: String(bad), options: field.options.join(", ") },
          path: `${path}.value`,
        },
      ];
  }
  if (cond.operator === "matches") {
    const re = compileSafeRegex(String(cond.value));
    if (!re.ok) {
      const detail = { en: formatRegexError(re, "en"), "zh-CN": formatRegexError(re, "zh-CN") };
      return [{ severity: "error", code: "cond.bad_regex", params: { field: fieldLabel, detail }, path: `${path}.value` }];
    }
    // `matches` searches anywhere already: a leading .* changes nothing but makes each test quadratic on long values.
    if (/^\.\*\??(?![*+?{])/.test(String(cond.value))) {
      return [
        {
          severity: "warning",
          code: "cond.slow_pattern",
          params: { field: fieldLabel, pattern: String(cond.value) },
          path: `${path}.value`,
        },
      ];
    }
  }
  return [];
}

function expectedText(expected: Expected): LocalText {
  return localText(`expected.${expected}`);
}

export function validateGroup(group: ConditionGroup, fields: ReadonlyMap<string, FieldDef>, path: string, depth = 1): IssueDraft[] {
  const issues: IssueDraft[] = [];
  if (depth > MAX_GROUP_DEPTH) issues.push({ severity: "error", code: "cond.too_deep", params: { max: MAX_GROUP_DEPTH }, path });
  group.rules.forEach((rule, i) => {
    const at = `${path}.rules[${i}]`;
    if (isGroup(rule)) issues.push(...validateGroup(rule, fields, at, depth + 1));
    else if (isExpression(rule)) {
      const checked = checkExpression(rule.expr, new Set(fields.keys()));
      if (!checked.ok) {
        for (const e of checked.errors) {
          issues.push({
            severity: "error",
            code: "cond.bad_expression",
            params: { detail: { en: formatExprError(e, "en"), "zh-CN": formatExprError(e, "zh-CN") } },
            path: `${at}.expr`,
          });
        }
      }
    } else {
      const field = fields.get(rule.field);
      issues.push(...checkCondition(rule, field, at, field?.label ?? rule.field));
    }
  });
  return issues;
}
