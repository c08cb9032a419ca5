// The trigger node's config: which lead sources enter the flow here, and an optional extra condition.
import { z } from "zod";
import { ConditionGroupSchema } from "../../src/engine/conditions/schema";

export const triggerConfigSchema = z.looseObject({
  sources: z.array(z.string()).optional().describe("Accepted values of the lead's `source` field; empty or absent = any source"),
  when: ConditionGroupSchema.optional(),
});
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;
export const triggerDefaults = (): TriggerConfig => ({ sources: [] });
export const triggerPorts = { in: [] as string[], out: ["out"] } as const;
