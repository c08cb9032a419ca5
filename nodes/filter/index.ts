// The filter node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileFilter } from "./run";
import { filterConfigSchema, filterDefaults, filterPorts } from "./schema";
import { validateFilter } from "./validate";

export const filterNode: NodeSpec<"filter"> = {
  type: "filter",
  configSchema: filterConfigSchema,
  defaults: filterDefaults,
  ports: filterPorts,
  compile: compileFilter,
  validate: validateFilter,
  endStatus: (port) => (port === "fail" ? "filtered" : undefined),
};
