// The follow_up node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";
import type { Duration } from "./schema";

function durationCode(d: Duration): [string, number] {
  return d.days !== undefined ? ["days", d.days] : d.hours !== undefined ? ["hours", d.hours] : ["minutes", d.minutes ?? 0];
}

export const followUpUi: NodeUi<"follow_up"> = {
  icon: "M12 7v5l3 2M21 12a9 9 0 1 1-9-9",
  color: "#ea580c",
  palette: { name: "node.follow_up.name", description: "node.follow_up.description" },
  /** "First contact within 15 min · 2 reminders · 3 cadence steps" (counts only when there are some). */
  summary: (node, { te }) => {
    const [unit, n] = durationCode(node.config.within);
    const parts = [te("follow_up.summary", { within: te(`duration.${unit}`, { n }) })];
    const reminders = node.config.remind?.length ?? 0;
    const steps = node.config.cadence?.length ?? 0;
    if (reminders > 0)
      parts.push(reminders === 1 ? te("follow_up.summary.reminder") : te("follow_up.summary.reminders", { count: reminders }));
    if (steps > 0) parts.push(steps === 1 ? te("follow_up.summary.step") : te("follow_up.summary.steps", { count: steps }));
    return parts.join(" · ");
  },
  Inspector: lazy(() => import("./Inspector")),
};
