// What the expression editor offers while typing: the flow's fields, the language's functions (documented in the user's language) and keywords.
import { type FieldDef, EXPR_FUNCTIONS, type Lang } from "../../engine";

export type CompletionKind = "field" | "function" | "keyword";

export interface ExprCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Text to insert; for functions a snippet with the cursor between the parentheses. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly detail: string;
  readonly documentation?: string;
}

export const KEYWORDS = ["and", "or", "not", "in", "true", "false", "null"] as const;
const RESERVED: ReadonlySet<string> = new Set([...KEYWORDS, "lead"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How a field is written in an expression: its bare name when it can be, `lead.name` for keywords, `lead["…"]` otherwise. */
export function fieldReference(key: string): string {
  if (IDENTIFIER.test(key)) return RESERVED.has(key.toLowerCase()) ? `lead.${key}` : key;
  return `lead[${JSON.stringify(key)}]`;
}

/**
 * `afterLeadDot`: the user typed `lead.`; then only names that can follow a dot are offered.
 */
export function expressionCompletions(fields: readonly FieldDef[], lang: Lang, afterLeadDot = false): ExprCompletion[] {
  const fieldItems: ExprCompletion[] = fields
    .filter((f) => !afterLeadDot || IDENTIFIER.test(f.key))
    .map((f) => ({
      label: f.key,
      kind: "field",
      insertText: afterLeadDot ? f.key : fieldReference(f.key),
      snippet: false,
      detail: f.label && f.label !== f.key ? `${f.label} · ${f.type}` : f.type,
      ...(f.type === "enum" && f.options?.length ? { documentation: f.options.join(", ") } : {}),
    }));
  if (afterLeadDot) return fieldItems;
  const functionItems: ExprCompletion[] = EXPR_FUNCTIONS.map((fn) => ({
    label: fn.name,
    kind: "function",
    insertText: `${fn.name}($0)`,
    snippet: true,
    detail: fn.signature,
    documentation: fn.doc[lang],
  }));
  const keywordItems: ExprCompletion[] = KEYWORDS.map((k) => ({ label: k, kind: "keyword", insertText: k, snippet: false, detail: "" }));
  return [...fieldItems, ...functionItems, ...keywordItems];
}

/** True when the text before the word being typed is `lead.` (spaces allowed around the dot). */
export function isAfterLeadDot(textBeforeWord: string): boolean {
  return /(^|[^A-Za-z0-9_])lead\s*\.\s*$/i.test(textBeforeWord);
}
