// Notify-specific checks: every template variable must be one the engine can fill.
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";
import { FLOW_KEYS, OWNER_KEYS, TEAM_KEYS, parseTemplate } from "./template";

const BUILT_IN_LEAD_KEYS = ["id", "createdAt", "source"];

export function validateNotify(node: NodeOf<"notify">, ctx: ValidateContext): IssueDraft[] {
  const known: Record<string, ReadonlySet<string>> = {
    lead: new Set([...ctx.fields.keys(), ...BUILT_IN_LEAD_KEYS]),
    owner: new Set<string>(OWNER_KEYS),
    team: new Set<string>(TEAM_KEYS),
    flow: new Set<string>(FLOW_KEYS),
  };
  const issues: IssueDraft[] = [];
  for (const [prop, text] of [
    ["template", node.config.template],
    ["subject", node.config.subject ?? ""],
  ] as const) {
    for (const v of parseTemplate(text).variables) {
      if (!known[v.scope]?.has(v.key))
        issues.push({
          severity: "warning",
          code: "notify.unknown_variable",
          params: { variable: v.raw },
          path: `${ctx.path}.config.${prop}`,
        });
    }
  }
  return issues;
}
