// Property tests: no input text makes parsing throw, and any well-formed tree evaluates without throwing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression, compileExpression, parseExpression, type BinaryOp, type ExprAst } from "./index";
import { FUNCTION_SPECS } from "./functions";

const REF = Date.UTC(2024, 0, 1);
const FIELDS = ["a", "b", "x", "Field X", "国家", "toString", "in"];
const TOKENS = [
  "a",
  "lead",
  ".",
  "[",
  "]",
  "(",
  ")",
  ",",
  '"x"',
  "'y'",
  "1",
  "2.5",
  "-",
  "+",
  "*",
  "/",
  "%",
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "and",
  "or",
  "not",
  "in",
  "!",
  "&&",
  "||",
  "true",
  "null",
  "lower",
  "min",
  "round",
  "contains",
  "daysSince",
  "constructor",
  "__proto__",
  "\\",
  '"',
  "'",
  "\n",
  "=",
  "#",
  "国",
  "1e5",
  'lead["a"]',
  "lead.b",
];

const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, "", "  ", "5", "2024-01-01", [], [null], { a: 1 }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
);
const anyLead = fc.dictionary(fc.constantFrom(...FIELDS), anyValue);

function isValue(v: unknown): boolean {
  return v === null || typeof v === "boolean" || typeof v === "string" || Array.isArray(v) || (typeof v === "number" && Number.isFinite(v));
}

function expectWellFormedErrors(source: string, errors: { offset: number; line: number; column: number; message: string }[]): void {
  for (const e of errors) {
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(source.length);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message).not.toMatch(/\{\w+\}/);
  }
}

describe("any source text", () => {
  it("returns a result or errors, never throws (random text)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (source) => {
        const checked = checkExpression(source, new Set(FIELDS));
        if (!checked.ok) expectWellFormedErrors(source, checked.errors);
        const parsed = parseExpression(source);
        if (!parsed.ok) expectWellFormedErrors(source, [parsed.error]);
      }),
      { numRuns: 3000 },
    );
  });

  it("returns a result or errors, never throws (token soup), and what parses evaluates", () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(" "));
    fc.assert(
      fc.property(soup, anyLead, (source, lead) => {
        const checked = checkExpression(source);
        if (!checked.ok) return expectWellFormedErrors(source, checked.errors);
        expect(isValue(checked.fn(lead, REF))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

/** Source text for a tree, fully parenthesised, so that parsing it must give back the same meaning. */
function print(node: ExprAst): string {
  switch (node.kind) {
    case "literal":
      if (typeof node.value === "string")
        // eslint-disable-next-line no-control-regex -- control characters are exactly what a string literal must escape.
        return `"${node.value.replace(/[\\"\n\r\t]|[\u0000-\u001f]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
      return node.value === null ? "null" : String(node.value);
    case "field":
      return /^[A-Za-z_]\w*$/.test(node.name) && !["and", "or", "not", "in", "true", "false", "null", "lead"].includes(node.name)
        ? node.name
        : `lead[${JSON.stringify(node.name)}]`;
    case "list":
      return `[${node.items.map(print).join(", ")}]`;
    case "call":
      return `${node.name}(${node.args.map(print).join(", ")})`;
    case "unary":
      return node.op === "not" ? `(not ${print(node.operand)})` : `(-${print(node.operand)})`;
    case "binary":
      return `(${print(node.left)} ${node.op} ${print(node.right)})`;
  }
}

const span = { start: 0, end: 0 };
const OPS: BinaryOp[] = ["or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "+", "-", "*", "/", "%"];

/** The parser folds -5 and -(-5) into number literals. */
function foldsToLiteral(node: ExprAst): boolean {
  return node.kind === "literal" || (node.kind === "unary" && node.op === "neg" && foldsToLiteral(node.operand) && numberish(node.operand));
}
function numberish(node: ExprAst): boolean {
  return node.kind === "literal" ? typeof node.value === "number" : node.kind === "unary" && node.op === "neg" && numberish(node.operand);
}

const { node: anyTree } = fc.letrec<{ node: ExprAst; leaf: ExprAst }>((tie) => ({
  leaf: fc.oneof(
    fc
      .oneof(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
      )
      .map((value): ExprAst => ({ kind: "literal", value, ...span })),
    fc
      .oneof(fc.string({ maxLength: 8 }), fc.constantFrom("US", " us ", "5", "2023-12-01", ""))
      .map((value): ExprAst => ({ kind: "literal", value, ...span })),
    fc.constantFrom(true, false, null).map((value): ExprAst => ({ kind: "literal", value, ...span })),
    fc.constantFrom(...FIELDS).map((name): ExprAst => ({ kind: "field", name, ...span })),
  ),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.array(tie("node"), { maxLength: 4 }).map((items): ExprAst => ({ kind: "list", items, ...span })),
    fc
      .tuple(fc.constantFrom<"not" | "neg">("not", "neg"), tie("node"))
      .map(([op, operand]): ExprAst => ({ kind: "unary", op, operand, ...span })),
    fc.tuple(fc.constantFrom(...OPS), tie("node"), tie("node")).map(([op, left, right]): ExprAst => {
      // `x in "text"` is refused by the parser; keep the tree in the parser's language.
      const r = (op === "in" || op === "not in") && foldsToLiteral(right) ? { kind: "list" as const, items: [right], ...span } : right;
      return { kind: "binary", op, left, right: r, ...span };
    }),
    fc.tuple(fc.constantFrom(...FUNCTION_SPECS), fc.array(tie("node"), { minLength: 3, maxLength: 3 })).map(([spec, args]): ExprAst => ({
      kind: "call",
      name: spec.name,
      args: args.slice(0, Math.min(spec.maxArgs, Math.max(spec.minArgs, 1 + (args.length % 3)))),
      ...span,
    })),
  ),
}));

describe("any well-formed tree", () => {
  it("compiles and evaluates to a value without throwing", () => {
    fc.assert(
      fc.property(anyTree, anyLead, fc.oneof(fc.integer(), fc.constant(Number.NaN)), (ast, lead, ref) => {
        expect(isValue(compileExpression(ast)(lead, ref))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("prints to text that parses back to the same meaning", () => {
    fc.assert(
      fc.property(anyTree, anyLead, (ast, lead) => {
        const source = print(ast);
        fc.pre(source.length <= 2000);
        const parsed = parseExpression(source);
        if (!parsed.ok) throw new Error(`${source}\n${parsed.error.message}`);
        expect(compileExpression(parsed.ast)(lead, REF)).toEqual(compileExpression(ast)(lead, REF));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("prepared comparisons agree with the general rules", () => {
  const literal = fc.oneof(
    fc.constantFrom(null, true, false, "", " ", "5", "5.0", " US ", "us", 5, 0, -2.5),
    fc.string({ maxLength: 4 }),
    fc.integer({ min: -9, max: 9 }),
  );
  const value = fc.oneof(literal, fc.constantFrom([], [null], [""], ["us"]), fc.array(literal, { maxLength: 3 }));
  const lit = (v: unknown): ExprAst => ({ kind: "literal", value: v as string, ...span });
  const fld = (name: string): ExprAst => ({ kind: "field", name, ...span });

  it("x == literal equals x == y", () => {
    fc.assert(
      fc.property(value, literal, fc.boolean(), (x, c, flip) => {
        const prepared: ExprAst = { kind: "binary", op: "==", left: flip ? lit(c) : fld("x"), right: flip ? fld("x") : lit(c), ...span };
        const general: ExprAst = { kind: "binary", op: "==", left: fld("x"), right: fld("y"), ...span };
        expect(compileExpression(prepared)({ x }, REF)).toBe(compileExpression(general)({ x, y: c }, REF));
      }),
      { numRuns: 3000 },
    );
  });

  it("x in [literals] equals x in ys", () => {
    fc.assert(
      fc.property(value, fc.array(literal, { maxLength: 5 }), (x, items) => {
        const prepared: ExprAst = {
          kind: "binary",
          op: "in",
          left: fld("x"),
          right: { kind: "list", items: items.map(lit), ...span },
          ...span,
        };
        const general: ExprAst = { kind: "binary", op: "in", left: fld("x"), right: fld("ys"), ...span };
        expect(compileExpression(prepared)({ x }, REF)).toBe(compileExpression(general)({ x, ys: items }, REF));
      }),
      { numRuns: 3000 },
    );
  });
});
