// Puts a rule into words a manager understands, in both languages ("Country is one of US, CA").
import { LANGS, translate, type Lang, type LocalText } from "../i18n";
import { isExpression, isGroup, type Condition, type ConditionGroup, type Rule } from "./schema";

export type FieldLabels = ReadonlyMap<string, string>;

function valueText(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(translate("list.sep", {}, lang));
  if (value === null || value === undefined) return "—";
  return String(value);
}

function conditionText(cond: Condition, labels: FieldLabels, lang: Lang): string {
  const field = labels.get(cond.field) ?? cond.field;
  const value = cond.value;
  if (cond.operator === "between" && Array.isArray(value)) {
    return translate("op.between", { field, lo: valueText(value[0], lang), hi: valueText(value[1], lang) }, lang);
  }
  return translate(`op.${cond.operator}`, { field, value: valueText(value, lang) }, lang);
}

function ruleText(rule: Rule, labels: FieldLabels, lang: Lang): string {
  if (isGroup(rule)) return groupText(rule, labels, lang);
  if (isExpression(rule)) return translate("rule.expr", { expr: rule.expr }, lang);
  return conditionText(rule, labels, lang);
}

function groupText(group: ConditionGroup, labels: FieldLabels, lang: Lang): string {
  if (group.rules.length === 0) return translate(group.op === "all" ? "group.empty_all" : "group.empty_any", {}, lang);
  if (group.rules.length === 1 && group.rules[0]) return ruleText(group.rules[0], labels, lang);
  const rules = group.rules.map((r) => ruleText(r, labels, lang)).join(translate("rules.sep", {}, lang));
  return translate(group.op === "all" ? "group.all" : "group.any", { rules }, lang);
}

export function describeRule(rule: Rule, labels: FieldLabels): LocalText {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = ruleText(rule, labels, lang);
  return out;
}

/** The rules of a group as a list in words, "(a; b)", for "none of (a; b) holds". */
export function describeRules(group: ConditionGroup, labels: FieldLabels): LocalText {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = group.rules.map((r) => ruleText(r, labels, lang)).join(translate("rules.sep", {}, lang));
  return out;
}
