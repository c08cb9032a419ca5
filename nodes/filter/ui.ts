// The filter node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import { describeRule } from "../../src/engine";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const filterUi: NodeUi<"filter"> = {
  icon: "M3 4h18l-7 8.5V19l-4 2v-8.5L3 4z",
  color: "#7c3aed",
  palette: { name: "node.filter.name", description: "node.filter.description" },
  summary: (node, { lang, fieldLabels }) => describeRule(node.config.conditions, fieldLabels)[lang],
  Inspector: lazy(() => import("./Inspector")),
};
