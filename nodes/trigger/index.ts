// The trigger node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileTrigger } from "./run";
import { triggerConfigSchema, triggerDefaults, triggerPorts } from "./schema";
import { validateTrigger } from "./validate";

export const triggerNode: NodeSpec<"trigger"> = {
  type: "trigger",
  configSchema: triggerConfigSchema,
  defaults: triggerDefaults,
  ports: triggerPorts,
  compile: compileTrigger,
  validate: validateTrigger,
  sampleHints: (node) => [{ field: "source", mentioned: node.config.sources ?? [] }],
};
