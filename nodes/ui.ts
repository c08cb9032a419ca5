// The designer's registry of node types: each type's ui.ts (icon, colour, palette texts, card summary, inspector form).
import type { NodeType } from "../src/engine";
import type { NodeUiRegistry } from "../src/designer/forms/node-ui";
import { capUi } from "./cap/ui";
import { filterUi } from "./filter/ui";
import { followUpUi } from "./follow_up/ui";
import { notifyUi } from "./notify/ui";
import { routeUi } from "./route/ui";
import { scoreUi } from "./score/ui";
import { triggerUi } from "./trigger/ui";
import { NODE_TYPE_LIST } from "./schemas";

export type { NodeUi, NodeUiRegistry, SummaryContext } from "../src/designer/forms/node-ui";

export const nodeUi: NodeUiRegistry = {
  trigger: triggerUi,
  filter: filterUi,
  score: scoreUi,
  route: routeUi,
  cap: capUi,
  notify: notifyUi,
  follow_up: followUpUi,
};

/** The palette's order: the order of the single list in nodes/schemas.ts (the order a flow is usually built in). */
export const NODE_TYPES: readonly NodeType[] = NODE_TYPE_LIST;
