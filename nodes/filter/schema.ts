// The filter node's config: one condition group; leads leave by `pass` or `fail`.
import { z } from "zod";
import { ConditionGroupSchema } from "../../src/engine/conditions/schema";

export const filterConfigSchema = z.looseObject({ conditions: ConditionGroupSchema });
export type FilterConfig = z.infer<typeof filterConfigSchema>;
export const filterDefaults = (): FilterConfig => ({ conditions: { op: "all", rules: [] } });
export const filterPorts = { in: ["in"], out: ["pass", "fail"] } as const;
