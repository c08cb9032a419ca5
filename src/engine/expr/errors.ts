// Expression error values: codes, parameters and a 1-based line/column for each source offset.

export type ExprErrorCode =
  | "expr.empty"
  | "expr.too_long"
  | "expr.too_deep"
  | "expr.list_too_long"
  | "expr.bad_char"
  | "expr.bad_name_char"
  | "expr.use_instead"
  | "expr.bad_string"
  | "expr.bad_escape"
  | "expr.bad_number"
  | "expr.syntax"
  | "expr.bad_start"
  | "expr.expected_value"
  | "expr.unexpected_end"
  | "expr.unclosed"
  | "expr.chained_comparison"
  | "expr.in_needs_list"
  | "expr.unknown_function"
  | "expr.arity"
  | "expr.forbidden_name"
  | "expr.unknown_field"
  | "expr.member_access"
  | "expr.bracket_literal"
  | "expr.field_name_expected"
  | "expr.bare_lead";

export type ExprErrorParams = Record<string, string | number>;

export interface ExprError {
  code: ExprErrorCode;
  params: ExprErrorParams;
  /** UTF-16 offset into the source. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 code units like the designer's editor. */
  column: number;
  /** English text, the same as formatExprError(error, "en"). */
  message: string;
}

/** Thrown inside the tokenizer and parser only; parseExpression turns it into an ExprError value. */
export class ExprFailure {
  constructor(
    readonly code: ExprErrorCode,
    readonly offset: number,
    readonly params: ExprErrorParams = {},
  ) {}
}

export function locate(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const MAX_SHOWN = 24;

/** Source text quoted in a message, shortened so a 2,000-character token cannot flood the issues panel. */
export function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
