// A strict parser for the regex subset the `matches` operator accepts; anything else is refused, never guessed.
import { ANY_BUT_NEWLINE, CLASS_ESCAPES, CharSet } from "./charset";

export type RegexReason =
  | "too_long"
  | "unclosed_group"
  | "unmatched_paren"
  | "unclosed_class"
  | "nothing_to_repeat"
  | "escape_brace"
  | "unknown_escape"
  | "bad_range"
  | "unsupported_group"
  | "engine"
  | "backreference"
  | "lookaround"
  | "nested_quantifier"
  | "ambiguous_alternation"
  | "overlapping_quantifiers"
  | "big_count";

export class RegexFailure {
  constructor(
    readonly reason: RegexReason,
    readonly offset: number,
  ) {}
}

export type RNode =
  | { readonly type: "chars"; readonly set: CharSet; readonly at: number }
  | { readonly type: "assert"; readonly kind: "^" | "$" | "b" | "B"; readonly at: number }
  | { readonly type: "group"; readonly alts: readonly RNode[][]; readonly at: number }
  | { readonly type: "repeat"; readonly body: RNode; readonly min: number; readonly max: number; readonly at: number };

/** Counted repeats above this are refused: they cost memory and time in the engine for no real pattern's sake. */
export const MAX_COUNT = 1000;

const SIMPLE_ESCAPES = new Map([
  ["n", 10],
  ["r", 13],
  ["t", 9],
  ["f", 12],
  ["v", 11],
]);
const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

function isHex(s: string): boolean {
  return /^[0-9A-Fa-f]+$/.test(s);
}

class RegexParser {
  private i = 0;

  constructor(private readonly p: string) {}

  parse(): RNode[][] {
    const alts = this.alternatives();
    if (this.i < this.p.length) throw new RegexFailure("unmatched_paren", this.i);
    return alts;
  }

  private alternatives(): RNode[][] {
    const alts = [this.sequence()];
    while (this.p[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): RNode[] {
    const items: RNode[] = [];
    for (;;) {
      const c = this.p[this.i];
      if (c === undefined || c === "|" || c === ")") return items;
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
  }

  private atom(): RNode {
    const at = this.i;
    const c = this.p[this.i++] as string;
    switch (c) {
      case "^":
      case "$":
        return { type: "assert", kind: c, at };
      case ".":
        return { type: "chars", set: ANY_BUT_NEWLINE, at };
      case "(":
        return this.group(at);
      case "[":
        return { type: "chars", set: this.charClass(), at };
      case "\\":
        return this.escape(at);
      case "*":
      case "+":
      case "?":
        throw new RegexFailure("nothing_to_repeat", at);
      case "{":
        throw new RegexFailure(QUANTIFIER.test(this.p.slice(at)) ? "nothing_to_repeat" : "escape_brace", at);
      case "}":
      case "]":
        throw new RegexFailure("escape_brace", at);
      default:
        return { type: "chars", set: CharSet.of(c.charCodeAt(0)), at };
    }
  }

  private group(at: number): RNode {
    if (this.p[this.i] === "?") {
      const kind = this.p.slice(this.i + 1, this.i + 3);
      if (kind.startsWith(":")) this.i += 2;
      else if (kind.startsWith("=") || kind.startsWith("!") || kind === "<=" || kind === "<!") throw new RegexFailure("lookaround", at);
      else throw new RegexFailure("unsupported_group", at);
    }
    const alts = this.alternatives();
    if (this.p[this.i] !== ")") throw new RegexFailure("unclosed_group", at);
    this.i++;
    return { type: "group", alts, at };
  }

  private quantified(atom: RNode): RNode {
    const at = this.i;
    const c = this.p[this.i];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = QUANTIFIER.exec(this.p.slice(at));
      if (m === null) throw new RegexFailure("escape_brace", at);
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (min > max) throw new RegexFailure("bad_range", at);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new RegexFailure("big_count", at);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.p[this.i] === "?") this.i++; // lazy: same matching work, same analysis
    if (atom.type === "assert") throw new RegexFailure("nothing_to_repeat", at);
    const next = this.p[this.i];
    if (next === "*" || next === "+" || next === "?" || (next === "{" && QUANTIFIER.test(this.p.slice(this.i)))) {
      throw new RegexFailure("nothing_to_repeat", this.i);
    }
    return { type: "repeat", body: atom, min, max, at };
  }

  /** A fixed escape (\n, \x41, \u0041, \.) as a code unit, or null when the escape is something else. */
  private fixedEscape(c: string, inClass: boolean): number | null {
    const simple = SIMPLE_ESCAPES.get(c);
    if (simple !== undefined) return simple;
    if (c === "0" && !/[0-9]/.test(this.p[this.i] ?? "")) return 0;
    if (c === "b" && inClass) return 8;
    if (c === "x" || c === "u") {
      const digits = this.p.slice(this.i, this.i + (c === "x" ? 2 : 4));
      if (digits.length !== (c === "x" ? 2 : 4) || !isHex(digits)) return null;
      this.i += digits.length;
      return parseInt(digits, 16);
    }
    // Escaped punctuation and non-ASCII characters stand for themselves; escaped letters and digits are refused.
    return /[A-Za-z0-9]/.test(c) ? null : c.charCodeAt(0);
  }

  private escape(at: number): RNode {
    const c = this.p[this.i++];
    if (c === undefined) throw new RegexFailure("unknown_escape", at);
    if (c === "b" || c === "B") return { type: "assert", kind: c, at };
    if (/[1-9]/.test(c) || c === "k") throw new RegexFailure("backreference", at);
    const set = CLASS_ESCAPES.get(c);
    if (set !== undefined) return { type: "chars", set, at };
    const code = this.fixedEscape(c, false);
    if (code === null) throw new RegexFailure("unknown_escape", at);
    return { type: "chars", set: CharSet.of(code), at };
  }

  /** One member of a [...] class: a single code unit, or a class escape such as \d. */
  private classAtom(): { code: number } | { set: CharSet } {
    const at = this.i;
    const c = this.p[this.i++];
    if (c === undefined) throw new RegexFailure("unclosed_class", at);
    if (c !== "\\") return { code: c.charCodeAt(0) };
    const e = this.p[this.i++];
    if (e === undefined) throw new RegexFailure("unclosed_class", at);
    const set = CLASS_ESCAPES.get(e);
    if (set !== undefined) return { set };
    const code = this.fixedEscape(e, true);
    if (code === null) throw new RegexFailure(/[1-9]/.test(e) ? "backreference" : "unknown_escape", at);
    return { code };
  }

  private charClass(): CharSet {
    const start = this.i - 1;
    const negate = this.p[this.i] === "^";
    if (negate) this.i++;
    const set = new CharSet();
    for (;;) {
      if (this.i >= this.p.length) throw new RegexFailure("unclosed_class", start);
      if (this.p[this.i] === "]") break;
      const rangeAt = this.i;
      const first = this.classAtom();
      if (this.p[this.i] === "-" && this.p[this.i + 1] !== "]" && this.i + 1 < this.p.length) {
        this.i++;
        const last = this.classAtom();
        if ("code" in first && "code" in last) {
          if (first.code > last.code) throw new RegexFailure("bad_range", rangeAt);
          set.addAll(CharSet.range(first.code, last.code));
          continue;
        }
        // [\w-.] : a class escape cannot bound a range, so the dash is a plain dash (as the engine reads it).
        set.add(45);
        for (const part of [first, last]) {
          if ("code" in part) set.add(part.code);
          else set.addAll(part.set);
        }
        continue;
      }
      if ("code" in first) set.add(first.code);
      else set.addAll(first.set);
    }
    this.i++;
    return negate ? set.negated() : set;
  }
}

export function parseRegex(pattern: string): RNode[][] {
  return new RegexParser(pattern).parse();
}
