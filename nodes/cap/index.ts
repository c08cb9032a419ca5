// The cap node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileCap } from "./run";
import { capConfigSchema, capDefaults, capPorts } from "./schema";
import { validateCap } from "./validate";

export const capNode: NodeSpec<"cap"> = {
  type: "cap",
  configSchema: capConfigSchema,
  defaults: capDefaults,
  ports: capPorts,
  compile: compileCap,
  validate: validateCap,
  // An owner cap's overflow undoes the assignment, so the lead leaves it without an owner.
  ownerAfter: (node, port, had) => (node.config.scope === "owner" && port === "overflow" ? false : had),
  overflowPorts: ["overflow"],
  readsLeadFields: () => false,
};
