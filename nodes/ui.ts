// The designer's registry of node types: icon, colour, palette texts, card summary and inspector form — one entry per type.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { describeRule, type NodeOf, type NodeType, type Team } from "../src/engine";
import type { Lang } from "../src/engine/i18n";
import type { InspectorProps } from "../src/designer/inspector-types";
import type { T } from "../src/i18n/useT";

export interface SummaryContext {
  readonly t: T;
  /** An engine text by code (strategy and window names). */
  readonly te: (code: string) => string;
  readonly lang: Lang;
  readonly teams: readonly Team[];
  readonly fieldLabels: ReadonlyMap<string, string>;
}

export interface NodeUi<K extends NodeType> {
  /** SVG path data on a 24×24 grid, drawn as a 2px stroke. */
  readonly icon: string;
  /** The type's accent colour (icon, card border, minimap). */
  readonly color: string;
  /** Engine text codes of the palette entry. */
  readonly palette: { readonly name: string; readonly description: string };
  /** One line on the node card saying what the node does, in the current language. */
  readonly summary: (node: NodeOf<K>, ctx: SummaryContext) => string;
  readonly Inspector: LazyExoticComponent<ComponentType<InspectorProps<K>>>;
}

export type NodeUiRegistry = { readonly [K in NodeType]: NodeUi<K> };

const palette = (type: NodeType) => ({ name: `node.${type}.name`, description: `node.${type}.description` });

export const nodeUi: NodeUiRegistry = {
  trigger: {
    icon: "M13 2 4 14h7l-1 8 9-12h-7l1-8z",
    color: "#2563eb",
    palette: palette("trigger"),
    summary: (node, { t, lang, fieldLabels }) => {
      const list = node.config.sources ?? [];
      const sources = list.length > 0 ? t("summary.trigger.sources", { sources: list.join(", ") }) : t("summary.trigger.any");
      const when = node.config.when;
      return when && when.rules.length > 0 ? t("summary.trigger.when", { sources, rule: describeRule(when, fieldLabels)[lang] }) : sources;
    },
    Inspector: lazy(() => import("./trigger/Inspector")),
  },
  filter: {
    icon: "M3 4h18l-7 8.5V19l-4 2v-8.5L3 4z",
    color: "#7c3aed",
    palette: palette("filter"),
    summary: (node, { lang, fieldLabels }) => describeRule(node.config.conditions, fieldLabels)[lang],
    Inspector: lazy(() => import("./filter/Inspector")),
  },
  score: {
    icon: "M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9L12 3z",
    color: "#d97706",
    palette: palette("score"),
    summary: (node, { t }) => {
      const bands = node.config.grades?.bands ?? [];
      const rules = node.config.rules.length;
      return bands.length > 0 ? t("summary.score", { rules, grades: bands.map((b) => b.name).join("/") }) : t("summary.score.noGrades", { rules });
    },
    Inspector: lazy(() => import("./score/Inspector")),
  },
  route: {
    icon: "M3 12h5l4-6h6M12 12l4 6h2M8 12h4M17 3l3 3-3 3M17 15l3 3-3 3",
    color: "#0d9488",
    palette: palette("route"),
    summary: (node, { t, te, teams }) => {
      const strategy = te(node.config.strategy === "round_robin" && node.config.catchUp ? "strategy.round_robin_catch_up" : `strategy.${node.config.strategy}`);
      const team = teams.find((x) => x.id === node.config.team);
      if (!node.config.team) return t("summary.route.noTeam", { strategy });
      return t("summary.route", { strategy, team: team?.name || node.config.team });
    },
    Inspector: lazy(() => import("./route/Inspector")),
  },
  cap: {
    icon: "M4 18a8 8 0 1 1 16 0M12 18l4-6M3 21h18",
    color: "#475569",
    palette: palette("cap"),
    summary: (node, { t, te }) => {
      const { limit, window, scope } = node.config;
      const scopeText = t(scope === "owner" ? "summary.cap.owner" : "summary.cap.path");
      if (window === "total") return t("summary.cap.total", { limit, scope: scopeText });
      return t("summary.cap", { limit, window: te(`window.${window}`), scope: scopeText });
    },
    Inspector: lazy(() => import("./cap/Inspector")),
  },
  notify: {
    icon: "M6 16v-5a6 6 0 1 1 12 0v5l2 2H4l2-2zM10 21a2 2 0 0 0 4 0",
    color: "#db2777",
    palette: palette("notify"),
    summary: (node, { t }) => {
      const to = node.config.to;
      const recipient = to === "owner" ? t("recipient.owner") : to === "team" ? t("recipient.team") : to;
      return t("summary.notify", { channel: t(`channel.${node.config.channel}`), to: recipient });
    },
    Inspector: lazy(() => import("./notify/Inspector")),
  },
  follow_up: {
    icon: "M12 7v5l3 2M21 12a9 9 0 1 1-9-9",
    color: "#ea580c",
    palette: palette("follow_up"),
    summary: (node, { te }) => {
      const w = node.config.within;
      const [unit, n] = w.days !== undefined ? ["days", w.days] : w.hours !== undefined ? ["hours", w.hours] : ["minutes", w.minutes ?? 0];
      return te(`duration.${unit}`).replace("{n}", String(n));
    },
    Inspector: lazy(() => import("./follow_up/Inspector")),
  },
};

/** The palette's order: the order a flow is usually built in. */
export const NODE_TYPES: readonly NodeType[] = ["trigger", "filter", "score", "route", "cap", "notify", "follow_up"];
