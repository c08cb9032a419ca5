// Score-specific checks: rule conditions, per-unit fields, and the order of grade bands.
import { validateGroup } from "../../src/engine/conditions/validate";
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";

export function validateScore(node: NodeOf<"score">, ctx: ValidateContext): IssueDraft[] {
  const issues: IssueDraft[] = [];
  node.config.rules.forEach((rule, i) => {
    const at = `${ctx.path}.config.rules[${i}]`;
    const name = rule.label ?? `#${i + 1}`;
    if (rule.when) issues.push(...validateGroup(rule.when, ctx.fields, `${at}.when`));
    if (rule.per) {
      const field = ctx.fields.get(rule.per.field);
      if (!field)
        issues.push({
          severity: "error",
          code: "score.unknown_per_field",
          params: { rule: name, field: rule.per.field },
          path: `${at}.per.field`,
        });
      else if (field.type !== "number")
        issues.push({
          severity: "error",
          code: "score.per_field_not_number",
          params: { rule: name, field: field.label ?? field.key },
          path: `${at}.per.field`,
        });
    }
  });
  const bands = node.config.grades?.bands ?? [];
  let previous = Number.POSITIVE_INFINITY;
  bands.forEach((band, i) => {
    const at = `${ctx.path}.config.grades.bands[${i}]`;
    if (band.min === undefined) {
      if (i < bands.length - 1) issues.push({ severity: "error", code: "score.catch_all_not_last", params: { band: band.name }, path: at });
      return;
    }
    if (band.min > previous)
      issues.push({ severity: "error", code: "score.bad_band_order", params: { band: band.name }, path: `${at}.min` });
    previous = band.min;
  });
  return issues;
}
