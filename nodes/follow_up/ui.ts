// The follow_up node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const followUpUi: NodeUi<"follow_up"> = {
  icon: "M12 7v5l3 2M21 12a9 9 0 1 1-9-9",
  color: "#ea580c",
  palette: { name: "node.follow_up.name", description: "node.follow_up.description" },
  summary: (node, { te }) => {
    const w = node.config.within;
    const [unit, n] = w.days !== undefined ? ["days", w.days] : w.hours !== undefined ? ["hours", w.hours] : ["minutes", w.minutes ?? 0];
    return te(`duration.${unit}`, { n });
  },
  Inspector: lazy(() => import("./Inspector")),
};
