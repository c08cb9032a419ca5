// Safe-regex tests: what is accepted and how it matches, what is refused and why, and bounded matching time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TESTED_LENGTH, compileSafeRegex, formatRegexError, regexMessages, type RegexReason } from "./index";

function tester(pattern: string): (s: string) => boolean {
  const r = compileSafeRegex(pattern);
  if (!r.ok) throw new Error(`${pattern}: ${r.message}`);
  return r.test;
}

describe("accepted patterns", () => {
  it.each([
    ["^\\+?[0-9 ]{7,15}$", "+49 30 1234567", true],
    ["^\\+?[0-9 ]{7,15}$", "030 12", false],
    ["^\\+?[0-9 ]{7,15}$", "+49 30 12345x7", false],
    ["^acme", "ACME corp", true],
    ["^acme", "the acme", false],
    ["gmbh$", "Acme GmbH", true],
    ["\\bceo\\b|\\bcto\\b", "Acting CTO", true],
    ["\\bceo\\b|\\bcto\\b", "ceos", false],
    ["^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$", "Ann.Lee+x@Example.co.uk", true],
    ["^[^@]+@[^@]+\\.[a-z]{2,}$", "a@b.c", false],
    ["^(\\+\\d{1,3}\\s?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}$", "+1 (555) 123-4567", true],
    ["^\\d{1,3}(,\\d{3})*$", "1,234,567", true],
    ["^\\d{1,3}(,\\d{3})*$", "1,23", false],
    ["(?:foo|bar)baz", "xBARBAZ", true],
    ["[\\w-.]+", "-", true],
    ["^.*urgent.*$", "very URGENT please", true],
    ["a.*b", "a---b", true],
    ["\\x41\\u0042\\.\\+\\(\\{", "ab.+({", true],
    ["[\\u4e00-\\u9fff]{2}", "北京", true],
    ["^$", "", true],
    ["(ab|cd)*e", "abcde", true],
    ["colou?r", "COLOR", true],
    ["\\d+?x", "12x", true],
    ["[^]", "z", true],
    ["[]", "z", false],
  ])("%s on %j → %s", (pattern, text, expected) => {
    expect(tester(pattern)(text)).toBe(expected);
  });

  it("tests only the first 10,000 characters", () => {
    const test = tester("x$");
    expect(test(`${"a".repeat(MAX_TESTED_LENGTH - 1)}x`)).toBe(true);
    expect(test(`${"a".repeat(MAX_TESTED_LENGTH)}x`)).toBe(false);
  });

  it("keeps no state between calls and answers false for non-text", () => {
    const test = tester("a");
    expect([test("a"), test("a"), test("a")]).toEqual([true, true, true]);
    expect(test(5 as unknown as string)).toBe(false);
  });
});

describe("refused patterns", () => {
  const refused: [string, "regex.too_long" | "regex.invalid" | "regex.unsafe", RegexReason, number][] = [
    ["(a+)+$", "regex.unsafe", "nested_quantifier", 4],
    ["(a|a)*", "regex.unsafe", "ambiguous_alternation", 0],
    ["(.*)*", "regex.unsafe", "nested_quantifier", 4],
    ["(\\w+\\s?)*", "regex.unsafe", "nested_quantifier", 8],
    ["(a*)*b", "regex.unsafe", "nested_quantifier", 4],
    ["(x+x+)+y", "regex.unsafe", "nested_quantifier", 6],
    ["(a+){3}", "regex.unsafe", "nested_quantifier", 4],
    ["(a|ab)*c", "regex.unsafe", "ambiguous_alternation", 0],
    ["(a|)+", "regex.unsafe", "ambiguous_alternation", 0],
    ["(\\d|[0-9])+", "regex.unsafe", "ambiguous_alternation", 0],
    ["(a|a)(a|a)(a|a)(a|a)", "regex.unsafe", "ambiguous_alternation", 15],
    ["a.*b.*c", "regex.unsafe", "overlapping_quantifiers", 5],
    [".*urgent.*", "regex.unsafe", "overlapping_quantifiers", 9],
    ["\\d+\\d+x", "regex.unsafe", "overlapping_quantifiers", 5],
    ["\\s*-?\\s*$", "regex.unsafe", "overlapping_quantifiers", 7],
    ["^[ab]*[bc]*[cd]*x", "regex.unsafe", "overlapping_quantifiers", 15],
    ["^a?a?a?a?a?a?a?a?aaaaaaaa", "regex.unsafe", "overlapping_quantifiers", 6],
    ["(a)\\1", "regex.unsafe", "backreference", 3],
    ["\\k<x>", "regex.unsafe", "backreference", 0],
    ["[\\1]", "regex.unsafe", "backreference", 1],
    ["(?=a)b", "regex.unsafe", "lookaround", 0],
    ["a(?!b)", "regex.unsafe", "lookaround", 1],
    ["(?<=a)b", "regex.unsafe", "lookaround", 0],
    ["(?<!a)b", "regex.unsafe", "lookaround", 0],
    ["a{1001}", "regex.unsafe", "big_count", 1],
    ["(?<name>a)", "regex.invalid", "unsupported_group", 0],
    ["(a", "regex.invalid", "unclosed_group", 0],
    ["a)", "regex.invalid", "unmatched_paren", 1],
    ["[a-", "regex.invalid", "unclosed_class", 0],
    ["*a", "regex.invalid", "nothing_to_repeat", 0],
    ["a**", "regex.invalid", "nothing_to_repeat", 2],
    ["^*", "regex.invalid", "nothing_to_repeat", 1],
    ["a{2}{3}", "regex.invalid", "nothing_to_repeat", 4],
    ["{1}", "regex.invalid", "nothing_to_repeat", 0],
    ["a{", "regex.invalid", "escape_brace", 1],
    ["}", "regex.invalid", "escape_brace", 0],
    ["]", "regex.invalid", "escape_brace", 0],
    ["\\q", "regex.invalid", "unknown_escape", 0],
    ["\\p{L}", "regex.invalid", "unknown_escape", 0],
    ["\\01", "regex.invalid", "unknown_escape", 0],
    ["\\x4", "regex.invalid", "unknown_escape", 0],
    ["a\\", "regex.invalid", "unknown_escape", 1],
    ["[z-a]", "regex.invalid", "bad_range", 1],
    ["a{5,2}", "regex.invalid", "bad_range", 1],
    ["a".repeat(201), "regex.too_long", "too_long", 200],
  ];

  it.each(refused)("%s → %s (%s at %i)", (pattern, code, reason, offset) => {
    const r = compileSafeRegex(pattern);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.code, r.reason, r.offset]).toEqual([code, reason, offset]);
    expect(r.message).toBe(formatRegexError(r, "en"));
    expect(r.message).not.toMatch(/\{\w+\}/);
    expect(formatRegexError(r, "zh-CN")).not.toMatch(/\{\w+\}/);
  });

  it("has every reason in both languages", () => {
    expect(Object.keys(regexMessages["zh-CN"]).sort()).toEqual(Object.keys(regexMessages.en).sort());
  });

  it("never throws, whatever the pattern", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 220 }), (pattern) => {
        const r = compileSafeRegex(pattern);
        if (r.ok) r.test(pattern);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("matching time", () => {
  const worstTexts = (n: number) => ["a", "ab", "b", " ", "a ", "aab", "1"].map((unit) => `${unit.repeat(Math.ceil(n / unit.length))}!`);

  it("stays bounded for accepted patterns from a grammar of risky pieces", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "\\w", "[^b]", "\\s", " ", "\\d", "(a|b)", "(ab|b)", "(a|ba)", "(a+)", "(a|b+)");
    const quantifier = fc.constantFrom("", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?");
    const pattern = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }), fc.constantFrom("", "$", "!"))
      .map(([anchored, parts, end]) => `${anchored ? "^" : ""}${parts.map(([a, q]) => a + q).join("")}${end}`);
    fc.assert(
      fc.property(pattern, (p) => {
        const r = compileSafeRegex(p);
        if (!r.ok) return;
        for (const text of worstTexts(2000)) {
          const t = performance.now();
          r.test(text);
          // n² at n = 2,000 takes a few milliseconds; n³ would take seconds.
          expect(performance.now() - t, `${p} on ${text.slice(0, 4)}…`).toBeLessThan(400);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("answers a quadratic worst case on a 10,000-character value within a second", () => {
    const test = tester("\\w+@\\w+");
    const t = performance.now();
    expect(test("a".repeat(20_000))).toBe(false);
    expect(performance.now() - t).toBeLessThan(1500);
  });
});
