// The score node's config: points per rule (conditional or per unit of a field) and grade bands.
import { z } from "zod";
import { ConditionGroupSchema } from "../../src/engine/conditions/schema";

const finite = z.number().finite();

export const scoreRuleSchema = z.looseObject({
  label: z.string().optional(),
  when: ConditionGroupSchema.optional(),
  per: z.looseObject({ field: z.string().min(1), unit: finite.positive().optional() }).optional(),
  points: finite,
  max: finite.optional().describe("Cap on a per-unit rule's contribution"),
});

export const gradeBandSchema = z.looseObject({ name: z.string().min(1), min: finite.optional() });

export const scoreConfigSchema = z.looseObject({
  field: z.string().min(1).optional().describe("Lead field the score is written to; default `score`"),
  base: finite.optional(),
  rules: z.array(scoreRuleSchema),
  grades: z.looseObject({ field: z.string().min(1).optional(), bands: z.array(gradeBandSchema) }).optional(),
});
export type ScoreConfig = z.infer<typeof scoreConfigSchema>;
export type ScoreRule = z.infer<typeof scoreRuleSchema>;
export const scoreDefaults = (): ScoreConfig => ({
  field: "score",
  base: 0,
  rules: [],
  grades: { field: "grade", bands: [{ name: "A", min: 40 }, { name: "B", min: 20 }, { name: "C" }] },
});
export const scorePorts = { in: ["in"], out: ["out"] } as const;
