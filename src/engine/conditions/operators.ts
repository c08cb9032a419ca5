// Compiles one condition (field, operator, value) into a predicate with the null and case rules of spec §4.
import type { FieldType } from "../document/schema";
import { compileSafeRegex } from "../regex";
import { chargeCondition } from "./budget";
import type { Condition, Operator } from "./schema";
import { DAY_MS, isEmptyValue, normText, readField, toBoolean, toNumber, toTime, type LeadRecord } from "./values";

export type Predicate = (lead: LeadRecord, refTime: number) => boolean;

/** Operators that hold for a missing or null field (spec §4); every other operator is false there. */
const TRUE_WHEN_MISSING: ReadonlySet<Operator> = new Set<Operator>(["is_empty", "neq", "not_in", "not_contains"]);

type Kind = "number" | "date" | "boolean" | "text" | "list";

function kindOf(type: FieldType | undefined, value: unknown): Kind {
  switch (type) {
    case "number":
      return "number";
    case "date":
      return "date";
    case "boolean":
      return "boolean";
    case "list":
      return "list";
    case "string":
    case "enum":
      return "text";
    default:
      if (typeof value === "number" || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number")))
        return "number";
      if (typeof value === "boolean") return "boolean";
      return "text";
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A test of one lead value against the condition's value; the value is never null here. */
type ValueTest = (v: unknown, refTime: number) => boolean;

function equality(kind: Kind, expected: unknown): ValueTest {
  switch (kind) {
    case "number": {
      const n = toNumber(expected);
      return (v) => toNumber(v) === n;
    }
    case "date": {
      const t = toTime(expected);
      return (v) => toTime(v) === t;
    }
    case "boolean": {
      const b = toBoolean(expected);
      return (v) => b !== null && toBoolean(v) === b;
    }
    case "list": {
      const want = new Set(asList(expected).map(normText));
      return (v) => {
        const have = new Set(asList(v).map(normText));
        return have.size === want.size && [...want].every((x) => have.has(x));
      };
    }
    case "text": {
      const s = normText(expected);
      return (v) => (Array.isArray(v) ? false : normText(v) === s);
    }
  }
}

function membership(kind: Kind, expected: unknown): ValueTest {
  const list = asList(expected);
  if (kind === "number") {
    const set = new Set(list.map(toNumber));
    return (v) => set.has(toNumber(v));
  }
  const set = new Set(list.map(normText));
  // A list-valued lead field is "in" the set when any of its items is.
  return (v) => (Array.isArray(v) ? v.some((x) => set.has(normText(x))) : set.has(normText(v)));
}

function contains(expected: unknown): ValueTest {
  const wanted = asList(expected).map(normText);
  const [only] = wanted;
  if (wanted.length === 1 && only !== undefined) {
    return (v) => (Array.isArray(v) ? v.some((x) => normText(x) === only) : normText(v).includes(only));
  }
  return (v) => {
    if (Array.isArray(v)) {
      const have = new Set(v.map(normText));
      return wanted.some((w) => have.has(w));
    }
    const text = normText(v);
    return wanted.some((w) => text.includes(w));
  };
}

function ordered(kind: Kind, expected: unknown, holds: (a: number, b: number) => boolean): ValueTest {
  const read = kind === "date" ? toTime : toNumber;
  const b = read(expected);
  return (v) => {
    const a = read(v);
    return !Number.isNaN(a) && !Number.isNaN(b) && holds(a, b);
  };
}

function between(kind: Kind, expected: unknown): ValueTest {
  const read = kind === "date" ? toTime : toNumber;
  const [lo, hi] = Array.isArray(expected) ? [read(expected[0]), read(expected[1])] : [Number.NaN, Number.NaN];
  return (v) => {
    const a = read(v);
    return a >= lo && a <= hi;
  };
}

function valueTest(cond: Condition, kind: Kind): ValueTest {
  const expected = cond.value;
  switch (cond.operator) {
    case "eq":
      return equality(kind, expected);
    case "neq": {
      const eq = equality(kind, expected);
      return (v, r) => !eq(v, r);
    }
    case "in":
      return membership(kind, expected);
    case "not_in": {
      const isIn = membership(kind, expected);
      return (v, r) => !isIn(v, r);
    }
    case "contains":
      return contains(expected);
    case "not_contains": {
      const has = contains(expected);
      return (v, r) => !has(v, r);
    }
    case "starts_with": {
      const p = normText(expected);
      return (v) => !Array.isArray(v) && normText(v).startsWith(p);
    }
    case "ends_with": {
      const p = normText(expected);
      return (v) => !Array.isArray(v) && normText(v).endsWith(p);
    }
    case "gt":
      return ordered(kind, expected, (a, b) => a > b);
    case "gte":
      return ordered(kind, expected, (a, b) => a >= b);
    case "lt":
      return ordered(kind, expected, (a, b) => a < b);
    case "lte":
      return ordered(kind, expected, (a, b) => a <= b);
    case "between":
      return between(kind, expected);
    case "matches": {
      const re = compileSafeRegex(typeof expected === "string" ? expected : "");
      // Each test is charged to the lead's time budget first: one test is bounded, many on long values add up.
      return re.ok
        ? (v) => {
            if (Array.isArray(v)) return false;
            chargeCondition();
            return re.test(String(v));
          }
        : () => false;
    }
    case "within_last_days": {
      const days = toNumber(expected);
      return (v, ref) => {
        const age = ref - toTime(v);
        return age >= 0 && age <= days * DAY_MS;
      };
    }
    case "older_than_days": {
      const days = toNumber(expected);
      return (v, ref) => ref - toTime(v) > days * DAY_MS;
    }
    case "is_empty":
      return () => false;
    case "is_not_empty":
      return () => true;
  }
}

export function compileCondition(cond: Condition, type: FieldType | undefined): Predicate {
  const field = cond.field;
  if (cond.operator === "is_empty") return (lead) => isEmptyValue(readField(lead, field));
  if (cond.operator === "is_not_empty") return (lead) => !isEmptyValue(readField(lead, field));
  const whenMissing = TRUE_WHEN_MISSING.has(cond.operator);
  const test = valueTest(cond, kindOf(type, cond.value));
  return (lead, refTime) => {
    const v = readField(lead, field);
    if (v === null || v === undefined) return whenMissing;
    return test(v, refTime);
  };
}
