// Reads a number box the way lead import reads a number cell (one parser for the product), and says what is wrong.
import { parseNumber } from "../../../engine";

export interface NumberRules {
  readonly integer?: boolean;
  readonly min?: number;
  readonly positive?: boolean;
  readonly required?: boolean;
}

export type NumberReading =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "bad"; readonly problem: "not_number" | "not_integer" | "too_small" | "not_positive" | "required" };

export function readNumber(text: string, rules: NumberRules): NumberReading {
  const trimmed = text.trim();
  if (trimmed === "") return rules.required ? { kind: "bad", problem: "required" } : { kind: "empty" };
  const n = parseNumber(trimmed);
  if (n === null) return { kind: "bad", problem: "not_number" };
  if (rules.integer && !Number.isInteger(n)) return { kind: "bad", problem: "not_integer" };
  if (rules.positive && !(n > 0)) return { kind: "bad", problem: "not_positive" };
  if (rules.min !== undefined && n < rules.min) return { kind: "bad", problem: "too_small" };
  return { kind: "number", value: n };
}
