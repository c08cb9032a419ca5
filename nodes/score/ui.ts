// The score node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const scoreUi: NodeUi<"score"> = {
  icon: "M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9L12 3z",
  color: "#d97706",
  palette: { name: "node.score.name", description: "node.score.description" },
  summary: (node, { t }) => {
    const bands = node.config.grades?.bands ?? [];
    const rules = node.config.rules.length;
    return bands.length > 0
      ? t("summary.score", { rules, grades: bands.map((b) => b.name).join("/") })
      : t("summary.score.noGrades", { rules });
  },
  Inspector: lazy(() => import("./Inspector")),
};
