// The lead's own values a rule looked at, for the why ("… (this lead: 730)"): a value in words, never a copy of the lead.
import { LANGS, translate, type Lang, type LocalText } from "../i18n";
import type { FieldLabels } from "./describe";
import { isExpression, isGroup, type Rule } from "./schema";
import { readField, type LeadRecord } from "./values";

/** More fields than this in one rule and the line would read like the lead's record; the first ones are named. */
const MAX_FIELDS = 3;
/** A long text (a comment, a URL) is cut here: the line shows what decided, not the whole cell. */
const MAX_CHARS = 60;

/** The field keys a rule compares (nested groups included, expressions not), first ones first, each once. */
export function ruleFields(rule: Rule | null | undefined, max = MAX_FIELDS): string[] {
  const out: string[] = [];
  const walk = (r: Rule) => {
    if (out.length >= max) return;
    if (isGroup(r)) for (const inner of r.rules) walk(inner);
    else if (!isExpression(r) && r.field && !out.includes(r.field)) out.push(r.field);
  };
  if (rule) walk(rule);
  return out;
}

function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === "") return translate("value.empty", {}, lang);
  if (typeof value === "boolean") return translate(value ? "value.yes" : "value.no", {}, lang);
  if (Array.isArray(value))
    return value.length === 0 ? translate("value.empty", {}, lang) : value.map(String).join(translate("list.sep", {}, lang));
  const text = typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

export interface SeenValues {
  /** Equal for leads whose values read the same, so trace lines can be shared. */
  readonly key: string;
  readonly text: LocalText;
}

/** The lead's values of `keys` in words: one field's value alone ("730"), several named ("Country: US; Employees: 730"). */
export function seenValues(lead: LeadRecord, keys: readonly string[], labels: FieldLabels): SeenValues | null {
  if (keys.length === 0) return null;
  const values = keys.map((k) => readField(lead, k));
  const text = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const parts = values.map((v, i) => {
      const shown = valueText(v, lang);
      const key = keys[i] ?? "";
      return keys.length === 1 ? shown : translate("value.named", { field: labels.get(key) ?? key, value: shown }, lang);
    });
    text[lang] = parts.join(translate("rules.sep", {}, lang));
  }
  return { key: text.en, text };
}
