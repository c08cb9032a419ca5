// The route node in the designer: icon, colour, palette texts, card summary and inspector form.
import { lazy } from "react";
import type { NodeUi } from "../../src/designer/forms/node-ui";

export const routeUi: NodeUi<"route"> = {
  icon: "M3 12h5l4-6h6M12 12l4 6h2M8 12h4M17 3l3 3-3 3M17 15l3 3-3 3",
  color: "#0d9488",
  palette: { name: "node.route.name", description: "node.route.description" },
  summary: (node, { t, te, teams }) => {
    const strategy = te(
      node.config.strategy === "round_robin" && node.config.catchUp ? "strategy.round_robin_catch_up" : `strategy.${node.config.strategy}`,
    );
    const team = teams.find((x) => x.id === node.config.team);
    const line = node.config.team
      ? t("summary.route", { strategy, team: team?.name || node.config.team })
      : t("summary.route.noTeam", { strategy });
    return node.config.exclude === "previous_owners" ? `${line} · ${t("forms.route.skipsPrevious")}` : line;
  },
  Inspector: lazy(() => import("./Inspector")),
};
