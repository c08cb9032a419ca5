// The flow document (spec §2) as one zod schema: the type, the validator and the published JSON Schema come from it.
import { z } from "zod";
import { nodeSchemas } from "../../../nodes/schemas";

export const FORMAT = "leadwire.flow";
export const CURRENT_VERSION = 2;

export const FIELD_TYPES = ["string", "number", "boolean", "date", "enum", "list"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** An id or key; the names JavaScript objects inherit are refused so state maps keyed by id stay plain data. */
const Id = z
  .string()
  .min(1)
  .regex(/^(?!(__proto__|constructor|prototype)$)/, "must not be __proto__, constructor or prototype");

export const FieldSchema = z.looseObject({
  key: Id,
  label: z.string().optional(),
  type: z.enum(FIELD_TYPES),
  options: z.array(z.string()).optional().describe("enum only: the allowed values"),
  placeholders: z.array(z.string()).optional().describe('Cell values that mean "nothing chosen" on import, e.g. "Select"'),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "time as HH:MM");

export const WorkingHoursSchema = z.looseObject({
  days: z.array(z.number().int().min(1).max(7)).describe("ISO weekdays, 1 = Monday … 7 = Sunday"),
  start: hhmm,
  end: hhmm,
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date as YYYY-MM-DD");

export const AwaySchema = z.looseObject({ from: isoDate, to: isoDate });

export const MemberSchema = z.looseObject({
  id: Id,
  name: z.string(),
  email: z.string().optional(),
  active: z.boolean().optional().describe("default true"),
  weight: z.number().finite().nonnegative().optional().describe("default 1"),
  performance: z.number().finite().nonnegative().optional(),
  openLeads: z.number().int().nonnegative().optional(),
  capacity: z
    .looseObject({
      perDay: z.number().int().nonnegative().optional(),
      perWeek: z.number().int().nonnegative().optional(),
      maxOpen: z.number().int().nonnegative().optional(),
    })
    .optional(),
  attributes: z.record(z.string(), z.union([z.array(z.string()), z.string(), z.number(), z.boolean()])).optional(),
  workingHours: WorkingHoursSchema.optional(),
  away: z.array(AwaySchema).optional().describe("dated leave, inclusive dates in the flow's time zone (version 2)"),
  responseMinutes: z.number().finite().positive().optional().describe("simulation: median working minutes to a first touch (version 2)"),
  responseSpread: z
    .number()
    .finite()
    .nonnegative()
    .optional()
    .describe("simulation: spread of response times, the log-normal sigma; default 0.5 (version 2)"),
});

export const TeamSchema = z.looseObject({
  id: Id,
  name: z.string(),
  members: z.array(MemberSchema),
});

const PositionSchema = z.looseObject({ x: z.number().finite(), y: z.number().finite() });

const nodeBase = {
  id: Id,
  label: z.string().optional(),
  position: PositionSchema.optional(),
};

type NodeShape<T extends string, C extends z.ZodType> = typeof nodeBase & { type: z.ZodLiteral<T>; config: C };

function nodeOf<T extends string, C extends z.ZodType>(type: T, config: C): z.ZodObject<NodeShape<T, C>, z.core.$loose> {
  return z.looseObject({ ...nodeBase, type: z.literal(type), config });
}

type NodeSchemas = typeof nodeSchemas;
type NodeVariant = { [K in keyof NodeSchemas]: z.ZodObject<NodeShape<K, NodeSchemas[K]>, z.core.$loose> }[keyof NodeSchemas];

/** One variant per entry of the single list in nodes/schemas.ts. */
const nodeVariants = (Object.keys(nodeSchemas) as (keyof NodeSchemas)[]).map((type) => nodeOf(type, nodeSchemas[type])) as unknown as [
  NodeVariant,
  ...NodeVariant[],
];

export const NodeSchema = z.discriminatedUnion("type", nodeVariants);

export const EdgeSchema = z.looseObject({
  id: z.string().min(1),
  source: z.string().min(1),
  sourcePort: z.string().min(1).optional().describe('default "out"'),
  target: z.string().min(1),
  targetPort: z.string().min(1).optional().describe('default "in"'),
});

export const SettingsSchema = z.looseObject({
  timezone: z.string().optional().describe("IANA time zone for working hours and cap windows; default UTC"),
  seed: z.number().int().optional().describe("Seed of the reproducible random generator; default 1"),
  referenceTime: z.string().optional().describe("ISO time used for leads without createdAt; default: the run's now"),
  holidays: z.array(isoDate).optional().describe("dates (flow time zone) that are nobody's working day (version 2)"),
});

function uniqueIds<T>(items: readonly T[], keyOf: (item: T) => string, path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key))
      ctx.addIssue({
        code: "custom",
        path: [...path, index],
        message: `Duplicate id "${key}"`,
        params: { code: "doc.duplicate_id", id: key },
      });
    seen.add(key);
  });
}

export const FlowSchema = z
  .looseObject({
    $schema: z.string().optional(),
    format: z.literal(FORMAT),
    version: z.literal(CURRENT_VERSION),
    id: z.string().min(1),
    name: z.string(),
    description: z.string().optional(),
    settings: SettingsSchema.optional(),
    fields: z.array(FieldSchema),
    teams: z.array(TeamSchema),
    nodes: z.array(NodeSchema),
    edges: z.array(EdgeSchema),
  })
  .superRefine((flow, ctx) => {
    uniqueIds(flow.fields, (f) => f.key, ["fields"], ctx);
    uniqueIds(flow.teams, (t) => t.id, ["teams"], ctx);
    flow.teams.forEach((team, i) => uniqueIds(team.members, (m) => m.id, ["teams", i, "members"], ctx));
    uniqueIds(flow.nodes, (n) => n.id, ["nodes"], ctx);
    uniqueIds(flow.edges, (e) => e.id, ["edges"], ctx);
  });

export type Flow = z.infer<typeof FlowSchema>;
export type FieldDef = z.infer<typeof FieldSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;
export type Away = z.infer<typeof AwaySchema>;
export type FlowNode = z.infer<typeof NodeSchema>;
export type NodeType = FlowNode["type"];
export type Edge = z.infer<typeof EdgeSchema>;
export type NodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;
