// The engine's registry of node types: one line per type; forgetting one is a compile error (no React here).
import type { NodeRegistry } from "../src/engine/node-spec";
import { capNode } from "./cap";
import { filterNode } from "./filter";
import { followUpNode } from "./follow_up";
import { notifyNode } from "./notify";
import { routeNode } from "./route";
import { scoreNode } from "./score";
import { triggerNode } from "./trigger";

export const nodeRegistry: NodeRegistry = {
  trigger: triggerNode,
  filter: filterNode,
  score: scoreNode,
  route: routeNode,
  cap: capNode,
  notify: notifyNode,
  follow_up: followUpNode,
};
