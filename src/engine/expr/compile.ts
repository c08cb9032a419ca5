// Compiles an expression tree once into nested closures; evaluation reads only the lead's own data properties.
import { EXPR_LIMITS, FORBIDDEN_NAMES, type BinaryNode, type ExprAst, type LiteralValue } from "./ast";
import { lookupFunction } from "./functions";
import { overlaidLead } from "../overlay";
import {
  compareValues,
  finiteOrNull,
  isEmpty,
  listIncludes,
  normText,
  numberBeside,
  numberFromText,
  textOrNull,
  toValue,
  valuesEqual,
  type Value,
} from "./values";

export type LeadData = Readonly<Record<string, unknown>>;
export type ExprFn = (lead: LeadData, refTime: number) => unknown;
type Eval = (lead: LeadData, refTime: number) => Value;

const hasOwn = Object.prototype.hasOwnProperty;
const ownDescriptor = Object.getOwnPropertyDescriptor;

/** An own data property only: inherited names read as missing, and an accessor is never called. */
function readOwnData(lead: LeadData, name: string): Value {
  if (typeof lead !== "object" || lead === null) return null;
  if (!hasOwn.call(lead, name)) {
    const under = overlaidLead(lead);
    return under === undefined ? null : readOwnData(under, name);
  }
  const d = ownDescriptor(lead, name);
  return d !== undefined && hasOwn.call(d, "value") ? toValue(d.value) : null;
}

function invalid(what: string): never {
  throw new Error(`Invalid expression tree: ${what}`);
}

function literalValue(v: LiteralValue): Value {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return invalid("a literal must be text, a finite number, true, false or null");
}

/** `x == c` for a literal c, with c's text form prepared once; agrees with valuesEqual(x, c). */
function equalsConstant(c: LiteralValue): (v: Value) => boolean {
  if (c === null) return isEmpty;
  if (typeof c === "boolean") return (v) => v === c;
  if (typeof c === "number") return (v) => (typeof v === "number" ? v === c : typeof v === "string" && numberFromText(v) === c);
  const norm = normText(c);
  const num = numberFromText(c);
  const blank = norm === "";
  return (v) => {
    if (typeof v === "string") return v === c || normText(v) === norm;
    if (typeof v === "number") return v === num;
    return v === null && blank;
  };
}

/** `x in [literals]` with the list prepared into sets once; agrees with listIncludes(items, x). */
function memberOfConstants(items: readonly LiteralValue[]): (v: Value) => boolean {
  const texts = new Set<string>();
  const numbers = new Set<number>();
  const numbersAsText = new Set<number>();
  const booleans = new Set<boolean>();
  let hasNull = false;
  let hasBlank = false;
  for (const item of items) {
    if (item === null) hasNull = true;
    else if (typeof item === "boolean") booleans.add(item);
    else if (typeof item === "number") numbers.add(item);
    else {
      const norm = normText(item);
      if (norm === "") hasBlank = true;
      texts.add(norm);
      const n = numberFromText(item);
      if (!Number.isNaN(n)) numbersAsText.add(n);
    }
  }
  return (v) => {
    if (v === null) return hasNull || hasBlank;
    if (typeof v === "string")
      return texts.has(normText(v)) || (numbers.size > 0 && numbers.has(numberFromText(v))) || (hasNull && v.trim() === "");
    if (typeof v === "number") return numbers.has(v) || numbersAsText.has(v);
    if (typeof v === "boolean") return booleans.has(v);
    return v.length === 0 && hasNull;
  };
}

function compileField(name: unknown): Eval {
  if (typeof name !== "string") return invalid("a field name must be text");
  if (FORBIDDEN_NAMES.has(name)) return () => null;
  return (lead) => readOwnData(lead, name);
}

function compileList(items: readonly ExprAst[]): Eval {
  if (!Array.isArray(items) || items.length > EXPR_LIMITS.maxListItems) return invalid("a list has too many items");
  if (items.every((i) => i.kind === "literal")) {
    const constant: readonly Value[] = Object.freeze(items.map((i) => literalValue((i as { value: LiteralValue }).value)));
    return () => constant;
  }
  const fns = items.map(compileNode);
  return (lead, ref) => fns.map((f) => f(lead, ref));
}

function compileCall(name: string, args: readonly ExprAst[]): Eval {
  const spec = lookupFunction(name);
  if (spec === undefined) return invalid(`unknown function ${String(name)}`);
  if (!Array.isArray(args) || args.length < spec.minArgs || args.length > spec.maxArgs)
    return invalid(`wrong number of arguments for ${spec.name}`);
  const fns = args.map(compileNode);
  const n = fns.length;
  const impl = spec.impl;
  // One argument buffer per call site: evaluation is synchronous and a call site never runs inside itself.
  const buffer: Value[] = fns.map(() => null);
  return (lead, ref) => {
    for (let i = 0; i < n; i++) buffer[i] = (fns[i] as Eval)(lead, ref);
    const result = impl(buffer, ref);
    for (let i = 0; i < n; i++) buffer[i] = null; // do not keep the last lead's data alive
    return result;
  };
}

function compileMembership(node: BinaryNode, left: Eval): Eval {
  const negate = node.op === "not in";
  const right = node.right;
  if (right.kind === "list" && right.items.every((i) => i.kind === "literal")) {
    compileList(right.items); // validates the items
    const test = memberOfConstants(right.items.map((i) => (i as { value: LiteralValue }).value));
    return (lead, ref) => test(left(lead, ref)) !== negate;
  }
  const list = compileNode(right);
  return (lead, ref) => {
    const x = left(lead, ref);
    const r = list(lead, ref);
    if (!Array.isArray(r)) return null;
    return listIncludes(r, x) !== negate;
  };
}

function compileEquality(node: BinaryNode, left: Eval, right: Eval): Eval {
  const negate = node.op === "!=";
  const constant = node.right.kind === "literal" ? node.right : node.left.kind === "literal" ? node.left : null;
  if (constant !== null) {
    const test = equalsConstant(literalValue(constant.value) as LiteralValue);
    const other = constant === node.right ? left : right;
    return (lead, ref) => test(other(lead, ref)) !== negate;
  }
  return (lead, ref) => valuesEqual(left(lead, ref), right(lead, ref)) !== negate;
}

function compileBinary(node: BinaryNode): Eval {
  const left = compileNode(node.left);
  if (node.op === "in" || node.op === "not in") return compileMembership(node, left);
  const right = compileNode(node.right);
  switch (node.op) {
    case "and":
      return (lead, ref) => {
        const a = left(lead, ref);
        if (a === false) return false;
        const b = right(lead, ref);
        if (b === false) return false;
        return a === true && b === true ? true : null;
      };
    case "or":
      return (lead, ref) => {
        const a = left(lead, ref);
        if (a === true) return true;
        const b = right(lead, ref);
        if (b === true) return true;
        return a === false && b === false ? false : null;
      };
    case "==":
    case "!=":
      return compileEquality(node, left, right);
    case "<":
      return ordered(left, right, (c) => c < 0);
    case "<=":
      return ordered(left, right, (c) => c <= 0);
    case ">":
      return ordered(left, right, (c) => c > 0);
    case ">=":
      return ordered(left, right, (c) => c >= 0);
    case "+":
      return (lead, ref) => {
        const a = left(lead, ref);
        const b = right(lead, ref);
        if (typeof a === "string" && typeof b === "string") return textOrNull(a + b);
        return finiteOrNull(numberBeside(a, b) + numberBeside(b, a));
      };
    case "-":
      return arithmetic(left, right, (x, y) => x - y);
    case "*":
      return arithmetic(left, right, (x, y) => x * y);
    case "/":
      return arithmetic(left, right, (x, y) => x / y);
    case "%":
      return arithmetic(left, right, (x, y) => x % y);
    default:
      return invalid(`unknown operator ${String(node.op)}`);
  }
}

function ordered(left: Eval, right: Eval, holds: (c: number) => boolean): Eval {
  return (lead, ref) => {
    const c = compareValues(left(lead, ref), right(lead, ref));
    return c === null ? null : holds(c);
  };
}

/** Division or remainder by zero gives Infinity or NaN, which finiteOrNull turns into null. */
function arithmetic(left: Eval, right: Eval, op: (x: number, y: number) => number): Eval {
  return (lead, ref) => {
    const a = left(lead, ref);
    const b = right(lead, ref);
    return finiteOrNull(op(numberBeside(a, b), numberBeside(b, a)));
  };
}

function compileNode(node: ExprAst): Eval {
  switch (node?.kind) {
    case "literal": {
      const v = literalValue(node.value);
      return () => v;
    }
    case "list":
      return compileList(node.items);
    case "field":
      return compileField(node.name);
    case "call":
      return compileCall(node.name, node.args);
    case "binary":
      return compileBinary(node);
    case "unary": {
      const operand = compileNode(node.operand);
      if (node.op === "not") {
        return (lead, ref) => {
          const v = operand(lead, ref);
          return v === true ? false : v === false ? true : null;
        };
      }
      if (node.op !== "neg") return invalid(`unknown operator ${String(node.op)}`);
      return (lead, ref) => {
        const v = operand(lead, ref);
        return typeof v === "number" ? 0 - v : null;
      };
    }
    default:
      return invalid("unknown node");
  }
}

/**
 * Compiles once; the returned function never throws: anything unexpected while evaluating (a hostile lead
 * object, an exhausted stack) yields null, which conditions treat as false. A malformed tree throws here.
 */
export function compileExpression(ast: ExprAst): ExprFn {
  const root = compileNode(ast);
  return (lead, refTime) => {
    try {
      return root(lead, refTime);
    } catch {
      return null;
    }
  };
}
