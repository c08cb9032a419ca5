// The notify node type for the engine: schema, defaults, ports, executor, validation and texts in one place.
import type { NodeSpec } from "../../src/engine/node-spec";
import { notifyMessages } from "./i18n";
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
  messages: notifyMessages,
};
