// The value rules of the expression language: what counts as a value, text comparison, equality, order, numbers.
import { MAX_TEXT_LENGTH } from "./ast";

/** What an expression computes. Lists may come straight from lead data, so their items are read with toValue. */
export type Value = string | number | boolean | null | readonly unknown[];

/** Lead data outside the language (objects, undefined, NaN, functions) reads as null. */
export function toValue(x: unknown): Value {
  switch (typeof x) {
    case "string":
    case "boolean":
      return x;
    case "number":
      return Number.isFinite(x) ? x : null;
    case "object":
      return Array.isArray(x) ? (x as readonly unknown[]) : null;
    default:
      return null;
  }
}

/** The condition builder's text rule: case-insensitive, surrounding white space ignored. */
export function normText(s: string): string {
  return s.trim().toLowerCase();
}

export function isEmpty(v: Value): boolean {
  return v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A decimal number written as text ("5", " -2.5 ", "1e3"); NaN for anything else, including "" and "0x10". */
export function numberFromText(s: string): number {
  if (!NUMERIC.test(s)) return Number.NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * `a` as a number for arithmetic and order with `b`: a number as it is, numeric text only when `b` is a number.
 * NaN otherwise, so callers finish with a single finiteness check and allocate nothing.
 */
export function numberBeside(a: Value, b: Value): number {
  if (typeof a === "number") return a;
  if (typeof a === "string" && typeof b === "number") return numberFromText(a);
  return Number.NaN;
}

/** NaN and ±Infinity become null; -0 becomes 0 so results print and compare plainly. */
export function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n + 0 : null;
}

export function textOrNull(s: string): string | null {
  return s.length <= MAX_TEXT_LENGTH ? s : null;
}

/** Equality never yields null: null equals anything empty, text ignores case and outer spaces, "5" equals 5. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === null) return isEmpty(b);
  if (b === null) return isEmpty(a);
  if (typeof a === "string") {
    if (typeof b === "string") return a === b || normText(a) === normText(b);
    return typeof b === "number" && numberFromText(a) === b;
  }
  if (typeof a === "number") {
    if (typeof b === "number") return a === b;
    return typeof b === "string" && numberFromText(b) === a;
  }
  if (typeof a === "boolean") return a === b;
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!valuesEqual(toValue(a[i]), toValue(b[i]))) return false;
  return true;
}

/** Order of two numbers, two texts (trimmed lower case) or numeric text against a number; null for anything else. */
export function compareValues(a: Value, b: Value): number | null {
  if (typeof a === "string" && typeof b === "string") {
    const x = normText(a);
    const y = normText(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = numberBeside(a, b);
  const y = numberBeside(b, a);
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Membership uses equality, so `null in list` is true when the list holds an empty item. */
export function listIncludes(list: readonly unknown[], x: Value): boolean {
  for (let i = 0; i < list.length; i++) if (valuesEqual(x, toValue(list[i]))) return true;
  return false;
}
