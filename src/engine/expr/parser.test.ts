// Parser tests: every construct, precedence, and each error code with its line and column.
import { describe, expect, it } from "vitest";
import { exprMessages, formatExprError, parseExpression, type ExprAst, type ExprErrorCode } from "./index";

/** The tree as compact text, positions left out: (op a b), [items], fn(args), $field. */
function show(node: ExprAst): string {
  switch (node.kind) {
    case "literal":
      return JSON.stringify(node.value);
    case "field":
      return `$${node.name}`;
    case "list":
      return `[${node.items.map(show).join(" ")}]`;
    case "call":
      return `${node.name}(${node.args.map(show).join(" ")})`;
    case "unary":
      return `(${node.op} ${show(node.operand)})`;
    case "binary":
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
  }
}

function tree(source: string): string {
  const r = parseExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  return show(r.ast);
}

function failure(source: string, limits?: Parameters<typeof parseExpression>[1]) {
  const r = parseExpression(source, limits);
  if (r.ok) throw new Error(`${source} parsed`);
  return r.error;
}

describe("parseExpression constructs", () => {
  it.each([
    ["42", "42"],
    ["3.25", "3.25"],
    ["007", "7"],
    ["'it\\'s'", '"it\'s"'],
    ['"a\\"b\\\\c\\n\\t\\r"', '"a\\"b\\\\c\\n\\t\\r"'],
    ["'\\u0041\\u00e9'", '"Aé"'],
    ["true", "true"],
    ["FALSE", "false"],
    ["Null", "null"],
    ['[1, "a", null, [true]]', '[1 "a" null [true]]'],
    ["[]", "[]"],
    ["country", "$country"],
    ["lead.country", "$country"],
    ["lead.in", "$in"],
    ['Lead["Company Size"]', "$Company Size"],
    ["lead['国家']", "$国家"],
    ["_x1", "$_x1"],
    ["a and b or c", "(or (and $a $b) $c)"],
    ["a or b and c", "(or $a (and $b $c))"],
    ["a && b || !c", "(or (and $a $b) (not $c))"],
    ["not a == 1", "(not (== $a 1))"],
    ["!a == 1 and b", "(and (not (== $a 1)) $b)"],
    ["not not a", "(not (not $a))"],
    ["a == 1 + 2 * 3", "(== $a (+ 1 (* 2 3)))"],
    ["(1 + 2) * 3 % 4 / 5 - 6", "(- (/ (% (* (+ 1 2) 3) 4) 5) 6)"],
    ["a - b - c", "(- (- $a $b) $c)"],
    ["-a * -2", "(* (neg $a) -2)"],
    ["- - 3", "3"],
    ["a != b", "(!= $a $b)"],
    ["a <= b", "(<= $a $b)"],
    ["a >= b", "(>= $a $b)"],
    ["a < b", "(< $a $b)"],
    ["a > b", "(> $a $b)"],
    ["x in [1, 2]", "(in $x [1 2])"],
    ["x not in tags", "(not in $x $tags)"],
    ["x IN [1] AND y", "(and (in $x [1]) $y)"],
    ["lower(upper(trim(name)))", "lower(upper(trim($name)))"],
    ["round(x)", "round($x)"],
    ["round(x, 2)", "round($x 2)"],
    ["min(a, b, c, 4)", "min($a $b $c 4)"],
    [
      "contains(tags, 'x') and startsWith(a, 'b') or endsWith(a, 'c')",
      '(or (and contains($tags "x") startsWith($a "b")) endsWith($a "c"))',
    ],
    ["len(a) + abs(b) > daysSince(c)", "(> (+ len($a) abs($b)) daysSince($c))"],
    ["max(1,2)\n  and\r\n\tx\u3000== 1", "(and max(1 2) (== $x 1))"],
  ])("%s", (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it("keeps source ranges on nodes", () => {
    const r = parseExpression('a == lead["b c"]');
    expect(r.ok && r.ast.kind === "binary" && [r.ast.start, r.ast.end, r.ast.right.start, r.ast.right.end]).toEqual([0, 16, 5, 16]);
  });
});

describe("parse errors", () => {
  const cases: [string, ExprErrorCode, number, number, Record<string, string | number>][] = [
    ["", "expr.empty", 1, 1, {}],
    ["   \n ", "expr.empty", 1, 1, {}],
    ["a ==\n  and", "expr.expected_value", 2, 3, { after: "==", found: "and" }],
    ["x == 1 and", "expr.unexpected_end", 1, 11, { after: "and" }],
    ["a b", "expr.syntax", 1, 3, { found: "b" }],
    [") + 1", "expr.bad_start", 1, 1, { found: ")" }],
    ["x ==\n\n   (1 +\n 2", "expr.unclosed", 4, 3, { open: "(", close: ")", openLine: 3, openColumn: 4 }],
    ["[1, 2", "expr.unclosed", 1, 6, { open: "[", close: "]" }],
    ["lower(a", "expr.unclosed", 1, 8, { open: "(" }],
    ["1 < x < 5", "expr.chained_comparison", 1, 7, { op: "<" }],
    ["a == b != c", "expr.chained_comparison", 1, 8, {}],
    ["'sub' in 'string'", "expr.in_needs_list", 1, 10, { op: "in" }],
    ["x not in 5", "expr.in_needs_list", 1, 10, { op: "not in" }],
    ['x in ("a")', "expr.in_needs_list", 1, 7, {}],
    ["a and\n  foo(1)", "expr.unknown_function", 2, 3, { name: "foo" }],
    ["Lower(x)", "expr.unknown_function", 1, 1, { name: "Lower" }],
    ["min()", "expr.arity", 1, 1, { name: "min", count: 0, signature: "min(a, b, ...)" }],
    ["lower(a, b)", "expr.arity", 1, 1, { count: 2 }],
    ["round(1, 2, 3)", "expr.arity", 1, 1, { signature: "round(number [, digits])" }],
    ["contains(a)", "expr.arity", 1, 1, {}],
    ["x == constructor", "expr.forbidden_name", 1, 6, { name: "constructor" }],
    ["lead.prototype", "expr.forbidden_name", 1, 6, { name: "prototype" }],
    ["lead['__proto__']", "expr.forbidden_name", 1, 6, { name: "__proto__" }],
    ["a.b", "expr.member_access", 1, 2, { name: "a" }],
    ['lead.a["b"]', "expr.member_access", 1, 7, { name: "a" }],
    ["lead[name]", "expr.bracket_literal", 1, 6, {}],
    ['lead["a" + "b"]', "expr.bracket_literal", 1, 6, {}],
    ["lead[]", "expr.bracket_literal", 1, 6, {}],
    ["lead.5", "expr.field_name_expected", 1, 6, { found: "5" }],
    ["lead.", "expr.unexpected_end", 1, 6, { after: "lead." }],
    ["lead + 1", "expr.bare_lead", 1, 1, {}],
    ["a # b", "expr.bad_char", 1, 3, { char: "#" }],
    ["a == `b`", "expr.bad_char", 1, 6, { char: "`" }],
    ["\\u0063onstructor", "expr.bad_char", 1, 1, { char: "\\" }],
    ["a == 1;\nb", "expr.bad_char", 1, 7, { char: ";" }],
    ["国家 == 1", "expr.bad_name_char", 1, 1, { char: "国" }],
    ["país == 1", "expr.bad_name_char", 1, 3, { char: "í" }],
    ["a = 1", "expr.use_instead", 1, 3, { found: "=", suggestion: "==" }],
    ["a === 1", "expr.use_instead", 1, 3, { found: "===" }],
    ["a <> 1", "expr.use_instead", 1, 3, { suggestion: "!=" }],
    ["a & b", "expr.use_instead", 1, 3, { suggestion: "and" }],
    ["a | b", "expr.use_instead", 1, 3, { suggestion: "or" }],
    ["a == \u201cUS\u201d", "expr.use_instead", 1, 6, { suggestion: '"' }],
    ["lower\uff08a)", "expr.use_instead", 1, 6, { suggestion: "(" }],
    ["a == 'US", "expr.bad_string", 1, 6, { quote: "'" }],
    ['a == "U\nS"', "expr.bad_string", 1, 6, { quote: '"' }],
    ["'a\\qb'", "expr.bad_escape", 1, 3, { escape: "\\q" }],
    ["'\\u00g1'", "expr.bad_escape", 1, 2, { escape: "\\u00g1" }],
    ["1e999", "expr.bad_number", 1, 1, { text: "1e999" }],
    ["1.2.3", "expr.bad_number", 1, 1, {}],
    ["5.", "expr.bad_number", 1, 1, {}],
    ["12abc", "expr.bad_number", 1, 1, {}],
    [`1${"0".repeat(400)}`, "expr.bad_number", 1, 1, { text: `1${"0".repeat(23)}…` }],
  ];
  it.each(cases)("%j → %s at %i:%i", (source, code, line, column, params) => {
    const e = failure(source);
    expect({ code: e.code, line: e.line, column: e.column }).toEqual({ code, line, column });
    expect(e.params).toMatchObject(params);
    expect(e.message).toBe(formatExprError(e, "en"));
    expect(e.message.startsWith(`Line ${line}, column ${column}: `)).toBe(true);
    expect(formatExprError(e, "zh-CN").startsWith(`第 ${line} 行第 ${column} 列：`)).toBe(true);
    expect(formatExprError(e, "zh-CN")).not.toMatch(/\{\w+\}/);
    expect(e.message).not.toMatch(/\{\w+\}/);
  });

  it("says what is missing after an operator in plain words", () => {
    expect(failure("country == 'US' and").message).toBe("Line 1, column 20: expected a value after 'and'");
  });

  it("enforces the length, depth and list limits with a position, not a stack overflow", () => {
    const long = failure("a".repeat(100_000));
    expect([long.code, long.offset, long.params.length]).toEqual(["expr.too_long", 2000, 100_000]);
    expect(failure(`${"(".repeat(10_000)}1${")".repeat(10_000)}`).code).toBe("expr.too_long");
    const deep = failure(`${"(".repeat(41)}1${")".repeat(41)}`);
    expect([deep.code, deep.column, deep.params.max]).toEqual(["expr.too_deep", 41, 40]);
    expect(parseExpression(`${"(".repeat(40)}1${")".repeat(40)}`).ok).toBe(true);
    expect(failure(`${"not ".repeat(41)}true`).code).toBe("expr.too_deep");
    expect(failure(`${"-".repeat(41)}1`).code).toBe("expr.too_deep");
    expect(failure(`${"[".repeat(41)}${"]".repeat(41)}`).code).toBe("expr.too_deep");
    expect(failure(`${"lower(".repeat(41)}x${")".repeat(41)}`).code).toBe("expr.too_deep");
    const list = failure("[1, 2, 3, 4]", { maxLength: 2000, maxDepth: 40, maxListItems: 3 });
    expect([list.code, list.column]).toEqual(["expr.list_too_long", 11]);
    // 1,001 items need more than 2,000 characters, so at the real limits the length check answers first.
    expect(failure(`[${"1,".repeat(1000)}1]`).code).toBe("expr.too_long");
  });

  it("never returns an error message with unfilled placeholders, and has every code in both languages", () => {
    expect(Object.keys(exprMessages["zh-CN"]).sort()).toEqual(Object.keys(exprMessages.en).sort());
    for (const template of Object.values(exprMessages.en)) expect(template).toMatch(/^Line \{line\}, column \{column\}: /);
  });
});
