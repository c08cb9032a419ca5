// The trigger node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import { describeRule } from "../../src/engine";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const triggerUi: NodeUi<"trigger"> = {
  icon: "M13 2 4 14h7l-1 8 9-12h-7l1-8z",
  color: "#2563eb",
  palette: { name: "node.trigger.name", description: "node.trigger.description" },
  summary: (node, { t, lang, fieldLabels }) => {
    const list = node.config.sources ?? [];
    const sources = list.length > 0 ? t("summary.trigger.sources", { sources: list.join(", ") }) : t("summary.trigger.any");
    const when = node.config.when;
    return when && when.rules.length > 0 ? t("summary.trigger.when", { sources, rule: describeRule(when, fieldLabels)[lang] }) : sources;
  },
  Inspector: lazy(() => import("./Inspector")),
};
