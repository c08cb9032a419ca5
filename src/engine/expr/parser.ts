// Recursive-descent parser from tokens to the expression tree, enforcing the size, depth and name rules.
import { EXPR_LIMITS, FORBIDDEN_NAMES, type BinaryOp, type ExprAst, type ExprLimits } from "./ast";
import { ExprFailure, locate, shown } from "./errors";
import { FUNCTION_NAMES_TEXT, lookupFunction } from "./functions";
import { tokenize, type Token } from "./tokenizer";

/** Keywords are matched without regard to case (AND, True, NULL); field and function names are exact. */
const KEYWORDS = new Set(["and", "or", "not", "in", "true", "false", "null", "lead"]);
const COMPARISON_OPS = new Set<string>(["==", "!=", "<", "<=", ">", ">="]);

function keyword(t: Token): string | null {
  if (t.kind !== "name") return null;
  const k = t.text.toLowerCase();
  return KEYWORDS.has(k) ? k : null;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly limits: ExprLimits,
  ) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== "end") this.pos++;
    return t;
  }

  private isOp(t: Token, ...ops: string[]): boolean {
    return t.kind === "op" && ops.includes(t.text);
  }

  private enter(at: Token): void {
    if (++this.depth > this.limits.maxDepth) throw new ExprFailure("expr.too_deep", at.start, { max: this.limits.maxDepth });
  }

  private leave(): void {
    this.depth--;
  }

  private expectClose(open: Token, close: string): Token {
    const t = this.peek();
    if (this.isOp(t, close)) return this.next();
    const where = locate(this.source, open.start);
    throw new ExprFailure("expr.unclosed", t.start, { open: open.text, close, openLine: where.line, openColumn: where.column });
  }

  parseRoot(): ExprAst {
    if (this.peek().kind === "end") throw new ExprFailure("expr.empty", 0);
    const ast = this.parseOr();
    const t = this.peek();
    if (t.kind !== "end") throw new ExprFailure("expr.syntax", t.start, { found: shown(t.text) });
    return ast;
  }

  private binary(op: BinaryOp, left: ExprAst, right: ExprAst): ExprAst {
    return { kind: "binary", op, left, right, start: left.start, end: right.end };
  }

  private parseOr(): ExprAst {
    let left = this.parseAnd();
    while (keyword(this.peek()) === "or" || this.isOp(this.peek(), "||")) {
      this.next();
      left = this.binary("or", left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): ExprAst {
    let left = this.parseNot();
    while (keyword(this.peek()) === "and" || this.isOp(this.peek(), "&&")) {
      this.next();
      left = this.binary("and", left, this.parseNot());
    }
    return left;
  }

  /** `not` and `!` bind looser than comparisons, as in plain English: not x == 1 means not (x == 1). */
  private parseNot(): ExprAst {
    const t = this.peek();
    if (keyword(t) !== "not" && !this.isOp(t, "!")) return this.parseComparison();
    this.next();
    this.enter(t);
    const operand = this.parseNot();
    this.leave();
    return { kind: "unary", op: "not", operand, start: t.start, end: operand.end };
  }

  private comparisonOp(): BinaryOp | null {
    const t = this.peek();
    if (t.kind === "op" && COMPARISON_OPS.has(t.text)) return t.text as BinaryOp;
    const k = keyword(t);
    if (k === "in") return "in";
    if (k === "not" && keyword(this.peek(1)) === "in") return "not in";
    return null;
  }

  private parseComparison(): ExprAst {
    const left = this.parseAdditive();
    const op = this.comparisonOp();
    if (op === null) return left;
    this.next();
    if (op === "not in") this.next();
    const right = this.parseAdditive();
    if ((op === "in" || op === "not in") && right.kind === "literal") {
      throw new ExprFailure("expr.in_needs_list", right.start, { op });
    }
    const after = this.peek();
    if (this.comparisonOp() !== null) throw new ExprFailure("expr.chained_comparison", after.start, { op: after.text });
    return this.binary(op, left, right);
  }

  private parseAdditive(): ExprAst {
    let left = this.parseMultiplicative();
    while (this.isOp(this.peek(), "+", "-")) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): ExprAst {
    let left = this.parseUnary();
    while (this.isOp(this.peek(), "*", "/", "%")) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): ExprAst {
    const t = this.peek();
    if (!this.isOp(t, "-")) return this.parsePrimary();
    this.next();
    this.enter(t);
    const operand = this.parseUnary();
    this.leave();
    // A negative number literal stays a literal so `x in [-1, 2]` is a constant list.
    if (operand.kind === "literal" && typeof operand.value === "number") {
      return { kind: "literal", value: operand.value === 0 ? 0 : -operand.value, start: t.start, end: operand.end };
    }
    return { kind: "unary", op: "neg", operand, start: t.start, end: operand.end };
  }

  private parsePrimary(): ExprAst {
    const t = this.peek();
    if (t.kind === "number" || t.kind === "string") {
      this.next();
      return { kind: "literal", value: t.value, start: t.start, end: t.end };
    }
    if (t.kind === "name") {
      const k = keyword(t);
      if (k === "true" || k === "false" || k === "null") {
        this.next();
        return { kind: "literal", value: k === "null" ? null : k === "true", start: t.start, end: t.end };
      }
      if (k === "lead") return this.parseLead();
      if (k === null) return this.parseName();
    }
    if (this.isOp(t, "(")) return this.parseGroup();
    if (this.isOp(t, "[")) return this.parseList();
    return this.failExpectedValue(t);
  }

  private failExpectedValue(t: Token): never {
    const prev = this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
    if (prev === undefined) throw new ExprFailure("expr.bad_start", t.start, { found: shown(t.text) });
    if (t.kind === "end") throw new ExprFailure("expr.unexpected_end", prev.end, { after: shown(prev.text) });
    throw new ExprFailure("expr.expected_value", t.start, { after: shown(prev.text), found: shown(t.text) });
  }

  private checkName(name: string, at: number): void {
    if (FORBIDDEN_NAMES.has(name)) throw new ExprFailure("expr.forbidden_name", at, { name: shown(name) });
  }

  /** After a field there may be no `.` or `[`: only `lead` has members. */
  private refuseMember(name: string): void {
    const t = this.peek();
    if (this.isOp(t, ".", "[")) throw new ExprFailure("expr.member_access", t.start, { name: shown(name) });
  }

  private parseName(): ExprAst {
    const t = this.next();
    this.checkName(t.text, t.start);
    if (this.isOp(this.peek(), "(")) return this.parseCall(t);
    this.refuseMember(t.text);
    return { kind: "field", name: t.text, start: t.start, end: t.end };
  }

  private parseLead(): ExprAst {
    const leadTok = this.next();
    const t = this.peek();
    let name: string;
    let end: number;
    if (this.isOp(t, ".")) {
      this.next();
      const n = this.peek();
      if (n.kind !== "name") {
        if (n.kind === "end") throw new ExprFailure("expr.unexpected_end", t.end, { after: "lead." });
        throw new ExprFailure("expr.field_name_expected", n.start, { found: shown(n.text) });
      }
      this.next();
      this.checkName(n.text, n.start);
      name = n.text;
      end = n.end;
    } else if (this.isOp(t, "[")) {
      this.next();
      this.enter(t);
      const s = this.peek();
      if (s.kind !== "string" || !this.isOp(this.peek(1), "]")) throw new ExprFailure("expr.bracket_literal", s.start);
      this.next();
      end = this.next().end;
      this.leave();
      name = String(s.value);
      this.checkName(name, s.start);
    } else {
      throw new ExprFailure("expr.bare_lead", leadTok.start);
    }
    this.refuseMember(name);
    return { kind: "field", name, start: leadTok.start, end };
  }

  private parseCall(nameTok: Token): ExprAst {
    const spec = lookupFunction(nameTok.text);
    if (spec === undefined)
      throw new ExprFailure("expr.unknown_function", nameTok.start, { name: shown(nameTok.text), known: FUNCTION_NAMES_TEXT });
    const open = this.next();
    this.enter(open);
    const args: ExprAst[] = [];
    if (!this.isOp(this.peek(), ")")) {
      for (;;) {
        args.push(this.parseOr());
        if (!this.isOp(this.peek(), ",")) break;
        this.next();
      }
    }
    const close = this.expectClose(open, ")");
    this.leave();
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      throw new ExprFailure("expr.arity", nameTok.start, { name: spec.name, signature: spec.signature, count: args.length });
    }
    return { kind: "call", name: spec.name, args, start: nameTok.start, end: close.end };
  }

  private parseGroup(): ExprAst {
    const open = this.next();
    this.enter(open);
    const inner = this.parseOr();
    this.expectClose(open, ")");
    this.leave();
    return inner;
  }

  private parseList(): ExprAst {
    const open = this.next();
    this.enter(open);
    const items: ExprAst[] = [];
    if (!this.isOp(this.peek(), "]")) {
      for (;;) {
        const at = this.peek();
        if (items.length >= this.limits.maxListItems)
          throw new ExprFailure("expr.list_too_long", at.start, { max: this.limits.maxListItems });
        items.push(this.parseOr());
        if (!this.isOp(this.peek(), ",")) break;
        this.next();
      }
    }
    const close = this.expectClose(open, "]");
    this.leave();
    return { kind: "list", items, start: open.start, end: close.end };
  }
}

/** Parses with explicit limits; the engine uses EXPR_LIMITS, tests use smaller ones. Throws ExprFailure. */
export function parseTokens(source: string, limits: ExprLimits = EXPR_LIMITS): ExprAst {
  if (source.length > limits.maxLength)
    throw new ExprFailure("expr.too_long", limits.maxLength, { max: limits.maxLength, length: source.length });
  return new Parser(source, tokenize(source), limits).parseRoot();
}
