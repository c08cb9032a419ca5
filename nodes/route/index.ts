// The route node type for the engine: schema, defaults, ports, executor, validation and texts in one place.
import type { NodeSpec } from "../../src/engine/node-spec";
import { routeMessages } from "./i18n";
import { compileRoute } from "./run";
import { routeConfigSchema, routeDefaults, routePorts } from "./schema";
import { validateRoute } from "./validate";

export const routeNode: NodeSpec<"route"> = {
  type: "route",
  configSchema: routeConfigSchema,
  defaults: routeDefaults,
  ports: routePorts,
  compile: compileRoute,
  validate: validateRoute,
  messages: routeMessages,
};
