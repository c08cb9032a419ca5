// The notify node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileNotify } from "./run";
import { notifyConfigSchema, notifyDefaults, notifyPorts } from "./schema";
import { validateNotify } from "./validate";

export const notifyNode: NodeSpec<"notify"> = {
  type: "notify",
  configSchema: notifyConfigSchema,
  defaults: notifyDefaults,
  ports: notifyPorts,
  compile: compileNotify,
  validate: validateNotify,
};
