// Notification templates: `{{lead.x}}`, `{{owner.x}}`, `{{team.x}}`, `{{flow.x}}` parsed once; values are inserted as text, never re-read as template.
import { readField } from "../../src/engine/conditions/values";
export type Scope = "lead" | "owner" | "team" | "flow";
export type Segment = { readonly text: string } | { readonly scope: Scope; readonly key: string; readonly raw: string };

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SCOPES: ReadonlySet<string> = new Set(["lead", "owner", "team", "flow"]);
const FORBIDDEN: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const OWNER_KEYS = ["id", "name", "email"] as const;
export const TEAM_KEYS = ["id", "name"] as const;
export const FLOW_KEYS = ["id", "name", "description"] as const;

/** Splits a template; a variable that is not `scope.key` stays in `unknown` for validation and renders empty. */
export function parseTemplate(template: string): { segments: Segment[]; variables: { scope: string; key: string; raw: string }[] } {
  const segments: Segment[] = [];
  const variables: { scope: string; key: string; raw: string }[] = [];
  let last = 0;
  for (const match of template.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: template.slice(last, index) });
    const raw = match[0];
    const path = match[1] ?? "";
    const dot = path.indexOf(".");
    const scope = dot < 0 ? path : path.slice(0, dot);
    const key = dot < 0 ? "" : path.slice(dot + 1);
    variables.push({ scope, key, raw });
    if (SCOPES.has(scope) && key && !FORBIDDEN.has(key)) segments.push({ scope: scope as Scope, key, raw });
    last = index + raw.length;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  return { segments, variables };
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (typeof value === "object") return "";
  return String(value);
}

export type Scopes = Readonly<Record<Scope, Readonly<Record<string, unknown>> | null>>;

export function renderTemplate(segments: readonly Segment[], scopes: Scopes): string {
  let out = "";
  for (const seg of segments) {
    if ("text" in seg) out += seg.text;
    else {
      const source = scopes[seg.scope];
      out += source ? valueText(readField(source, seg.key)) : "";
    }
  }
  return out;
}
