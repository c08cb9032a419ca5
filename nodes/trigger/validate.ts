// Trigger-specific checks: its optional `when` condition.
import { validateGroup } from "../../src/engine/conditions/validate";
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";

export function validateTrigger(node: NodeOf<"trigger">, ctx: ValidateContext): IssueDraft[] {
  return node.config.when ? validateGroup(node.config.when, ctx.fields, `${ctx.path}.config.when`) : [];
}
