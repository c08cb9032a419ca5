// Safe regular expressions for the `matches` condition operator: strict syntax, no catastrophic backtracking.
/*
 * What is accepted (always case-insensitive, searched anywhere in the text unless anchored with ^ and $):
 *   characters, escaped symbols (\. \+ \( ...), . \d \D \w \W \s \S, [classes] with ranges and [^negation],
 *   \n \t \r \f \v \0 \xHH \uHHHH, anchors ^ $ \b \B, groups (...) (?:...), alternation |, and repeats
 *   * + ? {n} {n,} {n,m} (also lazy *? etc.) with counts up to 1000. The pattern is at most 200 characters.
 * What is refused, and why:
 *   regex.invalid  anything outside that list (also what JavaScript would quietly read as a literal, like a bare
 *                  { or ], or \a), so what the analysis sees is exactly what the engine runs;
 *   regex.unsafe   back-references and look-arounds; a repeat around something variable ((a+)+, (\w+\s?)*,
 *                  (a+){3}); alternatives that can start alike inside a repeat ((a|a)*, (a|ab)+) or too many of
 *                  them elsewhere; and two variable repeats in a row that can take the same characters when the
 *                  pattern is not anchored with ^ (.*foo.*, \d+\d+), or three when it is. These are the shapes whose
 *                  matching time grows exponentially, or as n³ and faster, with the text length n.
 * What remains: at most about n² steps per tested text (e.g. a.*b on "aaaa…"), bounded by cutting the tested
 * text to 10,000 characters; measured at roughly 0.1–0.4 s for such a worst case on a 10,000-character value.
 */
import { analyze } from "./analyze";
import { formatRegexReason, type RegexLang } from "./messages";
import { MAX_COUNT, RegexFailure, parseRegex, type RegexReason } from "./parse";

export { regexMessages, formatRegexReason, type RegexLang } from "./messages";
export type { RegexReason } from "./parse";

export const MAX_PATTERN_LENGTH = 200;
export const MAX_TESTED_LENGTH = 10_000;

export type RegexErrorCode = "regex.too_long" | "regex.invalid" | "regex.unsafe";

export type SafeRegexResult =
  | { ok: true; test: (s: string) => boolean }
  | {
      ok: false;
      code: RegexErrorCode;
      /** English; the same as formatRegexReason(reason, params, "en"). */
      message: string;
      /** The finer reason, for a message in the user's language. */
      reason: RegexReason;
      params: Record<string, string | number>;
      /** 0-based position in the pattern. */
      offset: number;
    };

const UNSAFE: ReadonlySet<RegexReason> = new Set([
  "backreference",
  "lookaround",
  "nested_quantifier",
  "ambiguous_alternation",
  "overlapping_quantifiers",
  "big_count",
]);

function refuse(reason: RegexReason, offset: number, params: Record<string, string | number> = {}): SafeRegexResult {
  const all = { at: offset + 1, max: MAX_COUNT, ...params };
  const code: RegexErrorCode = reason === "too_long" ? "regex.too_long" : UNSAFE.has(reason) ? "regex.unsafe" : "regex.invalid";
  return { ok: false, code, message: formatRegexReason(reason, all, "en"), reason, params: all, offset };
}

export function compileSafeRegex(pattern: string): SafeRegexResult {
  if (typeof pattern !== "string") return refuse("engine", 0);
  if (pattern.length > MAX_PATTERN_LENGTH)
    return refuse("too_long", MAX_PATTERN_LENGTH, { length: pattern.length, max: MAX_PATTERN_LENGTH });
  let re: RegExp;
  try {
    analyze(parseRegex(pattern));
    // Only after our own parser has accepted it: the engine must agree that the pattern is valid as well.
    re = new RegExp(pattern, "i");
  } catch (e) {
    if (e instanceof RegexFailure) return refuse(e.reason, e.offset);
    if (e instanceof SyntaxError) return refuse("engine", 0);
    throw e;
  }
  // No g or y flag, so test() keeps no lastIndex state between leads.
  return {
    ok: true,
    test: (s) => typeof s === "string" && re.test(s.length > MAX_TESTED_LENGTH ? s.slice(0, MAX_TESTED_LENGTH) : s),
  };
}

export function formatRegexError(result: Extract<SafeRegexResult, { ok: false }>, lang: RegexLang): string {
  return formatRegexReason(result.reason, result.params, lang);
}
