// The route node's config: which team, which strategy, and what makes a member eligible.
import { z } from "zod";

export const STRATEGIES = ["round_robin", "weighted_round_robin", "least_loaded", "random_weighted", "fixed", "lead_owner"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const routeConfigSchema = z.looseObject({
  team: z.string(),
  strategy: z.enum(STRATEGIES),
  weightBy: z.enum(["weight", "performance"]).optional(),
  catchUp: z.boolean().optional().describe("round_robin only: pick the eligible member with the fewest leads from this node"),
  member: z.string().optional().describe("fixed only: the member id"),
  ownerField: z.string().optional().describe("lead_owner only: the lead field holding the owner's id or email"),
  match: z.looseObject({ leadField: z.string().min(1), memberAttribute: z.string().min(1) }).optional(),
  exclude: z.enum(["previous_owners"]).optional().describe("skip every member who already owned this lead (reassignment, version 2)"),
  respect: z.looseObject({ workingHours: z.boolean().optional(), capacity: z.boolean().optional() }).optional(),
});
export type RouteConfig = z.infer<typeof routeConfigSchema>;
export const routeDefaults = (): RouteConfig => ({
  team: "",
  strategy: "round_robin",
  weightBy: "weight",
  respect: { workingHours: false, capacity: true },
});
export const routePorts = { in: ["in"], out: ["assigned", "unassigned"] } as const;
