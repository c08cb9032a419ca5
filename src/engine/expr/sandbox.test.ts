// Sandbox tests: escape attempts must be refused or evaluate to null/false, with no side effects anywhere.
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { checkExpression, compileExpression, type ExprAst, type ExprErrorCode } from "./index";

const REF = Date.UTC(2024, 0, 1);

function prototypeSnapshot(): string {
  return JSON.stringify(
    Object.getOwnPropertyNames(Object.prototype)
      .sort()
      .map((name) => {
        const d = Object.getOwnPropertyDescriptor(Object.prototype, name);
        return [name, typeof d?.value, typeof d?.get, d?.writable, d?.enumerable, d?.configurable];
      }),
  );
}

const getterSpy = vi.fn(() => 99);
function leadWithGetter(): Record<string, unknown> {
  const lead: Record<string, unknown> = { country: "US" };
  Object.defineProperty(lead, "score", { get: getterSpy, enumerable: true });
  return lead;
}

const plain = (): Record<string, unknown> => ({ country: "US", tags: ["a"], x: 1 });
const ownProto = (): Record<string, unknown> => JSON.parse('{"__proto__": {"x": 1}, "country": "US"}') as Record<string, unknown>;
const inherited = (): Record<string, unknown> =>
  Object.assign(Object.create({ inheritedField: "yes", x: 5 }) as Record<string, unknown>, { country: "US" });
const hugeList = (): Record<string, unknown> => ({ items: new Array<number>(1_000_000).fill(1) });

type Outcome = { refused: ExprErrorCode } | { value: unknown };
type Attempt = [name: string, source: string, outcome: Outcome, lead?: () => Record<string, unknown>];

const nest = (open: string, close: string, n: number, inner: string) => `${open.repeat(n)}${inner}${close.repeat(n)}`;

const ATTEMPTS: Attempt[] = [
  ["bare constructor", "constructor", { refused: "expr.forbidden_name" }],
  ["lead.constructor", "lead.constructor", { refused: "expr.forbidden_name" }],
  ['lead["constructor"]', 'lead["constructor"]', { refused: "expr.forbidden_name" }],
  ["bare __proto__", "__proto__", { refused: "expr.forbidden_name" }],
  ["lead.__proto__", "lead.__proto__", { refused: "expr.forbidden_name" }],
  ['lead["__proto__"]', 'lead["__proto__"]', { refused: "expr.forbidden_name" }],
  ["bare prototype", "prototype", { refused: "expr.forbidden_name" }],
  ["this", "this", { value: null }],
  ["globalThis", "globalThis", { value: null }],
  ["process", "process", { value: null }],
  ["window", "window", { value: null }],
  ["Function", "Function", { value: null }],
  ["eval call", 'eval("1")', { refused: "expr.unknown_function" }],
  ["Function call", 'Function("return process")', { refused: "expr.unknown_function" }],
  ["constructor chain call", 'constructor.constructor("return process")()', { refused: "expr.forbidden_name" }],
  ["computed bracket name", 'lead["__pro" + "to__"]', { refused: "expr.bracket_literal" }],
  ["bracket with a field", "lead[name]", { refused: "expr.bracket_literal" }],
  ["bracket with a number", "lead[0]", { refused: "expr.bracket_literal" }],
  ["unicode escape in a name", "\\u0063onstructor", { refused: "expr.bad_char" }],
  ["unicode escapes in a bracket string", 'lead["\\u005f\\u005fproto__"]', { refused: "expr.forbidden_name" }],
  ["unicode escapes spelling constructor", "lead['\\u0063onstructor']", { refused: "expr.forbidden_name" }],
  ["toString", "toString", { value: null }],
  ["valueOf", "valueOf", { value: null }],
  ["hasOwnProperty", "hasOwnProperty", { value: null }],
  ["lead.toString", "lead.toString", { value: null }],
  ['lead["valueOf"]', 'lead["valueOf"]', { value: null }],
  ["__defineGetter__", "__defineGetter__", { value: null }],
  ["toString as a call", "toString()", { refused: "expr.unknown_function" }],
  ["hasOwnProperty as a call", 'hasOwnProperty("x")', { refused: "expr.unknown_function" }],
  ["require", 'require("fs")', { refused: "expr.unknown_function" }],
  ["dynamic import", 'import("fs")', { refused: "expr.unknown_function" }],
  ["member of a global", "process.env", { refused: "expr.member_access" }],
  ["Object.prototype", "Object.prototype", { refused: "expr.member_access" }],
  ["member of a field", "lead.tags.constructor", { refused: "expr.member_access" }],
  ["member of a field, innocent name", "lead.tags.length", { refused: "expr.member_access" }],
  ["member of a list literal", "[].constructor", { refused: "expr.syntax" }],
  ["member of a string literal", '"".constructor', { refused: "expr.syntax" }],
  ["member of a group", "(1).constructor", { refused: "expr.syntax" }],
  ["call of a group", '(lower)("A")', { refused: "expr.syntax" }],
  ["call of a string", "'eval'(\"1\")", { refused: "expr.syntax" }],
  ["template literal", "`${process.exit()}`", { refused: "expr.bad_char" }],
  ["assignment", "x = 1", { refused: "expr.use_instead" }],
  ["statement separator", "1; process", { refused: "expr.bad_char" }],
  ["spaced member", "lead . constructor", { refused: "expr.forbidden_name" }],
  ["own __proto__ key from JSON", 'lead["__proto__"]', { refused: "expr.forbidden_name" }, ownProto],
  ["own __proto__ key does not leak x", "x", { value: null }, ownProto],
  ["inherited field", "inheritedField", { value: null }, inherited],
  ["inherited field compared", "x == 5", { value: false }, inherited],
  ["getter is not called", "score", { value: null }, leadWithGetter],
  ["getter in arithmetic", "score * 2 > 1", { value: null }, leadWithGetter],
  ["100k characters", "a".repeat(100_000), { refused: "expr.too_long" }],
  ["10k nested parentheses", nest("(", ")", 10_000, "1"), { refused: "expr.too_long" }],
  ["5k nested not", `${"not ".repeat(5000)}true`, { refused: "expr.too_long" }],
  ["41 nested not", `${"not ".repeat(41)}true`, { refused: "expr.too_deep" }],
  ["deep lower()", nest("lower(", ")", 200, "x"), { refused: "expr.too_deep" }],
  ["40 deep lower()", nest("lower(", ")", 39, "'A'"), { value: "a" }],
  ["1,001-item list", `[${"1,".repeat(1000)}1]`, { refused: "expr.too_long" }],
  ["huge number literal", "1e999", { refused: "expr.bad_number" }],
  ["huge plain number", `1${"0".repeat(400)}`, { refused: "expr.bad_number" }],
  ["min without arguments", "min()", { refused: "expr.arity" }],
  ["len of a million-item lead list", "len(items)", { value: 1_000_000 }, hugeList],
];

const knowsRealFields = new Set(["country", "tags", "x", "items", "score", "name", "a", "Object"]);

describe("sandbox", () => {
  let evalSpy: MockInstance;
  let functionSpy: MockInstance;
  let before: string;

  beforeAll(() => {
    before = prototypeSnapshot();
    evalSpy = vi.spyOn(globalThis, "eval");
    functionSpy = vi.spyOn(globalThis, "Function");
  });

  afterAll(() => {
    evalSpy.mockRestore();
    functionSpy.mockRestore();
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("has at least 30 attempts", () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ATTEMPTS)("%s", (_name, source, outcome, makeLead = plain) => {
    evalSpy.mockClear();
    functionSpy.mockClear();
    getterSpy.mockClear();
    const lead = makeLead();
    const keysBefore = Reflect.ownKeys(lead);
    const protoBefore = Object.getPrototypeOf(lead) as unknown;

    const checked = checkExpression(source);
    const withFields = checkExpression(source, knowsRealFields);
    if ("refused" in outcome) {
      expect(checked.ok).toBe(false);
      expect(!checked.ok && checked.errors[0]?.code).toBe(outcome.refused);
      expect(withFields.ok).toBe(false);
    } else {
      expect(checked.ok).toBe(true);
      const result = checked.ok ? checked.fn(lead, REF) : "not compiled";
      expect(result).toEqual(outcome.value);
      if (result !== null && result !== false) expect(withFields.ok).toBe(true);
      else expect(withFields.ok && withFields.fn(lead, REF)).toBeOneOf([null, false]);
    }

    expect(evalSpy).not.toHaveBeenCalled();
    expect(functionSpy).not.toHaveBeenCalled();
    expect(getterSpy).not.toHaveBeenCalled();
    expect(Reflect.ownKeys(lead)).toEqual(keysBefore);
    expect(Object.getPrototypeOf(lead)).toBe(protoBefore);
  });

  it("does not see names added to Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = "yes";
    try {
      const r = checkExpression("polluted == 'yes' or contains(tags, 'yes')");
      expect(r.ok && r.fn({ tags: [] }, REF)).toBe(false);
    } finally {
      delete proto.polluted;
    }
  });

  it("returns null instead of throwing for a hostile lead object", () => {
    const hostile = new Proxy(
      {},
      {
        has() {
          throw new Error("trap");
        },
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    const r = checkExpression("country == 'US' or x > 1");
    expect(r.ok && r.fn(hostile, REF)).toBeNull();
  });

  describe("hand-built trees that skip the parser", () => {
    const field = (name: string): ExprAst => ({ kind: "field", name, start: 0, end: 0 });
    const call = (name: string, args: ExprAst[] = []): ExprAst => ({ kind: "call", name, args, start: 0, end: 0 });

    it.each(["__proto__", "constructor", "prototype"])("reads %s as null, even as an own key", (name) => {
      const fn = compileExpression(field(name));
      expect(fn(ownProto(), REF)).toBeNull();
      expect(fn({ [name]: 1 }, REF)).toBeNull();
    });

    it.each(["constructor", "eval", "hasOwnProperty", "__proto__", "toString"])("refuses to compile a call to %s", (name) => {
      expect(() => compileExpression(call(name, [field("x")]))).toThrow(/Invalid expression tree/);
    });

    it("refuses literals that are not plain values", () => {
      const bad = { kind: "literal", value: { valueOf: () => 1 }, start: 0, end: 0 } as unknown as ExprAst;
      expect(() => compileExpression(bad)).toThrow(/Invalid expression tree/);
    });
  });
});
