// Route-specific checks: the team exists and has members, strategy settings are complete, fields are known, `unassigned` goes somewhere.
import { portOf } from "../../src/engine/ports";
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";

export function validateRoute(node: NodeOf<"route">, ctx: ValidateContext): IssueDraft[] {
  const c = node.config;
  const at = `${ctx.path}.config`;
  const issues: IssueDraft[] = [];
  const team = ctx.teams.get(c.team);
  if (!c.team) issues.push({ severity: "error", code: "route.no_team", path: `${at}.team` });
  else if (!team) issues.push({ severity: "error", code: "route.missing_team", params: { team: c.team }, path: `${at}.team` });
  else if (team.members.length === 0)
    issues.push({ severity: "error", code: "route.empty_team", params: { team: team.name || team.id }, path: `${at}.team` });
  if (c.strategy === "fixed" && team) {
    if (!c.member)
      issues.push({ severity: "error", code: "route.fixed_needs_member", params: { team: team.name || team.id }, path: `${at}.member` });
    else if (!team.members.some((m) => m.id === c.member))
      issues.push({
        severity: "error",
        code: "route.fixed_unknown_member",
        params: { member: c.member, team: team.name || team.id },
        path: `${at}.member`,
      });
  }
  if (c.strategy === "lead_owner") {
    if (!c.ownerField) issues.push({ severity: "error", code: "route.owner_field_missing", path: `${at}.ownerField` });
    else if (!ctx.fields.has(c.ownerField))
      issues.push({ severity: "error", code: "route.unknown_field", params: { field: c.ownerField }, path: `${at}.ownerField` });
  }
  if (c.match && !ctx.fields.has(c.match.leadField)) {
    issues.push({ severity: "error", code: "route.unknown_field", params: { field: c.match.leadField }, path: `${at}.match.leadField` });
  }
  if (!ctx.edgesFrom(node.id).some((e) => portOf(e) === "unassigned")) {
    issues.push({ severity: "warning", code: "route.unassigned_unwired", path: ctx.path });
  }
  return issues;
}
