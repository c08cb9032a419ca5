// The published JSON Schema of the flow document, generated from the same zod schema the engine validates with.
import { z } from "zod";
import { CURRENT_VERSION, FlowSchema } from "./schema";

export const SCHEMA_ID = `https://leadwire.dev/schema/leadwire.flow.v${CURRENT_VERSION}.json`;
export const SCHEMA_FILE = `public/schema/leadwire.flow.v${CURRENT_VERSION}.json`;

export function flowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FlowSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "Leadwire flow document",
    description:
      "A lead-assignment flow: fields, teams, nodes and edges (spec §2). Generated from the engine's zod schema; do not edit by hand.",
    ...schema,
  };
}
