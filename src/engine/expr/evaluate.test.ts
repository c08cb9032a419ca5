// Evaluation tests: the value rules for comparison, arithmetic, logic, membership, fields and null.
import { describe, expect, it } from "vitest";
import { checkExpression, compileExpression, parseExpression, type ExprAst } from "./index";

const REF = Date.UTC(2024, 5, 15, 12);

const LEAD: Record<string, unknown> = {
  country: "  US ",
  name: "Acme GmbH",
  employees: 250,
  revenue: "1200.50",
  zip: "08015",
  vip: true,
  tags: ["Enterprise", " EU ", 7],
  empty: "",
  blank: "   ",
  none: null,
  noList: [],
  created: "2024-06-01T00:00:00Z",
  nested: { a: 1 },
  nan: Number.NaN,
  "Company Size": "51-200",
};

function run(source: string, lead: Record<string, unknown> = LEAD): unknown {
  const r = checkExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.errors[0]?.message}`);
  return r.fn(lead, REF);
}

describe("fields", () => {
  it.each([
    ["employees", 250],
    ["lead.employees", 250],
    ['lead["Company Size"]', "51-200"],
    ["missing", null],
    ["lead.missing", null],
    ["none", null],
    ["nested", null],
    ["nan", null],
    ["tags", LEAD.tags],
  ])("%s", (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it("reads a lead that is not an object as having no fields", () => {
    const fn = compileExpression((parseExpression("x == null") as { ast: ExprAst }).ast);
    expect(fn(null as unknown as Record<string, unknown>, REF)).toBe(true);
    expect(fn("text" as unknown as Record<string, unknown>, REF)).toBe(true);
  });
});

describe("equality", () => {
  it.each([
    ["country == 'us'", true],
    ["country == ' US'", true],
    ["'us' == country", true],
    ["country != 'US'", false],
    ["country == 'USA'", false],
    ["name == 'acme gmbh'", true],
    ["employees == 250", true],
    ["employees == '250'", true],
    ["revenue == 1200.5", true],
    ["zip == 8015", true],
    ["zip == '8015'", false],
    ["country == 1", false],
    ["country != 1", true],
    ["vip == true", true],
    ["vip == 'true'", false],
    ["tags == ['enterprise', 'eu', 7]", true],
    ["tags == ['enterprise']", false],
    ["[1, 'a'] == [1, 'A ']", true],
    ["null == null", true],
    ["missing == null", true],
    ["null == missing", true],
    ["none == null", true],
    ["empty == null", true],
    ["blank == null", true],
    ["noList == null", true],
    ["country == null", false],
    ["missing != null", false],
    ["country != null", true],
    ["empty == ''", true],
    ["blank == ''", true],
    ["noList == ''", false],
    ["employees == null", false],
    ["vip == null", false],
  ])("%s → %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe("order", () => {
  it.each([
    ["employees > 100", true],
    ["employees <= 250", true],
    ["employees < 250", false],
    ["'5' > 3", true],
    ["3 < '5'", true],
    ["revenue >= 1200", true],
    ["'10' < '9'", true],
    ["'b' > ' A '", true],
    ["'abc' >= 'ABC'", true],
    ["created > '2024-05-31'", true],
    ["created < '2024-06-01T00:00:01Z'", true],
    ["'abc' > 3", null],
    ["missing > 3", null],
    ["tags > 1", null],
    ["vip > false", null],
    ["null < 1", null],
  ])("%s → %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe("arithmetic", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["7 % 3", 1],
    ["-7 % 3", -1],
    ["10 / 4", 2.5],
    ["employees * 2 - 100", 400],
    ["-employees", -250],
    ["0 * -1", 0],
    ["'5' + 3", 8],
    ["3 - '1.5'", 1.5],
    ["revenue * 2", 2401],
    ["'a' + 'b'", "ab"],
    ["'5' + '3'", "53"],
    ["name + ' ' + country", "Acme GmbH   US "],
    ["'a' * 2", null],
    ["'a' + 2", null],
    ["vip + 1", null],
    ["missing + 1", null],
    ["tags + 1", null],
    ["1 / 0", null],
    ["0 / 0", null],
    ["5 % 0", null],
    ["-'5'", null],
    ["-vip", null],
    [
      "99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999 * 99999999999999999999",
      null,
    ],
  ])("%s → %j", (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it("caps text results at 10,000 characters", () => {
    const lead = { a: "x".repeat(6000) };
    expect(run("len(a + 'y')", lead)).toBe(6001);
    expect(run("a + a", lead)).toBeNull();
    expect(run("len(a + a)", lead)).toBeNull();
  });
});

describe("logic", () => {
  it.each([
    ["true and true", true],
    ["true and false", false],
    ["false and missing", false],
    ["missing and false", false],
    ["true and missing", null],
    ["true and 'yes'", null],
    ["true or missing", true],
    ["missing or true", true],
    ["false or false", false],
    ["false or missing", null],
    ["not true", false],
    ["not false", true],
    ["not missing", null],
    ["not null", null],
    ["not 1", null],
    ["!vip", false],
    ["not (missing > 3)", null],
    ["not (missing == 3)", true],
    ["employees > 100 and country == 'us'", true],
    ["employees > 1000 or contains(tags, 'eu')", true],
  ])("%s → %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it("does not evaluate the right side when the left side decides", () => {
    let reads = 0;
    const lead = new Proxy(
      { a: false, b: true },
      {
        getOwnPropertyDescriptor(target, key) {
          reads++;
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );
    run("a and b", lead);
    const afterAnd = reads;
    run("b or a", lead);
    expect([afterAnd, reads - afterAnd]).toEqual([2, 2]); // one field read = hasOwn + descriptor
  });
});

describe("in", () => {
  it.each([
    ["country in ['CA', 'us']", true],
    ["country in ['CA']", false],
    ["country not in ['CA']", true],
    ["country not in ['US']", false],
    ["employees in [100, 250]", true],
    ["employees in ['250']", true],
    ["zip in [8015]", true],
    ["zip in ['8015.0']", false],
    ["vip in [true]", true],
    ["vip in ['true']", false],
    ["missing in ['US']", false],
    ["missing not in ['US']", true],
    ["missing in [null]", true],
    ["missing in ['']", true],
    ["blank in [null]", true],
    ["noList in [null]", true],
    ["noList in ['']", false],
    ["'eu' in tags", true],
    ["7 in tags", true],
    ["'7' in tags", true],
    ["'x' in tags", false],
    ["'x' not in tags", true],
    ["'x' in missing", null],
    ["'x' not in missing", null],
    ["'x' in name", null],
    ["country in [lower('US'), 'CA']", true],
    ["employees in [1, 2 + 248]", true],
    ["[1] in [[1], 2]", true],
  ])("%s → %s", (source, expected) => {
    expect(run(source)).toBe(expected);
  });
});

describe("the reference time", () => {
  it("reaches daysSince and is not shared between calls", () => {
    const fn = (checkExpression("daysSince(created)") as { fn: (l: object, r: number) => unknown }).fn;
    expect(fn(LEAD, REF)).toBe(14);
    expect(fn(LEAD, Date.UTC(2024, 5, 1))).toBe(0);
    expect(fn(LEAD, Date.UTC(2024, 4, 31, 23))).toBe(-1);
    expect(fn(LEAD, Number.NaN)).toBeNull();
  });
});

describe("checkExpression", () => {
  it("lists the fields used, once each, in order", () => {
    const r = checkExpression('a > 1 and lead.b == lead["c d"] or a in [b, lead.e]');
    expect(r.ok && r.fields).toEqual(["a", "b", "c d", "e"]);
  });

  it("reports every unknown field with its position when a field list is given", () => {
    const r = checkExpression("country == 'US' and\n  lead.score > 3 or lead[\"Size\"] == globalThis", new Set(["country"]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.params.name, e.line, e.column])).toEqual([
      ["expr.unknown_field", "score", 2, 3],
      ["expr.unknown_field", "Size", 2, 21],
      ["expr.unknown_field", "globalThis", 2, 37],
    ]);
    expect(r.errors[0]?.message).toBe("Line 2, column 3: unknown field 'score'");
  });

  it("accepts known fields, and returns the parse error alone when the text does not parse", () => {
    expect(checkExpression("country == 'US'", new Set(["country"])).ok).toBe(true);
    const r = checkExpression("unknown ==", new Set(["country"]));
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["expr.unexpected_end"]);
  });
});
