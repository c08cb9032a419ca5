// Compiles a condition group into a fast predicate plus an explainer that names the rule that decided.
import { checkExpression } from "../expr";
import type { FieldType } from "../document/schema";
import type { LocalText } from "../i18n";
import { chargeCondition } from "./budget";
import { describeRule, describeRules, type FieldLabels } from "./describe";
import { compileCondition, type Predicate } from "./operators";
import { isExpression, isGroup, type ConditionGroup, type Rule } from "./schema";
import type { LeadRecord } from "./values";

export interface FieldInfo {
  readonly types: ReadonlyMap<string, FieldType>;
  readonly labels: FieldLabels;
}

export interface Explanation {
  readonly result: boolean;
  /** The rule that decided: the first failing rule of an `all`, the first passing rule of an `any`; null when every rule agreed. */
  readonly decidedBy: LocalText | null;
  /** That rule itself (its fields are the lead values the why quotes); null with `decidedBy`. */
  readonly decidedRule: Rule | null;
}

export interface CompiledGroup {
  readonly test: Predicate;
  readonly explain: (lead: LeadRecord, refTime: number) => Explanation;
  readonly text: LocalText;
  /** The group's rules listed without the all/any wording. */
  readonly rulesText: LocalText;
}

function compileRule(rule: Rule, fields: FieldInfo): Predicate {
  if (isGroup(rule)) return compileGroupPredicate(rule, fields);
  if (isExpression(rule)) {
    const checked = checkExpression(rule.expr);
    if (!checked.ok) return () => false; // validation reports it; a broken rule never passes a lead
    const fn = checked.fn;
    return (lead, refTime) => {
      chargeCondition();
      return fn(lead, refTime) === true;
    };
  }
  return compileCondition(rule, fields.types.get(rule.field));
}

function compileGroupPredicate(group: ConditionGroup, fields: FieldInfo): Predicate {
  const preds = group.rules.map((r) => compileRule(r, fields));
  const n = preds.length;
  if (group.op === "all") {
    if (n === 1) return preds[0] as Predicate;
    return (lead, ref) => {
      for (let i = 0; i < n; i++) if (!(preds[i] as Predicate)(lead, ref)) return false;
      return true;
    };
  }
  return (lead, ref) => {
    for (let i = 0; i < n; i++) if ((preds[i] as Predicate)(lead, ref)) return true;
    return false;
  };
}

export function compileGroup(group: ConditionGroup, fields: FieldInfo): CompiledGroup {
  const test = compileGroupPredicate(group, fields);
  const parts = group.rules.map((rule) => ({ rule, test: compileRule(rule, fields), text: describeRule(rule, fields.labels) }));
  const decisive = group.op === "all" ? false : true;
  return {
    test,
    text: describeRule(group, fields.labels),
    rulesText: describeRules(group, fields.labels),
    explain(lead, ref) {
      for (const part of parts) {
        if (part.test(lead, ref) === decisive) return { result: decisive, decidedBy: part.text, decidedRule: part.rule };
      }
      return { result: !decisive, decidedBy: null, decidedRule: null };
    },
  };
}
