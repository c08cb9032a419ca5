// Splits expression source into tokens with positions, refusing every character outside the language.
import { ExprFailure, shown } from "./errors";

export type TokenKind = "number" | "string" | "name" | "op" | "end";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for names and operators, what the parser matches on). */
  readonly text: string;
  /** The decoded string or number for literals; null otherwise. */
  readonly value: string | number | null;
  readonly start: number;
  readonly end: number;
}

const TWO_CHAR_OPS = new Set(["==", "!=", "<=", ">=", "&&", "||"]);
const ONE_CHAR_OPS = new Set(["<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."]);

/** Look-alikes that people type from other tools or input methods, and what they should write. */
const USE_INSTEAD = new Map<string, string>([
  ["===", "=="],
  ["!==", "!="],
  ["<>", "!="],
  ["=", "=="],
  ["&", "and"],
  ["|", "or"],
  ["\u201c", '"'],
  ["\u201d", '"'],
  ["\u2018", "'"],
  ["\u2019", "'"],
  ["\uff08", "("],
  ["\uff09", ")"],
  ["\uff0c", ","],
  ["\uff3b", "["],
  ["\uff3d", "]"],
  ["\uff1d", "=="],
]);

const SIMPLE_ESCAPES = new Map<string, string>([
  ["n", "\n"],
  ["t", "\t"],
  ["r", "\r"],
  ["\\", "\\"],
  ["'", "'"],
  ['"', '"'],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function charAt(source: string, i: number): string {
  return String.fromCodePoint(source.codePointAt(i) ?? 0);
}

function readNumber(source: string, start: number): Token {
  let i = start;
  while (isDigit(source.charCodeAt(i))) i++;
  let bad = false;
  if (source.charCodeAt(i) === 46 /* . */) {
    if (isDigit(source.charCodeAt(i + 1))) {
      i++;
      while (isDigit(source.charCodeAt(i))) i++;
    } else bad = true;
  }
  // "1e999", "12abc", "1.2.3": report the whole run rather than a confusing second token.
  while (isNamePart(source.charCodeAt(i)) || source.charCodeAt(i) === 46) {
    bad = true;
    i++;
  }
  const text = source.slice(start, i);
  const value = Number(text);
  if (bad || !Number.isFinite(value)) throw new ExprFailure("expr.bad_number", start, { text: shown(text) });
  return { kind: "number", text, value, start, end: i };
}

function readString(source: string, start: number): Token {
  const quote = source[start] ?? '"';
  let value = "";
  let i = start + 1;
  for (;;) {
    const c = source[i];
    if (c === undefined || c === "\n" || c === "\r") throw new ExprFailure("expr.bad_string", start, { quote });
    if (c === quote) break;
    if (c !== "\\") {
      value += c;
      i++;
      continue;
    }
    const e = source[i + 1] ?? "";
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (e === "u" && [2, 3, 4, 5].every((k) => isHex(source.charCodeAt(i + k)))) {
      // \uXXXX only ever yields a character of the text value; names never pass through here.
      value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      const escape = e === "u" ? `\\u${source.slice(i + 2, i + 6)}` : `\\${e}`;
      throw new ExprFailure("expr.bad_escape", i, { escape: shown(escape) });
    }
  }
  return { kind: "string", text: source.slice(start, i + 1), value, start, end: i + 1 };
}

function readOperator(source: string, i: number): Token | null {
  for (const look of [source.slice(i, i + 3), source.slice(i, i + 2), source.slice(i, i + 1)]) {
    const suggestion = USE_INSTEAD.get(look);
    if (suggestion !== undefined) throw new ExprFailure("expr.use_instead", i, { found: look, suggestion });
    if (look.length === 3) continue;
    if (TWO_CHAR_OPS.has(look) || (look.length === 1 && ONE_CHAR_OPS.has(look))) {
      return { kind: "op", text: look, value: null, start: i, end: i + look.length };
    }
  }
  return null;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let token: Token | null;
    if (isDigit(c)) token = readNumber(source, i);
    else if (c === 34 || c === 39) token = readString(source, i);
    else if (isNameStart(c)) {
      let j = i + 1;
      while (isNamePart(source.charCodeAt(j))) j++;
      if (j < n && /^\p{L}/u.test(charAt(source, j))) throw new ExprFailure("expr.bad_name_char", j, { char: charAt(source, j) });
      const text = source.slice(i, j);
      token = { kind: "name", text, value: null, start: i, end: j };
    } else token = readOperator(source, i);
    if (token === null) {
      const ch = charAt(source, i);
      const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)
        ? ch
        : `U+${(source.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
      throw new ExprFailure(/^\p{L}/u.test(ch) ? "expr.bad_name_char" : "expr.bad_char", i, { char: printable });
    }
    tokens.push(token);
    i = token.end;
  }
  tokens.push({ kind: "end", text: "", value: null, start: n, end: n });
  return tokens;
}
