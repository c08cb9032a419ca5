// The fixed table of expression functions: arity, signature and implementation, looked up by own key only.
import { daysBetween } from "./dates";
import { finiteOrNull, listIncludes, normText, textOrNull, toValue, type Value } from "./values";

export type FunctionName =
  "lower" | "upper" | "trim" | "len" | "contains" | "startsWith" | "endsWith" | "min" | "max" | "abs" | "round" | "daysSince";

export interface FunctionSpec {
  readonly name: FunctionName;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly signature: string;
  /** Gets the evaluated arguments (a buffer the caller reuses) and the reference time. Never throws. */
  readonly impl: (args: readonly Value[], refTime: number) => Value;
}

function text(f: (s: string) => string): (args: readonly Value[]) => Value {
  return (args) => {
    const s = args[0];
    return typeof s === "string" ? textOrNull(f(s)) : null;
  };
}

function textTest(f: (s: string, part: string) => boolean): (args: readonly Value[]) => Value {
  return (args) => {
    const s = args[0];
    const part = args[1];
    return typeof s === "string" && typeof part === "string" ? f(normText(s), normText(part)) : null;
  };
}

/** min/max over numbers and lists of numbers; anything else among them makes the answer unknown (null). */
function extreme(pickFirst: (a: number, b: number) => boolean): (args: readonly Value[]) => Value {
  return (args) => {
    let best = Number.NaN;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? null;
      if (typeof a === "number") {
        if (Number.isNaN(best) || pickFirst(a, best)) best = a;
      } else if (Array.isArray(a)) {
        for (let j = 0; j < a.length; j++) {
          const item = toValue(a[j]);
          if (typeof item !== "number") return null;
          if (Number.isNaN(best) || pickFirst(item, best)) best = item;
        }
      } else return null;
    }
    return finiteOrNull(best);
  };
}

/** x × 10^digits through the decimal exponent, so 1.005 shifted by 2 is 100.5 and not 100.49999…. */
function shiftDecimal(x: number, digits: number): number {
  const plain = String(x);
  return plain.includes("e") ? x * 10 ** digits : Number(`${plain}e${digits}`);
}

/** Rounds half away from zero, to `digits` decimals (negative digits round to tens, hundreds, …). */
function roundTo(n: number, digits: number): number | null {
  const sign = n < 0 ? -1 : 1;
  // "+ 0" turns -0 (from rounding -0.001) into 0.
  return finiteOrNull(sign * shiftDecimal(Math.round(shiftDecimal(Math.abs(n), digits)), -digits) + 0);
}

const SPECS: Record<FunctionName, Omit<FunctionSpec, "name">> = {
  lower: { minArgs: 1, maxArgs: 1, signature: "lower(text)", impl: text((s) => s.toLowerCase()) },
  upper: { minArgs: 1, maxArgs: 1, signature: "upper(text)", impl: text((s) => s.toUpperCase()) },
  trim: { minArgs: 1, maxArgs: 1, signature: "trim(text)", impl: text((s) => s.trim()) },
  len: {
    minArgs: 1,
    maxArgs: 1,
    signature: "len(text or list)",
    impl: (args) => {
      const v = args[0];
      return typeof v === "string" || Array.isArray(v) ? v.length : null;
    },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    signature: "contains(text or list, value)",
    impl: (args) => {
      const whole = args[0] ?? null;
      const part = args[1] ?? null;
      if (Array.isArray(whole)) return listIncludes(whole, part);
      if (typeof whole === "string" && typeof part === "string") return normText(whole).includes(normText(part));
      return null;
    },
  },
  startsWith: { minArgs: 2, maxArgs: 2, signature: "startsWith(text, prefix)", impl: textTest((s, p) => s.startsWith(p)) },
  endsWith: { minArgs: 2, maxArgs: 2, signature: "endsWith(text, suffix)", impl: textTest((s, p) => s.endsWith(p)) },
  min: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, signature: "min(a, b, ...)", impl: extreme((a, b) => a < b) },
  max: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, signature: "max(a, b, ...)", impl: extreme((a, b) => a > b) },
  abs: {
    minArgs: 1,
    maxArgs: 1,
    signature: "abs(number)",
    impl: (args) => {
      const n = args[0];
      return typeof n === "number" ? Math.abs(n) : null;
    },
  },
  round: {
    minArgs: 1,
    maxArgs: 2,
    signature: "round(number [, digits])",
    impl: (args) => {
      const n = args[0];
      const digits = args.length > 1 ? args[1] : 0;
      if (typeof n !== "number" || typeof digits !== "number" || !Number.isInteger(digits) || Math.abs(digits) > 15) return null;
      return roundTo(n, digits);
    },
  },
  daysSince: { minArgs: 1, maxArgs: 1, signature: "daysSince(date)", impl: (args, refTime) => daysBetween(args[0], refTime) },
};

const TABLE: ReadonlyMap<string, FunctionSpec> = new Map(
  (Object.keys(SPECS) as FunctionName[]).map((name) => [name, { name, ...SPECS[name] }]),
);

/** A Map, so names like "constructor" or "__proto__" can never resolve to something inherited. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return TABLE.get(name);
}

export const FUNCTION_SPECS: readonly FunctionSpec[] = [...TABLE.values()];

export const FUNCTION_NAMES_TEXT = FUNCTION_SPECS.map((f) => f.name).join(", ");
