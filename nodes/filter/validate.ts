// Filter-specific checks: its condition group.
import { validateGroup } from "../../src/engine/conditions/validate";
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";

export function validateFilter(node: NodeOf<"filter">, ctx: ValidateContext): IssueDraft[] {
  return validateGroup(node.config.conditions, ctx.fields, `${ctx.path}.config.conditions`);
}
