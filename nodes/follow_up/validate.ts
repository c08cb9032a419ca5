// Follow-up checks (spec §9): a positive deadline, an owner on every path in, at most 20 cadence steps, reminders before the deadline.
import type { NodeOf } from "../../src/engine/document/schema";
import type { IssueDraft, ValidateContext } from "../../src/engine/node-spec";
import { durationMinutes, type Duration } from "./schema";

export const MAX_CADENCE_STEPS = 20;

/** A comparable length: working days and calendar days both as 24 hours is enough to order reminders against the deadline. */
function roughMinutes(d: Duration): number {
  const { minutes, days } = durationMinutes(d);
  return minutes + days * 1440;
}

export function validateFollowUp(node: NodeOf<"follow_up">, ctx: ValidateContext): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const { within, remind = [], cadence = [] } = node.config;
  const deadline = roughMinutes(within);
  if (!(deadline > 0)) issues.push({ severity: "error", code: "follow_up.within_not_positive", path: `${ctx.path}.config.within` });
  if (!ctx.ownerAssured) issues.push({ severity: "error", code: "follow_up.needs_route", path: ctx.path });
  if (cadence.length > MAX_CADENCE_STEPS)
    issues.push({
      severity: "error",
      code: "follow_up.too_many_steps",
      params: { count: cadence.length },
      path: `${ctx.path}.config.cadence`,
    });
  remind.forEach((r, i) => {
    const after = roughMinutes(r.after);
    if (!(after > 0))
      issues.push({ severity: "error", code: "follow_up.step_not_positive", path: `${ctx.path}.config.remind[${i}].after` });
    else if (deadline > 0 && after >= deadline)
      issues.push({
        severity: "warning",
        code: "follow_up.reminder_too_late",
        params: { n: i + 1 },
        path: `${ctx.path}.config.remind[${i}].after`,
      });
  });
  cadence.forEach((c, i) => {
    if (!(roughMinutes(c.after) > 0))
      issues.push({ severity: "error", code: "follow_up.step_not_positive", path: `${ctx.path}.config.cadence[${i}].after` });
  });
  if (!ctx.edgesFrom(node.id).some((e) => (e.sourcePort ?? "out") === "breached")) {
    issues.push({ severity: "warning", code: "follow_up.breached_unwired", path: ctx.path });
  }
  return issues;
}
