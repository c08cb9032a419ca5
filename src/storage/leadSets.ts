// The leads a flow was last tried on (an imported file with its column mapping, or generated sample leads) and the outcome column.
import { z } from "zod";
import type { LeadSetRecord, LeadwireDB, StoredLeadSource } from "./db";

export type { LeadSetRecord, StoredLeadSource, StoredMapping } from "./db";

const leadValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const mappingSchema = z.object({
  columnMap: z.record(z.string(), z.string()),
  placeholders: z.array(z.string()),
  types: z.record(z.string(), z.string()),
  dateOrders: z.record(z.string(), z.enum(["dmy", "mdy"])).optional(),
});
const recordSchema = z.object({
  flowId: z.string(),
  savedAt: z.number(),
  outcomeField: z.string(),
  source: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("file"), name: z.string(), text: z.string(), mapping: mappingSchema }),
    z.object({ kind: z.literal("generated"), count: z.number(), seed: z.number(), leads: z.array(z.record(z.string(), leadValue)) }),
  ]),
});

/** Per-flow lead sets; one row per flow, replaced on every change, deleted with the flow. */
export class FlowLeadSets {
  constructor(
    private readonly db: LeadwireDB,
    private readonly now: () => number = Date.now,
  ) {}

  /** The flow's stored leads, or null (none kept, or a row this build cannot read — it is then ignored, not fatal). */
  async get(flowId: string): Promise<LeadSetRecord | null> {
    const row: unknown = await this.db.leadSets.get(flowId);
    if (row === undefined) return null;
    const parsed = recordSchema.safeParse(row);
    return parsed.success ? parsed.data : null;
  }

  async put(flowId: string, source: StoredLeadSource, outcomeField: string): Promise<void> {
    await this.db.leadSets.put({ flowId, savedAt: this.now(), outcomeField, source });
  }

  async remove(flowId: string): Promise<void> {
    await this.db.leadSets.delete(flowId);
  }
}
