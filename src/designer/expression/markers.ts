// Error markers for the expression editor, from the engine's own checker: one per error, over the word it points at.
import { type FieldDef, checkExpression, formatExprError, type Lang } from "../../engine";

export interface ExprMarker {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly message: string;
}

const WORD = /[A-Za-z0-9_$]/;

/** Line/column are 1-based, as the engine reports them and Monaco wants them. */
function span(source: string, line: number, column: number): { start: number; end: number } {
  const text = source.split(/\r\n|\r|\n/)[line - 1] ?? "";
  let start = column - 1;
  if (start >= text.length) start = Math.max(0, text.length - 1);
  let end = start;
  while (end < text.length && WORD.test(text.charAt(end))) end++;
  if (end === start) end = Math.min(start + 1, Math.max(text.length, start + 1));
  return { start: start + 1, end: end + 1 };
}

export function expressionMarkers(source: string, fields: readonly FieldDef[], lang: Lang): ExprMarker[] {
  const checked = checkExpression(source, new Set(fields.map((f) => f.key)));
  if (checked.ok) return [];
  return checked.errors.map((e) => {
    const { start, end } = span(source, e.line, e.column);
    return { startLineNumber: e.line, startColumn: start, endLineNumber: e.line, endColumn: end, message: formatExprError(e, lang) };
  });
}
