// The expression syntax tree, its operators and the parser's size limits.

export type BinaryOp = "or" | "and" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in" | "+" | "-" | "*" | "/" | "%";

export type UnaryOp = "not" | "neg";

export type LiteralValue = string | number | boolean | null;

/** Every node carries the source range it came from (UTF-16 offsets, end exclusive) for error markers. */
interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LiteralNode extends Span {
  readonly kind: "literal";
  readonly value: LiteralValue;
}
export interface ListNode extends Span {
  readonly kind: "list";
  readonly items: readonly ExprAst[];
}
/** A lead field: a bare name, `lead.name` or `lead["Name"]` — all three read the same own property. */
export interface FieldNode extends Span {
  readonly kind: "field";
  readonly name: string;
}
export interface UnaryNode extends Span {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: ExprAst;
}
export interface BinaryNode extends Span {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: ExprAst;
  readonly right: ExprAst;
}
export interface CallNode extends Span {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly ExprAst[];
}

export type ExprAst = LiteralNode | ListNode | FieldNode | UnaryNode | BinaryNode | CallNode;

export interface ExprLimits {
  /** Characters of source text. */
  readonly maxLength: number;
  /** Nesting of parentheses, lists, calls, `lead[...]` and unary operators. */
  readonly maxDepth: number;
  readonly maxListItems: number;
}

export const EXPR_LIMITS: ExprLimits = { maxLength: 2000, maxDepth: 40, maxListItems: 1000 };

/** Text a computation produces (`+`, lower, upper, trim) longer than this becomes null. */
export const MAX_TEXT_LENGTH = 10_000;

/** Names that would reach object internals in JavaScript; refused when parsing and unreadable when running. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
