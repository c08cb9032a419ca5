// The route node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileRoute } from "./run";
import { routeConfigSchema, routeDefaults, routePorts } from "./schema";
import { validateRoute } from "./validate";
import { routeExpectation } from "./expected-share";
import { routeSampleHints } from "./sample-hints";

export const routeNode: NodeSpec<"route"> = {
  type: "route",
  configSchema: routeConfigSchema,
  defaults: routeDefaults,
  ports: routePorts,
  compile: compileRoute,
  validate: validateRoute,
  ownerAfter: (_node, port) => port === "assigned",
  // Only a territory match or a lead-owner pick looks at the lead; other strategies never read its fields.
  readsLeadFields: (node) => node.config.match !== undefined || node.config.strategy === "lead_owner",
  assignsFrom: (node) => node.config.team,
  renameRef: (config, ref) => {
    if (config.team !== ref.team) return;
    if (ref.kind === "team") config.team = ref.to;
    else if (config.member === ref.from) config.member = ref.to;
  },
  sampleHints: routeSampleHints,
  expectedShare: routeExpectation,
};
