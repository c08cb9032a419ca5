// The notify node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const notifyUi: NodeUi<"notify"> = {
  icon: "M6 16v-5a6 6 0 1 1 12 0v5l2 2H4l2-2zM10 21a2 2 0 0 0 4 0",
  color: "#db2777",
  palette: { name: "node.notify.name", description: "node.notify.description" },
  summary: (node, { t }) => {
    const to = node.config.to;
    const recipient = to === "owner" ? t("recipient.owner") : to === "team" ? t("recipient.team") : to;
    return t("summary.notify", { channel: t(`channel.${node.config.channel}`), to: recipient });
  },
  Inspector: lazy(() => import("./Inspector")),
};
