// The zod schema of condition groups (spec §4): the document's truth for every rule a manager builds.
import { z } from "zod";

export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "is_empty",
  "is_not_empty",
  "matches",
  "within_last_days",
  "older_than_days",
] as const;
export type Operator = (typeof OPERATORS)[number];

export const MAX_GROUP_DEPTH = 5;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ConditionValueSchema = z.union([Scalar, z.array(z.union([z.string(), z.number()]))]);

export const ConditionSchema = z.looseObject({
  field: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: ConditionValueSchema.optional(),
});

export const ExpressionRuleSchema = z.looseObject({ expr: z.string() });

export const ConditionGroupSchema = z.looseObject({
  op: z.enum(["all", "any"]),
  get rules(): z.ZodArray<z.ZodUnion<[typeof ConditionSchema, typeof ExpressionRuleSchema, typeof ConditionGroupSchema]>> {
    return z.array(z.union([ConditionSchema, ExpressionRuleSchema, ConditionGroupSchema]));
  },
});

export type Condition = z.infer<typeof ConditionSchema>;
export type ExpressionRule = z.infer<typeof ExpressionRuleSchema>;
export type ConditionGroup = z.infer<typeof ConditionGroupSchema>;
export type Rule = Condition | ExpressionRule | ConditionGroup;
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

export const emptyGroup = (): ConditionGroup => ({ op: "all", rules: [] });

export function isGroup(rule: Rule): rule is ConditionGroup {
  return "op" in rule && "rules" in rule;
}
export function isExpression(rule: Rule): rule is ExpressionRule {
  return "expr" in rule && !("op" in rule);
}
