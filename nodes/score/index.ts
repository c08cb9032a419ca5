// The score node type for the engine: schema, defaults, ports, executor, validation and what it answers shared code.
import type { FlowNode, NodeOf } from "../../src/engine/document/schema";
import type { NodeSpec } from "../../src/engine/node-spec";
import { compileScore } from "./run";
import { scoreConfigSchema, scoreDefaults, scorePorts } from "./schema";
import { validateScore } from "./validate";

export const scoreNode: NodeSpec<"score"> = {
  type: "score",
  configSchema: scoreConfigSchema,
  defaults: scoreDefaults,
  ports: scorePorts,
  compile: compileScore,
  validate: validateScore,
  writes: (node) => [
    { key: node.config.field ?? "score", type: "number", role: "score" },
    ...(node.config.grades
      ? [
          {
            key: node.config.grades.field ?? "grade",
            type: "string" as const,
            role: "grade" as const,
            options: node.config.grades.bands.map((b) => b.name),
          },
        ]
      : []),
  ],
};

/** Whether a node is a score node (for features that work on one, like the score suggestion). */
export function isScoreNode(node: FlowNode): node is NodeOf<"score"> {
  return node.type === "score";
}
