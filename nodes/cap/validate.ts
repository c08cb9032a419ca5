// Cap-specific checks: an owner-scoped cap needs an owner on every path that reaches it.
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";

export function validateCap(node: NodeOf<"cap">, ctx: ValidateContext): IssueDraft[] {
  if (node.config.scope === "owner" && !ctx.ownerAssured) {
    return [{ severity: "error", code: "cap.needs_route", path: `${ctx.path}.config.scope` }];
  }
  return [];
}
