// Every node type's config schema, in one exhaustive record: the flow document's node union is built from it.
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
