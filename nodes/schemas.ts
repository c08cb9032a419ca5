// The single list of node types: each type's config schema, in palette order. The document's node union, the
// NodeType name, NODE_TYPES and both registries (engine: nodes/index.ts, designer: nodes/ui.ts) derive from it.
import { triggerConfigSchema } from "./trigger/schema";
import { filterConfigSchema } from "./filter/schema";
import { scoreConfigSchema } from "./score/schema";
import { routeConfigSchema } from "./route/schema";
import { capConfigSchema } from "./cap/schema";
import { notifyConfigSchema } from "./notify/schema";
import { followUpConfigSchema } from "./follow_up/schema";

export const nodeSchemas = {
  trigger: triggerConfigSchema,
  filter: filterConfigSchema,
  score: scoreConfigSchema,
  route: routeConfigSchema,
  cap: capConfigSchema,
  notify: notifyConfigSchema,
  follow_up: followUpConfigSchema,
} as const;

export type NodeTypeName = keyof typeof nodeSchemas;

/** Every node type in list order (the palette's order). */
export const NODE_TYPE_LIST = Object.keys(nodeSchemas) as NodeTypeName[];
