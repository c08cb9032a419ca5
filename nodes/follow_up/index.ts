// The follow_up node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileFollowUp } from "./run";
import { followUpConfigSchema, followUpDefaults, followUpPorts } from "./schema";
import { validateFollowUp } from "./validate";

export const followUpNode: NodeSpec<"follow_up"> = {
  type: "follow_up",
  configSchema: followUpConfigSchema,
  defaults: followUpDefaults,
  ports: followUpPorts,
  compile: compileFollowUp,
  validate: validateFollowUp,
  holdsLeads: true,
};
