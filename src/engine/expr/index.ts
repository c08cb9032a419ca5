// The expression language for advanced conditions: parse, check against known fields, compile, explain errors.
/*
 * Semantics (user-facing version with examples: ./README.md)
 *
 * Values: null, true/false, finite numbers, text, lists. A lead field that is missing, null, or holds anything
 *   else (an object, NaN) reads as null. Only the lead's own data properties are read: inherited names, accessors
 *   (never called) and __proto__/constructor/prototype all read as null; the parser refuses the last three.
 * Text: ==, !=, in, contains, startsWith, endsWith ignore case and surrounding white space; < <= > >= compare
 *   trimmed lower-case text by UTF-16 code unit (so ISO dates of one format order correctly).
 * Equality (== !=) never yields null. `x == null` is true when x is missing, null, blank text or an empty list —
 *   the condition builder's "is empty". Different kinds are simply unequal ("US" == 1 is false), except that
 *   numeric text equals its number ("5" == 5). Lists are equal item by item.
 * Numeric text ("5", " 2.5 ", "1e3"; not "", "0x10", "1,000") counts as a number only beside a number, in
 *   arithmetic and comparisons: "5" > 3, "5" + 3 == 8. Two texts stay texts: "10" < "9", "5" + "3" == "53".
 * Arithmetic: + adds numbers or joins two texts; - * / % need numbers. Anything else, division or remainder by
 *   zero, or a result that is not finite gives null. Text results longer than 10,000 characters give null.
 * Order (< <= > >=) on anything but two numbers, two texts, or numeric text and a number gives null.
 * Logic is three-valued: `and` is false if either side is false, true if both are true, else null; `or` is true
 *   if either side is true, false if both are false, else null; `not` swaps true and false and keeps anything
 *   else as null. A condition passes only when the result is exactly true.
 * `x in list`: true when some item equals x by the rules above; null when the right side is not a list.
 *   `x not in list` is its negation (null stays null). "sub" in "text" is a parse error — use contains().
 * Precedence, loosest first: or, and, not/!, comparisons and in (not chainable), + -, * / %, unary minus.
 * Functions: see functions.ts; every function returns null for arguments of the wrong kind.
 * Keywords (and or not in true false null lead) ignore case; field and function names are exact.
 */
import type { ExprAst, ExprLimits } from "./ast";
import { compileExpression, type ExprFn } from "./compile";
import { ExprFailure, shown, type ExprError } from "./errors";
import { makeExprError } from "./messages";
import { parseTokens } from "./parser";

export type { BinaryOp, ExprAst, ExprLimits, LiteralValue, UnaryOp } from "./ast";
export { EXPR_LIMITS, FORBIDDEN_NAMES, MAX_TEXT_LENGTH } from "./ast";
export type { ExprError, ExprErrorCode } from "./errors";
export { compileExpression, type ExprFn, type LeadData } from "./compile";
export { EXPR_FUNCTIONS } from "./function-docs";
export { exprMessages, formatExprError, type ExprLang } from "./messages";
export { normText } from "./values";

export type ParseResult = { ok: true; ast: ExprAst } | { ok: false; error: ExprError };
export type CheckResult = { ok: true; fn: ExprFn; fields: string[] } | { ok: false; errors: ExprError[] };

/** Parses with the standard limits; `limits` exists for tests. Never throws for any input text. */
export function parseExpression(source: string, limits?: ExprLimits): ParseResult {
  const text = typeof source === "string" ? source : "";
  try {
    return { ok: true, ast: parseTokens(text, limits) };
  } catch (e) {
    if (e instanceof ExprFailure) return { ok: false, error: makeExprError(text, e.code, e.offset, e.params) };
    throw e;
  }
}

function collectFields(node: ExprAst, out: { name: string; start: number }[]): void {
  switch (node.kind) {
    case "field":
      out.push({ name: node.name, start: node.start });
      break;
    case "list":
      for (const item of node.items) collectFields(item, out);
      break;
    case "call":
      for (const arg of node.args) collectFields(arg, out);
      break;
    case "unary":
      collectFields(node.operand, out);
      break;
    case "binary":
      collectFields(node.left, out);
      collectFields(node.right, out);
      break;
    case "literal":
      break;
  }
}

/**
 * Parses and compiles. With `knownFields`, every field reference that is not in it is reported (each with its
 * position). `fields` lists the referenced field names once each, in order of first use.
 */
export function checkExpression(source: string, knownFields?: ReadonlySet<string>): CheckResult {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const refs: { name: string; start: number }[] = [];
  collectFields(parsed.ast, refs);
  if (knownFields !== undefined) {
    const errors = refs
      .filter((r) => !knownFields.has(r.name))
      .map((r) => makeExprError(source, "expr.unknown_field", r.start, { name: shown(r.name) }));
    if (errors.length > 0) return { ok: false, errors };
  }
  return { ok: true, fn: compileExpression(parsed.ast), fields: [...new Set(refs.map((r) => r.name))] };
}
