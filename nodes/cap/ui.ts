// The cap node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const capUi: NodeUi<"cap"> = {
  icon: "M4 18a8 8 0 1 1 16 0M12 18l4-6M3 21h18",
  color: "#475569",
  palette: { name: "node.cap.name", description: "node.cap.description" },
  summary: (node, { t, te }) => {
    const { limit, window, scope } = node.config;
    const scopeText = t(scope === "owner" ? "summary.cap.owner" : "summary.cap.path");
    if (window === "total") return t("summary.cap.total", { limit, scope: scopeText });
    return t("summary.cap", { limit, window: te(`window.${window}`), scope: scopeText });
  },
  Inspector: lazy(() => import("./Inspector")),
};
